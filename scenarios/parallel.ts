/**
 * Run matrix cells on worker threads: the contract of {@link runCells} (cells in, outcomes out
 * in cell order, a progress callback per finished cell), spread over `workers` threads.
 *
 * A cell holds functions (its property's check), which cannot cross a thread boundary, so each
 * worker rebuilds the same cells itself: each worker runs the module named by
 * {@link CellWorkerSpec}, which calls {@link serveCells} with a function from `data` to run
 * options and a way to rebuild the cells of one group (a scenario file), and then runs the cells
 * it takes by key, rebuilding a group the first time it takes one of its cells. Results are plain
 * data and come back unchanged, so the outcomes are identical for any number of workers (only
 * durations differ).
 *
 * Workers may be started before the cells are known ({@link startWorkers}): they load their
 * modules while this thread loads the scenarios, and receive their work in one message.
 *
 * Hand-written on `node:worker_threads` rather than a pool package (piscina 5.3, tinypool 2.2
 * checked): a verify run has tens of cells of 0.1-30 s each, so per-task overhead is irrelevant;
 * what matters is that each worker loads the scenarios once, that the longest cells start
 * first and that the main thread works too, which a shared counter does without a dependency.
 *
 * Scheduling (measured on 2 cores, see bench/verify.ts): one queue per thread, each longest
 * first by `expectedMs` (e.g. the durations of a previous run; unknown cells count as the
 * longest known). The cells of one protocol go to one thread's queue (protocols spread over the
 * threads longest total first, each to the least loaded thread): every isolate JIT-compiles and
 * caches on its own, so a protocol's model code compiled and its memoised tables built on two
 * threads is work done twice (measured with `--trace-opt` on the shipped scenarios, 2026-11-27:
 * 1006-1010 TurboFan compilations on one thread, 1447-1536 on two threads sharing one queue,
 * 1291-1318 with a queue per protocol group, i.e. about 40 % fewer compiled twice). A thread whose queue is empty takes the next cell of the queue
 * with the most expected work left, so that the threads finish close together. This thread
 * works too: it has its modules loaded already, and N threads cost N - 1 module loads instead
 * of N; it first does `beforeCells` (work the caller needs after the cells, such as the
 * report's figures) while the workers load. A worker rebuilds only the scenario files of the
 * cells it takes, not all of them (measured on the shipped scenarios, `verify --workers 2`,
 * 2026-11-27: the worker's first cell started 1.7 s after it was spawned for the full rebuild,
 * which parses every scenario and evaluates its expressions, at load 9).
 * @module
 */
import { isMainThread, parentPort, Worker } from "node:worker_threads";
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
  /**
   * Work for this thread while the workers load (its result is the caller's business, e.g.
   * memoised figures). A rejection ends the run with that error.
   */
  readonly beforeCells?: () => void | Promise<void>;
  /** The group a worker rebuilds `cell` from (default: one group for all), e.g. its scenario file. */
  readonly groupOf?: (cell: MatrixCell) => string;
  /**
   * Workers already started on `worker.module` by {@link startWorkers}: they are used first (more
   * are started if needed) and all of them are terminated when the cells are done.
   */
  readonly started?: readonly Worker[];
}

/** Sent by a worker: an outcome, a failure (index -1: while rebuilding), or the end of its work. */
type FromWorker =
  | { readonly index: number; readonly outcome: CellOutcome }
  | { readonly index: number; readonly error: string }
  | { readonly finished: true };

/**
 * Per-thread queues of cell indices, shared by all threads: queue `q` is
 * `order[start[q] .. start[q + 1])`, its next cell at position `start[q] + taken[q]`
 * (`taken` is the shared counter every thread advances with `Atomics.add`).
 */
export interface CellQueues {
  /** Cell indices, queue after queue, each longest first. */
  readonly order: Int32Array;
  /** Where each queue starts in `order`, and (last entry) its length. */
  readonly start: Int32Array;
  /** Expected ms left in queue q from its position i on: `left[start[q] + i]` (for choosing whom to help). */
  readonly left: Float64Array;
  /** Cells taken from each queue so far (a `SharedArrayBuffer`). */
  readonly taken: Int32Array;
}

/** What a worker receives, in the first message it gets. */
interface WorkerStart {
  readonly data: unknown;
  /** Cell keys, by index. */
  readonly keys: readonly string[];
  /** The group of each cell, by index (see {@link ParallelOptions.groupOf}). */
  readonly groups: readonly string[];
  readonly queues: CellQueues;
  /** This worker's queue (this thread's is 0). */
  readonly thread: number;
}

