/**
 * `bb84.finite-key-ledger`: every private key of a sampled `with-pa` run carries an ε ledger
 * (ε_PE, ε_PA, ε_cor, ε_sec + ε_cor) and a length from the finite-key bound of Tomamichel, Lim,
 * Gisin, Renner (2012), eq. (S3), and the bits charged for the disclosure are at least what the run
 * disclosed (Cascade's counted parities plus the verification tag).
 *
 * Negative control `asymptotic-leak`: the key sized with eq. 13's asymptotic error-correction term
 * `f_EC n h(λ)` (f_EC = 1.16) in place of the counted disclosure: on finite blocks Cascade and the
 * 64-bit tag disclose more than that, so the charge falls short.
 * @module
 */
import * as fc from "fast-check";
import { z } from "zod";
import type { CheckOutcome, PropertyDefinition, TraceStep } from "../types.js";
import { atMost, numeric, positiveInt } from "../params.js";
import { MAX_FINITE_KEY_PULSES } from "../limits.js";
import { seeded } from "../../model/random.js";
import { linkSetup, sampledRun, NO_ADVERSARY, type SampledRun } from "../../model/bb84/index.js";
import { ledgerMetrics, type EpsilonLedger } from "../../model/bb84/postprocessing/index.js";
import { binaryEntropy } from "../../model/bb84/keyrate/entropy.js";

/** How the key is sized: the ledger (counted disclosure) or the negative control. */
export const finiteKeyVariants = ["counted-leak", "asymptotic-leak"] as const;

/** f_EC of the asymptotic charge in the negative control (the harness's default reconciliation efficiency). */
const ASYMPTOTIC_F_EC = 1.16;

const params = z.object({
  variant: z.enum(finiteKeyVariants).default("counted-leak"),
  /** ε_sec + ε_cor the keys must meet. */
  epsilon: numeric.pipe(z.number().gt(0, "must be > 0").lt(1, "must be < 1")).default(1e-5),
  testSize: positiveInt.pipe(atMost(MAX_FINITE_KEY_PULSES)).default(1000),
  minPulses: positiveInt.pipe(atMost(MAX_FINITE_KEY_PULSES)).default(20_000),
  maxPulses: positiveInt.pipe(atMost(MAX_FINITE_KEY_PULSES)).default(60_000),
});

/** Parameters of {@link finiteKeyLedgerProperty}. */
export type FiniteKeyParams = z.infer<typeof params>;

/** A generated honest run: link noise, pulses, seed. */
export interface FiniteKeyInput {
  readonly depolarizing: number;
  readonly pulses: number;
  readonly seed: number;
}

function run(p: FiniteKeyParams, x: FiniteKeyInput): SampledRun {
  const settings = { pulses: x.pulses, threshold: 0.11, testSize: p.testSize, epsilonPE: p.epsilon / 8, epsilonPA: p.epsilon / 4 };
  return sampledRun(linkSetup({ depolarizing: x.depolarizing }), NO_ADVERSARY, "with-pa", settings, seeded(x.seed))[0];
}

/** The bits a key-sizing rule charges for the disclosure. */
function charged(p: FiniteKeyParams, r: SampledRun, ledger: EpsilonLedger): number {
  return p.variant === "counted-leak" ? ledger.chargedBits : ASYMPTOTIC_F_EC * ledger.keyBits * binaryEntropy(r.estimate.qber);
}

