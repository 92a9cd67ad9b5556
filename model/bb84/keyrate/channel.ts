/**
 * The fibre channel and detector model of Ma, Qi, Zhao, Lo (2005): what Bob observes when Alice
 * sends phase-randomised weak coherent pulses of mean photon number `mu` through `L` km of fibre.
 *
 * Gains and error gains are closed forms (no sampling). The n-photon yield of this model is
 * `Y_n = Y0 + 1 - (1 - eta)^n`, so the single-photon values below are exact, not approximations.
 * @module
 */

/** Source, fibre, detector and post-processing parameters of one QKD link. */
export interface ChannelParameters {
  /** Fibre loss coefficient alpha in dB/km. */
  readonly alphaDbPerKm: number;
  /** eta_Bob: transmittance of Bob's optics times detector efficiency, in [0, 1]. */
  readonly etaBob: number;
  /** Y0: background (dark count) yield per pulse, in [0, 1]. */
  readonly darkCountYield: number;
  /** e_detector: probability a photon hits the wrong detector (optical misalignment), in [0, 1]. */
  readonly eDetector: number;
  /** e0: error rate of background counts (1/2: random clicks), in [0, 1]. */
  readonly eDark: number;
  /** f_EC >= 1: error-correction leakage relative to the Shannon limit. */
  readonly fEC: number;
  /** Pulses per second. */
  readonly repetitionRateHz: number;
  /** q: fraction of detections kept after sifting (1/2 for BB84 with unbiased bases), in (0, 1]. */
  readonly siftingFactor: number;
}

/**
 * Validate channel parameters; throws naming the field and the problem.
 * @example validateChannel({ ...gys, eDetector: 1.2 }) // throws "channel.eDetector must be in [0, 1], got 1.2"
 */
export function validateChannel(p: ChannelParameters, where = "channel"): ChannelParameters {
  const probabilities = ["etaBob", "darkCountYield", "eDetector", "eDark"] as const;
  for (const field of probabilities) {
    const v = p[field];
    if (!(typeof v === "number" && v >= 0 && v <= 1)) throw new RangeError(`${where}.${field} must be in [0, 1], got ${v}`);
  }
  if (!(p.alphaDbPerKm >= 0 && Number.isFinite(p.alphaDbPerKm))) {
    throw new RangeError(`${where}.alphaDbPerKm must be a finite number >= 0, got ${p.alphaDbPerKm}`);
  }
  if (!(p.fEC >= 1 && Number.isFinite(p.fEC))) throw new RangeError(`${where}.fEC must be a finite number >= 1, got ${p.fEC}`);
  if (!(p.repetitionRateHz > 0 && Number.isFinite(p.repetitionRateHz))) {
    throw new RangeError(`${where}.repetitionRateHz must be a finite number > 0, got ${p.repetitionRateHz}`);
  }
  if (!(p.siftingFactor > 0 && p.siftingFactor <= 1)) {
    throw new RangeError(`${where}.siftingFactor must be in (0, 1], got ${p.siftingFactor}`);
  }
  return p;
}

/** Throws unless `distanceKm` is a finite number >= 0. */
export function validateDistance(distanceKm: number, where = "distanceKm"): number {
  if (!(Number.isFinite(distanceKm) && distanceKm >= 0)) throw new RangeError(`${where} must be a finite number >= 0, got ${distanceKm}`);
  return distanceKm;
}

/** Throws unless `mu` is a finite mean photon number > 0. */
export function validateIntensity(mu: number, where = "mu"): number {
  if (!(Number.isFinite(mu) && mu > 0)) throw new RangeError(`${where} must be a finite number > 0, got ${mu}`);
  return mu;
}

/**
 * Overall transmittance `eta = eta_Bob * 10^(-alpha L / 10)`.
 * Reference: Ma, Qi, Zhao, Lo, PRA 72, 012326 (2005), eq. 6.
 */
export function transmittance(p: ChannelParameters, distanceKm: number): number {
  validateDistance(distanceKm);
  return p.etaBob * Math.pow(10, (-p.alphaDbPerKm * distanceKm) / 10);
}

/**
 * Gain of a pulse of intensity `mu`: `Q_mu = Y0 + 1 - e^{-eta mu}` (probability of a detection).
 * Reference: Ma, Qi, Zhao, Lo (2005), eq. 9.
 */
export function gain(p: ChannelParameters, distanceKm: number, mu: number): number {
  return gainAt(p, transmittance(p, distanceKm), mu);
}

/**
 * {@link gain} at a transmittance `eta` already computed (`transmittance(p, distanceKm)`), for
 * callers that need several quantities at one distance: the same operations, so the same bits,
 * without recomputing `10^(-alpha L / 10)` (the fit of the paper's claims evaluates it millions
 * of times: 4 % of `verify`'s profile, 2026-11-27).
 */
export function gainAt(p: ChannelParameters, eta: number, mu: number): number {
  return p.darkCountYield - Math.expm1(-eta * validateIntensity(mu));
}

/**
 * Error gain `E_mu Q_mu = e0 Y0 + e_detector (1 - e^{-eta mu})`.
 * Reference: Ma, Qi, Zhao, Lo (2005), eq. 10.
 */
export function errorGain(p: ChannelParameters, distanceKm: number, mu: number): number {
  return errorGainAt(p, transmittance(p, distanceKm), mu);
}

/** {@link errorGain} at a transmittance already computed (see {@link gainAt}). */
export function errorGainAt(p: ChannelParameters, eta: number, mu: number): number {
  return p.eDark * p.darkCountYield - p.eDetector * Math.expm1(-eta * validateIntensity(mu));
}

/** The QBER of signals of intensity `mu`: `E_mu = (E_mu Q_mu) / Q_mu`. */
export function qber(p: ChannelParameters, distanceKm: number, mu: number): number {
  return qberAt(p, transmittance(p, distanceKm), mu);
}

/** {@link qber} at a transmittance already computed (see {@link gainAt}). */
export function qberAt(p: ChannelParameters, eta: number, mu: number): number {
  const q = gainAt(p, eta, mu);
  return q > 0 ? errorGainAt(p, eta, mu) / q : 0;
}
