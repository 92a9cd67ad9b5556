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
 * what matters is that each worker loads the scenarios once, that the longest cells start
 * first and that the main thread works too, which a shared counter does without a dependency.
 *
 * Scheduling: one queue, longest first by `expectedMs` (e.g. the durations of a previous run;
 * unknown cells count as the longest known); every thread, this one included, takes the next
 * cell when it finishes one, so that they finish close together. This thread works too: it has
 * its modules loaded already, and N threads cost N - 1 module loads instead of N.
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
  /** Number of threads, this one included; 1 (or a single cell) runs in this thread only. */
  readonly workers: number;
  readonly worker: CellWorkerSpec;
  /** Expected duration per cell key (ms), for longest-first scheduling. */
  readonly expectedMs?: Readonly<Record<string, number>>;
  /** Where to say that a worker could not help (its share then runs on the other threads). */
  readonly onNote?: (text: string) => void;
}

/** Sent by a worker: an outcome, a failure (index -1: while rebuilding), or the end of its work. */
type FromWorker =
  | { readonly index: number; readonly outcome: CellOutcome }
  | { readonly index: number; readonly error: string }
  | { readonly finished: true };

/** What a worker receives at start. */
interface WorkerStart {
  readonly data: unknown;
  /** Cell keys, by index. */
  readonly keys: readonly string[];
  /** Cell indices in the order to take them. */
  readonly order: Int32Array;
  /** `next[0]`: the position in `order` of the next cell to take, shared by all threads. */
  readonly next: Int32Array;
}

/**
 * Run `cells` like {@link runCells}, on `options.workers` threads: this thread and
 * `workers - 1` worker threads take the next cell of one shared longest-first queue
 * (`Atomics.add` on a shared counter) whenever they are free. This thread starts at once with
 * its modules loaded; a worker joins when it has rebuilt the cells, and a worker that cannot
 * rebuild them only costs its share (reported through `onNote`).
 * @throws Error naming the cell when a worker fails on one.
 */
export async function runCellsParallel(
  cells: readonly MatrixCell[],
  runOptions: CellRunOptions,
  onDone: ((outcome: CellOutcome, done: number, total: number) => void) | undefined,
  options: ParallelOptions,
): Promise<CellOutcome[]> {
  const count = Math.min(options.workers, cells.length);
  if (count <= 1) return runCells(cells, runOptions, onDone);
  const order = Int32Array.from(longestFirst(cells, options.expectedMs ?? {}));
  const next = new Int32Array(new SharedArrayBuffer(4));
  const outcomes: CellOutcome[] = new Array(cells.length);
  let done = 0;
  const record = (index: number, outcome: CellOutcome): void => {
    outcomes[index] = outcome;
    onDone?.(outcome, ++done, cells.length);
  };
  const start: WorkerStart = { data: options.worker.data, keys: cells.map((c) => c.key), order, next };
  const workers = Array.from({ length: count - 1 }, () => new Worker(options.worker.module, { workerData: start }));
  const finished = workers.map((w) => new Promise<void>((resolve, reject) => {
    w.on("message", (msg: FromWorker) => {
      if ("finished" in msg) return resolve();
      if ("outcome" in msg) return record(msg.index, msg.outcome);
      if (msg.index >= 0) return reject(new Error(`worker: cell ${cells[msg.index].key}: ${msg.error}`));
      options.onNote?.(`a worker thread could not rebuild the cells (${msg.error}); the other threads ran its share`);
      resolve();
    });
    w.on("error", reject);
    w.on("exit", () => resolve());
  }));
  try {
    for (let pos = Atomics.add(next, 0, 1); pos < order.length; pos = Atomics.add(next, 0, 1)) {
      record(order[pos], runCell(cells[order[pos]], runOptions));
      await new Promise((resolve) => setImmediate(resolve)); // let workers' outcomes in
    }
    await Promise.all(finished);
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
 * Inside a worker: rebuild the cells from the spec's data, then take cells from the shared
 * queue until it is empty, sending each outcome back. Call it at the top level of the worker module.
 */
export function serveCells(rebuild: (data: unknown) => Promise<{ cells: readonly MatrixCell[]; options: CellRunOptions }>): void {
  const port = parentPort;
  if (isMainThread || port === null) return;
  const { data, keys, order, next } = workerData as WorkerStart;
  const send = (msg: FromWorker): void => port.postMessage(msg);
  void rebuild(data).then(
    ({ cells, options }) => {
      const byKey = new Map(cells.map((c) => [c.key, c]));
      for (let pos = Atomics.add(next, 0, 1); pos < order.length; pos = Atomics.add(next, 0, 1)) {
        const index = order[pos];
        const cell = byKey.get(keys[index]);
        try {
          if (cell === undefined) throw new Error(`no cell "${keys[index]}" after rebuilding`);
          send({ index, outcome: runCell(cell, options) });
        } catch (e) {
          return send({ index, error: e instanceof Error ? e.message : String(e) });
        }
      }
      send({ finished: true });
    },
    (e: unknown) => send({ index: -1, error: `rebuild failed: ${e instanceof Error ? e.message : String(e)}` }),
  );
}
