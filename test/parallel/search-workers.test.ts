/**
 * `search --workers N` (cli/search-workers.ts): the independent starts of the bb84 probe search
 * run on several threads and give the same result, bit for bit, as on one. Small budgets (2,000
 * evaluations a start): this checks determinism and that the worker threads really run starts,
 * not what the search finds.
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { bb84SearchResult, bb84SearchStart, bb84SearchStarts, searchBb84, type Bb84SearchOptions } from "../../properties/bb84/search.js";
import { secrecy } from "../../properties/bb84/secrecy.js";
import type { SearchOutcome } from "../../properties/types.js";
import type { runStarts as RunStarts } from "../../cli/search-workers.js";
import { cli } from "../cli/capture.js";
import { compiledPackage } from "../setup/compiled.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const params = secrecy.params.parse({ variant: "paper" });
const options: Bb84SearchOptions = { objective: "information", seed: 5, budget: 4000, disturbance: 0.11 };
/** Every number as its bits (JSON writes a double's shortest exact form). */
const bits = (x: unknown): string => JSON.stringify(x);

let dist = "";
/** searchBb84's result, and its starts run in reverse order and copied as across a thread boundary (structured clone). */
let whole: SearchOutcome<unknown>, starts: SearchOutcome<unknown>[];
beforeAll(async () => {
  whole = searchBb84(params, options);
  starts = [];
  for (const k of [1, 0]) starts[k] = structuredClone(bb84SearchStart(params, options, k));
  dist = join(await compiledPackage(), "dist");
}, 300_000);

describe("search --workers N: the same result for any N", () => {
  test("the starts, run in any order and copied across a thread boundary (structured clone), give searchBb84's result", () => {
    expect(bb84SearchStarts(params, options)).toBe(2);
    expect(bits(bb84SearchResult(params, options, starts))).toBe(bits(whole));
    // negative control: a start lost on the way (a worker's answer missing) is not the same result
    expect(bits(bb84SearchResult(params, options, [starts[0]]))).not.toBe(bits(whole));
  });

  test("a worker thread runs the starts this thread does not take, and its outcome arrives bit for bit", async () => {
    const { runStarts } = (await import(join(dist, "cli", "search-workers.js"))) as { runStarts: typeof RunStarts };
    const ranHere: number[] = [], notes: string[] = [];
    const outcomes = await runStarts({ protocol: "bb84", params, options }, 2, 2, (k) => {
      ranHere.push(k);
      // hold this thread (asleep) on its first start long enough for the worker to load and take the other
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1500);
      return starts[k];
    }, (t) => notes.push(t));
    expect(notes).toEqual([]);
    expect(ranHere).toEqual([0]);
    expect(bits(outcomes[1])).toBe(bits(starts[1]));
    expect(bits(bb84SearchResult(params, options, outcomes))).toBe(bits(whole));
  });

  test("the compiled CLI with --workers 2 prints what this process prints with --workers 1", async () => {
    const argv = ["search", "bb84", "--seed", "5", "--budget", "4000", "--json"];
    const two = spawnSync(process.execPath, [join(dist, "cli", "main.js"), ...argv, "--workers", "2"], { cwd: root, encoding: "utf8" });
    const one = await cli([...argv, "--workers", "1"]);
    expect(two.stderr).toBe("");
    expect(two.status).toBe(0);
    expect(one.code).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });
});
