/**
 * The compiled round (Kraus operators on Eve's registers, internal/krausRound.ts) against the reference: the phases folded on the
 * five-qubit state through the kernel, per round on generated strategies, and whole evaluations
 * against results stored from the model before the runner existed (commit f595ede).
 */
import { readFileSync } from "node:fs";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bitsKet, densityOf, mixture, type DensityMatrix } from "../../model/kernel/index.js";
import {
  authVariants,
  keyPair,
  runRound,
  runRoundByPhases,
  variantSpec,
  type RoundContext,
  type RoundOutcome,
  type Strategy,
} from "../../model/auth/index.js";
import { arbRoundStrategy } from "../../properties/auth/arbitraries.js";
import { evaluateStrategy, type SessionEvaluation } from "../../properties/auth/evaluate.js";

const RUNS = Math.max(1, Math.round(25 * Number(process.env.QKD_RUNS ?? 1)));
const TOL = 1e-12;

const facts = (o: RoundOutcome): string => JSON.stringify([o.records, o.kdcAccepted, o.memberContinues, o.kdcOutcome, o.memberOutcome]);

/**
 * The outcomes of `xs` that `ys` has too. Both runners drop an outcome below PROBABILITY_FLOOR,
 * and one of probability at the floor (a measurement at angle 2e-7: sin^2 = 1e-14) can fall on
 * either side of it in either runner's rounding (seed -746613961): an outcome in one list only
 * must weigh less than TOL, as every other difference.
 */
function shared(xs: readonly RoundOutcome[], ys: readonly RoundOutcome[]): RoundOutcome[] {
  const keys = new Set(ys.map(facts));
  for (const o of xs) if (!keys.has(facts(o))) expect(o.weight).toBeLessThan(TOL);
  return xs.filter((o) => keys.has(facts(o)));
}

function expectSameOutcomes(fastOutcomes: readonly RoundOutcome[], referenceOutcomes: readonly RoundOutcome[]): void {
  const fast = shared(fastOutcomes, referenceOutcomes), reference = shared(referenceOutcomes, fastOutcomes);
  expect(fast.map((o) => [o.records, o.kdcAccepted, o.memberContinues, o.kdcOutcome, o.memberOutcome])).toEqual(
    reference.map((o) => [o.records, o.kdcAccepted, o.memberContinues, o.kdcOutcome, o.memberOutcome]),
  );
  fast.forEach((o, k) => {
    expect(Math.abs(o.weight - reference[k].weight)).toBeLessThan(TOL);
    expect(o.eve.dims).toEqual([2, 2]);
    const a = o.eve.matrix.data, b = reference[k].eve.matrix.data;
    // Eve's state given the outcome is the unnormalised state divided by the weight: both runners
    // compute the unnormalised one to a few ulps, so the normalised ones may differ by about
    // eps / weight. At the probability floor (a measurement at angle 2e-7: weight 2e-14) that is
    // 1e-3 (seed -2124682334: 7e-4, with the reference's diagonal at -7e-4, rounding in both);
    // at weight 0.004 and above the bound is TOL to within a factor 2.
    const bound = TOL + (16 * Number.EPSILON) / Math.min(o.weight, reference[k].weight);
    for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i])).toBeLessThan(bound);
  });
}

/** Eve's registers after a first generated round: entangled, mixed, with coherences. */
function eveAfter(ctx: RoundContext): DensityMatrix {
  const outcomes = runRoundByPhases({ ...ctx, firstRound: true }, densityOf(bitsKet("00")));
  const total = outcomes.reduce((s, o) => s + o.weight, 0);
  return mixture(outcomes.map((o) => [o.weight / total, o.eve] as const));
}

describe("auth: the compiled round equals the phases folded through the kernel", () => {
  it("on generated rounds, every variant, mode, key pair and noise level (to 1e-12)", () => {
    const modes = ["mitm", "impersonate-member", "impersonate-kdc"] as const;
    fc.assert(
      fc.property(
        arbRoundStrategy(3),
        arbRoundStrategy(3),
        fc.constantFrom(...authVariants),
        fc.constantFrom(...modes),
        fc.integer({ min: 0, max: 15 }),
        fc.constantFrom(0, 0.1),
        fc.boolean(),
        (before, strategy, variant, mode, pairs, noise, firstRound) => {
          const ctx: RoundContext = { spec: variantSpec(variant), mode, kdcPair: keyPair(pairs, 0), memberPair: keyPair(pairs, 1), noise, strategy, firstRound };
          const eve = eveAfter({ ...ctx, strategy: before });
          expectSameOutcomes(runRound(ctx, eve), runRoundByPhases(ctx, eve));
        },
      ),
      { numRuns: RUNS * 4 },
    );
  });
});

interface StoredCase {
  readonly params: { variant: (typeof authVariants)[number]; keyBits: number; sessions: number; noise: number };
  readonly strategy: Strategy;
  readonly sessions: readonly (readonly [number, readonly number[] | null, number | null, number | null])[];
}

const stored = JSON.parse(readFileSync(new URL("./fixtures/evaluations-f595ede.json", import.meta.url), "utf8")) as { cases: StoredCase[] };

function flat(s: SessionEvaluation): (number | null)[] {
  const k = s.knowledge;
  return [s.acceptance, ...(k ? [k.holevo, k.entropy, k.guessing, k.guessingBound, k.prior] : [null]), s.pairHolevoMax, s.agreement];
}

describe("auth: evaluations equal the stored results of the model before the compiled round", () => {
  it(`${stored.cases.length} seeded strategies, both readings and every negative control, n = 4, two sessions (to 1e-12)`, () => {
    for (const c of stored.cases) {
      const got = evaluateStrategy(c.params, c.strategy).sessions.map(flat);
      const want = c.sessions.map(([acceptance, k, pair, agreement]) => [acceptance, ...(k ?? [null]), pair, agreement]);
      expect(got.length).toBe(want.length);
      got.forEach((row, r) => {
        expect(row.length, JSON.stringify({ case: c.params, row, want: want[r] })).toBe(want[r].length);
        row.forEach((x, i) => {
          const y = want[r][i];
          if (x === null || y === null) expect(x, JSON.stringify(c.params)).toBe(y);
          // stored to 15 significant digits
          else expect(Math.abs(x - y), JSON.stringify({ params: c.params, session: r, index: i })).toBeLessThan(TOL + 1e-14 * Math.abs(y));
        });
      });
    }
  });
});