/** ε_sec + ε_cor <= ε, charged >= disclosed, and the final key has the ledger's length. */
export const finiteKeyLedgerProperty: PropertyDefinition<FiniteKeyParams, FiniteKeyInput> = {
  id: "bb84.finite-key-ledger",
  protocol: "bb84",
  title: "Every private key carries an ε ledger and pays for what the run disclosed",
  statement:
    "For honest sampled runs (with-pa: Cascade, 64-bit verification, Toeplitz privacy amplification) that pass eq. 4, " +
    "the final key P_k(m_i) has the length of the finite-key bound of Tomamichel et al. (2012, eq. S3) for the run's own " +
    "counts, its ε ledger totals ε_sec + ε_cor <= ε with ε_sec = 2 ε_PE + ε_PA, the bits charged for the disclosure " +
    "are at least the Cascade parities counted plus the tag, and the two keys are equal.",
  equation:
    "\\ell = \\Big\\lfloor n\\big(1 - h(e^U)\\big) - \\mathrm{leak}_{EC} - \\log_2\\tfrac{2}{\\varepsilon_{cor}} - 2\\log_2\\tfrac{1}{2\\varepsilon_{PA}} \\Big\\rfloor,\\ " +
    "\\varepsilon_{sec} = 2\\varepsilon_{PE} + \\varepsilon_{PA},\\ \\varepsilon_{sec} + \\varepsilon_{cor} \\le \\varepsilon,\\ " +
    "\\mathrm{leak}_{EC} + \\log_2\\tfrac{2}{\\varepsilon_{cor}} \\ge \\mathrm{leak}_{Cascade} + t",
  trust: {
    trusted: ["KDC and receiver", "classical channel (authenticated, public)", "the random test sample and the hash seeds"],
    adversary: "passive on these runs (honest depolarizing noise): the property checks the key's accounting; Eve reads every disclosed parity and tag",
  },
  params,
  arbitrary: (p) =>
    fc.record({
      depolarizing: fc.double({ min: 0, max: 0.05, noNaN: true }),
      pulses: fc.integer({ min: p.minPulses, max: Math.max(p.minPulses, p.maxPulses) }),
      seed: fc.integer({ min: 0, max: 0x7fffffff }),
    }),
  check: (p, x): CheckOutcome => {
    const r = run(p, x);
    if (!r.accepted || r.ledger === null) return { ok: true, margin: 1, metrics: { accepted: r.accepted, qber: r.estimate.qber } };
    const ledger = r.ledger;
    const charge = charged(p, r, ledger);
    const pays = charge >= ledger.disclosedBits;
    const withinEpsilon = ledger.epsilonTotal <= p.epsilon;
    const sized = r.kdcKey.length === ledger.length;
    const ok = pays && withinEpsilon && sized && r.keysEqual;
    return {
      ok,
      margin: Math.min((charge - ledger.disclosedBits) / Math.max(1, ledger.keyBits), (p.epsilon - ledger.epsilonTotal) / p.epsilon),
      metrics: { ...ledgerMetrics(ledger), accepted: true, qber: r.estimate.qber, chargedBySizingRule: charge, keysEqual: r.keysEqual, pulses: x.pulses },
      ...(ok
        ? {}
        : {
            message: !pays
              ? `charged ${charge.toFixed(1)} bits for a disclosure of ${ledger.disclosedBits} (Cascade ${ledger.cascadeLeakBits} + tag ${ledger.tagBits})`
              : !withinEpsilon
                ? `ε_sec + ε_cor = ${ledger.epsilonTotal} > ${p.epsilon}`
                : !sized
                  ? `final key ${r.kdcKey.length} bits, ledger says ${ledger.length}`
                  : "the final keys differ",
          }),
    };
  },
  trace: (p, x): TraceStep[] => {
    const r = run(p, x);
    const l = r.ledger;
    return [
      { step: "run", detail: `${x.pulses} pulses, depolarizing ${x.depolarizing.toFixed(4)}`, values: { sifted: r.siftedBits, qber: r.estimate.qber, accepted: String(r.accepted) } },
      ...(l
        ? [
            { step: "parameter estimation", detail: "per-basis phase-error bound (S15)", values: { phaseErrorUpper: l.phaseErrorUpper, epsilonPE: l.epsilonPE } },
            { step: "disclosure", detail: "Cascade parities as counted + verification tag", values: { cascade: l.cascadeLeakBits, tag: l.tagBits, charged: charged(p, r, l) } },
            { step: "privacy amplification", detail: "leftover hash lemma", values: { hashPenaltyBits: l.hashPenaltyBits, epsilonPA: l.epsilonPA, finalKeyBits: l.length } },
            { step: "ε ledger", detail: "ε_sec = 2 ε_PE + ε_PA; total = ε_sec + ε_cor", values: { epsilonSec: l.epsilonSec, epsilonCor: l.epsilonCor, epsilonTotal: l.epsilonTotal } },
          ]
        : []),
    ];
  },
};
