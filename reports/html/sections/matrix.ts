/**
 * The verdict matrix: scenarios as rows, properties as columns, expected vs actual in each cell.
 * @module
 */
import type { PropertyResult } from "../../../properties/types.js";
import { escapeHtml } from "../escape.js";
import { resultStatus, statusBadge } from "../status.js";

/**
 * The matrix, one table per protocol (so that no table is wider than its own properties);
 * `anchorOf` links each cell to its result's details.
 */
export function renderMatrix(results: readonly PropertyResult[], anchorOf: (r: PropertyResult) => string): string {
  if (results.length === 0) return `<p class="empty">No results.</p>`;
  const protocols = unique(results.map((r) => r.protocol));
  if (protocols.length === 1) return renderTable(results, anchorOf);
  return protocols
    .map((protocol) => `<h3 class="matrix-protocol">${escapeHtml(protocol)}</h3>\n${renderTable(results.filter((r) => r.protocol === protocol), anchorOf)}`)
    .join("\n");
}

function renderTable(results: readonly PropertyResult[], anchorOf: (r: PropertyResult) => string): string {
  const scenarios = unique(results.map((r) => r.scenario));
  const properties = unique(results.map((r) => r.property));
  const head = properties.map((p) => `<th class="prop" scope="col">${escapeHtml(p)}</th>`).join("");
  const rows = scenarios.map((scenario) => {
    const cells = properties.map((property) => {
      const here = results.filter((r) => r.scenario === scenario && r.property === property);
      if (here.length === 0) return `<td class="none" title="not run on this scenario">·</td>`;
      return `<td>${here.map((r) => cell(r, anchorOf(r))).join("<br>")}</td>`;
    });
    return `<tr><th class="scen" scope="row">${escapeHtml(scenario)}</th>${cells.join("")}</tr>`;
  });
  return `<div class="scroll"><table class="matrix" aria-label="verdict matrix${protocolLabel(results)}">
<thead><tr><th scope="col">scenario \\ property</th>${head}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table></div>`;
}

function cell(result: PropertyResult, anchor: string): string {
  return `<a href="#${anchor}">${statusBadge(resultStatus(result))}</a><span class="ev">expected ${escapeHtml(result.expected)} · got ${escapeHtml(result.verdict)}</span>`;
}

function protocolLabel(results: readonly PropertyResult[]): string {
  const protocols = unique(results.map((r) => r.protocol));
  return protocols.length === 1 ? `: ${escapeHtml(protocols[0])}` : "";
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
