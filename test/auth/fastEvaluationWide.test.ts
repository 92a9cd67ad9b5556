/**
 * The fast evaluation against the reference at n = 8 (four rounds per session, pairs 0-3): the
 * record ids, key updates at pair index >= 2 and programs shared by pairs are exercised where
 * n = 4 cannot reach them. A few seeded generated strategies per reading (the reference folds
 * every round through the kernel on five qubits for each of 256 keys: seconds per strategy);
 * every metric and Eve's Holevo quantity of each pair to 1e-9 (TOL). More strategies with QKD_RUNS.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { knowledgeOfEach, paperVariants, runAuth, runAuthByPhases, type Branch, type RunResult } from "../../model/auth/index.js";
import { arbStrategy } from "../../properties/auth/arbitraries.js";
import { accepterKey, evaluateRun, runConfig, type SessionEvaluation } from "../../properties/auth/evaluate.js";

const RUNS = Math.max(1, Math.round(4 * Number(process.env.QKD_RUNS ?? 1)));
/**
 * Both runners merge branches whose Eve states agree to 1e-11 per entry (the same fingerprint),
 * but they compute the states in a different order (compiled segments, K rho K^dagger from its
 * upper triangle), so the states differ in their last bits. A state at a rounding boundary of
 * that fingerprint, or an entropy near a zero eigenvalue (not Lipschitz: a shift of 1e-13 moves
 * -x log2 x by ~4e-12), turns that into metric differences above 1e-12: the n = 4 test at seed 12
 * and QKD_RUNS=40 differed by 1.0001e-12, the n = 8 test (seeds 81/82) at QKD_RUNS=40 by
 * 1.035e-12. Any modelling difference is orders of magnitude larger.
 */
const TOL = 1e-9;
const KEY_BITS = 8;
const MODES = ["mitm", "impersonate-member", "impersonate-kdc"] as const;

function metrics(s: SessionEvaluation): (number | null)[] {
  const k = s.knowledge;
  return [s.acceptance, k?.holevo ?? null, k?.entropy ?? null, k?.guessing ?? null, k?.guessingBound ?? null, k?.prior ?? null, s.pairHolevoMax, s.agreement];
}

/** Eve's Holevo quantity of each pair of the accepting party's key, per session (null when never accepted). */
function pairHolevos(run: RunResult, mode: (typeof MODES)[number]): (number[] | null)[] {
  return run.sessions.map((s) => {
    if (s.acceptance < 1e-12) return null;
    const pair = (i: number) => (b: Branch): number => (accepterKey(mode, b) >> (2 * i)) & 3;
    return knowledgeOfEach(s.branches, Array.from({ length: KEY_BITS / 2 }, (_, i) => pair(i))).map((k) => k.holevo);
  });
}

function expectClose(got: readonly (number | null)[], want: readonly (number | null)[], what: string): void {
  expect(got.length, what).toBe(want.length);
  got.forEach((x, i) => {
    const y = want[i];
    if (x === null || y === null) expect(x, `${what} #${i}`).toBe(y);
    else expect(Math.abs(x - y), `${what} #${i}: ${x} vs ${y}`).toBeLessThan(TOL);
  });
}

describe("auth: the fast evaluation equals the reference at n = 8", () => {
  for (const variant of paperVariants) {
    it(`${variant}: seeded generated strategies, n = 8, two sessions, every metric and each pair's Holevo quantity to 1e-9`, () => {
      const params = { variant, keyBits: KEY_BITS, sessions: 2, noise: 0 };
      const strategies = fc.sample(arbStrategy(MODES, 2, 3), { numRuns: RUNS, seed: variant === "parity" ? 81 : 82 });
      let accepted = 0;
      for (const strategy of strategies) {
        const fast = runAuth(runConfig(params, strategy)), reference = runAuthByPhases(runConfig(params, strategy));
        const got = evaluateRun(params, strategy, fast).sessions, want = evaluateRun(params, strategy, reference).sessions;
        const what = JSON.stringify(strategy);
        expect(got.length).toBe(want.length);
        got.forEach((s, r) => expectClose(metrics(s), metrics(want[r]), `${what} session ${r + 1}`));
        accepted += got.filter((s) => s.knowledge !== null).length;
        const gotPairs = pairHolevos(fast, strategy.mode), wantPairs = pairHolevos(reference, strategy.mode);
        gotPairs.forEach((p, r) => (p === null || wantPairs[r] === null ? expect(p).toBe(wantPairs[r]) : expectClose(p, wantPairs[r]!, `${what} session ${r + 1} pairs`)));
      }
      // not vacuous: some sessions are accepted, so keys, pairs and knowledge are compared
      expect(accepted).toBeGreaterThan(0);
    });
  }
});
