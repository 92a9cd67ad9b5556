/**
 * The ten-second summary: one banner sentence and the counts by status.
 * @module
 */
import type { ResultsDocument } from "../../../properties/types.js";
import { formatDuration } from "../format.js";
import { resultStatus, type ResultStatus } from "../status.js";

/** Banner and counters of a results document; counts are computed from `doc.results`. */
export function renderSummary(doc: ResultsDocument): string {
  const count = (status: ResultStatus): number => doc.results.filter((r) => resultStatus(r) === status).length;
  const total = doc.results.length;
  const matched = count("matched");
  const known = count("known-finding");
  const controls = count("control");
  const mismatches = count("mismatch");
  const errors = count("error");
  const runs = doc.results.reduce((sum, r) => sum + r.runs, 0);
  const scenarios = new Set(doc.results.map((r) => r.scenario)).size;
  const properties = new Set(doc.results.map((r) => r.property)).size;
  const ok = mismatches === 0 && errors === 0;
  const headline = ok
    ? total === 0
      ? "No results in this run"
      : `✓ All ${total} results as expected`
    : `✗ ${[plural(mismatches, "mismatch", "mismatches"), plural(errors, "error", "errors")].filter(Boolean).join(", ")}`;
  const sub = `${matched + known + controls} of ${total} results match their expected verdict` +
    (known > 0 ? `; ${plural(known, "known finding", "known findings")} about the paper (violations the scenarios expect)` : "") +
    (controls > 0 ? `; ${plural(controls, "negative control", "negative controls")} failed as designed` : "") +
    `. ${scenarios} scenarios × ${properties} properties, ${runs} generated inputs in ${formatDuration(doc.run.durationMs)}.`;
  const counter = (status: ResultStatus | "total", n: number, label: string): string =>
    `<li class="st-${status}"><span class="n">${n}</span><span class="k">${label}</span></li>`;
  return `<div class="banner ${ok ? "ok" : "bad"}" id="verdict">${headline}<span class="sub">${sub}</span></div>
<ul class="counts">
${counter("total", total, "results")}
${counter("matched", matched, "✓ matched")}
${counter("known-finding", known, "◆ known findings")}
${counter("control", controls, "● controls failed")}
${counter("mismatch", mismatches, "✗ mismatches")}
${counter("error", errors, "⚠ errors")}
${counter("total", runs, "runs")}
</ul>`;
}

function plural(n: number, one: string, many: string): string {
  return n === 0 ? "" : `${n} ${n === 1 ? one : many}`;
}
