/**
 * `bb84.pa-exact`: privacy amplification checked exactly on small blocks. For a few key bits and
 * a generated collective probe (one Eve qubit per bit), the distance of the Toeplitz-hashed key
 * and Eve's system from (uniform key ⊗ Eve), computed from density matrices and averaged over
 * every seed, stays below the leftover-hash bound `½ sqrt(2^{ℓ − H_min(X|E)})` that the ε ledger
 * charges for (its ε_PA).
 *
 * Negative control `truncation`: keeping the first ℓ bits is not two-universal; a probe that
 * reads those bits and leaves the rest alone breaks the bound.
 * @module
 */
import * as fc from "fast-check";
import { z } from "zod";
import type { PropertyDefinition, TraceStep } from "../types.js";
import { positiveInt } from "../params.js";
import { exactPrivacyAmplification, type BitProbe, type ExactHash } from "../../model/bb84/postprocessing/exactPrivacyAmplification.js";

/** The hash under test, and the negative control. */
export const paExactVariants = ["toeplitz", "truncation"] as const;

const params = z.object({
  variant: z.enum(paExactVariants).default("toeplitz"),
  maxBits: positiveInt.pipe(z.number().min(2, "must be >= 2").max(4, "must be <= 4")).default(4),
});

/** Parameters of {@link paExactProperty}. */
export type PaExactParams = z.infer<typeof params>;

/** A generated block: one probe per key bit and the output length. */
export interface PaExactInput {
  readonly probes: readonly BitProbe[];
  readonly outputBits: number;
}

/** Floating-point slack of the comparison (eigenvalues of 16 x 16 matrices). */
const SLACK = 1e-9;

/** Distinguishabilities offered to the generator: from nothing to full knowledge of a bit. */
const STRENGTHS = [0, 0.25, 0.5, 0.75, 1] as const;

const probeArbitrary: fc.Arbitrary<BitProbe> = fc
  .record({ a: fc.constantFrom(...STRENGTHS), t: fc.double({ min: -1, max: 1, noNaN: true }) })
  .map(({ a, t }) => ({ distinguishability: a, bias: t * Math.sqrt(Math.max(0, 1 - a * a)) }));

/** Exact secrecy <= leftover-hash bound, averaged over seeds. */
export const paExactProperty: PropertyDefinition<PaExactParams, PaExactInput> = {
  id: "bb84.pa-exact",
  protocol: "bb84",
  title: "Privacy amplification on small blocks meets the leftover-hash bound exactly",
  statement:
    "For a uniform key of 2-4 bits and any generated collective probe (Eve holds one qubit per bit, with states at trace " +
    "distance a_i), the exact distance of the Toeplitz-hashed l-bit key and Eve's system from a uniform key independent " +
    "of Eve, averaged over every hash seed, is at most the leftover-hash bound 1/2 sqrt(2^(l - H_min(X|E))) that the " +
    "finite-key ledger charges 2 log2(1/(2 eps_PA)) bits for.",
  equation:
    "\\mathbb{E}_s\\,\\tfrac12\\big\\|\\rho_{f_s(X)E} - \\omega_{\\ell}\\otimes\\rho_E\\big\\|_1 \\le \\tfrac12\\sqrt{2^{\\ell - H_{\\min}(X|E)}},\\quad H_{\\min}(X|E) = -\\sum_i \\log_2\\tfrac{1 + a_i}{2}",
  trust: {
    trusted: ["the hash seed is uniform and chosen after Eve's probe", "the key bits are uniform (KDC's random number generator)"],
    adversary: "a collective attack: one probe qubit per key bit, of any generated strength and bias, measured jointly and after the seed is public",
  },
  params,
  arbitrary: (p) =>
    fc.integer({ min: 2, max: p.maxBits }).chain((n) =>
      fc.record({
        probes: fc.array(probeArbitrary, { minLength: n, maxLength: n }),
        outputBits: fc.integer({ min: 1, max: Math.min(2, n - 1) }),
      }),
    ),
  check: (p, x) => {
    const r = exactPrivacyAmplification(x.probes, x.outputBits, p.variant as ExactHash);
    const ok = r.secrecy <= r.bound + SLACK;
    return {
      ok,
      margin: r.bound - r.secrecy,
      metrics: { secrecy: r.secrecy, bound: r.bound, worstSeed: r.worstSeed, minEntropy: r.minEntropy, inputBits: r.inputBits, outputBits: r.outputBits, seeds: r.seeds },
      ...(ok ? {} : { message: `exact secrecy ${r.secrecy.toFixed(6)} exceeds the leftover-hash bound ${r.bound.toFixed(6)} (H_min ${r.minEntropy.toFixed(4)}, l = ${r.outputBits})` }),
    };
  },
  trace: (p, x): TraceStep[] => {
    const r = exactPrivacyAmplification(x.probes, x.outputBits, p.variant as ExactHash);
    return [
      { step: "probe", detail: "Eve's trace distance per key bit", values: Object.fromEntries(x.probes.map((q, i) => [`a${i}`, q.distinguishability])) },
      { step: "min-entropy", detail: "H_min(X|E) = sum_i -log2((1 + a_i)/2)", values: { minEntropy: r.minEntropy } },
      { step: `hash (${p.variant})`, detail: `${r.inputBits} -> ${r.outputBits} bits over ${r.seeds} seed(s)`, values: { secrecy: r.secrecy, worstSeed: r.worstSeed, bound: r.bound } },
    ];
  },
};
