/**
 * What Alice, Bob and Eve end up with, per basis and on average over the sifted pulses,
 * computed exactly from the per-pulse density matrices (no sampling):
 *
 * - Bob's error rate in basis b, `e_b = (1/2) sum_a tr(P_{b,1-a} rho_B^{b,a})`;
 * - Eve's Holevo information on Alice's bit, `chi_b = S(sum_a rho_E^{b,a}/2) - sum_a S(rho_E^{b,a})/2`;
 * - the QBER `Q = mean_b e_b` and `chi = mean_b chi_b` (sifting keeps the pulses where Bob's
 *   basis equals Alice's, each basis equally often).
 * @module
 */
import { holevo, measureInBasis, traceOut } from "qkd-harness/kernel";
import type { SixStateAttack } from "./adversary.js";
import { attackPulse } from "./attack.js";
import { basisMatrix, signalState, SIX_STATE_BASES, type Basis } from "./bases.js";

/** Error rate and Eve's information for the signals of one basis. */
export interface BasisStatistics {
  readonly basis: Basis;
  /** Bob's error rate `e_b` when he measures in Alice's basis. */
  readonly errorRate: number;
  /** Eve's Holevo information `chi_b` (bits) on Alice's bit. */
  readonly eveInformation: number;
}

/** The statistics of the sifted pulses under one attack. */
export interface PulseStatistics {
  readonly perBasis: readonly BasisStatistics[];
  /** `Q = mean_b e_b`. */
  readonly qber: number;
  /** `chi = mean_b chi_b`, bits per sifted pulse. */
  readonly eveInformation: number;
}

/**
 * Exact per-basis and average statistics of `attack` when Alice and Bob use `bases`
 * (default all three: the six-state protocol; `["X", "Z"]` is BB84).
 * @example pulseStatistics({ kind: "intercept-resend", fraction: 1, basis: "random" }).qber // 1/3
 */
export function pulseStatistics(attack: SixStateAttack, bases: readonly Basis[] = SIX_STATE_BASES): PulseStatistics {
  if (bases.length === 0) throw new RangeError("pulseStatistics: bases must name at least one of X, Y, Z");
  const perBasis = bases.map((basis): BasisStatistics => {
    const joint = ([0, 1] as const).map((a) => attackPulse(attack, signalState(basis, a)));
    const wrong = (a: 0 | 1): number => measureInBasis(traceOut(joint[a], [1]), basisMatrix(basis), [0])[1 - a].probability;
    const errorRate = (wrong(0) + wrong(1)) / 2;
    const eveInformation = holevo(joint.map((rho) => [0.5, traceOut(rho, [0])] as const));
    return { basis, errorRate, eveInformation };
  });
  const mean = (f: (s: BasisStatistics) => number) => perBasis.reduce((sum, s) => sum + f(s), 0) / perBasis.length;
  return { perBasis, qber: mean((s) => s.errorRate), eveInformation: mean((s) => s.eveInformation) };
}
