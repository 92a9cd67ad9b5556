/**
 * A metrics table (closest approach, or the counterexample's numbers).
 * @module
 */
import type { Metrics } from "../../../properties/types.js";
import { escapeHtml } from "../escape.js";
import { formatValue } from "../format.js";

/** Metrics as a compact two-column table, or a short note when there are none. */
export function renderMetrics(metrics: Metrics): string {
  const entries = metrics && typeof metrics === "object" ? Object.entries(metrics) : [];
  if (entries.length === 0) return `<p class="empty">No metrics.</p>`;
  const rows = entries.map(([name, value]) => `<tr><td>${escapeHtml(name)}</td><td class="num">${formatValue(value)}</td></tr>`);
  return `<table class="metrics"><thead><tr><th>metric</th><th class="num">value</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}
