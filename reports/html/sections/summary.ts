/**
 * The ten-second summary: one banner sentence and the counts by status, findings and negative
 * controls counted apart.
 * @module
 */
import type { ResultsDocument } from "../../../properties/types.js";
import { formatCount, formatDuration } from "../format.js";
import { resultStatus, type ResultStatus } from "../status.js";

/** Banner and counters of a results document; counts are computed from `doc.results`. */
export function renderSummary(doc: ResultsDocument): string {
  const results = Array.isArray(doc.results) ? doc.results : [];
  const count = (status: ResultStatus): number => results.filter((r) => resultStatus(r) === status).length;
  const total = results.length;
  const matched = count("matched");
  const known = count("known-finding");
  const controls = count("control");
  const mismatches = count("mismatch");
  const errors = count("error");
  const runs = results.reduce((sum, r) => sum + (typeof r.runs === "number" && Number.isFinite(r.runs) ? r.runs : 0), 0);
  const scenarios = new Set(results.map((r) => r.scenario)).size;
  const properties = new Set(results.map((r) => r.property)).size;
  const ok = mismatches === 0 && errors === 0;
  const headline = ok
    ? total === 0
      ? "No results in this run"
      : `✓ All ${total} results as expected`
    : `✗ ${[plural(mismatches, "mismatch", "mismatches"), plural(errors, "error", "errors")].filter(Boolean).join(", ")}`;
  const sub = [
    known > 0 ? `${plural(known, "finding", "findings")} about the paper's protocol (violations its scenarios expect)` : "no findings",
    `${matched} ${matched === 1 ? "property holds" : "properties hold"} as claimed`,
    controls > 0 ? `${plural(controls, "negative control", "negative controls")} failed as designed` : "",
  ].filter(Boolean).join("; ") +
    `. ${scenarios} scenarios × ${properties} properties, ${formatCount(runs)} generated inputs in ${formatDuration(doc.run?.durationMs)}.`;
  const counter = (status: ResultStatus | "total", n: number, label: string, href?: string): string =>
    `<li class="st-${status}">${href ? `<a href="#${href}">` : ""}<span class="n">${n}</span><span class="k">${label}</span>${href ? "</a>" : ""}</li>`;
  return `<div class="banner ${ok ? "ok" : "bad"}" id="verdict">${headline}<span class="sub">${sub}</span></div>
<ul class="counts">
${counter("known-finding", known, "◆ findings", "findings")}
${counter("matched", matched, "✓ holds", "holds")}
${counter("control", controls, "● controls failed as designed", "controls")}
${counter("mismatch", mismatches, "✗ mismatches", mismatches > 0 ? "problems" : undefined)}
${counter("error", errors, "⚠ errors", errors > 0 ? "problems" : undefined)}
${counter("total", total, "results", "matrix")}
</ul>`;
}

function plural(n: number, one: string, many: string): string {
  return n === 0 ? "" : `${n} ${n === 1 ? one : many}`;
}