/**
 * Run `cells` like {@link runCells}, on `options.workers` threads: this thread and
 * `workers - 1` worker threads take the next cell of their own queue ({@link cellQueues}), or
 * of the fullest queue when theirs is empty ({@link takeCell}), whenever they are free. This
 * thread starts at once with its modules loaded; a worker joins when it has rebuilt the cells, and a worker that cannot
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
  if (count <= 1) {
    await stopWorkers(options.started ?? []);
    return runCells(cells, runOptions, onDone);
  }
  const queues = cellQueues(cells, options.expectedMs ?? {}, count);
  const outcomes: CellOutcome[] = new Array(cells.length);
  let done = 0;
  const record = (index: number, outcome: CellOutcome): void => {
    outcomes[index] = outcome;
    onDone?.(outcome, ++done, cells.length);
  };
  const keys = cells.map((c) => c.key);
  const groups = cells.map((c) => options.groupOf?.(c) ?? "");
  const started = options.started ?? [];
  await stopWorkers(started.slice(count - 1));
  const workers = [...started.slice(0, count - 1), ...startWorkers(options.worker.module, count - 1 - started.length)];
  workers.forEach((w, i) => w.postMessage({ data: options.worker.data, keys, groups, queues, thread: i + 1 } satisfies WorkerStart));
  const finished = workers.map((w) => {
    const ended = new Promise<void>((resolve, reject) => {
      const early = lifecycle.get(w);
      if (early?.error !== undefined) {
        // it failed before these listeners existed (e.g. its module did not load)
        options.onNote?.(`a worker thread could not start (${early.error.message}); the other threads ran its share`);
        return resolve();
      }
      if (early?.exited) return resolve();
      w.on("message", (msg: FromWorker) => {
        if ("finished" in msg) return resolve();
        if ("outcome" in msg) return record(msg.index, msg.outcome);
        if (msg.index >= 0) return reject(new Error(`worker: cell ${cells[msg.index].key}: ${msg.error}`));
        options.onNote?.(`a worker thread could not set up (${msg.error}); the other threads ran its share`);
        resolve();
      });
      w.on("error", reject);
      w.on("exit", () => resolve());
    });
    ended.catch(() => undefined); // awaited below, after this thread's cells: not unhandled meanwhile
    return ended;
  });
  try {
    await options.beforeCells?.();
    for (let index = takeCell(queues, 0); index >= 0; index = takeCell(queues, 0)) {
      record(index, runCell(cells[index], runOptions));
      await new Promise((resolve) => setImmediate(resolve)); // let workers' outcomes in
    }
    await Promise.all(finished);
    // a worker that ended in the middle of a cell (a plugin calling process.exit, say) took cells
    // it never answered: this thread runs them (the same cells and options give the same outcomes)
    const missing = cells.flatMap((_, i) => (outcomes[i] === undefined ? [i] : []));
    if (missing.length > 0) options.onNote?.(`a worker thread ended before answering ${missing.length} cell(s); this thread ran them`);
    for (const index of missing) record(index, runCell(cells[index], runOptions));
  } finally {
    await stopWorkers(workers);
  }
  return outcomes;
}

/**
 * What happened to a worker before {@link runCellsParallel} listened to it: {@link startWorkers}
 * listens from the start, so that an early failure (its module not loading) is neither an
 * unhandled `error` event, which would end the process, nor an exit nobody hears.
 */
const lifecycle = new WeakMap<Worker, { error?: Error; exited?: boolean }>();

/**
 * Start `count` worker threads on `module` (a `file:` URL or absolute path of compiled
 * JavaScript that calls {@link serveCells}) ahead of their cells: each loads its modules and waits
 * for its work. Hand them to {@link runCellsParallel} as `started`, or end them with {@link stopWorkers}.
 */
export function startWorkers(module: URL | string, count: number): Worker[] {
  return Array.from({ length: Math.max(0, count) }, () => {
    const worker = new Worker(module);
    const state: { error?: Error; exited?: boolean } = {};
    lifecycle.set(worker, state);
    worker.on("error", (e: Error) => (state.error ??= e));
    worker.on("exit", () => (state.exited = true));
    return worker;
  });
}

/** Terminate `workers` (those already ended included). */
export async function stopWorkers(workers: readonly Worker[]): Promise<void> {
  await Promise.all(workers.map((w) => w.terminate()));
}

/**
 * Split `cells` into `threads` queues, each longest first: the cells of one protocol in one
 * queue; protocols in order of total expected time, each to the queue with the least so far
 * (ties: the lower queue, so this thread's first). One queue is {@link longestFirst}.
 */
