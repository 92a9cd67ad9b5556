/**
 * The run loop's two cell buffers (model/auth/internal/compiledRun.ts `CELLS`), reused by every
 * run of a thread: a run started inside another's `onSession` makes the outer one throw at its
 * next round instead of reading the inner run's cells; a run that threw leaves nothing behind for
 * the next; a session's branches, handed out as copies, stay what they were when later rounds
 * overwrite the buffers. Negative control: without the claim check the first case does not
 * throw (checked when written; a review found the outer run's later sessions returned empty).
 */
import { describe, expect, it } from "vitest";
import { runCompiled, type CompiledRunInput } from "../../model/auth/internal/compiledRun.js";
import { runInput } from "./runInput.js";
import { honestStrategy } from "../../model/auth/strategy.js";
import { variantSpec } from "../../model/auth/variant.js";

const input = (keyBits: number, sessions: number, weightFloor = 1e-15): CompiledRunInput => runInput(honestStrategy, keyBits, sessions, { spec: variantSpec("parity"), weightFloor });

/** Every session's branches of a run, as the caller keeps them. */
function sessionsOf(run: CompiledRunInput): string[] {
  const out: string[] = [];
  runCompiled(run, (cells) => out.push(JSON.stringify(cells)));
  return out;
}

describe("auth: the run loop's shared cell buffers", () => {
  it("a run inside another's onSession makes the outer run throw at its next round", () => {
    const lengths: number[] = [];
    const nested = () =>
      runCompiled(input(4, 3), (cells) => {
        lengths.push(cells.length);
        if (lengths.length === 1) runCompiled(input(4, 1, 2), () => undefined); // a weight floor of 2 keeps no branch
      });
    expect(nested).toThrow(/one run at a time per thread/);
    expect(lengths).toHaveLength(1);
  });

  it("a run inside another's onSession that stops at its limit while pushing its keys still makes the outer run throw", () => {
    const lengths: number[] = [];
    const nested = () =>
      runCompiled(input(4, 2), (cells) => {
        lengths.push(cells.length);
        if (lengths.length === 1) expect(() => runCompiled({ ...input(12, 1), maxCells: 2000 }, () => undefined)).toThrow(/branches in one round/);
      });
    // without the inner run's claim before its first push, the outer run went on with the inner's 2,000 cells (review)
    expect(nested).toThrow(/one run at a time per thread/);
    expect(lengths).toHaveLength(1);
  });

  it("after a run that threw, and across sessions, the branches are what a fresh run gives", () => {
    const alone = sessionsOf(input(4, 3));
    expect(alone).toHaveLength(3);
    expect(() => runCompiled(input(6, 3), () => { throw new Error("stop"); })).toThrow("stop");
    expect(sessionsOf(input(4, 3))).toEqual(alone);
    // the sessions differ (a later round overwriting an earlier session's copy would make them alike)
    expect(new Set(alone).size).toBe(3);
  });
});
