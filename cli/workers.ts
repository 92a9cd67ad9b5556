/**
 * `--workers N`: run the cells on N worker threads (scenarios/parallel.ts) when they can be
 * rebuilt in a worker — compiled code (the worker module is JavaScript) and every property from
 * the shipped registry or a `--plugin` module — else in this thread. Cells are scheduled
 * longest first by the durations of the previous run in the same report directory. The shipped
 * figures of the report (memoised per process, costing seconds) are computed, and drawn when
 * the HTML report is written, by this thread while the workers load, instead of after the cells
 * when the other threads have nothing to do.
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Worker } from "node:worker_threads";
import { allFigures } from "../properties/figures.js";
import { expressionValues } from "../properties/params.js";
import { drawFigures } from "../reports/plots/index.js";
import type { MatrixCell } from "../scenarios/matrix.js";
import { runCellsParallel, startWorkers, stopWorkers } from "../scenarios/parallel.js";
import { runCells, type CellOutcome, type CellRunOptions } from "../scenarios/run.js";
import type { CellWorkerData } from "./cell-worker.js";
import type { CommandEnv } from "./command.js";

/**
 * Most threads a command starts per core (`--workers` above it is lowered, with a note): the
 * threads are CPU-bound, so more than the cores add start-up and memory without speed. Each
 * loads the model afresh (1.3-1.5 s of CPU for the search's, cli/search-workers.ts) and holds its
 * own heap: `search bb84 --budget 64000 --workers 32` peaked at 1.03 GB resident and took 21.9 s
 * on 2 cores, against 151 MB and 5.7 s with `--workers 1` (2026-11-28, load 4-11), so the 1,024
 * the flag accepts would have exhausted memory. The cap is the CLI's: the library's
 * `runCellsParallel` and `runStarts` start what they are given.
 */
export const THREADS_PER_CORE = 4;

/** `--workers` as the threads to use: at most {@link THREADS_PER_CORE} per core of `cores`, with a `note` when lowered. */
export function cappedWorkers(requested: number | undefined, note: (text: string) => void, cores = availableParallelism()): number | undefined {
  const most = THREADS_PER_CORE * cores;
  if (requested === undefined || requested <= most) return requested;
  note(`--workers ${requested}: at most ${most} threads (${THREADS_PER_CORE} per core: more add memory and start-up time, not speed)`);
  return most;
}

/** A note on stderr, as the commands print them. */
export const noteTo = (env: CommandEnv) => (text: string): void => env.io.stderr(`qkd-harness: note: ${text}\n`);

/** The worker threads' module: compiled code only (absent when the CLI runs from TypeScript sources). */
const workerModule = new URL("./cell-worker.js", import.meta.url);

/**
 * Whether cells can run on worker threads here: the worker module is compiled JavaScript and
 * every property comes from the shipped registry or a `--plugin` module (definitions injected
 * by a library caller cannot be rebuilt in another thread).
 */
function workersUsable(env: CommandEnv): boolean {
  const injected = (env.context.definitions?.length ?? 0) > 0 && (env.context.plugins?.length ?? 0) === 0;
  return !injected && existsSync(fileURLToPath(workerModule));
}

/**
 * Start the worker threads of `--workers N` (default: the machine's cores), this thread not
 * counted, before the scenarios are loaded, so that their module loading overlaps this thread's
 * (none when they cannot be used), for at least `cells` cells (no more threads than cells: a
 * thread started for nothing loads the whole model). Pass them to {@link runCellsOnWorkers}
 * through `execute`, which starts more if there are more cells; the caller ends them
 * (`stopWorkers`) when the command is done, whatever happened.
 */
export function startCellWorkers(workers: number | undefined, env: CommandEnv, cells: number): Worker[] {
  const threads = Math.min(workers ?? availableParallelism(), cells);
  return threads > 1 && workersUsable(env) ? startWorkers(workerModule, threads - 1) : [];
}

/** Run `cells` like `runCells`, on `workers` threads when possible (using the `started` ones first). */
export async function runCellsOnWorkers(
  cells: readonly MatrixCell[],
  runOptions: CellRunOptions,
  onDone: (outcome: CellOutcome, done: number, total: number) => void,
  options: { readonly workers: number; readonly out: string; readonly started?: readonly Worker[]; readonly drawFigures?: boolean },
  env: CommandEnv,
): Promise<CellOutcome[]> {
  if (options.workers <= 1 || cells.length <= 1 || !workersUsable(env)) {
    await stopWorkers(options.started ?? []);
    return runCells(cells, runOptions, onDone);
  }
  const data: CellWorkerData = {
    plugins: env.context.plugins ?? [],
    expressions: expressionValues(),
    ...(runOptions.runs !== undefined ? { runs: runOptions.runs } : {}),
    ...(runOptions.seed !== undefined ? { seed: runOptions.seed } : {}),
    ...(runOptions.seeds !== undefined ? { seeds: runOptions.seeds } : {}),
    ...(runOptions.searchBudget !== undefined ? { searchBudget: runOptions.searchBudget } : {}),
  };
  return runCellsParallel(cells, runOptions, onDone, {
    workers: options.workers,
    worker: { module: workerModule, data },
    groupOf: (cell) => cell.scenario.file,
    ...(options.started ? { started: options.started } : {}),
    expectedMs: expectedDurations(cells, options.out),
    beforeCells: async () => {
      const figures = allFigures(protocols(cells));
      if (options.drawFigures === true) await drawFigures(figures); // never rejects: it only saves time
    },
    onNote: noteTo(env),
  });
}

/**
 * Seconds per cell of the slowest shipped scenario of each property (verify --workers 1, 94
 * cells, 2026-11-27, per-cell wall time at load average ~6 on 2 cores): the schedule's guess when no previous run is at hand
 * (a fresh clone, CI). Only the order and the protocols' totals matter; properties not listed count as 0.1 s.
 */
const TYPICAL_SECONDS: Readonly<Record<string, number>> = {
  "kdc.end-to-end-quantum": 3.1,
  "bb84.paper-claims": 2.6,
  "kdc.otp-perfect-secrecy": 2.1,
  "auth.accumulation": 1.9,
  "bb84.finite-key-ledger": 1.3,
  "auth.impersonation": 0.8,
  "auth.update-secrecy": 0.7,
  "kdc.backward-secrecy": 0.7,
  "kdc.correctness": 0.6,
  "bb84.secrecy": 0.5,
  "kdc.forward-secrecy": 0.45,
  "kdc.outsider-confidentiality": 0.45,
  "bb84.error-correction": 0.43,
  "auth.passive-secrecy": 0.35,
  "bb84.toeplitz-universal": 0.2,
};

/** The protocols of `cells` (whose figures the report draws). */
function protocols(cells: readonly MatrixCell[]): string[] {
  return [...new Set(cells.map((c) => c.property.definition.protocol))];
}

/** Expected ms per cell key: the previous run's duration, else the property's typical one. */
function expectedDurations(cells: readonly MatrixCell[], out: string): Record<string, number> {
  const previous = previousDurations(out);
  return Object.fromEntries(cells.map((c) => [c.key, previous[c.key] ?? 1000 * (TYPICAL_SECONDS[c.property.definition.id] ?? 0.1)]));
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
