/**
 * Every result in one table: expected and actual verdicts, runs, seed, duration.
 * @module
 */
import type { ResultsDocument, PropertyResult } from "../../../properties/types.js";
import { escapeHtml } from "../escape.js";
import { durationKey, formatDuration } from "../format.js";
import { resultStatus, statusBadge } from "../status.js";

/** The results table, one row per result, filterable by status when scripts run. */
export function renderResultsTable(doc: ResultsDocument, anchorOf: (r: PropertyResult) => string): string {
  if (doc.results.length === 0) return `<p class="empty">No results.</p>`;
  const rows = doc.results.map((r) => {
    const status = resultStatus(r);
    return `<tr class="st-${status}" data-status="${status}">
<td>${statusBadge(status)}</td>
<td>${escapeHtml(r.scenario)}</td>
<td><a href="#${anchorOf(r)}"><code>${escapeHtml(r.property)}</code></a></td>
<td>${escapeHtml(r.variant)}</td>
<td>${verdict(r.expected)}</td>
<td>${verdict(r.verdict)}</td>
<td class="num">${r.runs}</td>
<td class="num"><code>${r.seed}</code></td>
<td class="num">${formatDuration(doc.run.durations[durationKey(r.scenario, r.property)])}</td>
</tr>`;
  });
  return `<div id="filters" class="filters"></div>
<div class="scroll"><table class="results">
<thead><tr><th>status</th><th>scenario</th><th>property</th><th>variant</th><th>expected</th><th>actual</th><th class="num">runs</th><th class="num">seed</th><th class="num">duration</th></tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table></div>`;
}

function verdict(value: string): string {
  return `<span class="verdict ${escapeHtml(value)}">${escapeHtml(value)}</span>`;
}
