/**
 * The six-state properties, as {@link PropertyDefinition}s the harness checks like its own:
 * each states a claim over Eve's generated strategies, checks one strategy exactly, and
 * explains a failing one step by step. Each has a negative control (a parameter choice under
 * which it must fail), shown failing in `six-state.test.ts` and in `scenario.yaml`.
 * @module
 */
import { ATOL, binaryEntropy } from "qkd-harness/kernel";
import { fc } from "qkd-harness/arbitraries";
import { threshold, z, type Json, type PropertyDefinition, type TraceStep, type TrustAssumptions } from "qkd-harness";
import type { InterceptResend, SixStateAttack } from "./adversary.js";
import { arbInterceptResend, arbSixStateAttack } from "./arbitraries.js";
import { SIX_STATE_BASES, type Basis } from "./bases.js";
import { rateThreshold, sixStateRate } from "./keyrate.js";
import { pulseStatistics, type PulseStatistics } from "./statistics.js";

const trust: TrustAssumptions = {
  trusted: ["Alice's source and Bob's detectors", "classical channel (authenticated)"],
  adversary: "Eve controls the quantum channel: intercept-resend on any fraction of the pulses in any basis, or a unitary probe on every pulse",
};

/** Alice's and Bob's bases: default all three (the six-state protocol); `["X", "Z"]` is BB84. */
const bases = z
  .array(z.enum(["X", "Y", "Z"]))
  .min(1, "must name at least one basis")
  .refine((list) => new Set(list).size === list.length, "must not repeat a basis")
  .default([...SIX_STATE_BASES]);

/** Parameters of the properties over Eve's strategies. */
export interface BasesParams {
  readonly bases: readonly Basis[];
}

/** Parameters of the threshold property. */
export interface ThresholdParams {
  /** Abort threshold `p_o`: Alice and Bob keep the key when the QBER is at most `p_o`. */
  readonly threshold: number;
}

function statisticsSteps(bases: readonly Basis[], attack: SixStateAttack, s: PulseStatistics): TraceStep[] {
  const eve =
    attack.kind === "intercept-resend"
      ? `intercepts a fraction ${attack.fraction} of the pulses, measures in ${attack.basis === "random" ? "a random one of X, Y, Z" : attack.basis} and resends what she found`
      : `entangles a probe qubit with each signal through ${attack.layers.length} layer(s): ${attack.layers.map((l) => l.entangler).join(", ")}`;
  return [
    { step: "Alice", detail: `sends a random bit in a random basis of ${bases.join(", ")}` },
    { step: "Eve", detail: eve },
    ...s.perBasis.map((b) => ({
      step: `Bob, basis ${b.basis}`,
      detail: "measures in Alice's basis (sifted pulses)",
      values: { errorRate: b.errorRate, eveInformation: b.eveInformation },
    })),
    { step: "Sifting", detail: "Alice and Bob compare bases and estimate the QBER", values: { qber: s.qber, eveInformation: s.eveInformation } },
  ];
}

// #region intercept-resend-qber
/**
 * Intercept-resend is detected: intercepting a fraction f raises the QBER to at least f/3,
 * whatever Eve's basis (Bruß 1998: with three bases Eve's basis is wrong 2/3 of the time,
 * and a wrong basis errs with probability 1/2). Negative control: `bases: [X, Z]` (BB84),
 * where Eve in X or Z causes only f/4.
 */
export const interceptResendQber: PropertyDefinition<BasesParams, InterceptResend> = {
  id: "six-state.intercept-resend-qber",
  protocol: "six-state",
  title: "Intercept-resend raises the QBER to at least f/3",
  statement:
    "Eve intercepting a fraction f of the pulses, measuring each in a basis of her choice and resending the result, causes a QBER of at least f/3 on the sifted key.",
  equation: "Q \\geq \\tfrac{f}{3} \\quad\\text{(Bruß 1998)}",
  trust,
  params: z.object({ bases }),
  arbitrary: () => arbInterceptResend(),
  check(params, attack) {
    const s = pulseStatistics(attack, params.bases);
    const margin = s.qber - attack.fraction / 3;
    return {
      ok: margin >= -ATOL,
      margin,
      metrics: { qber: s.qber, bound: attack.fraction / 3, fraction: attack.fraction },
      message: `QBER ${s.qber.toFixed(4)} < f/3 = ${(attack.fraction / 3).toFixed(4)}: Eve's basis matches Alice's too often`,
    };
  },
  trace: (params, attack) => statisticsSteps(params.bases, attack, pulseStatistics(attack, params.bases)),
  describe: (attack) => attack as unknown as Json,
};
// #endregion intercept-resend-qber

