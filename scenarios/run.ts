/**
 * Run matrix cells with the check engine, measuring each result's duration apart from the
 * result itself (durations vary between identical runs; results do not). With `seeds` K > 1 a
 * cell runs on K consecutive seeds and matches when at least 95 % of them match
 * ({@link SEED_MATCH_FRACTION}); its result is the first seed's, with the sweep attached.
 * @module
 */
import { performance } from "node:perf_hooks";
import { runProperty } from "../properties/engine.js";
import { sweepMatches } from "../properties/evidence.js";
import type { PropertyResult, SeedSweep } from "../properties/types.js";
import type { LoadedScenario } from "./load.js";
import type { MatrixCell } from "./matrix.js";

/** How to run cells: overrides of the scenario settings and the replay command syntax. */
export interface CellRunOptions {
  /** Overrides every scenario's `settings.runs`. */
  readonly runs?: number;
  /** Overrides every scenario's `settings.seed`. */
  readonly seed?: number;
  /** fast-check replay path (replay of one counterexample). */
  readonly path?: string;
  /** Run every cell on this many consecutive seeds from its own (default 1: no sweep). */
  readonly seeds?: number;
  /** Overrides every scenario's `settings.searchBudget` (objective evaluations of the optimising search; 0: none). */
  readonly searchBudget?: number;
  /** The command that replays a counterexample of `property` in `scenario`. */
  readonly replayCommand: (scenario: LoadedScenario, property: string, seed: number, path: string) => string;
  /** The command that reproduces the optimising search of `property` in `scenario` (default: a `--seed --budget` stub). */
  readonly searchReplayCommand?: (scenario: LoadedScenario, property: string, seed: number, budget: number) => string;
}

/** A result and how long it took, in milliseconds. */
export interface CellOutcome {
  readonly key: string;
  readonly result: PropertyResult;
  readonly durationMs: number;
}

/** Run one cell (on `options.seeds` consecutive seeds when given): a pure function of its arguments but for the duration. */
export function runCell(cell: MatrixCell, options: CellRunOptions): CellOutcome {
  const started = performance.now();
  const first = options.seed ?? cell.scenario.settings.seed;
  const seeds = options.seeds ?? 1;
  const result = runOnSeed(cell, options, first);
  const outcome = seeds > 1 ? withSweep(result, sweep(cell, options, first, seeds, result)) : result;
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  return { key: cell.key, result: outcome, durationMs };
}

function runOnSeed(cell: MatrixCell, options: CellRunOptions, seed: number): PropertyResult {
  const { scenario, property } = cell;
  const id = property.definition.id;
  return runProperty(property.definition, property.params, {
    scenario: scenario.name,
    variant: property.variant,
    expected: property.expect,
    ...(property.reason !== undefined ? { expectedReason: property.reason } : {}),
    kind: property.kind,
    ...(property.claims !== undefined ? { claims: property.claims } : {}),
    runs: options.runs ?? scenario.settings.runs,
    seed,
    searchBudget: options.searchBudget ?? scenario.settings.searchBudget,
    ...(options.path !== undefined ? { path: options.path } : {}),
    replayCommand: (s, path) => options.replayCommand(scenario, id, s, path),
    ...(options.searchReplayCommand ? { searchReplayCommand: (s: number, budget: number) => options.searchReplayCommand!(scenario, id, s, budget) } : {}),
  });
}

/** Seeds `first .. first + seeds - 1` (the first already run), wrapping inside the 32-bit seed range. */
function sweep(cell: MatrixCell, options: CellRunOptions, first: number, seeds: number, firstResult: PropertyResult): SeedSweep {
  const mismatchedSeeds: number[] = [];
  for (let i = 0; i < seeds; i++) {
    const seed = nextSeed(first, i);
    const matches = i === 0 ? firstResult.matches : runOnSeed(cell, options, seed).matches;
    if (!matches) mismatchedSeeds.push(seed);
  }
  return { seeds, matched: seeds - mismatchedSeeds.length, mismatchedSeeds };
}

function nextSeed(first: number, i: number): number {
  return ((first + i + 2 ** 31) % 2 ** 32) - 2 ** 31;
}

/** The first seed's result with the sweep: it matches when >= 95 % of the seeds matched (an error on the first seed stays an error). */
function withSweep(result: PropertyResult, seedSweep: SeedSweep): PropertyResult {
  return { ...result, matches: result.verdict !== "error" && sweepMatches(seedSweep), seedSweep };
}

/** Run cells in order, calling `onDone` after each (for progress). */
export function runCells(
  cells: readonly MatrixCell[],
  options: CellRunOptions,
  onDone?: (outcome: CellOutcome, done: number, total: number) => void,
): CellOutcome[] {
  return cells.map((cell, i) => {
    const outcome = runCell(cell, options);
    onDone?.(outcome, i + 1, cells.length);
    return outcome;
  });
}
