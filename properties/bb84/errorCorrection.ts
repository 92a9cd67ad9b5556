/**
 * Properties of BB84's classical post-processing (which the paper omits, section 2.2):
 *
 * - `bb84.error-correction`: after Cascade and a t-bit verification hash, Alice's and Bob's keys
 *   are equal or the mismatch is detected (except with probability eps_EC = 2^-t), and the
 *   leakage is at least the Shannon limit n h(QBER). Negative control: one Cascade pass and no
 *   verification, which leaves undetected errors.
 * - `bb84.toeplitz-universal`: the Toeplitz family is 2-universal, Pr[h(x) = h(x')] <= 2^-l for
 *   fixed x != x' over random seeds. Negative control: truncation to the first l bits.
 * @module
 */
import * as fc from "fast-check";
import { z } from "zod";
import type { PropertyDefinition, TraceStep } from "../types.js";
import { atMost, positiveInt } from "../params.js";
import { MAX_HASH_SAMPLES, MAX_RECONCILED_KEY_BITS } from "../limits.js";
import { drawBits, drawFloats, seeded, withRng, type Rng } from "../../model/random.js";
import { binaryEntropy } from "../../model/bb84/keyrate/entropy.js";
import { hammingDistance } from "../../model/bb84/postprocessing/bits.js";
import { reconcile, reconciliationEfficiency } from "../../model/bb84/postprocessing/reconcile.js";
import { toeplitzHash } from "../../model/bb84/postprocessing/toeplitz.js";
import { VERIFICATION_BITS } from "../../model/bb84/postprocessing/verification.js";

/** Error correction as specified, and the negative control. */
export const errorCorrectionVariants = ["cascade-verified", "single-pass-unverified"] as const;

const ecParams = z.object({
  variant: z.enum(errorCorrectionVariants).default("cascade-verified"),
  minKeyBits: positiveInt.pipe(atMost(MAX_RECONCILED_KEY_BITS)).default(2000),
  maxKeyBits: positiveInt.pipe(atMost(MAX_RECONCILED_KEY_BITS)).default(20000),
});

/** Parameters of {@link errorCorrectionProperty}. */
export type ErrorCorrectionParams = z.infer<typeof ecParams>;

/** A generated reconciliation: channel QBER, key length and seed of the sifted keys. */
export interface ErrorCorrectionInput {
  readonly qber: number;
  readonly keyBits: number;
  readonly seed: number;
}

function siftedKeys(x: ErrorCorrectionInput): { alice: Uint8Array; bob: Uint8Array; rng: Rng } {
  const [alice, r1] = drawBits(seeded(x.seed), x.keyBits);
  const [u, r2] = drawFloats(r1, x.keyBits);
  const bob = alice.map((bit, i) => (u[i] < x.qber ? bit ^ 1 : bit));
  return { alice, bob, rng: r2 };
}

function runReconciliation(p: ErrorCorrectionParams, x: ErrorCorrectionInput) {
  const { alice, bob, rng } = siftedKeys(x);
  const broken = p.variant === "single-pass-unverified";
  const result = reconcile(alice, bob, {
    qber: x.qber,
    rng,
    passes: broken ? 1 : undefined,
    verificationBits: broken ? 0 : VERIFICATION_BITS,
  });
  const errorsBefore = hammingDistance(alice, bob);
  const errorsAfter = hammingDistance(alice, result.bobKey);
  const measuredQber = errorsBefore / x.keyBits;
  const shannonLimit = x.keyBits * binaryEntropy(measuredQber);
  return { result, errorsBefore, errorsAfter, measuredQber, shannonLimit };
}

/**
 * Cascade + verification leaves equal keys or a detected mismatch, and leaks >= n h(QBER).
 * Reference: Brassard, Salvail (1994); Slepian, Wolf, IEEE TIT 19, 471 (1973) (the Shannon limit).
 */
