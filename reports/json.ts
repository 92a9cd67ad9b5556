/**
 * The results document as JSON: pure, with a stable key order (the document's top-level
 * sections in a fixed order, every nested object's keys sorted), so that two runs with the
 * same seeds give byte-identical `results`. Also reads such a file back (for shard merging).
 * @module
 */
import { evidenceText } from "../properties/evidence.js";
import type { PropertyResult, ResultsDocument } from "../properties/types.js";

const topLevelOrder = ["schemaVersion", "tool", "summary", "results", "figures", "run"] as const;

/**
 * Serialise a results document: two-space indent, stable key order, trailing newline. Each
 * result also carries `evidenceText` (how its verdict was reached, in words: a "holds" on
 * generated inputs reads "not falsified in N inputs") and, after a seed sweep, `seedSweep.fraction`.
 */
export function resultsToJson(doc: ResultsDocument): string {
  const ordered: Record<string, unknown> = {};
  const withDerived = { ...doc, results: doc.results.map(derived) };
  for (const key of topLevelOrder) if (withDerived[key] !== undefined) ordered[key] = sortKeys(withDerived[key]);
  return `${JSON.stringify(ordered, null, 2)}\n`;
}

/** A result with the fields derived for readers of the JSON (recomputed, so a read-back document round-trips). */
function derived(r: PropertyResult): PropertyResult & { readonly evidenceText: string } {
  const sweep = r.seedSweep ? { seedSweep: { ...r.seedSweep, fraction: r.seedSweep.seeds === 0 ? 0 : r.seedSweep.matched / r.seedSweep.seeds } } : {};
  return { ...r, ...sweep, evidenceText: evidenceText(r) };
}

/** Any JSON value with every object's keys sorted: two-space indent, trailing newline. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

/** Read a results document written by {@link resultsToJson}; throws naming `source` and the problem. */
export function parseResultsJson(text: string, source: string): ResultsDocument {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`${source}: invalid JSON: ${(e as Error).message}`);
  }
  const doc = value as Partial<ResultsDocument> | null;
  if (doc === null || typeof doc !== "object") throw new Error(`${source}: not a results document`);
  if (doc.schemaVersion !== 1) throw new Error(`${source}: schemaVersion: expected 1, got ${JSON.stringify(doc.schemaVersion)}`);
  if (doc.tool?.name !== "qkd-harness") throw new Error(`${source}: tool.name: expected "qkd-harness"`);
  if (!Array.isArray(doc.results)) throw new Error(`${source}: results: expected an array`);
  if (!Array.isArray(doc.figures)) throw new Error(`${source}: figures: expected an array`);
  if (doc.run === undefined || typeof doc.run !== "object") throw new Error(`${source}: run: expected an object`);
  return doc as ResultsDocument;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}
