/**
 * The bound on the distinct states of Eve's registers one exact authentication run may hold
 * (model/auth/internal/stateTable.ts `MAX_STATES`): past it the run ends with a RunSizeError
 * naming keyBits and sessions, instead of growing its state table until memory runs out. The
 * strategy below is the third of `fc.sample(arbStrategy(["mitm", "impersonate-member",
 * "impersonate-kdc"], 2, 3), { seed: 2, numRuns: 4 })`, a basis-encoded impersonation of the
 * member with no measurement: at keyBits 12 and six sessions (the largest valid sizes) it reached
 * 573,302 states in its third session and grew past 1.7 GB resident before the bound (2^24 then,
 * which bounded nothing); with the bound it ends with the error (2026-11-28, at a bound of 2^18:
 * 5.7 s and 393 MB on a quiet machine, 12.5 s and 468 MB at load 5.5). The limit is exact: a run
 * passes with as many states as it holds and throws with one less (negative control: within the
 * limit, the branches are those of a run without one). `QKD_CELL_LIMIT=1` (set by `npm run
 * test:heavy`) also runs `analyze auth` on it at the real limit, and runs to its end a generated
 * strategy that holds 284,218 states (a review's: a first bound of 2^18 rejected this valid run).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCompiled, RunSizeError, type CompiledRunInput } from "../../model/auth/internal/compiledRun.js";
import { runInput } from "./runInput.js";
import { MAX_STATES, roundedRoom, STATE_SIZE, StateTable } from "../../model/auth/internal/stateTable.js";
import type { Strategy } from "../../model/auth/strategy.js";
import { cli } from "../cli/capture.js";

const strategy = {
  mode: "impersonate-member",
  rounds: [
    {
      toMember: [{ op: "cnot", control: "transit", target: "e1" }, { op: "cz", control: "transit", target: "e1" }, { op: "cnot", control: "e1", target: "e0" }],
      toKdc: [{ op: "u3", target: "e0", theta: 4.71238898038469, phi: 0.7853981633974483, lambda: 0 }],
      message: "continue",
      after: [{ op: "h", target: "e0" }],
    },
  ],
} as Strategy;

const input = (keyBits: number, sessions: number, maxStates?: number): CompiledRunInput => runInput(strategy, keyBits, sessions, maxStates !== undefined ? { maxStates } : {});

/** The branches of every session, or "limit" when the run holds more states than `maxStates`. */
function runWithin(keyBits: number, sessions: number, maxStates?: number): string {
  const sessionsSeen: string[] = [];
  try {
    runCompiled(input(keyBits, sessions, maxStates), (cells) => { sessionsSeen.push(JSON.stringify(cells)); });
  } catch (e) {
    if (e instanceof RunSizeError && e.what === "distinct states of Eve's registers in one run") return "limit";
    throw e;
  }
  return sessionsSeen.join("\n");
}