/**
 * Information costs disturbance: on average over the sifted pulses, Eve's Holevo information
 * on Alice's bit is at most `h(Q)`. Follows from the entropic uncertainty relation
 * `H(Z_A|E) + H(X_A|B) >= 1` for mutually unbiased bases (Berta et al. 2010) with
 * `H(X_A|B) <= h(e_X)`, and concavity of h. Negative control: `bases: [Z]` (one basis, no
 * complementary check), where a CNOT probe copies the bit without any error.
 */
export const informationBound: PropertyDefinition<BasesParams, SixStateAttack> = {
  id: "six-state.information-bound",
  protocol: "six-state",
  title: "Eve's information is bounded by h(QBER)",
  statement:
    "For every intercept-resend or unitary-probe attack, Eve's Holevo information on the sifted key bit is at most the binary entropy of the QBER Alice and Bob observe.",
  equation: "\\chi(A\\!:\\!E) \\leq h(Q)",
  trust,
  params: z.object({ bases }),
  arbitrary: () => arbSixStateAttack(),
  check(params, attack) {
    const s = pulseStatistics(attack, params.bases);
    const bound = binaryEntropy(Math.min(1, Math.max(0, s.qber)));
    const margin = bound - s.eveInformation;
    return {
      ok: margin >= -1e-7,
      margin,
      metrics: { eveInformation: s.eveInformation, qber: s.qber, bound },
      message: `Eve learns chi = ${s.eveInformation.toFixed(4)} bit > h(Q) = ${bound.toFixed(4)} at QBER ${s.qber.toFixed(4)}`,
    };
  },
  trace: (params, attack) => statisticsSteps(params.bases, attack, pulseStatistics(attack, params.bases)),
  describe: (attack) => attack as unknown as Json,
};

/**
 * The abort threshold is safe: every QBER the protocol accepts (`e <= p_o`) leaves a positive
 * one-way key rate `r(e) = 1 - H(1 - 3e/2, e/2, e/2, e/2)` (Lo 2001). Holds for
 * `p_o < e* ≈ 12.6 %`; negative control: `threshold: 0.13`, where the shrunk counterexample
 * lands just above e*.
 */
export const thresholdPositiveRate: PropertyDefinition<ThresholdParams, number> = {
  id: "six-state.threshold-positive-rate",
  protocol: "six-state",
  title: "Every accepted QBER leaves a positive key rate",
  statement: "For every QBER e up to the abort threshold p_o, the six-state one-way key rate r(e) is positive (Lo 2001).",
  equation: "\\forall e \\leq p_o:\\; r(e) = 1 + \\tfrac{3e}{2}\\log_2\\tfrac{e}{2} + \\left(1 - \\tfrac{3e}{2}\\right)\\log_2\\left(1 - \\tfrac{3e}{2}\\right) > 0",
  trust,
  params: z.object({ threshold }),
  arbitrary: (params) => fc.double({ min: 0, max: params.threshold, noNaN: true }),
  check(_params, e) {
    const rate = sixStateRate(e);
    return { ok: rate > 0, margin: rate, metrics: { qber: e, rate }, message: `r(${e.toFixed(5)}) = ${rate.toExponential(3)} <= 0: no key can be distilled` };
  },
  trace: (params, e): TraceStep[] => [
    { step: "Parameter estimation", detail: `the QBER ${e} is at most the abort threshold, so the protocol continues`, values: { qber: e, threshold: params.threshold } },
    { step: "Key rate", detail: "one-way error correction and privacy amplification (Lo 2001)", values: { rate: sixStateRate(e) } },
    { step: "Threshold", detail: "the largest QBER with a positive rate", values: { threshold: rateThreshold(sixStateRate) } },
  ],
};

// #region list
/** Every six-state property, in one explicit list. */
export const sixStateProperties: readonly PropertyDefinition[] = [interceptResendQber, informationBound, thresholdPositiveRate];
// #endregion list
