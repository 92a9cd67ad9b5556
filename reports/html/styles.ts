/**
 * The report's stylesheet, inlined in the page: system fonts, no external resources.
 * Verdict colours always come with text (see `statusLabel`), so the page reads in greyscale.
 * @module
 */

/** Inline CSS of the report. */
export const reportCss = `
:root { --fg:#1f2328; --muted:#59636e; --line:#d1d9e0; --soft:#f6f8fa; --accent:#0550ae;
  --ok:#116329; --ok-bg:#dafbe1; --known:#7d4e00; --known-bg:#fff8c5; --control:#0550ae; --control-bg:#ddf4ff;
  --bad:#a40e26; --bad-bg:#ffebe9; --err:#ffffff; --err-bg:#6639ba; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--fg); background: #fff; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 1180px; margin: 0 auto; padding: 0 24px 64px; }
header.top { border-bottom: 1px solid var(--line); background: var(--soft); }
header.top .inner { max-width: 1180px; margin: 0 auto; padding: 18px 24px 12px; }
h1 { font-size: 22px; margin: 0 0 2px; letter-spacing: -0.01em; }
h1 .tool { color: var(--muted); font-weight: 400; }
h2 { font-size: 19px; margin: 40px 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 0 0 6px; }
h4 { font-size: 13px; margin: 16px 0 6px; text-transform: uppercase; letter-spacing: 0.04em; color: var(--muted); }
.meta { color: var(--muted); font-size: 13px; }
nav.toc { margin-top: 8px; font-size: 14px; }
nav.toc a { margin-right: 16px; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre, .mono { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; }
pre { background: var(--soft); border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; overflow-x: auto; margin: 6px 0; white-space: pre-wrap; word-break: break-word; }
.banner { margin: 20px 0 12px; padding: 14px 18px; border-radius: 8px; font-size: 18px; font-weight: 600; border: 1px solid; }
.banner.ok { color: var(--ok); background: var(--ok-bg); border-color: #aceebb; }
.banner.bad { color: var(--bad); background: var(--bad-bg); border-color: #ffcecb; }
.banner .sub { display: block; font-size: 14px; font-weight: 400; color: var(--fg); margin-top: 2px; }
.counts { display: flex; flex-wrap: wrap; gap: 10px; margin: 0 0 8px; padding: 0; list-style: none; }
.counts li { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 120px; }
.counts .n { display: block; font-size: 22px; font-weight: 650; font-variant-numeric: tabular-nums; }
.counts .k { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; }
.counts li.st-mismatch .n { color: var(--bad); } .counts li.st-error .n { color: var(--err-bg); }
.counts li.st-known-finding .n { color: var(--known); } .counts li.st-control .n { color: var(--control); } .counts li.st-matched .n { color: var(--ok); }
.badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; font-weight: 600; white-space: nowrap; border: 1px solid transparent; }
.badge.st-matched { color: var(--ok); background: var(--ok-bg); border-color: #aceebb; }
.badge.st-known-finding { color: var(--known); background: var(--known-bg); border-color: #eed888; }
.badge.st-control { color: var(--control); background: var(--control-bg); border-color: #9cd1f5; }
.badge.st-mismatch { color: var(--bad); background: var(--bad-bg); border-color: #ff8182; }
.badge.st-error { color: var(--err); background: var(--err-bg); }
.verdict { font-weight: 600; } .verdict.violated { color: var(--bad); } .verdict.error { color: var(--err-bg); }
.scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--line); }
th { font-size: 12px; color: var(--muted); font-weight: 600; text-transform: uppercase; letter-spacing: 0.03em; background: var(--soft); }
table.results td:nth-child(4) { white-space: nowrap; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
table.matrix th.prop { text-transform: none; letter-spacing: 0; font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 500; color: var(--fg); }
table.matrix td { min-width: 150px; }
table.matrix td.none { color: #b0b7bf; text-align: center; }
table.matrix .ev { display: block; font-size: 12px; color: var(--muted); margin-top: 2px; }
table.matrix th.scen { text-transform: none; letter-spacing: 0; font-size: 13px; color: var(--fg); background: #fff; }
tr.st-mismatch td, tr.st-error td { background: #fffafa; }
section.result { border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 8px; padding: 14px 18px; margin: 16px 0; }
section.result.st-matched { border-left-color: #4ac26b; }
section.result.st-known-finding { border-left-color: #d4a72c; }
section.result.st-control { border-left-color: #54aeff; }
section.result.st-mismatch { border-left-color: #cf222e; }
section.result.st-error { border-left-color: var(--err-bg); }
.grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 18px; }
@media (max-width: 820px) { .grid { grid-template-columns: 1fr; } }
.statement { margin: 6px 0; }
.equation { margin: 8px 0; padding: 8px 12px; background: var(--soft); border-radius: 6px; overflow-x: auto; font-size: 17px; }
.trust { border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; font-size: 14px; }
.trust ul { margin: 4px 0 6px; padding-left: 20px; }
.trust .adv { margin: 4px 0 0; }
.outcome { margin: 10px 0 0; font-size: 14px; }
.reason { margin: 6px 0; padding: 6px 10px; background: var(--known-bg); border-radius: 6px; font-size: 14px; }
.error-box { margin: 8px 0; padding: 8px 12px; background: #f5f0ff; border: 1px solid #d8b9ff; border-radius: 6px; }
.error-box pre { background: #fff; }
table.metrics { width: auto; min-width: 320px; }
table.metrics td:first-child { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 13px; }
table.trace td.step { font-weight: 600; white-space: nowrap; }
table.trace td.values code { display: inline-block; margin: 0 6px 2px 0; padding: 0 4px; background: var(--soft); border-radius: 4px; }
.cx-message { font-weight: 600; color: var(--bad); margin: 6px 0; }
.replay { position: relative; }
.replay pre { padding-right: 72px; }
.replay button { position: absolute; top: 6px; right: 6px; font-size: 12px; padding: 2px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
details summary { cursor: pointer; color: var(--accent); font-size: 14px; }
figure.plot { margin: 18px 0 28px; }
figure.plot svg, figure.circuit svg { max-width: 100%; height: auto; display: block; }
figure.plot figcaption, figure.circuit figcaption { font-size: 14px; color: var(--muted); margin-top: 4px; max-width: 760px; }
figure.plot figcaption b, figure.circuit figcaption b { color: var(--fg); }
.plots { display: grid; grid-template-columns: repeat(auto-fill, minmax(520px, 1fr)); gap: 8px 28px; }
.circuit-row { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 18px; align-items: start; }
@media (max-width: 820px) { .circuit-row { grid-template-columns: 1fr; } }
figure.circuit { margin: 0; }
section.protocol { margin: 20px 0 36px; }
ol.steps { font-size: 13px; padding-left: 22px; margin: 6px 0; }
.filters { display: flex; gap: 14px; align-items: center; font-size: 14px; margin: 6px 0 10px; flex-wrap: wrap; }
.empty { color: var(--muted); font-style: italic; }
footer { margin-top: 48px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); padding-top: 12px; }
@media print { .filters, .replay button { display: none; } section.result { break-inside: avoid; } }
`;