export const errorCorrectionProperty: PropertyDefinition<ErrorCorrectionParams, ErrorCorrectionInput> = {
  id: "bb84.error-correction",
  protocol: "bb84",
  title: "Cascade + verification: equal keys or a detected mismatch, above the Shannon limit",
  statement:
    "For a sifted key pair with QBER in [0, 0.11], after Cascade (4 passes, k1 = 0.73/QBER) and a 64-bit Toeplitz " +
    "verification hash, Bob's key equals Alice's or the verification rejects it (undetected failure has probability " +
    "<= 2^-64), and the disclosed bits (parities and tag) are at least n h(QBER) of the run's measured QBER. The Shannon " +
    "limit bounds the average leakage; it is checked per run, which real Cascade meets with its 4 passes and tag.",
  equation: "\\Pr[K_A \\ne K_B \\wedge \\mathrm{accept}] \\le \\varepsilon_{EC} = 2^{-t},\\qquad \\mathrm{leak}_{EC} \\ge n\\,h(\\mathrm{QBER})",
  trust: {
    trusted: ["Alice and Bob", "the classical channel (authenticated, public)"],
    adversary: "none acting on reconciliation: Eve reads every parity (counted as leakage); the channel noise is generated",
  },
  params: ecParams,
  arbitrary: (p) =>
    fc.record({
      qber: fc.double({ min: 0, max: 0.11, noNaN: true }),
      keyBits: fc.integer({ min: p.minKeyBits, max: Math.max(p.minKeyBits, p.maxKeyBits) }),
      seed: fc.integer({ min: 0, max: 0x7fffffff }),
    }),
  check: (p, x) => {
    const { result, errorsBefore, errorsAfter, measuredQber, shannonLimit } = runReconciliation(p, x);
    const undetected = errorsAfter > 0 && result.accepted;
    const aboveShannon = result.leakedBits >= shannonLimit;
    const ok = !undetected && aboveShannon;
    return {
      ok,
      margin: undetected ? -errorsAfter : (result.leakedBits - shannonLimit) / Math.max(1, x.keyBits),
      metrics: {
        keyBits: x.keyBits,
        qber: x.qber,
        measuredQber,
        errorsBefore,
        errorsAfter,
        accepted: result.accepted,
        leakedBits: result.leakedBits,
        cascadeLeakedBits: result.cascadeLeakedBits,
        shannonLimitBits: shannonLimit,
        efficiency: reconciliationEfficiency(result.leakedBits, x.keyBits, measuredQber),
        epsilonEC: result.epsilonEC,
      },
      ...(ok
        ? {}
        : {
            message: undetected
              ? `${errorsAfter} errors remain after reconciliation and the keys were accepted`
              : `leakage ${result.leakedBits} bits below the Shannon limit ${shannonLimit.toFixed(1)}`,
          }),
    };
  },
  trace: (p, x): TraceStep[] => {
    const { result, errorsBefore, errorsAfter } = runReconciliation(p, x);
    return [
      { step: "sifted keys", detail: `${x.keyBits} bits, channel QBER ${x.qber}`, values: { errorsBefore } },
      { step: "cascade", detail: p.variant === "single-pass-unverified" ? "1 pass" : "4 passes", values: { leaked: result.cascadeLeakedBits, errorsAfter } },
      { step: "verification", detail: result.verificationLeakedBits > 0 ? `${result.verificationLeakedBits}-bit Toeplitz tag` : "none", values: { accepted: String(result.accepted) } },
    ];
  },
};

/** The hash family under test, and the negative control. */
export const universalHashVariants = ["toeplitz", "truncation"] as const;

const uhParams = z.object({
  variant: z.enum(universalHashVariants).default("toeplitz"),
  outputBits: positiveInt.pipe(z.number().max(16, "must be <= 16")).default(3),
  samples: positiveInt.pipe(atMost(MAX_HASH_SAMPLES)).default(2000),
});

/** Parameters of {@link toeplitzUniversalProperty}. */
export type UniversalHashParams = z.infer<typeof uhParams>;

