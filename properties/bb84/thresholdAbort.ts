/**
 * `bb84.threshold-abort`: above the threshold, eq. 4 accepts no more often than Hoeffding allows.
 * @module
 */
import { hoeffdingBound, type Adversary } from "../../model/bb84/index.js";
import type { PropertyDefinition } from "../types.js";
import { adversaryInput, describeInput, QUANTUM_CHANNEL_TRUST, runMetrics, runOf, runTrace } from "./common.js";
import { fixedAdversaryEvidence } from "./evidence.js";
import { bb84Params, type Bb84Params } from "./params.js";

const params = bb84Params("any");

/** For true QBER q >= p_o + delta, the exact acceptance of an n-bit test sample is at most exp(-2 n (q - p_o)^2). */
export const thresholdAbort: PropertyDefinition<Bb84Params, Adversary> = {
  id: "bb84.threshold-abort",
  protocol: "bb84",
  title: "Above the threshold the test sample aborts except with Hoeffding probability",
  statement:
    "For every generated attack whose true sifted-key QBER q is at least p_o + delta, the exact probability that the n-bit random test " +
    "sample passes eq. 4 (P^e < p_o) is at most the Hoeffding bound exp(-2 n (q - p_o)^2) <= exp(-2 n delta^2). A fixed attack below " +
    "p_o + delta is outside the statement and reported as an error, never as a pass.",
  equation: String.raw`q \ge p_o + \delta \implies P\big(\hat e_n < p_o\big) = \sum_{k/n < p_o} \tbinom{n}{k} q^k (1-q)^{n-k} \le e^{-2n(q-p_o)^2} \le e^{-2n\delta^2} \quad \text{(eq. 4)}`,
  trust: QUANTUM_CHANNEL_TRUST,
  params,
  arbitrary: (p) => adversaryInput(p).filter((a) => p.adversary.kind === "fixed" || runOf(p, a).qber >= p.run.threshold + p.delta),
  check(p, a) {
    const r = runOf(p, a);
    if (r.qber < p.run.threshold + p.delta) {
      throw new RangeError(`bb84.threshold-abort: the attack's QBER ${r.qber.toPrecision(4)} is below p_o + delta = ${p.run.threshold + p.delta}; the property covers q >= p_o + delta`);
    }
    const bound = hoeffdingBound(p.run.testSize, r.qber - p.run.threshold);
    const margin = Math.log10(bound) - Math.log10(Math.max(r.acceptance, 1e-300));
    return {
      ok: r.acceptance <= bound,
      margin,
      metrics: Object.assign(runMetrics(r), { hoeffdingBound: bound, deltaBound: hoeffdingBound(p.run.testSize, p.delta), testedQber: r.testedQber }),
      message: `accepted with probability ${r.acceptance.toPrecision(4)} > Hoeffding bound ${bound.toPrecision(4)} at QBER ${r.qber.toPrecision(4)} (variant ${p.variant}: ${r.testedBits} bits compared at QBER ${r.testedQber.toPrecision(4)})`,
    };
  },
  trace: runTrace,
  describe: describeInput,
  evidence: fixedAdversaryEvidence,
};
