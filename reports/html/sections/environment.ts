/**
 * The run's facts that vary between identical runs: date, duration, shard, environment.
 * @module
 */
import type { ResultsDocument } from "../../../properties/types.js";
import { escapeHtml } from "../escape.js";
import { formatDate, formatDuration } from "../format.js";

/** A two-column table of the run and its environment. */
export function renderEnvironment(doc: ResultsDocument): string {
  const facts: readonly (readonly [string, string])[] = [
    ["tool", `${escapeHtml(doc.tool?.name)} ${escapeHtml(doc.tool?.version)}`],
    ["started", formatDate(doc.run?.startedAt)],
    ["duration", formatDuration(doc.run?.durationMs)],
    ...(doc.run?.shard ? [["shard", escapeHtml(doc.run.shard)] as const] : []),
    ["schema", `results document v${escapeHtml(doc.schemaVersion)}`],
    ...Object.entries(doc.run?.environment ?? {}).map(([k, v]) => [escapeHtml(k), escapeHtml(v)] as const),
  ];
  const rows = facts.map(([k, v]) => `<tr><th scope="row">${k}</th><td><code>${v}</code></td></tr>`);
  return `<table class="metrics env">${rows.join("\n")}</table>`;
}
