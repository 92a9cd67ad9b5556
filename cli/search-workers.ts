/**
 * `search --workers N`: the independent starts of a search (properties/search/optimise.ts
 * `optimiseStart`) on N threads, this one included. Each start is a function of the search's
 * options and its index alone and returns plain data, so a worker thread (cli/search-worker.ts)
 * rebuilds the search from the same options and runs the starts it takes; the outcomes are
 * combined in start order whichever thread ran them, and the result is byte-identical for any N.
 *
 * Threads take the next start from a shared counter (`Atomics.add`), this thread as well: starts
 * take similar time (an equal share of the budget each), so no schedule is needed. A start a
 * worker did not answer (it failed to load, threw, or ended early) runs on this thread afterwards:
 * the same start gives the same outcome, and an error it raises is raised here.
 *
 * Each worker thread loads the model and compiles its code afresh: about 30 MB, and 1.3-1.5 s of
 * CPU at `search bb84 --budget 100000` (5.65 s of CPU on one thread, 7.1 s on two; quiet machine,
 * 2026-11-28). Since Nelder–Mead keeps its optimised code (properties/search/nelderMead.ts) two
 * threads cost 12 % more instructions than one (30.1 G against 26.8 G, `perf stat`, load 4-5;
 * 17 % before: 33.0 G against 28.3 G): the worker's start-up (its module loading, 0.16 s of its
 * thread's CPU) and its own warm-up (the optimising compiler compiles the search's code once per
 * thread: 1.9 G instructions more on V8's compiler threads, from a `perf record` profile). The
 * figures below were measured before that change.
 * So by default a thread is started only for every {@link STARTS_PER_THREAD} starts:
 * on 2 cores, 2 threads took 1.11x the time of 1 (unpinned; a 0.90x speed-up) at 16 starts
 * (budget 32,000: 2.3-2.5 s on one thread), and 1.22-1.27x less time at 50 (3.8-3.9 s against
 * 4.7-4.9 s). Where between the two it starts to pay is not pinned down: at 32 starts two pairs of
 * runs read 3.67 s on one thread against 3.92 s on two, and 4.92 s against 3.33 s. An explicit
 * thread count is used as given.
 * @module
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { bb84SearchStart, bb84SearchStarts, type Bb84SearchOptions } from "../properties/bb84/search.js";
import type { Bb84Params } from "../properties/bb84/params.js";
import type { SearchOutcome } from "../properties/types.js";
import { stopWorkers } from "../scenarios/parallel.js";

/** The search a worker rebuilds (structured-cloneable): the bb84 probe search's parameters and options. */
export interface SearchJob {
  readonly params: Bb84Params;
  readonly options: Bb84SearchOptions;
}

/** The worker threads' data: the job and the shared counter of the next start. */
export interface SearchWorkerData {
  readonly job: SearchJob;
  readonly next: Int32Array;
}

/** Sent by a worker: a start's outcome, or the end of its work. */
export type FromSearchWorker = { readonly start: number; readonly outcome: SearchOutcome<unknown> } | { readonly finished: true };

/** Starts per thread below which the default starts no more threads (see the module notes). */
export const STARTS_PER_THREAD = 25;

/** The default number of threads for `count` starts on `cores` cores: one per core, one per STARTS_PER_THREAD starts at most, at least 1. */
export function defaultThreads(count: number, cores: number): number {
  return Math.max(1, Math.min(cores, Math.floor(count / STARTS_PER_THREAD)));
}

/** How to run the starts. */
export interface StartsOptions {
  /**
   * Threads, this one included (default: the machine's cores, but one per STARTS_PER_THREAD
   * starts at most; never more than the starts).
   */
  readonly workers?: number;
  /** Hears of a worker that failed or left starts unanswered. */
  readonly onNote?: (text: string) => void;
  /** The worker threads' module (tests; default cli/search-worker.js, absent when running from TypeScript sources). */
  readonly module?: URL;
  /** How this thread runs start k (tests; default `bb84SearchStart`). */
  readonly here?: (start: number) => SearchOutcome<unknown>;
  /** The shared counter of the next start (tests, to watch the threads take starts). */
  readonly next?: Int32Array;
}

/** The compiled worker module. */
const WORKER_MODULE = new URL("./search-worker.js", import.meta.url);

/**
 * The outcomes of every start of `job` (`bb84SearchStarts`), in start order, computed on this
 * thread and on up to `workers - 1` worker threads (none when there is one start or the worker
 * module is absent).
 */
export async function runStarts(job: SearchJob, options: StartsOptions = {}): Promise<SearchOutcome<unknown>[]> {
  const count = bb84SearchStarts(job.params, job.options);
  const here = options.here ?? ((k: number) => bb84SearchStart(job.params, job.options, k));
  const module = options.module ?? WORKER_MODULE;
  const next = options.next ?? new Int32Array(new SharedArrayBuffer(4));
  const outcomes: (SearchOutcome<unknown> | undefined)[] = new Array(count).fill(undefined);
  const threads = Math.min(options.workers ?? defaultThreads(count, availableParallelism()), count);
  const workers = threads > 1 && existsSync(fileURLToPath(module))
    ? Array.from({ length: threads - 1 }, () => new Worker(module, { workerData: { job, next } satisfies SearchWorkerData }))
    : [];
  const ended = workers.map((w) => new Promise<void>((resolve) => {
    w.on("message", (msg: FromSearchWorker) => ("finished" in msg ? resolve() : (outcomes[msg.start] = msg.outcome)));
    w.on("error", (e: unknown) => {
      options.onNote?.(`a worker thread of the search failed (${e instanceof Error ? e.message : String(e)})`);
      resolve();
    });
    w.on("exit", () => resolve());
  }));
  try {
    for (let k = Atomics.add(next, 0, 1); k < count; k = Atomics.add(next, 0, 1)) {
      outcomes[k] = here(k);
      await new Promise((resolve) => setImmediate(resolve)); // let the workers' outcomes in
    }
    await Promise.all(ended);
    const missing = outcomes.flatMap((o, k) => (o === undefined ? [k] : []));
    if (missing.length > 0) options.onNote?.(`${missing.length} start(s) of the search that worker threads took but did not answer ran on this thread`);
    return outcomes.map((outcome, k) => outcome ?? here(k));
  } finally {
    await stopWorkers(workers);
  }
}
