/**
 * `bb84.secrecy`: Eve's information about the key is bounded by the phase error rate, and the
 * final private key P_k(m_i) (eq. 5) leaks at most epsilon to her whenever the run is accepted.
 * @module
 */
import type { Adversary, ExactRun } from "../../model/bb84/index.js";
import { binaryEntropy } from "../../model/kernel/index.js";
import type { PropertyDefinition } from "../types.js";
import { adversaryInput, describeInput, QUANTUM_CHANNEL_TRUST, runMetrics, runOf, runTrace } from "./common.js";
import { fixedAdversaryEvidence } from "./evidence.js";
import { bb84Params, type Bb84Params } from "./params.js";
import { bb84Objective } from "./search.js";

/** Round-off allowance on the uncertainty bound `chi <= h(e_phase)`. */
const BOUND_ATOL = 1e-9;

const params = bb84Params("single-photon", { epsilon: 1e-6 });

/**
 * What the check computes, per sifted key bit in the asymptotic limit:
 * 1. for each key basis a, `chi_a(x : E) <= h(e_phase,a)` with `e_phase` the other basis's QBER
 *    (the only basis's for z-only) - the entropic uncertainty relation;
 * 2. `exposure = P(accept) * leak`, `leak = sum_a share_a max(0, chi_a - (compression_a - ecLeak_a))`
 *    (`compression = h(e_phase) + f_EC h(e_a)` with privacy amplification, 0 without), must be <= epsilon:
 *    a run that accepts with non-negligible probability must not leave Eve non-negligible
 *    information per key bit.
 */
export function secrecyMargins(r: ExactRun, epsilon: number): { bound: number; exposure: number; exposureMargin: number; worstBasis: number } {
  let bound = Infinity, worstBasis = 0;
  for (const a of [0, 1] as const) {
    if (r.basisShare[a] === 0) continue;
    const phase = r.variant === "z-only" ? r.pulses.qberByBasis[a] : r.pulses.qberByBasis[1 - a];
    const m = binaryEntropy(phase) + BOUND_ATOL - r.pulses.holevoByBasis[a];
    if (m < bound) [bound, worstBasis] = [m, a];
  }
  const exposure = r.acceptance * r.leakPerBit;
  return { bound, exposure, exposureMargin: epsilon - exposure, worstBasis };
}

/** chi(Z:E) <= h(e_X) for every generated attack, and accepted keys leak at most epsilon. */
export const secrecy: PropertyDefinition<Bb84Params, Adversary> = {
  id: "bb84.secrecy",
  protocol: "bb84",
  title: "Eve's information is bounded by h(e_X), and an accepted key leaks at most epsilon",
  statement:
    "For every generated attack: (1) Eve's Holevo information about a sifted key bit of basis Z after the basis announcement is at most " +
    "h(e_X), the binary entropy of the other basis's QBER (entropic uncertainty relation), likewise X against e_Z; and (2) the final key's " +
    "asymptotic leak per bit, leak = max(0, chi - (PA compression - EC leak)), weighted by the probability P(accept) that the test sample " +
    "passes eq. 4, is at most epsilon. Variant paper has no privacy amplification, so whatever Eve learns in an accepted run stays in the key.",
  equation: String.raw`\chi(Z{:}E) \le h(e_X) \;\wedge\; P(\hat e < p_o)\cdot \max\!\big(0,\ \chi - (\ell_{PA} - \ell_{EC})\big) \le \varepsilon \quad \text{(eqs. 4-5)}`,
  trust: QUANTUM_CHANNEL_TRUST,
  params,
  arbitrary: adversaryInput,
  check(p, a) {
    const r = runOf(p, a);
    const m = secrecyMargins(r, p.epsilon);
    const ok = m.bound >= 0 && m.exposureMargin >= 0;
    const basis = m.worstBasis === 0 ? "Z" : "X";
    return {
      ok,
      margin: Math.min(m.bound, m.exposureMargin),
      metrics: Object.assign(runMetrics(r), { uncertaintyMargin: m.bound, exposure: m.exposure, epsilon: p.epsilon, compression: r.compression }),
      message:
        m.bound < 0
          ? `chi(${basis}:E) = ${r.pulses.holevoByBasis[m.worstBasis].toPrecision(4)} exceeds h(e_phase) by ${(-m.bound).toPrecision(3)} (variant ${p.variant})`
          : `accepted with probability ${r.acceptance.toPrecision(4)} while Eve keeps ${r.leakPerBit.toPrecision(4)} bits per key bit (QBER ${r.qber.toPrecision(4)}, variant ${p.variant})`,
    };
  },
  trace: runTrace,
  describe: describeInput,
  evidence: fixedAdversaryEvidence,
  objective: bb84Objective("information", "mutual information of Eve's best measurement after the basis announcement with a sifted key bit (bits, mean of Z and X), over entangling probes on the photon and a qubit, at QBER <= p_o in both bases (optimum 1 - h(1/2 + sqrt(p_o (1 - p_o))), Fuchs et al. 1997)"),
};
