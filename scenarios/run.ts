/**
 * Run matrix cells with the check engine, measuring each result's duration apart from the
 * result itself (durations vary between identical runs; results do not).
 * @module
 */
import { performance } from "node:perf_hooks";
import { runProperty } from "../properties/engine.js";
import type { PropertyResult } from "../properties/types.js";
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
  /** The command that replays a counterexample of `property` in `scenario`. */
  readonly replayCommand: (scenario: LoadedScenario, property: string, seed: number, path: string) => string;
}

/** A result and how long it took, in milliseconds. */
export interface CellOutcome {
  readonly key: string;
  readonly result: PropertyResult;
  readonly durationMs: number;
}

/** Run one cell. */
export function runCell(cell: MatrixCell, options: CellRunOptions): CellOutcome {
  const { scenario, property } = cell;
  const started = performance.now();
  const result = runProperty(property.definition, property.params, {
    scenario: scenario.name,
    variant: property.variant,
    expected: property.expect,
    ...(property.reason !== undefined ? { expectedReason: property.reason } : {}),
    runs: options.runs ?? scenario.settings.runs,
    seed: options.seed ?? scenario.settings.seed,
    ...(options.path !== undefined ? { path: options.path } : {}),
    replayCommand: (seed, path) => options.replayCommand(scenario, property.definition.id, seed, path),
  });
  const durationMs = Math.round((performance.now() - started) * 10) / 10;
  return { key: cell.key, result, durationMs };
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
