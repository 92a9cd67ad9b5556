/**
 * The fast evaluation (rounds compiled to Kraus operators on Eve's registers, programs shared by
 * pairs that compile alike, knowledge of the key and its pairs from one grouping) against the
 * reference: every round folded phase by phase through the kernel, one program per pair of pairs
 * (`runAuthByPhases`), on generated strategies, both readings, noise off and on, every metric to
 * 1e-9 (TOL). And the Holevo quantities against the mutual information of the classical-quantum state
 * computed term by term through the kernel.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mixture, vonNeumannEntropy, type DensityMatrix } from "../../model/kernel/index.js";
import { paperVariants, runAuth, runAuthByPhases, type Branch } from "../../model/auth/index.js";
import { arbStrategy } from "../../properties/auth/arbitraries.js";
import { accepterKey, evaluateRun, evaluateStrategy, runConfig, type SessionEvaluation } from "../../properties/auth/evaluate.js";

const RUNS = Math.max(1, Math.round(6 * Number(process.env.QKD_RUNS ?? 1)));
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
const MODES = ["mitm", "impersonate-member", "impersonate-kdc"] as const;

function metrics(s: SessionEvaluation): (number | null)[] {
  const k = s.knowledge;
  return [s.acceptance, k?.holevo ?? null, k?.entropy ?? null, k?.guessing ?? null, k?.guessingBound ?? null, k?.prior ?? null, s.pairHolevoMax, s.agreement];
}

function expectClose(got: readonly (number | null)[], want: readonly (number | null)[], what: string): void {
  expect(got.length, what).toBe(want.length);
  got.forEach((x, i) => {
    const y = want[i];
    if (x === null || y === null) expect(x, `${what} metric ${i}`).toBe(y);
    else expect(Math.abs(x - y), `${what} metric ${i}: ${x} vs ${y}`).toBeLessThan(TOL);
  });
}

describe("auth: the fast evaluation equals the reference run folded through the kernel", () => {
  for (const variant of paperVariants) {
    for (const noise of [0, 0.05]) {
      it(`${variant}, noise ${noise}: generated strategies, n = 4, two sessions, every metric to 1e-9`, () => {
        const params = { variant, keyBits: 4, sessions: 2, noise };
        fc.assert(
          fc.property(arbStrategy(MODES, 2, 3), (strategy) => {
            const got = evaluateStrategy(params, strategy).sessions;
            const want = evaluateRun(params, strategy, runAuthByPhases(runConfig(params, strategy))).sessions;
            expect(got.length).toBe(want.length);
            got.forEach((s, r) => expectClose(metrics(s), metrics(want[r]), `${JSON.stringify(strategy)} session ${r + 1}`));
          }),
          { numRuns: RUNS, seed: noise === 0 ? 12 : 34 },
        );
      });
    }
  }
});

describe("auth: the evaluation without the pairs' knowledge (the search's objective)", () => {
  it("every other metric is identical (exactly), pairHolevoMax is null", () => {
    fc.assert(
      fc.property(arbStrategy(MODES, 2, 3), fc.constantFrom(...paperVariants), (strategy, variant) => {
        const params = { variant, keyBits: 4, sessions: 2, noise: 0 };
        const full = evaluateStrategy(params, strategy).sessions, lean = evaluateStrategy(params, strategy, { pairs: false }).sessions;
        expect(lean.map((s) => ({ ...s, pairHolevoMax: null }))).toEqual(full.map((s) => ({ ...s, pairHolevoMax: null })));
        lean.forEach((s) => expect(s.pairHolevoMax).toBeNull());
      }),
      { numRuns: RUNS * 2, seed: 78 },
    );
  });
});

/** `I(K : R E)` of `sum p(k, r) |k><k| (x) |r><r| (x) rho_{k,r}` as `H(K) + S(RE) - S(KRE)`, each through the kernel. */
function mutualInformation(branches: readonly Branch[], valueOf: (b: Branch) => number): number {
  const total = branches.reduce((s, b) => s + b.weight, 0);
  const group = (key: (b: Branch) => string): Map<string, Branch[]> => {
    const out = new Map<string, Branch[]>();
    for (const b of branches) out.set(key(b), [...(out.get(key(b)) ?? []), b]);
    return out;
  };
  const shannon = (ps: number[]): number => ps.reduce((s, p) => (p > 0 ? s - p * Math.log2(p) : s), 0);
  // S(X E) = H(X) + sum_x p(x) S(rho_x) for a classical X
  const cqEntropy = (groups: Map<string, Branch[]>): number => {
    let s = 0;
    for (const list of groups.values()) {
      const w = list.reduce((x, b) => x + b.weight, 0);
      const rho: DensityMatrix = mixture(list.map((b) => [b.weight / w, b.eve] as const));
      s += (w / total) * (vonNeumannEntropy(rho) - Math.log2(w / total));
    }
    return s;
  };
  const hK = shannon([...group((b) => `${valueOf(b)}`).values()].map((l) => l.reduce((x, b) => x + b.weight, 0) / total));
  return hK + cqEntropy(group((b) => b.records)) - cqEntropy(group((b) => `${valueOf(b)}|${b.records}`));
}

describe("auth: Eve's Holevo quantities equal I(K : RE) computed term by term", () => {
  it("key and pairs, generated strategies, both readings (to 1e-9)", () => {
    fc.assert(
      fc.property(arbStrategy(MODES, 2, 3), fc.constantFrom(...paperVariants), (strategy, variant) => {
        const params = { variant, keyBits: 4, sessions: 2, noise: 0 };
        const run = runAuth(runConfig(params, strategy));
        const evaluation = evaluateRun(params, strategy, run);
        run.sessions.forEach((s, r) => {
          const e = evaluation.sessions[r];
          if (e.knowledge === null) return;
          const keyOf = (b: Branch): number => accepterKey(strategy.mode, b);
          expect(Math.abs(e.knowledge.holevo - Math.max(0, mutualInformation(s.branches, keyOf)))).toBeLessThan(1e-9);
          const pairs = [0, 1].map((i) => Math.max(0, mutualInformation(s.branches, (b) => (keyOf(b) >> (2 * i)) & 3)));
          expect(Math.abs(e.pairHolevoMax! - Math.max(...pairs))).toBeLessThan(1e-9);
        });
      }),
      { numRuns: RUNS * 2, seed: 56 },
    );
  });
});

describe("auth: a replayed message in the first round (the open round's cache key includes it)", () => {
  it("mitm, parity, n = 2, three sessions: each session equals the reference (agreement 0.5, 1, 1)", () => {
    // review of 2026-11-27: without "first round with a replayed message" in the open round's key,
    // every test above passed and agreement came out 0.5, 0.5, 0.5
    const params = { variant: "parity" as const, keyBits: 2, sessions: 3, noise: 0 };
    const strategy = { mode: "mitm" as const, rounds: [{ toMember: [], toKdc: [], message: "replay" as const, after: [] }] };
    const got = evaluateStrategy(params, strategy).sessions;
    const want = evaluateRun(params, strategy, runAuthByPhases(runConfig(params, strategy))).sessions;
    expect(want.map((s) => s.agreement)).toEqual([0.5, 1, 1]);
    got.forEach((s, r) => expectClose(metrics(s), metrics(want[r]), `session ${r + 1}`));
  });
});
