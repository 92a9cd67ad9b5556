/**
 * `--workers N`: run the cells on N worker threads (scenarios/parallel.ts) when they can be
 * rebuilt in a worker — compiled code (the worker module is JavaScript) and every property from
 * the shipped registry or a `--plugin` module — else in this thread. Cells are scheduled
 * longest first by the durations of the previous run in the same report directory.
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { MatrixCell } from "../scenarios/matrix.js";
import { runCellsParallel } from "../scenarios/parallel.js";
import { runCells, type CellOutcome, type CellRunOptions } from "../scenarios/run.js";
import type { CellWorkerData } from "./cell-worker.js";
import type { CommandEnv } from "./command.js";

/** Run `cells` like `runCells`, on `workers` threads when possible. */
export async function runCellsOnWorkers(
  cells: readonly MatrixCell[],
  runOptions: CellRunOptions,
  onDone: (outcome: CellOutcome, done: number, total: number) => void,
  options: { readonly workers: number; readonly out: string },
  env: CommandEnv,
): Promise<CellOutcome[]> {
  const module = new URL("./cell-worker.js", import.meta.url);
  const injected = (env.context.definitions?.length ?? 0) > 0 && (env.context.plugins?.length ?? 0) === 0;
  if (options.workers <= 1 || cells.length <= 1 || !existsSync(fileURLToPath(module)) || injected) return runCells(cells, runOptions, onDone);
  const data: CellWorkerData = {
    files: [...new Set(cells.map((c) => c.scenario.file))],
    plugins: env.context.plugins ?? [],
    ...(runOptions.runs !== undefined ? { runs: runOptions.runs } : {}),
    ...(runOptions.seed !== undefined ? { seed: runOptions.seed } : {}),
  };
  try {
    return await runCellsParallel(cells, runOptions, onDone, { workers: options.workers, worker: { module, data }, expectedMs: previousDurations(options.out) });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (!message.startsWith("worker: setup")) throw e;
    env.io.stderr(`qkd-harness: note: running in one thread (${message})\n`);
    return runCells(cells, runOptions, onDone);
  }
}

/** `run.durations` of the results document last written to `out` (empty when there is none). */
function previousDurations(out: string): Record<string, number> {
  try {
    const doc = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as { run?: { durations?: Record<string, number> } };
    return doc.run?.durations ?? {};
  } catch {
    return {};
  }
}
