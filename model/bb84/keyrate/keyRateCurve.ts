/**
 * Secure key rate versus fibre length: the curve the paper's Fig. 10 draws, computed from the
 * channel model, a decoy estimator and eq. 13, at the optimal mean photon number.
 * @module
 */
import { qber, validateChannel, validateDistance, validateIntensity, type ChannelParameters } from "./channel.js";
import { infiniteDecoyInputs, vacuumWeakDecoyInputs, type RateInputs } from "./decoy.js";
import { goldenSectionMaximize } from "./optimize.js";
import { channelPreset } from "./presets.js";
import { secureKeyRatePerPulse, type RateFormula } from "./rate.js";

/** How the single-photon terms are estimated. */
export type DecoyMethod = "infinite-decoy" | "vacuum-weak-decoy";

/** The weak decoy intensity used when none is given (a typical experimental value). */
export const DEFAULT_WEAK_DECOY = 0.1;
/** Search interval for the optimal signal intensity mu. */
export const MU_SEARCH_INTERVAL: readonly [number, number] = [1e-3, 1.5];

/** How to evaluate one point of the curve. */
export interface RatePointSettings {
  /** Signal intensity; optimised (golden section on `MU_SEARCH_INTERVAL`) when omitted. */
  readonly mu?: number;
  /** Weak decoy intensity for `vacuum-weak-decoy` (default {@link DEFAULT_WEAK_DECOY}). */
  readonly nu?: number;
  readonly method?: DecoyMethod;
  readonly formula?: RateFormula;
}

/** One point of a key-rate curve. */
export interface KeyRatePoint {
  readonly distanceKm: number;
  /** Secure bits per pulse, clipped at 0. */
  readonly ratePerPulse: number;
  /** `ratePerPulse * repetitionRateHz`. */
  readonly ratePerSecond: number;
  /** The formula's value before clipping (negative beyond the cut-off distance). */
  readonly rawRatePerPulse: number;
  /** QBER E_mu of the signal state. */
  readonly qber: number;
  /** Sifted bits per pulse, `q Q_mu`. */
  readonly siftedPerPulse: number;
  readonly mu: number;
  /** The weak decoy intensity, or null for the infinite-decoy method. */
  readonly nu: number | null;
}

/**
 * The rate inputs (Q, E, Q_1, e_1, Q_0) of one decoy method at distance `L` and intensity `mu`.
 * For `vacuum-weak-decoy`, `nu` must be < `mu`.
 */
export function rateInputs(p: ChannelParameters, distanceKm: number, mu: number, method: DecoyMethod, nu: number): RateInputs {
  return method === "infinite-decoy" ? infiniteDecoyInputs(p, distanceKm, mu) : vacuumWeakDecoyInputs(p, distanceKm, mu, nu);
}

/**
 * The key rate at one distance: eq. 13 (or GLLP) with the chosen decoy estimates, at the given
 * or the optimal `mu`. Rate per second = rate per pulse x repetition rate (the paper's `1/t`).
 * Reference: Ma, Qi, Zhao, Lo, PRA 72, 012326 (2005); the paper, eq. 13.
 */
export function keyRateAt(p: ChannelParameters, distanceKm: number, settings: RatePointSettings = {}): KeyRatePoint {
  validateChannel(p);
  validateDistance(distanceKm);
  const method = settings.method ?? "infinite-decoy";
  const formula = settings.formula ?? "eq13";
  const nu = settings.nu ?? DEFAULT_WEAK_DECOY;
  if (method === "vacuum-weak-decoy") validateIntensity(nu, "nu");
  const rateAt = (mu: number) =>
    secureKeyRatePerPulse(rateInputs(p, distanceKm, mu, method, nu), { fEC: p.fEC, siftingFactor: p.siftingFactor, formula });
  let mu: number;
  if (settings.mu !== undefined) mu = validateIntensity(settings.mu);
  else {
    const lo = method === "vacuum-weak-decoy" ? Math.max(MU_SEARCH_INTERVAL[0], nu * 1.001) : MU_SEARCH_INTERVAL[0];
    mu = goldenSectionMaximize((m) => rateAt(m).raw, lo, Math.max(lo, MU_SEARCH_INTERVAL[1]), 1e-7).x;
  }
  const rate = rateAt(mu);
  const inputs = rateInputs(p, distanceKm, mu, method, nu);
  return {
    distanceKm,
    ratePerPulse: rate.clipped,
    ratePerSecond: rate.clipped * p.repetitionRateHz,
    rawRatePerPulse: rate.raw,
    qber: qber(p, distanceKm, mu),
    siftedPerPulse: p.siftingFactor * inputs.Q,
    mu,
    nu: method === "vacuum-weak-decoy" ? nu : null,
  };
}

/** What the CLI passes to {@link keyRateCurve}. */
export interface KeyRateCurveOptions extends RatePointSettings {
  /** A preset name, e.g. `"gys"`. */
  readonly preset: string;
  /** Overrides of individual preset parameters (validated). */
  readonly channel?: Partial<ChannelParameters>;
  readonly distancesKm: readonly number[];
}

/**
 * Key rate at each distance for a named preset.
 * @example keyRateCurve({ preset: "gys", distancesKm: [0, 40, 100] })
 */
export function keyRateCurve(options: KeyRateCurveOptions): KeyRatePoint[] {
  const p = validateChannel({ ...channelPreset(options.preset), ...(options.channel ?? {}) }, options.preset);
  options.distancesKm.forEach((d, i) => validateDistance(d, `keyRateCurve: distancesKm[${i}]`));
  return options.distancesKm.map((d) => keyRateAt(p, d, options));
}

/**
 * The largest distance with a positive rate (bisection on the clipped rate, to 0.01 km), or
 * `maxKm` if the rate is still positive there.
 */
export function maximumDistance(p: ChannelParameters, settings: RatePointSettings = {}, maxKm = 400): number {
  if (keyRateAt(p, maxKm, settings).ratePerPulse > 0) return maxKm;
  if (keyRateAt(p, 0, settings).ratePerPulse <= 0) return 0;
  let lo = 0;
  let hi = maxKm;
  while (hi - lo > 0.01) {
    const mid = (lo + hi) / 2;
    if (keyRateAt(p, mid, settings).ratePerPulse > 0) lo = mid;
    else hi = mid;
  }
  return lo;
}
