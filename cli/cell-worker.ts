/**
 * The module each worker thread of `verify --workers N` / `run --workers N` runs: it rebuilds
 * the same matrix cells as the main thread (same scenario files, same `--plugin` modules, same
 * overrides), one scenario file at a time as it takes their cells, and serves them by key
 * (scenarios/parallel.ts).
 * @module
 */
import { knownExpressions } from "../properties/params.js";
import { loadScenario } from "../scenarios/load.js";
import { matrixOf } from "../scenarios/matrix.js";
import { serveCells } from "../scenarios/parallel.js";
import { withPlugins } from "./plugins.js";
import { replayCommandLine, searchReplayCommandLine } from "./replay-command.js";

/** What a worker rebuilds its cells from (structured-cloneable). */
export interface CellWorkerData {
  /** `--plugin` modules. */
  readonly plugins: readonly string[];
  readonly runs?: number;
  readonly seed?: number;
  readonly seeds?: number;
  readonly searchBudget?: number;
  /** The expressions the main thread evaluated with their values (`expressionValues`), so that this thread need not load mathjs for them. */
  readonly expressions?: readonly (readonly [string, number])[];
}

serveCells(async (raw) => {
  const data = raw as CellWorkerData;
  knownExpressions(data.expressions ?? []);
  const context = await withPlugins({}, { positionals: [], flags: new Map<string, unknown>(data.plugins.length > 0 ? [["plugin", [...data.plugins]]] : []) });
  return {
    // the group of a cell is its scenario file, as the main thread named it (cli/workers.ts)
    cellsOf: (file) => matrixOf([loadScenario(file, { definitions: context.definitions ?? [] })]),
    options: {
      ...(data.runs !== undefined ? { runs: data.runs } : {}),
      ...(data.seed !== undefined ? { seed: data.seed } : {}),
      ...(data.seeds !== undefined ? { seeds: data.seeds } : {}),
      ...(data.searchBudget !== undefined ? { searchBudget: data.searchBudget } : {}),
      replayCommand: (scenario, property, seed, path) => replayCommandLine(scenario, property, seed, path, data.plugins),
      searchReplayCommand: (scenario, property, seed, budget) => searchReplayCommandLine(scenario, property, seed, data.plugins, budget),
    },
  };
});
