/**
 * An attack trace as a table that shows what changed: the first row lists every value, each
 * later row only the values that differ from the row before (highlighted), with a count of the
 * unchanged ones (a row without values leaves the comparison to the row before it). Components `p.x`, `p.y`, `p.z` of one particle are shown together as one
 * Bloch vector `p = (x, y, z)`.
 * @module
 */
import type { TraceStep } from "../../../properties/types.js";
import { escapeHtml } from "../escape.js";
import { formatValue } from "../format.js";
import { renderProse } from "../prose.js";

/** One displayed value: a plain value, or a group of components (`p.x`, `p.y`, `p.z`). */
interface Chip {
  readonly name: string;
  /** Display text (escaped HTML) and a comparison key. */
  readonly html: string;
  readonly key: string;
}

/**
 * The trace table; `rowLabel` names the step column (`step`, or `claim` for an audit). An audit
 * (`diff: false`) lists every row's values in full: its rows are independent claims, not states.
 */
export function renderTrace(trace: readonly TraceStep[], rowLabel = "step", diff = true): string {
  if (!Array.isArray(trace) || trace.length === 0) return `<p class="empty">The property gives no trace for this input.</p>`;
  let previous: ReadonlyMap<string, string> | undefined;
  const rows = trace.map((step, i) => {
    const chips = chipsOf(step.values);
    const cell = chips.length === 0 ? "" : renderChips(chips, previous);
    if (chips.length > 0 && diff) previous = new Map(chips.map((c) => [c.name, c.key]));
    return `<tr><td class="num">${i + 1}</td><td class="step">${renderProse(step.step)}</td><td>${renderProse(step.detail)}</td><td class="values">${cell}</td></tr>`;
  });
  return `<div class="scroll"><table class="trace"><thead><tr><th class="num">#</th><th>${escapeHtml(rowLabel)}</th><th>what happens</th><th>values${diff ? ` <span class="hint">(after the first row: only what changed, <mark>highlighted</mark>)</span>` : ""}</th></tr></thead><tbody>
${rows.join("\n")}
</tbody></table></div>`;
}

function renderChips(chips: readonly Chip[], previous: ReadonlyMap<string, string> | undefined): string {
  const chip = (c: Chip, changed: boolean): string =>
    `<code class="${changed ? "chip changed" : "chip"}">${escapeHtml(c.name)} = ${c.html}</code>`;
  if (!previous) return chips.map((c) => chip(c, false)).join(" ");
  const changed = chips.filter((c) => previous.get(c.name) !== c.key);
  const same = chips.length - changed.length;
  const parts = changed.map((c) => chip(c, true));
  if (same > 0) parts.push(`<span class="unchanged" title="${escapeHtml(chips.filter((c) => previous.get(c.name) === c.key).map((c) => c.name).join(", "))}">${same} unchanged</span>`);
  return parts.length > 0 ? parts.join(" ") : `<span class="unchanged">no change</span>`;
}

/** Values as chips, Bloch components of one particle grouped. */
function chipsOf(values: TraceStep["values"]): Chip[] {
  const entries = values && typeof values === "object" ? Object.entries(values) : [];
  const groups = new Map<string, [string, unknown][]>();
  const chips: Chip[] = [];
  for (const [name, value] of entries) {
    const m = /^(.+)\.([xyz])$/.exec(name);
    if (m) {
      const group = groups.get(m[1]!) ?? [];
      if (group.length === 0) groups.set(m[1]!, group);
      group.push([m[2]!, value]);
      continue;
    }
    const html = formatValue(value);
    chips.push({ name, html, key: html });
  }
  for (const [name, components] of groups) {
    const sorted = [...components].sort(([a], [b]) => a.localeCompare(b));
    const html = `(${sorted.map(([, v]) => formatValue(v)).join(", ")})`;
    chips.push({ name: `${name}${sorted.length === 3 ? "" : `(${sorted.map(([c]) => c).join(",")})`}`, html, key: html });
  }
  return chips;
}
