/**
 * Merge the results documents of shards (`--shard i/n` runs) into one document equal to the
 * unsplit run's: the same results in the same order, with the same summary and figures.
 * The shards are read with `readResultsDocument` (results-schema.ts), which validates every
 * field and recomputes `matches`; here they are checked to fit together.
 * @module
 */
import type { Figure, ResultsDocument } from "../properties/types.js";
import { buildResultsDocument, protocolsOf, resultKey } from "./document.js";
import { parseShard, type Shard } from "./matrix.js";

/** Shards that do not fit together (the CLI exits 2). */
export class MergeError extends Error {
  override readonly name = "MergeError";
}

/**
 * Merge shard documents. Checks that no result appears twice and, when the shards carry
 * `run.shard`, that every shard 1..n is present exactly once. `figures` are recomputed by the
 * `figuresFor` for the merged protocols so that they equal the unsplit run's.
 */
export function mergeShards(
  shards: readonly { readonly source: string; readonly doc: ResultsDocument }[],
  figuresFor: (protocols: readonly string[]) => readonly Figure[],
): ResultsDocument {
  if (shards.length === 0) throw new MergeError("no results to merge");
  checkShardSet(shards);
  const seen = new Map<string, string>();
  for (const { source, doc } of shards) {
    for (const r of doc.results) {
      const key = resultKey(r);
      const earlier = seen.get(key);
      if (earlier !== undefined) throw new MergeError(`${source}: result ${key} also appears in ${earlier}`);
      seen.set(key, source);
    }
  }
  const versions = new Set(shards.map((s) => s.doc.tool.version));
  if (versions.size > 1) throw new MergeError(`shards come from different versions: ${[...versions].join(", ")}`);
  const results = shards.flatMap((s) => s.doc.results);
  const starts = shards.map((s) => s.doc.run.startedAt).sort();
  return buildResultsDocument({
    version: shards[0]!.doc.tool.version,
    results,
    figures: figuresFor(protocolsOf(results)),
    run: {
      startedAt: starts[0]!,
      durationMs: shards.reduce((sum, s) => sum + s.doc.run.durationMs, 0),
      durations: Object.assign({}, ...shards.map((s) => s.doc.run.durations)),
      environment: shards[0]!.doc.run.environment,
    },
  });
}

function checkShardSet(shards: readonly { readonly source: string; readonly doc: ResultsDocument }[]): void {
  const labelled = shards.filter((s) => s.doc.run.shard !== undefined);
  if (labelled.length === 0) return;
  if (labelled.length !== shards.length) {
    const unsplit = shards.find((s) => s.doc.run.shard === undefined)!;
    throw new MergeError(`${unsplit.source}: is not a shard, but the others are`);
  }
  const parsed = labelled.map((s) => ({ source: s.source, label: s.doc.run.shard!, shard: shardOf(s.source, s.doc.run.shard!) }));
  const counts = new Set(parsed.map((s) => s.shard.count));
  if (counts.size > 1) throw new MergeError(`shards of different splits: ${parsed.map((s) => s.label).join(", ")}`);
  const count = [...counts][0]!;
  const byIndex = new Map<number, string>();
  for (const s of parsed) {
    const other = byIndex.get(s.shard.index);
    if (other !== undefined) throw new MergeError(`${s.source}: shard ${s.label} also given as ${other}`);
    byIndex.set(s.shard.index, s.source);
  }
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const shown = missing.slice(0, 10).map((i) => `${i}/${count}`).join(", ");
    throw new MergeError(`missing shard${missing.length > 1 ? "s" : ""} ${shown}${missing.length > 10 ? ` and ${missing.length - 10} more` : ""}`);
  }
}

function shardOf(source: string, label: string): Shard {
  const shard = parseShard(label);
  if (typeof shard === "string") throw new MergeError(`${source}: run.shard: ${shard}`);
  return shard;
}
