/**
 * The verdict matrix: scenarios as rows, properties as columns, one compact status symbol per
 * cell (its tooltip gives the expected and the actual verdict; the symbol links to the result).
 * One table per protocol; each table scrolls inside its own box, with a sticky header row and a
 * sticky scenario column, and column headers abbreviated (the full id and title in `title`).
 * @module
 */
import type { PropertyResult } from "../../../properties/types.js";
import { escapeHtml } from "../escape.js";
import { resultStatus, statusLabel, statusSymbol } from "../status.js";

/** The matrix, one table per protocol; `anchorOf` links each cell to its result. */
export function renderMatrix(results: readonly PropertyResult[], anchorOf: (r: PropertyResult) => string): string {
  if (results.length === 0) return `<p class="empty">No results.</p>`;
  const protocols = unique(results.map((r) => r.protocol));
  const tables = protocols.map((protocol) => renderTable(protocol, results.filter((r) => r.protocol === protocol), anchorOf));
  return `<div class="matrices">\n${tables.join("\n")}\n</div>`;
}

function renderTable(protocol: string, results: readonly PropertyResult[], anchorOf: (r: PropertyResult) => string): string {
  const scenarios = unique(results.map((r) => r.scenario));
  const properties = unique(results.map((r) => r.property));
  const head = properties
    .map((p) => {
      const title = results.find((r) => r.property === p)?.title ?? "";
      return `<th class="prop" scope="col" title="${escapeHtml(`${p}: ${title}`)}">${abbreviate(p, protocol)}</th>`;
    })
    .join("");
  const rows = scenarios.map((scenario) => {
    const cells = properties.map((property) => {
      const here = results.filter((r) => r.scenario === scenario && r.property === property);
      if (here.length === 0) return `<td class="none" title="not run on this scenario">·</td>`;
      return `<td>${here.map((r) => cell(r, anchorOf(r))).join(" ")}</td>`;
    });
    return `<tr><th class="scen" scope="row" title="${escapeHtml(scenario)}">${escapeHtml(stripPrefix(scenario, protocol))}</th>${cells.join("")}</tr>`;
  });
  return `<div class="matrix-box">
<h3 class="matrix-protocol">${escapeHtml(protocol)} <span class="meta">${scenarios.length} scenarios × ${properties.length} properties</span></h3>
<div class="matrix-scroll" tabindex="0" role="region" aria-label="verdict matrix: ${escapeHtml(protocol)}, scrollable">
<table class="matrix" aria-label="verdict matrix: ${escapeHtml(protocol)}">
<thead><tr><th class="corner" scope="col">scenario</th>${head}</tr></thead>
<tbody>
${rows.join("\n")}
</tbody></table></div></div>`;
}

function cell(result: PropertyResult, anchor: string): string {
  const status = resultStatus(result);
  const title = `${statusLabel[status]}: expected ${result.expected}, got ${result.verdict} (${result.scenario} × ${result.property})`;
  return `<a class="cell st-${status}" href="#${escapeHtml(anchor)}" title="${escapeHtml(title)}">${statusSymbol[status]}</a>`;
}

/** A column header: the id without its protocol prefix, words over 11 letters cut to 7 and a dot, breakable after each hyphen. */
function abbreviate(property: string, protocol: string): string {
  return stripPrefix(property, protocol)
    .split("-")
    .map((word) => escapeHtml(word.length > 11 ? `${word.slice(0, 7)}.` : word))
    .join("-<wbr>");
}

function stripPrefix(name: string, protocol: string): string {
  for (const prefix of [`${protocol}.`, `${protocol}-`]) if (name.startsWith(prefix) && name.length > prefix.length) return name.slice(prefix.length);
  return name;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