/** A generated pair x, x' = x XOR d (d != 0) and a seed for the random hash seeds. */
export interface UniversalHashInput {
  readonly x: readonly number[];
  readonly difference: readonly number[];
  readonly seed: number;
}

/** One-sided z-score allowed above 2^-l before the collision frequency counts as too high. */
const COLLISION_Z = 4.5;

function collisions(p: UniversalHashParams, input: UniversalHashInput): { count: number; threshold: number; expected: number } {
  const n = input.x.length;
  const l = p.outputBits;
  const x = Uint8Array.from(input.x);
  const y = x.map((b, i) => b ^ input.difference[i]);
  const [count] = withRng(seeded(input.seed), (r) => {
    let c = 0;
    const s = new Uint8Array(n + l - 1);
    for (let k = 0; k < p.samples; k++) {
      for (let i = 0; i < s.length; i++) s[i] = r.bit();
      const hx = p.variant === "toeplitz" ? toeplitzHash(s, x, l) : x.slice(0, l);
      const hy = p.variant === "toeplitz" ? toeplitzHash(s, y, l) : y.slice(0, l);
      let same = true;
      for (let i = 0; i < l; i++) if (hx[i] !== hy[i]) same = false;
      if (same) c++;
    }
    return c;
  });
  const q = 2 ** -l;
  const expected = p.samples * q;
  return { count, expected, threshold: expected + COLLISION_Z * Math.sqrt(p.samples * q * (1 - q)) };
}

/**
 * The Toeplitz family is 2-universal: for fixed `x != x'`, `Pr_s[T_s x = T_s x'] <= 2^-l`, tested
 * by the collision count over random seeds (one-sided binomial test at 4.5 sigma).
 * Reference: Carter, Wegman (1979); Krawczyk (1994).
 */
export const toeplitzUniversalProperty: PropertyDefinition<UniversalHashParams, UniversalHashInput> = {
  id: "bb84.toeplitz-universal",
  protocol: "bb84",
  title: "Toeplitz hashing is 2-universal",
  statement:
    "For every pair of distinct inputs, the fraction of random Toeplitz seeds on which their l-bit hashes collide " +
    "is at most 2^-l (within sampling error): the condition of the leftover hash lemma used by privacy amplification.",
  equation: "\\forall x \\ne x':\\ \\Pr_{s}[T_s x = T_s x'] \\le 2^{-l}",
  trust: {
    trusted: ["the seed is uniformly random and chosen after the inputs are fixed"],
    adversary: "chooses the pair of inputs (generated, including worst cases such as differences only in late positions)",
  },
  params: uhParams,
  arbitrary: (p) =>
    fc
      .record({
        n: fc.integer({ min: p.outputBits + 1, max: 48 }),
        lowestDifference: fc.nat(),
        bits: fc.array(fc.boolean(), { minLength: 96, maxLength: 96 }),
        seed: fc.integer({ min: 0, max: 0x7fffffff }),
      })
      .map(({ n, lowestDifference, bits, seed }) => {
        const k = lowestDifference % n;
        return {
          x: bits.slice(0, n).map((b) => (b ? 1 : 0)),
          difference: bits.slice(48, 48 + n).map((b, i) => (i < k ? 0 : i === k ? 1 : b ? 1 : 0)),
          seed,
        };
      }),
  check: (p, input) => {
    const { count, expected, threshold } = collisions(p, input);
    const ok = count <= threshold;
    return {
      ok,
      margin: (threshold - count) / p.samples,
      metrics: { collisions: count, expected, threshold, collisionRate: count / p.samples, bound: 2 ** -p.outputBits, n: input.x.length },
      ...(ok ? {} : { message: `${count} collisions in ${p.samples} seeds, expected <= ${expected.toFixed(1)} (2^-${p.outputBits})` }),
    };
  },
};

/** Every post-processing property of bb84, for the lead to wire into the bb84 list. */
export const errorCorrectionProperties: readonly PropertyDefinition[] = [errorCorrectionProperty, toeplitzUniversalProperty];
