/**
 * Photon-number statistics of the source: an ideal single-photon source emits exactly one
 * photon; a phase-randomised weak coherent pulse emits n photons with the Poisson probability
 * `P(n) = e^{-mu} mu^n / n!` (Lo, Ma, Chen, PRL 94 (2005) 230504).
 * @module
 */
import type { Source } from "./setup.js";

/** Probability of n photons per pulse, for n = 0, 1, 2, ... until the tail is below 1e-17. */
export function photonNumberDistribution(source: Source): Float64Array {
  if (source.kind === "single-photon") return Float64Array.of(0, 1);
  const mu = source.meanPhotonNumber;
  const out: number[] = [Math.exp(-mu)];
  let total = out[0];
  for (let n = 1; n < 1000 && (n <= mu || 1 - total > 1e-17); n++) {
    out.push((out[n - 1] * mu) / n);
    total += out[n];
  }
  return Float64Array.from(out);
}

/**
 * Probability that at least one of `n` photons is detected, averaged over the photon number
 * and restricted to `n >= from`: `sum_{n >= from} P(n) (1 - (1 - t)^(n - keep))`, where `keep`
 * photons are taken out first (1 for a photon-number-splitting Eve).
 * @example detectionYield(photonNumberDistribution({ kind: "weak-coherent", meanPhotonNumber: 0.5 }), 0.1, 1, 0) // 1 - e^{-0.05}
 */
export function detectionYield(distribution: Float64Array, t: number, from: number, keep: number): number {
  let y = 0;
  for (let n = from; n < distribution.length; n++) y += distribution[n] * (1 - (1 - t) ** (n - keep));
  return y;
}

/** `sum_{n >= from} P(n)`. */
export function tailProbability(distribution: Float64Array, from: number): number {
  let p = 0;
  for (let n = from; n < distribution.length; n++) p += distribution[n];
  return p;
}
