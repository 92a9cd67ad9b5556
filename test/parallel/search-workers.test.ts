/**
 * `search --workers N` (cli/search-workers.ts): the independent starts of the bb84 probe search
 * run on several threads and give the same result, bit for bit, as on one, and as main gave
 * before the starts could be split (910827b). Small budgets (2,000 evaluations a start): this
 * checks determinism and that the worker threads really run starts, not what the search finds.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { defaultThreads, runStarts, STARTS_PER_THREAD } from "../../cli/search-workers.js";
import { bb84SearchResult, bb84SearchStart, bb84SearchStarts, searchBb84, type Bb84SearchOptions } from "../../properties/bb84/search.js";
import { secrecy } from "../../properties/bb84/secrecy.js";
import type { SearchOutcome } from "../../properties/types.js";
import { compiledPackage } from "../setup/compiled.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const params = secrecy.params.parse({ variant: "paper" });
const options: Bb84SearchOptions = { objective: "information", seed: 5, budget: 4000, disturbance: 0.11 };
const job = { params, options };

let dist = "";
/** searchBb84's result, and its starts run in reverse order and copied as across a thread boundary (structured clone). */
let whole: SearchOutcome<unknown>, starts: SearchOutcome<unknown>[];
beforeAll(async () => {
  whole = searchBb84(params, options);
  starts = [];
  for (const k of [1, 0]) starts[k] = structuredClone(bb84SearchStart(params, options, k));
  dist = join(await compiledPackage(), "dist");
}, 300_000);

/**
 * This thread's way of running start k: it records k and, on its first start, sleeps until a
 * worker has taken the other one (up to a minute), so that the worker's part does not depend on
 * how fast it loads; then it answers from `starts`.
 */
function heldHere(next: Int32Array, ranHere: number[]): (k: number) => SearchOutcome<unknown> {
  return (k) => {
    ranHere.push(k);
    for (const until = Date.now() + 60_000; Atomics.load(next, 0) < 2 && Date.now() < until; ) Atomics.wait(next, 0, Atomics.load(next, 0), 50);
    return starts[k];
  };
}

describe("search --workers N: the same result for any N", () => {
  test("the starts, run in any order and structured-cloned, give searchBb84's result, which is main's before the split (910827b)", () => {
    expect(bb84SearchStarts(params, options)).toBe(2);
    // toStrictEqual compares numbers with Object.is: -0 and NaN count
    expect(bb84SearchResult(params, options, starts)).toStrictEqual(whole);
    // `qkd-harness search bb84 --seed 5 --budget 4000 --json` on 910827b
    expect([whole.value, whole.evaluations]).toStrictEqual([0.30337881426258506, 3998]);
    // negative control: a start lost on the way (a worker's answer missing) is not the same result
    expect(bb84SearchResult(params, options, [starts[0]])).not.toStrictEqual(whole);
  });

  test("a worker thread runs the start this thread does not take, and its outcome arrives bit for bit", async () => {
    const { runStarts: compiled } = (await import(join(dist, "cli", "search-workers.js"))) as { runStarts: typeof runStarts };
    const next = new Int32Array(new SharedArrayBuffer(4));
    const ranHere: number[] = [], notes: string[] = [];
    const outcomes = await compiled(job, { workers: 2, next, onNote: (t) => notes.push(t), here: heldHere(next, ranHere) });
    expect(notes).toEqual([]);
    expect(ranHere).toEqual([0]);
    expect(outcomes[1]).toStrictEqual(starts[1]);
    expect(bb84SearchResult(params, options, outcomes)).toStrictEqual(whole);
  });

  test("the default thread count: one per core, one per 25 starts at most, at least one", () => {
    const cases: [number, number, number][] = [[2, 2, 1], [24, 8, 1], [49, 2, 1], [50, 2, 2], [75, 2, 2], [75, 4, 3], [1000, 4, 4], [10, 1, 1]];
    for (const [count, cores, threads] of cases) expect(defaultThreads(count, cores), `${count} starts, ${cores} cores`).toBe(threads);
    expect(STARTS_PER_THREAD).toBe(25);
    // README's search line: budget 100,000 makes 50 starts, the least on which the default uses 2 threads of 2 cores
    expect(bb84SearchStarts(params, { ...options, budget: 100_000 })).toBe(50);
    expect(defaultThreads(bb84SearchStarts(params, { ...options, budget: 98_000 }), 2)).toBe(1);
    // negative control: one thread per core whatever the starts (the first rule) gives 2 for 2 starts on 2 cores
    expect(Math.min(2, 2)).not.toBe(defaultThreads(2, 2));
  });

  test.each([
    ["throws as it loads", "throws.mjs", /a worker thread of the search failed \(injected failure\)/],
    ["ends without answering", "exits.mjs", /1 start\(s\) of the search that worker threads took but did not answer ran on this thread/],
  ])("a worker that %s: this thread runs the start it took, the same result, and a note says so", async (_, file, note) => {
    const next = new Int32Array(new SharedArrayBuffer(4));
    const ranHere: number[] = [], notes: string[] = [];
    const module = new URL(`./fixtures/search/${file}`, import.meta.url);
    const outcomes = await runStarts(job, { workers: 2, module, next, onNote: (t) => notes.push(t), here: heldHere(next, ranHere) });
    expect(ranHere).toEqual([0, 1]); // start 1, taken by the worker, ran here afterwards
    expect(outcomes).toStrictEqual(starts);
    expect(notes.join("\n")).toMatch(note);
  });

  test("the compiled CLI with --workers 2 prints searchBb84's result, the one-thread result", () => {
    const argv = ["search", "bb84", "--seed", "5", "--budget", "4000", "--disturbance", "0.11", "--json", "--workers", "2"];
    const two = spawnSync(process.execPath, [join(dist, "cli", "main.js"), ...argv], { cwd: root, encoding: "utf8" });
    expect(two.stderr).toBe("");
    expect(two.status).toBe(0);
    const printed = JSON.parse(two.stdout) as Record<string, unknown>;
    expect({ value: printed.value, evaluations: printed.evaluations, strategy: printed.strategy, metrics: printed.metrics })
      .toStrictEqual({ value: whole.value, evaluations: whole.evaluations, strategy: JSON.parse(JSON.stringify(whole.input)), metrics: whole.metrics });
  });
});
