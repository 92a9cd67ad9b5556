/**
 * Merge the results documents of shards (`--shard i/n` runs) into one document equal to the
 * unsplit run's: the same results in the same order, with the same summary and figures.
 * @module
 */
import type { Figure, ResultsDocument } from "../properties/types.js";
import { buildResultsDocument, protocolsOf, resultKey } from "./document.js";

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
  const counts = new Set(labelled.map((s) => s.doc.run.shard!.split("/")[1]));
  if (counts.size > 1) throw new MergeError(`shards of different splits: ${labelled.map((s) => s.doc.run.shard).join(", ")}`);
  const count = Number([...counts][0]);
  const byIndex = new Map<string, string>();
  for (const s of labelled) {
    const index = s.doc.run.shard!.split("/")[0]!;
    const other = byIndex.get(index);
    if (other !== undefined) throw new MergeError(`${s.source}: shard ${s.doc.run.shard} also given as ${other}`);
    byIndex.set(index, s.source);
  }
  const missing = Array.from({ length: count }, (_, i) => String(i + 1)).filter((i) => !byIndex.has(i));
  if (missing.length > 0) throw new MergeError(`missing shard${missing.length > 1 ? "s" : ""} ${missing.map((i) => `${i}/${count}`).join(", ")}`);
}
