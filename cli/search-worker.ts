/**
 * The module each worker thread of `search --workers N` runs (cli/search-workers.ts): it takes
 * starts of the search from the shared counter until none is left, runs each, and sends its
 * outcome back, then says it has finished.
 * @module
 */
import { parentPort, workerData } from "node:worker_threads";
import { bb84SearchStart, bb84SearchStarts } from "../properties/bb84/search.js";
import type { FromSearchWorker, SearchWorkerData } from "./search-workers.js";

const { job, next } = workerData as SearchWorkerData;
const count = bb84SearchStarts(job.params, job.options);
const send = (msg: FromSearchWorker): void => parentPort!.postMessage(msg);
for (let k = Atomics.add(next, 0, 1); k < count; k = Atomics.add(next, 0, 1)) send({ start: k, outcome: bb84SearchStart(job.params, job.options, k) });
send({ finished: true });
