/**
 * The HTML report: one self-contained file per run. Inline CSS, inline SVG plots and circuits,
 * MathML equations; no network requests, readable offline and without JavaScript (a small
 * optional script adds copy buttons and opens the result a link points at).
 *
 * Findings come first, each with its worst attack and replay command; then what holds, with its
 * evidence; then the negative controls that failed as designed. Every result's details are
 * collapsed on first load, so the page stays short (the browser test keeps it under 20,000 px).
 *
 * Pure: the page is a function of the results document only; it never touches the model.
 * @module
 */
import type { PropertyResult, ResultsDocument } from "../../properties/types.js";
import { escapeHtml } from "./escape.js";
import { durationKey, formatDate } from "./format.js";
import { reportScript } from "./script.js";
import { renderEnvironment } from "./sections/environment.js";
import { renderFigures } from "./sections/figures.js";
import { renderMatrix } from "./sections/matrix.js";
import { renderProtocols } from "./sections/protocols.js";
import { renderResultCard } from "./sections/result-detail.js";
import { renderSummary } from "./sections/summary.js";
import { resultStatus, type ResultStatus } from "./status.js";
import { reportCss } from "./styles.js";

export { escapeHtml } from "./escape.js";
export { expectationKind, resultStatus, statusLabel, type ResultStatus } from "./status.js";

/** The result lists of the page, in order: heading, intro, the statuses listed. */
const lists: readonly { readonly id: string; readonly heading: string; readonly intro: string; readonly statuses: readonly ResultStatus[] }[] = [
  {
    id: "problems",
    heading: "Problems: mismatches and errors",
    intro: "These results differ from what their scenario expects, or the check threw. They fail the run.",
    statuses: ["mismatch", "error"],
  },
  {
    id: "findings",
    heading: "Findings: where the paper's protocol fails",
    intro: "Each property below is violated on the paper's protocol, as its scenario expects. The line under each title is the most damaging attack found (or the minimal counterexample); the command replays it. Open a finding for its attack trace, statement, trust assumptions and metrics.",
    statuses: ["known-finding"],
  },
  {
    id: "holds",
    heading: "Holds, with its evidence",
    intro: "Exact: the input space was enumerated whole; analytic: a closed form or proved bound was checked; otherwise the property was not falsified in the inputs tried, which is evidence, not proof.",
    statuses: ["matched"],
  },
  {
    id: "controls",
    heading: "Negative controls that failed as designed",
    intro: "Each control runs a property on a deliberately broken variant: its failure shows that the property can fail. These are not findings about the paper.",
    statuses: ["control"],
  },
];

/**
 * Render a results document as one self-contained HTML page.
 * The same document always gives the same string (circuits and plots are deterministic).
 * @example
 * ```ts
 * const html = await renderHtmlReport(doc);
 * await writeFile("reports/out/report.html", html);
 * ```
 */
export async function renderHtmlReport(doc: ResultsDocument): Promise<string> {
  const results = Array.isArray(doc.results) ? doc.results : [];
  const anchors = new Map(results.map((r, i) => [r, `result-${i + 1}`] as const));
  const anchorOf = (r: PropertyResult): string => anchors.get(r) ?? "";
  const durations = doc.run?.durations ?? {};
  const card = (r: PropertyResult): string => renderResultCard(r, anchorOf(r), durations[durationKey(r.scenario, r.property)]);
  const sections = lists
    .map((list) => ({ ...list, members: results.filter((r) => list.statuses.includes(resultStatus(r))) }))
    .filter((list) => list.members.length > 0 || list.id === "findings")
    .map((list) => `<section id="${list.id}">
<h2>${escapeHtml(list.heading)} <span class="count">${list.members.length}</span></h2>
<p class="meta">${escapeHtml(list.intro)}</p>
${list.members.length === 0 ? `<p class="empty">None in this run.</p>` : groupByProtocol(list.members).map(([protocol, members]) => `<h3 class="protocol-group">${escapeHtml(protocol)}</h3>\n${members.map(card).join("\n")}`).join("\n")}
</section>`);
  const toc = [...sections.map((s) => /id="([^"]+)"/.exec(s)?.[1] ?? ""), "matrix", "figures", "protocols", "environment"]
    .map((id) => `<a href="#${id}">${id[0]?.toUpperCase()}${id.slice(1)}</a>`)
    .join("");
  const figures = await renderFigures(Array.isArray(doc.figures) ? doc.figures : []);
  const title = `qkd-harness report · ${formatDate(doc.run?.startedAt)}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; font-src data:">
<title>${title}</title>
<style>${reportCss}</style>
</head>
<body>
<header class="top"><div class="inner">
<h1>QM_KDC property report <span class="tool">· ${escapeHtml(doc.tool?.name)} ${escapeHtml(doc.tool?.version)}</span></h1>
<div class="meta">Run started ${formatDate(doc.run?.startedAt)}${doc.run?.shard ? ` · shard ${escapeHtml(doc.run.shard)}` : ""} · Wu et al. (2020), multicast centralized key management based on QKD</div>
<nav class="toc">${toc}</nav>
</div></header>
<main>
<section id="summary">
${renderSummary(doc)}
</section>
${sections.join("\n")}
<section id="matrix">
<h2>Verdict matrix</h2>
<p class="meta">One table per protocol, scenarios as rows and properties as columns. Each cell links to its result: <span class="cell st-matched">✓</span> holds as expected, <span class="cell st-known-finding">◆</span> finding (violated, as expected), <span class="cell st-control">●</span> negative control failed as designed, <span class="cell st-mismatch">✗</span> MISMATCH, <span class="cell st-error">⚠</span> ERROR. Hover a cell or a header for the full names and verdicts.</p>
${renderMatrix(results, anchorOf)}
</section>
<section id="figures">
<h2>Figures</h2>
${figures}
</section>
<section id="protocols">
<h2>Protocols</h2>
<p class="meta">Static circuits of the protocol steps the properties exercise (see <code>docs/protocol/02-bb84-private-keys.md</code> and <code>docs/protocol/05-authentication.md</code>). Wire 0 is drawn on top. Bit order: these circuits are simulated with <code>quantum-circuit</code>, in which wire 0 is the <b>least</b> significant bit of a basis-state index (Qiskit's order; X on wire 0 of three gives index 1, <code>|001⟩</code>); the model's kernel uses the opposite order, subsystem 0 <b>most</b> significant (Nielsen &amp; Chuang's). The wires carry the same particles in the same order as the kernel's subsystems; only the printed bit strings read in reverse. Classical registers hold the key bits and bases; a gate joined to a register by a grey line acts only when that register holds the value shown (<code>== 1</code>).</p>
${renderProtocols()}
</section>
<section id="environment">
<h2>Environment</h2>
${renderEnvironment(doc)}
</section>
<footer>Generated by ${escapeHtml(doc.tool?.name)} ${escapeHtml(doc.tool?.version)} from a results document (schema v${escapeHtml(doc.schemaVersion)}). This file is self-contained: it makes no network requests.</footer>
</main>
<script>${reportScript}</script>
</body>
</html>
`;
}

function groupByProtocol(results: readonly PropertyResult[]): (readonly [string, readonly PropertyResult[]])[] {
  const protocols = [...new Set(results.map((r) => r.protocol))];
  return protocols.map((p) => [p, results.filter((r) => r.protocol === p)] as const);
}
