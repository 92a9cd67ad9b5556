/**
 * `--workers N` uses at most THREADS_PER_CORE threads per core (cli/workers.ts): the flag accepts
 * up to 1,024, and each thread loads the model and holds its own heap (32 threads of `search
 * bb84` peaked at 1.03 GB), so a large N is lowered, with a note, and the result is the same.
 * Negative control: a count within the cap is used as given, without a note.
 */
import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";
import { cappedWorkers, THREADS_PER_CORE } from "../../cli/workers.js";
import { cli } from "../cli/capture.js";

describe("--workers: at most THREADS_PER_CORE threads per core", () => {
  it("a count above the cap is lowered to it with a note naming the flag; within it, as given and silent", () => {
    const notes: string[] = [];
    const note = (t: string) => notes.push(t);
    expect(THREADS_PER_CORE).toBe(4);
    expect(cappedWorkers(1024, note, 2)).toBe(8);
    expect(notes).toEqual(["--workers 1024: at most 8 threads (4 per core: more add memory and start-up time, not speed)"]);
    expect(cappedWorkers(9, note, 2)).toBe(8);
    expect(cappedWorkers(8, note, 2)).toBe(8);
    expect(cappedWorkers(3, note, 2)).toBe(3);
    expect(cappedWorkers(undefined, note, 2)).toBeUndefined();
    expect(cappedWorkers(1024, note, 256)).toBe(1024);
    expect(notes).toHaveLength(2);
  });

  it("search bb84 --workers 1024 prints the note and the result of --workers 1", async () => {
    const args = ["search", "bb84", "--budget", "2000", "--seed", "3", "--json"];
    const one = await cli([...args, "--workers", "1"]);
    const many = await cli([...args, "--workers", "1024"]);
    expect(one.code).toBe(0);
    expect(many.code).toBe(0);
    expect(many.stdout).toBe(one.stdout);
    expect(one.stderr).toBe("");
    const cap = THREADS_PER_CORE * availableParallelism();
    expect(many.stderr).toBe(cap >= 1024 ? "" : `qkd-harness: note: --workers 1024: at most ${cap} threads (4 per core: more add memory and start-up time, not speed)\n`);
  });
});