export function cellQueues(cells: readonly MatrixCell[], expectedMs: Readonly<Record<string, number>>, threads: number): CellQueues {
  const cost = costOf(cells, expectedMs);
  const ranked = longestFirst(cells, expectedMs);
  const rank = new Int32Array(cells.length);
  ranked.forEach((i, r) => (rank[i] = r));
  const byProtocol = new Map<string, number[]>();
  for (const i of ranked) {
    const protocol = cells[i].property.definition.protocol;
    byProtocol.set(protocol, [...(byProtocol.get(protocol) ?? []), i]);
  }
  const total = (group: readonly number[]): number => group.reduce((sum, i) => sum + cost(i), 0);
  const groups = [...byProtocol.values()].sort((a, b) => total(b) - total(a));
  const queues: number[][] = Array.from({ length: threads }, () => []);
  const load = new Array<number>(threads).fill(0);
  for (const group of groups) {
    const q = load.indexOf(Math.min(...load));
    queues[q].push(...group);
    load[q] += total(group);
  }
  const order = queues.flatMap((queue) => queue.sort((a, b) => rank[a] - rank[b]));
  const start = Int32Array.from([0, ...queues.map((_, q) => queues.slice(0, q + 1).reduce((n, g) => n + g.length, 0))]);
  const left = new Float64Array(order.length);
  for (let q = 0; q < threads; q++) {
    for (let pos = start[q + 1] - 1, sum = 0; pos >= start[q]; pos--) left[pos] = sum += cost(order[pos]);
  }
  return { order: Int32Array.from(order), start, left, taken: new Int32Array(new SharedArrayBuffer(4 * threads)) };
}

/**
 * The next cell for thread `thread`: from its own queue, else from the queue with the most
 * expected work left; -1 when every queue is empty. Safe from any thread (each take is one
 * `Atomics.add`; a take past a queue's end just finds it empty).
 */
export function takeCell(queues: CellQueues, thread: number): number {
  const { order, start, left, taken } = queues;
  const threads = start.length - 1;
  const take = (q: number): number => {
    const pos = start[q] + Atomics.add(taken, q, 1);
    return pos < start[q + 1] ? order[pos] : -1;
  };
  const own = thread < threads ? take(thread) : -1;
  if (own >= 0) return own;
  for (;;) {
    let fullest = -1;
    for (let q = 0, most = -1; q < threads; q++) {
      const pos = start[q] + Atomics.load(taken, q);
      if (pos < start[q + 1] && left[pos] > most) [fullest, most] = [q, left[pos]];
    }
    if (fullest < 0) return -1;
    const index = take(fullest);
    if (index >= 0) return index;
  }
}

/** Indices of `cells`, longest expected first (ties and unknown durations keep cell order; unknown counts as longest). */
export function longestFirst(cells: readonly MatrixCell[], expectedMs: Readonly<Record<string, number>>): number[] {
  const cost = costOf(cells, expectedMs);
  return cells.map((_, i) => i).sort((a, b) => cost(b) - cost(a) || a - b);
}

/** The expected ms of cell i (unknown: the longest known). */
function costOf(cells: readonly MatrixCell[], expectedMs: Readonly<Record<string, number>>): (i: number) => number {
  const known = Object.values(expectedMs).filter((v) => Number.isFinite(v));
  const unknown = known.length > 0 ? Math.max(...known) : 0;
  return (i) => expectedMs[cells[i].key] ?? unknown;
}

/** What a worker module serves: the run options, and the cells of one group, rebuilt. */
export interface CellServer {
  readonly options: CellRunOptions;
  cellsOf(group: string): readonly MatrixCell[];
}

/**
 * Inside a worker: wait for the work ({@link runCellsParallel} posts it), set up from its data,
 * then take cells from the shared queues until they are empty, rebuilding each group the first
 * time one of its cells is taken, and send each outcome back. Call it at the top level of the
 * worker module.
 */
export function serveCells(setup: (data: unknown) => Promise<CellServer>): void {
  const port = parentPort;
  if (isMainThread || port === null) return;
  port.once("message", (start: WorkerStart) => {
    const { data, keys, groups, queues, thread } = start;
    const send = (msg: FromWorker): void => port.postMessage(msg);
    void setup(data).then(
      ({ options, cellsOf }) => {
        const byGroup = new Map<string, ReadonlyMap<string, MatrixCell>>();
        const cellAt = (index: number): MatrixCell | undefined => {
          const group = groups[index];
          let cells = byGroup.get(group);
          if (cells === undefined) byGroup.set(group, (cells = new Map(cellsOf(group).map((c) => [c.key, c]))));
          return cells.get(keys[index]);
        };
        for (let index = takeCell(queues, thread); index >= 0; index = takeCell(queues, thread)) {
          try {
            const cell = cellAt(index);
            if (cell === undefined) throw new Error(`no cell "${keys[index]}" after rebuilding`);
            send({ index, outcome: runCell(cell, options) });
          } catch (e) {
            return send({ index, error: e instanceof Error ? e.message : String(e) });
          }
        }
        send({ finished: true });
      },
      (e: unknown) => send({ index: -1, error: `set-up failed: ${e instanceof Error ? e.message : String(e)}` }),
    );
  });
}
