/**
 * Decoy-state estimates of the single-photon gain Q_1 and error rate e_1 (the inputs of eq. 13).
 *
 * Two estimators: the infinite-decoy limit (Y_1 and e_1 known exactly) and the practical
 * vacuum + one weak decoy protocol of Ma, Qi, Zhao, Lo (2005), which gives a lower bound on Y_1
 * and an upper bound on e_1 from the observed gains of the signal, the weak decoy and the vacuum.
 * @module
 */
import { errorGain, gain, gainAt, qber, qberAt, transmittance, validateIntensity, type ChannelParameters } from "./channel.js";

/** What the rate formula needs: the signal's gain and QBER, and the single-photon and vacuum terms. */
export interface RateInputs {
  /** Q: gain of the signal state (detections per pulse, before sifting). */
  readonly Q: number;
  /** E: QBER of the signal state. */
  readonly E: number;
  /** Q_1 (or its lower bound): single-photon gain, Y_1 mu e^{-mu}. */
  readonly Q1: number;
  /** e_1 (or its upper bound): single-photon error rate. */
  readonly e1: number;
  /** Q_0 = Y_0 e^{-mu}: gain of the vacuum component. */
  readonly Q0: number;
  /** Y_1 (or its lower bound). */
  readonly Y1: number;
  /** Y_0, the background yield (measured with the vacuum decoy). */
  readonly Y0: number;
}

/**
 * Infinite-decoy limit: `Y1 = Y0 + eta`, `e1 = (e0 Y0 + e_d eta) / Y1`, `Q1 = Y1 mu e^{-mu}`.
 * Reference: Ma, Qi, Zhao, Lo (2005), eqs. 7-8 (exact in this channel model: Y_n = Y0 + 1 - (1 - eta)^n).
 */
export function infiniteDecoyInputs(p: ChannelParameters, distanceKm: number, mu: number): RateInputs {
  validateIntensity(mu);
  return infiniteDecoyInputsAt(p, transmittance(p, distanceKm), mu);
}

/** {@link infiniteDecoyInputs} at a transmittance already computed (see `gainAt` in channel.ts): the same operations, so the same bits. */
export function infiniteDecoyInputsAt(p: ChannelParameters, eta: number, mu: number): RateInputs {
  validateIntensity(mu);
  const Y0 = p.darkCountYield;
  const Y1 = Y0 + eta;
  const e1 = Y1 > 0 ? (p.eDark * Y0 + p.eDetector * eta) / Y1 : 0;
  return {
    Q: gainAt(p, eta, mu),
    E: qberAt(p, eta, mu),
    Q1: Y1 * mu * Math.exp(-mu),
    e1,
    Q0: Y0 * Math.exp(-mu),
    Y1,
    Y0,
  };
}

/**
 * Vacuum + weak decoy (intensity `nu < mu`) bounds of Ma, Qi, Zhao, Lo (2005), eqs. 34 and 37:
 *
 * `Y1^L = mu / (mu nu - nu^2) (Q_nu e^nu - Q_mu e^mu nu^2/mu^2 - (mu^2 - nu^2)/mu^2 Y0)`,
 * `e1^U = (E_nu Q_nu e^nu - e0 Y0) / (Y1^L nu)`, `Q1^L = Y1^L mu e^{-mu}`.
 *
 * `Y1^L` is clipped at 0 and `e1^U` at 1/2 (beyond 1/2 the bound says nothing and `h` would
 * decrease). Valid for any photon-number yields `Y_n >= 0` and error gains `e_n Y_n >= 0`.
 */
export function vacuumWeakDecoyInputs(p: ChannelParameters, distanceKm: number, mu: number, nu: number): RateInputs {
  validateIntensity(mu);
  validateIntensity(nu, "nu");
  if (!(nu < mu)) throw new RangeError(`vacuumWeakDecoyInputs: nu must be < mu, got nu ${nu}, mu ${mu}`);
  const Y0 = p.darkCountYield;
  const Qmu = gain(p, distanceKm, mu);
  const bounds = vacuumWeakDecoyBounds({ mu, nu, Qmu, Qnu: gain(p, distanceKm, nu), EQnu: errorGain(p, distanceKm, nu), Y0, E0Y0: p.eDark * Y0 });
  const Y1 = Math.max(0, bounds.Y1Lower);
  const e1Raw = Y1 > 0 ? bounds.e1UpperRaw : 0.5;
  return {
    Q: Qmu,
    E: Qmu > 0 ? errorGain(p, distanceKm, mu) / Qmu : 0,
    Q1: Y1 * mu * Math.exp(-mu),
    e1: Math.min(0.5, Math.max(0, e1Raw)),
    Q0: Y0 * Math.exp(-mu),
    Y1,
    Y0,
  };
}

/** What a KDC observes with a signal, a weak decoy and a vacuum decoy (gains per pulse). */
export interface DecoyObservation {
  readonly mu: number;
  readonly nu: number;
  /** Q_mu, Q_nu: gains of the signal and the weak decoy. */
  readonly Qmu: number;
  readonly Qnu: number;
  /** E_nu Q_nu: error gain of the weak decoy. */
  readonly EQnu: number;
  /** Y0 and e0 Y0: gain and error gain of the vacuum decoy. */
  readonly Y0: number;
  readonly E0Y0: number;
}

/**
 * The vacuum + weak decoy bounds from observed gains alone (Ma, Qi, Zhao, Lo 2005, eqs. 34 and 37),
 * unclipped: `Y1^L` (may be negative) and `e1^U = (E_nu Q_nu e^nu − e0 Y0)/(Y1^L nu)` (Infinity when
 * `Y1^L <= 0`). Valid for any photon-number yields `0 <= Y_n <= 1` and error yields `0 <= e_n Y_n <= Y_n`
 * when `0 < nu < mu`.
 */
export function vacuumWeakDecoyBounds(o: DecoyObservation): { readonly Y1Lower: number; readonly e1UpperRaw: number } {
  const { mu, nu } = o;
  const Y1Lower = (mu / (mu * nu - nu * nu)) * (o.Qnu * Math.exp(nu) - ((o.Qmu * Math.exp(mu) * nu * nu) / (mu * mu)) - ((mu * mu - nu * nu) / (mu * mu)) * o.Y0);
  const e1UpperRaw = Y1Lower > 0 ? (o.EQnu * Math.exp(nu) - o.E0Y0) / (Y1Lower * nu) : Infinity;
  return { Y1Lower, e1UpperRaw };
}
