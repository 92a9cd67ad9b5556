/**
 * Channel noise on the transit qubit as a Pauli channel `rho -> sum_P w_P P rho P`,
 * P in {I, X, Z, Y}: depolarizing, dephasing and polarisation misalignment compose into one
 * weight vector (Nielsen & Chuang §8.3).
 *
 * Misalignment with error e is modelled as the Pauli-Y flip with probability e, which flips the
 * bit in both BB84 bases with probability e (the usual basis-independent `e_detector`).
 * @module
 */

/** Pauli weights `[w_I, w_X, w_Z, w_Y]`, non-negative, summing to 1. Index bits: (x-flip, z-flip). */
export type PauliWeights = readonly [number, number, number, number];

/** The noiseless channel. */
export const NO_NOISE: PauliWeights = [1, 0, 0, 0];

/**
 * Depolarizing channel `rho -> (1-p) rho + p I/2` as Pauli weights `[1 - 3p/4, p/4, p/4, p/4]`.
 * @example depolarizingWeights(0.2) // [0.85, 0.05, 0.05, 0.05]: QBER p/2 = 0.1 in both bases
 */
export function depolarizingWeights(p: number): PauliWeights {
  checkProbability("depolarizingWeights", p);
  return [1 - (3 * p) / 4, p / 4, p / 4, p / 4];
}

/** Dephasing `rho -> (1-p) rho + p Z rho Z`: weights `[1-p, 0, p, 0]` (errors in X only). */
export function dephasingWeights(p: number): PauliWeights {
  checkProbability("dephasingWeights", p);
  return [1 - p, 0, p, 0];
}

/** Misalignment error e as a Y flip: weights `[1-e, 0, 0, e]` (error e in Z and in X). */
export function misalignmentWeights(e: number): PauliWeights {
  checkProbability("misalignmentWeights", e);
  return [1 - e, 0, 0, e];
}

/**
 * Composition of two Pauli channels: `w_P = sum_{Q R = P} u_Q v_R` (Paulis multiply as the
 * Klein group up to phase; index bits XOR).
 */
export function composePauli(u: PauliWeights, v: PauliWeights): PauliWeights {
  const out = [0, 0, 0, 0];
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) out[i ^ j] += u[i] * v[j];
  return [out[0], out[1], out[2], out[3]];
}

/** Probability that a Z-basis bit is flipped (`w_X + w_Y`) or an X-basis bit (`w_Z + w_Y`). */
export function pauliFlipProbability(w: PauliWeights, basis: 0 | 1): number {
  return basis === 0 ? w[1] + w[3] : w[2] + w[3];
}

function checkProbability(fn: string, p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`${fn}: p must be in [0, 1], got ${p}`);
}
