/**
 * The scenario x property matrix and its deterministic split into shards, so that a CI matrix
 * can run shards on separate machines and merge them into the unsplit run's results.
 * @module
 */
import { MAX_SHARDS } from "../properties/limits.js";
import type { LoadedProperty, LoadedScenario } from "./load.js";

/** One cell of the matrix: a property of a scenario. */
export interface MatrixCell {
  readonly scenario: LoadedScenario;
  readonly property: LoadedProperty;
  /** `scenario::property`, unique in a run. */
  readonly key: string;
}

/** A shard `index/count` (1-based index). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The key of a result: `scenario::property`. */
export function cellKey(scenario: string, property: string): string {
  return `${scenario}::${property}`;
}

/** Every cell, sorted by key (the order of results in every document). */
export function matrixOf(scenarios: readonly LoadedScenario[]): MatrixCell[] {
  return scenarios
    .flatMap((scenario) =>
      scenario.properties.map((property) => ({ scenario, property, key: cellKey(scenario.name, property.definition.id) })),
    )
    .sort((a, b) => compareKeys(a.key, b.key));
}

/** The cells of one shard: every `count`-th cell of the sorted matrix, starting at `index - 1`. */
export function shardOf(cells: readonly MatrixCell[], shard: Shard | undefined): MatrixCell[] {
  if (!shard) return [...cells];
  return cells.filter((_, i) => i % shard.count === shard.index - 1);
}

/** Parse `i/n` with 1 <= i <= n <= {@link MAX_SHARDS}; returns a problem string when malformed. */
export function parseShard(text: string): Shard | string {
  const m = /^(\d{1,9})\/(\d{1,9})$/.exec(text);
  if (!m) return `must be i/n, e.g. 1/4, got ${JSON.stringify(text.slice(0, 40))}`;
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1) return `shard count must be >= 1, got ${count}`;
  if (count > MAX_SHARDS) return `shard count must be <= ${MAX_SHARDS}, got ${count}`;
  if (index < 1 || index > count) return `shard index must be between 1 and ${count}, got ${index}`;
  return { index, count };
}

/** Code-unit order, independent of locale. */
export function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
