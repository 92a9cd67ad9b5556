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
.count { display: inline-block; min-width: 1.6em; padding: 0 8px; margin-left: 4px; border-radius: 999px; background: var(--soft); border: 1px solid var(--line); font-size: 14px; color: var(--muted); text-align: center; }
h3.protocol-group { margin: 18px 0 6px; font-size: 14px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); }
.counts a { color: inherit; display: block; }
.counts a:hover { text-decoration: none; }
/* results: collapsed cards */
.result { border: 1px solid var(--line); border-left: 5px solid var(--line); border-radius: 8px; margin: 6px 0; background: #fff; }
.result.st-matched { border-left-color: #4ac26b; }
.result.st-known-finding { border-left-color: #d4a72c; }
.result.st-control { border-left-color: #54aeff; }
.result.st-mismatch { border-left-color: #cf222e; }
.result.st-error { border-left-color: var(--err-bg); }
details.result > summary { padding: 5px 12px; font-size: 14px; color: var(--fg); }
details.result > summary .line { color: var(--muted); font-size: 13px; margin-left: 6px; }
details.result > summary .line::before { content: "— "; }
article.result { padding: 10px 14px 8px; }
article.result h3 { font-size: 15px; margin: 0 0 4px; }
article.result > details > summary { font-size: 13px; margin: 4px 0 2px; }
.result .title { font-weight: 600; }
.result .where { color: var(--muted); font-size: 13px; font-weight: 400; }
.result .body { padding: 4px 14px 12px; border-top: 1px dashed var(--line); margin-top: 6px; }
article.result .body { padding: 4px 0 4px; }
.headline .cx-message { margin: 2px 0 4px; }
.grid { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 18px; align-items: start; }
@media (max-width: 820px) { .grid { grid-template-columns: 1fr; } }
.equation { margin: 8px 0; padding: 8px 12px; background: var(--soft); border-radius: 6px; overflow-x: auto; font-size: 16px; max-width: 100%; }
.equation math { max-width: 100%; }
.replay { position: relative; display: flex; align-items: stretch; gap: 0; margin: 4px 0; }
.replay-label { font-size: 11px; text-transform: uppercase; letter-spacing: 0.05em; color: var(--muted); padding: 7px 8px 0 0; min-width: 52px; }
.replay pre { flex: 1; margin: 0; padding: 5px 72px 5px 10px; }
.replay button { position: absolute; top: 4px; right: 6px; font-size: 12px; padding: 1px 10px; border: 1px solid var(--line); border-radius: 6px; background: #fff; cursor: pointer; }
details.sub { margin: 8px 0; }
.na { color: var(--muted); cursor: help; border-bottom: 1px dotted var(--muted); }
/* traces: only what changed */
table.trace { font-size: 13px; }
table.trace td { padding: 4px 8px; }
table.trace td.values { min-width: 240px; }
table.trace td:nth-child(3) { min-width: 300px; }
table.trace .chip { display: inline-block; margin: 0 4px 2px 0; padding: 0 4px; background: var(--soft); border-radius: 4px; white-space: nowrap; font-size: 12px; }
table.trace .chip.changed { background: #fff1a8; outline: 1px solid #e3c44d; }
table.trace .unchanged { color: var(--muted); font-size: 12px; cursor: help; white-space: nowrap; }
th .hint { text-transform: none; letter-spacing: 0; font-weight: 400; }
mark { background: #fff1a8; padding: 0 2px; }
tr.claim-failed td { color: var(--bad); font-weight: 600; }
/* verdict matrix: compact, scrolls in its own box, sticky header and first column */
.matrices { display: flex; flex-wrap: wrap; gap: 14px 28px; align-items: flex-start; }
.matrix-box { max-width: 100%; min-width: 0; }
h3.matrix-protocol { margin: 10px 0 4px; font-family: ui-monospace, Menlo, Consolas, monospace; }
.matrix-scroll { max-width: 100%; max-height: 70vh; overflow: auto; border: 1px solid var(--line); border-radius: 6px; scrollbar-width: auto; scrollbar-color: #8c959f #eef1f4; }
.matrix-scroll::-webkit-scrollbar { height: 12px; width: 12px; }
.matrix-scroll::-webkit-scrollbar-thumb { background: #8c959f; border-radius: 6px; border: 2px solid #eef1f4; }
.matrix-scroll::-webkit-scrollbar-track { background: #eef1f4; }
table.matrix { width: auto; border-collapse: separate; border-spacing: 0; font-size: 13px; }
table.matrix th, table.matrix td { padding: 3px 6px; border-bottom: 1px solid var(--line); }
table.matrix thead th { position: sticky; top: 0; z-index: 2; background: var(--soft); vertical-align: bottom; }
table.matrix th.prop { text-transform: none; letter-spacing: 0; font-family: ui-monospace, Menlo, Consolas, monospace; font-weight: 500; font-size: 11px; color: var(--fg); max-width: 92px; min-width: 44px; text-align: center; line-height: 1.25; cursor: help; }
table.matrix th.scen { position: sticky; left: 0; z-index: 1; text-transform: none; letter-spacing: 0; font-size: 12px; font-weight: 500; color: var(--fg); background: #fff; white-space: nowrap; border-right: 1px solid var(--line); }
table.matrix th.corner { position: sticky; left: 0; top: 0; z-index: 3; border-right: 1px solid var(--line); }
table.matrix td { text-align: center; }
table.matrix td.none { color: #b0b7bf; }
.cell { display: inline-block; width: 24px; height: 22px; line-height: 22px; border-radius: 5px; font-size: 13px; font-weight: 700; text-align: center; border: 1px solid transparent; }
a.cell:hover { text-decoration: none; outline: 2px solid var(--accent); }
.cell.st-matched { color: var(--ok); background: var(--ok-bg); border-color: #aceebb; }
.cell.st-known-finding { color: var(--known); background: var(--known-bg); border-color: #eed888; }
.cell.st-control { color: var(--control); background: var(--control-bg); border-color: #9cd1f5; }
.cell.st-mismatch { color: var(--bad); background: var(--bad-bg); border-color: #ff8182; }
.cell.st-error { color: var(--err); background: var(--err-bg); }
section.protocol details.sub summary { font-size: 13px; }
@media print { .replay button { display: none; } .result { break-inside: avoid; } }
table { border-collapse: collapse; width: 100%; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--line); }
th { font-size: 12px; color: var(--muted); font-weight: 600; text-transform: uppercase; letter-spacing: 0.03em; background: var(--soft); }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr.st-mismatch td, tr.st-error td { background: #fffafa; }
@media (max-width: 820px) { .grid { grid-template-columns: 1fr; } }
.statement { margin: 6px 0; }
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
.cx-message { font-weight: 600; color: var(--bad); margin: 6px 0; }
.replay { position: relative; }
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
.empty { color: var(--muted); font-style: italic; }
footer { margin-top: 48px; color: var(--muted); font-size: 13px; border-top: 1px solid var(--line); padding-top: 12px; }
`;
