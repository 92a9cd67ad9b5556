/**
 * Run matrix cells on worker threads: the contract of {@link runCells} (cells in, outcomes out
 * in cell order, a progress callback per finished cell), spread over `workers` threads.
 *
 * A cell holds functions (its property's check), which cannot cross a thread boundary, so each
 * worker rebuilds the same cells itself: each worker runs the module named by
 * {@link CellWorkerSpec}, which calls {@link serveCells} with a function from `data` to cells and
 * run options, and then runs the cells it is sent by key. Results are plain data and come back unchanged, so the
 * outcomes are identical for any number of workers (only durations differ).
 *
 * Hand-written on `node:worker_threads` rather than a pool package (piscina 5.3, tinypool 2.2
 * checked): a verify run has tens of cells of 0.1-30 s each, so per-task overhead is irrelevant;
 * what matters is that each worker loads the scenarios once and that the longest cells start
 * first, which a queue of ~40 lines does without a dependency.
 *
 * Scheduling: cells are handed out longest first by `expectedMs` (e.g. the durations of a
 * previous run; unknown cells count as the longest known), each worker taking the next cell when
 * it finishes one, so that the workers finish close together.
 * @module
 */
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { MatrixCell } from "./matrix.js";
import { runCell, runCells, type CellOutcome, type CellRunOptions } from "./run.js";

/** The module each worker runs and the data it rebuilds the cells from. */
export interface CellWorkerSpec {
  /** The worker's module (a `file:` URL or an absolute path of compiled JavaScript); it calls {@link serveCells}. */
  readonly module: URL | string;
  /** Structured-cloneable data handed to the module's rebuild function. */
  readonly data: unknown;
}

/** How to spread cells over threads. */
export interface ParallelOptions {
  /** Number of worker threads; 1 (or a single cell) runs in this thread. */
  readonly workers: number;
  readonly worker: CellWorkerSpec;
  /** Expected duration per cell key (ms), for longest-first scheduling. */
  readonly expectedMs?: Readonly<Record<string, number>>;
}

type ToWorker = { readonly index: number; readonly key: string } | { readonly stop: true };
type FromWorker =
  | { readonly ready: true }
  | { readonly index: number; readonly outcome: CellOutcome }
  | { readonly index: number; readonly error: string };

/**
 * Run `cells` like {@link runCells}, on `options.workers` worker threads.
 * @throws Error naming the cell when a worker fails (the other workers are stopped).
 */
export async function runCellsParallel(
  cells: readonly MatrixCell[],
  runOptions: CellRunOptions,
  onDone: ((outcome: CellOutcome, done: number, total: number) => void) | undefined,
  options: ParallelOptions,
): Promise<CellOutcome[]> {
  const count = Math.min(options.workers, cells.length);
  if (count <= 1) return runCells(cells, runOptions, onDone);
  const queue = longestFirst(cells, options.expectedMs ?? {});
  const outcomes: CellOutcome[] = new Array(cells.length);
  let done = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let running = count;
      const next = (w: Worker): void => {
        const index = queue.shift();
        if (index === undefined) {
          w.postMessage({ stop: true } satisfies ToWorker);
          if (--running === 0) resolve();
          return;
        }
        w.postMessage({ index, key: cells[index].key } satisfies ToWorker);
      };
      for (let k = 0; k < count; k++) {
        const w = new Worker(options.worker.module, { workerData: { data: options.worker.data } });
        workers.push(w);
        w.on("message", (msg: FromWorker) => {
          if ("ready" in msg) return next(w);
          if ("error" in msg) return reject(new Error(`worker: ${msg.index < 0 ? "setup" : `cell ${cells[msg.index].key}`}: ${msg.error}`));
          outcomes[msg.index] = msg.outcome;
          onDone?.(msg.outcome, ++done, cells.length);
          next(w);
        });
        w.on("error", reject);
        w.on("exit", (code) => { if (code !== 0) reject(new Error(`worker exited with code ${code}`)); });
      }
    });
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return outcomes;
}

/** Indices of `cells`, longest expected first (ties and unknown durations keep cell order; unknown counts as longest). */
export function longestFirst(cells: readonly MatrixCell[], expectedMs: Readonly<Record<string, number>>): number[] {
  const known = Object.values(expectedMs).filter((v) => Number.isFinite(v));
  const unknown = known.length > 0 ? Math.max(...known) : 0;
  const cost = (i: number): number => expectedMs[cells[i].key] ?? unknown;
  return cells.map((_, i) => i).sort((a, b) => cost(b) - cost(a) || a - b);
}

/**
 * Inside a worker: rebuild the cells from the spec's data, then run every cell sent by key and
 * send its outcome back. Call it at the top level of the worker module.
 */
export function serveCells(rebuild: (data: unknown) => Promise<{ cells: readonly MatrixCell[]; options: CellRunOptions }>): void {
  const port = parentPort;
  if (isMainThread || port === null) return;
  const spec = workerData as { data: unknown };
  void rebuild(spec.data).then(
    ({ cells, options }) => {
      const byKey = new Map(cells.map((c) => [c.key, c]));
      port.on("message", (msg: ToWorker) => {
        if ("stop" in msg) return port.close();
        const cell = byKey.get(msg.key);
        try {
          if (cell === undefined) throw new Error(`no cell "${msg.key}" after rebuilding`);
          port.postMessage({ index: msg.index, outcome: runCell(cell, options) } satisfies FromWorker);
        } catch (e) {
          port.postMessage({ index: msg.index, error: e instanceof Error ? e.message : String(e) } satisfies FromWorker);
        }
      });
      port.postMessage({ ready: true } satisfies FromWorker);
    },
    (e: unknown) => port.postMessage({ index: -1, error: `rebuild failed: ${e instanceof Error ? e.message : String(e)}` } satisfies FromWorker),
  );
}