describe("auth: the distinct states of a run are bounded", () => {
  it("past the limit the run throws a RunSizeError naming keyBits and sessions", () => {
    expect(MAX_STATES).toBe(2 ** 19);
    expect(() => runCompiled(input(4, 3, 100), () => undefined)).toThrow(
      /^the exact evaluation would hold more than 100 distinct states of Eve's registers in one run \(keyBits 4, sessions 3\): .*use fewer key bits or sessions, or a smaller adversary$/,
    );
    const error = (() => { try { runCompiled(input(4, 3, 100), () => undefined); } catch (e) { return e; } })();
    expect(error).toBeInstanceOf(RunSizeError);
    expect(error).toBeInstanceOf(RangeError);
    expect(error).toMatchObject({ limit: 100, keyBits: 4, sessions: 3 });
  });

  it("the limit is exact: the run's own count of states passes with the same branches, one less throws", () => {
    // keyBits 4, three sessions: 295 distinct states (counted when this test was written)
    const free = runWithin(4, 3);
    expect(free).not.toBe("limit");
    expect(runWithin(4, 3, 295)).toBe(free);
    expect(runWithin(4, 3, 294)).toBe("limit");
    // keyBits 2, one session: 3 states
    expect(runWithin(2, 1, 3)).toBe(runWithin(2, 1));
    expect(runWithin(2, 1, 2)).toBe("limit");
  });

  it("after a run stopped at the limit, the next run is the same as a fresh one", () => {
    const fresh = runWithin(4, 2);
    expect(runWithin(4, 3, 50)).toBe("limit");
    expect(runWithin(4, 2)).toBe(fresh);
  });

  it("a table's limit may not exceed MAX_STATES (the outcome cache's keys depend on it)", () => {
    expect(() => new StateTable(MAX_STATES + 1)).toThrow(/above MAX_STATES/);
  });

  it("a large run's room for states is not kept for the thread's lifetime", () => {
    // a table that grew to 5,000 states (the room kept between runs is 4,096)
    const big = new StateTable();
    const entries = new Float64Array(STATE_SIZE);
    for (let k = 0; k < 5000; k++) { entries[0] = k / 5000; big.intern(entries); }
    expect(big.size).toBe(5000);
    expect(roundedRoom()).toBeGreaterThanOrEqual(5000 * STATE_SIZE);
    expect(new StateTable().slab.length).toBeGreaterThanOrEqual(5000 * STATE_SIZE); // the next table pre-allocates as much
    runWithin(2, 1); // a run's end gives the room back
    expect(roundedRoom()).toBeLessThanOrEqual(4096 * STATE_SIZE);
    expect(new StateTable().slab.length).toBeLessThanOrEqual(4096 * STATE_SIZE);
  });

  it.runIf(process.env.QKD_CELL_LIMIT === "1")("within the real limit: a generated strategy with 284,218 states at keyBits 12, six sessions runs to its end", () => {
    // number 21 of fc.sample(arbStrategy([...], 2, 3), { seed: 7, numRuns: 24 }), noise 0.02 (about 16 s, 716 MB)
    const large = {
      mode: "impersonate-member",
      rounds: [
        {
          toMember: [{ op: "cz", control: "e0", target: "transit" }, { op: "cu3", control: "transit", target: "e1", theta: 1.5707963267948966, phi: 0.7853981633974483, lambda: 1.8292959496231285e-95 }],
          toKdc: [{ op: "h", target: "e0" }, { op: "u3", target: "transit", theta: 0, phi: 4.71238898038469, lambda: 4.71238898038469 }],
          message: "pass",
          after: [{ op: "prepare", reg: "e0", theta: 1.5707963267948966, phi: 1.5707963267948966 }],
        },
        {
          toMember: [],
          toKdc: [{ op: "cnot", control: "transit", target: "e0" }, { op: "h", target: "e0" }, { op: "h", target: "e1" }],
          message: "pass",
          after: [{ op: "h", target: "e1" }, { op: "cz", control: "e1", target: "e0" }, { op: "prepare", reg: "e1", theta: 0, phi: 0.7853981633974483 }],
        },
      ],
    } as Strategy;
    let sessions = 0, states = 0;
    runCompiled({ ...input(12, 6), strategy: large, noise: 0.02 }, (_, table) => { sessions++; states = table.size; });
    expect(sessions).toBe(6);
    expect(states).toBe(284_218); // above 2^18, within MAX_STATES
  }, 240_000);

  it.runIf(process.env.QKD_CELL_LIMIT === "1")("at the real limit (keyBits 12, six sessions): analyze auth ends with the error, not out of memory, and exits 2", async () => {
    // analyze auth evaluates through evaluateStrategy (one evaluation: about 6-15 s)
    const file = join(mkdtempSync(join(tmpdir(), "qkd-states-")), "strategy.json");
    writeFileSync(file, JSON.stringify(strategy));
    const run = await cli(["analyze", "auth", "--variant", "basis-encoded", "--key-bits", "12", "--sessions", "6", "--noise", "0.05", "--strategy", file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^qkd-harness: the exact evaluation would hold more than 524,288 distinct states of Eve's registers in one run \(keyBits 12, sessions 6\)/);
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  }, 240_000);
});
