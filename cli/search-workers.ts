/**
 * `search --workers N`: the independent starts of a search (properties/search/optimise.ts
 * `optimiseStart`) on N threads, this one included. Each start is a function of the search's
 * options and its index alone and returns plain data, so a worker thread ({@link workerModule})
 * rebuilds the search from the same options and runs the starts it takes; the outcomes are
 * combined in start order whichever thread ran them, and the result is byte-identical for any N.
 *
 * Threads take the next start from a shared counter (`Atomics.add`), this thread as well: starts
 * take similar time (an equal share of the budget each), so no schedule is needed. A start a
 * worker did not answer (it failed to load, or ended early) runs on this thread afterwards: the
 * same start gives the same outcome, and an error it raises is raised here.
 * @module
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Bb84SearchOptions } from "../properties/bb84/search.js";
import type { Bb84Params } from "../properties/bb84/params.js";
import type { SearchOutcome } from "../properties/types.js";

/** What a search worker rebuilds the search from (structured-cloneable). */
export interface SearchWorkerJob {
  readonly protocol: "bb84";
  readonly params: Bb84Params;
  readonly options: Bb84SearchOptions;
}

/** The worker threads' data: the job and the shared counter of the next start. */
export interface SearchWorkerData {
  readonly job: SearchWorkerJob;
  readonly next: Int32Array;
}

/** Sent by a worker: a start's outcome, or the end of its work. */
export type FromSearchWorker = { readonly start: number; readonly outcome: SearchOutcome<unknown> } | { readonly finished: true };

/** The worker threads' module: compiled code only (absent when the CLI runs from TypeScript sources). */
const workerModule = new URL("./search-worker.js", import.meta.url);

/**
 * The outcomes of starts 0 .. count - 1 of `job`, in start order, computed by `here` on this
 * thread and by up to `workers - 1` worker threads (default: the machine's cores; none when
 * there is one start or the worker module is absent). `onNote` hears of a worker that failed.
 */
export async function runStarts(
  job: SearchWorkerJob,
  count: number,
  workers: number | undefined,
  here: (start: number) => SearchOutcome<unknown>,
  onNote?: (text: string) => void,
): Promise<SearchOutcome<unknown>[]> {
  const outcomes: (SearchOutcome<unknown> | undefined)[] = new Array(count).fill(undefined);
  const next = new Int32Array(new SharedArrayBuffer(4));
  const threads = Math.min(workers ?? availableParallelism(), count);
  const started = threads > 1 && existsSync(fileURLToPath(workerModule))
    ? Array.from({ length: threads - 1 }, () => new Worker(workerModule, { workerData: { job, next } satisfies SearchWorkerData }))
    : [];
  const ended = started.map((w) => new Promise<void>((resolve) => {
    w.on("message", (msg: FromSearchWorker) => ("finished" in msg ? resolve() : (outcomes[msg.start] = msg.outcome)));
    // a worker that fails or ends early leaves its starts unanswered: this thread runs them below
    w.on("error", (e: Error) => {
      onNote?.(`a search worker thread failed (${e.message}); this thread runs the starts it left`);
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
    return outcomes.map((outcome, k) => outcome ?? here(k));
  } finally {
    await Promise.all(started.map((w) => w.terminate()));
  }
}
