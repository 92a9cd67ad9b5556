/**
 * Decoy-state estimates of the single-photon gain Q_1 and error rate e_1 (the inputs of eq. 13).
 *
 * Two estimators: the infinite-decoy limit (Y_1 and e_1 known exactly) and the practical
 * vacuum + one weak decoy protocol of Ma, Qi, Zhao, Lo (2005), which gives a lower bound on Y_1
 * and an upper bound on e_1 from the observed gains of the signal, the weak decoy and the vacuum.
 * @module
 */
import { errorGain, gain, qber, transmittance, validateIntensity, type ChannelParameters } from "./channel.js";

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
  const eta = transmittance(p, distanceKm);
  const Y0 = p.darkCountYield;
  const Y1 = Y0 + eta;
  const e1 = Y1 > 0 ? (p.eDark * Y0 + p.eDetector * eta) / Y1 : 0;
  return {
    Q: gain(p, distanceKm, mu),
    E: qber(p, distanceKm, mu),
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
  const Qnu = gain(p, distanceKm, nu);
  const EQnu = errorGain(p, distanceKm, nu);
  const y1Raw =
    (mu / (mu * nu - nu * nu)) *
    (Qnu * Math.exp(nu) - ((Qmu * Math.exp(mu) * nu * nu) / (mu * mu)) - ((mu * mu - nu * nu) / (mu * mu)) * Y0);
  const Y1 = Math.max(0, y1Raw);
  const e1Raw = Y1 > 0 ? (EQnu * Math.exp(nu) - p.eDark * Y0) / (Y1 * nu) : 0.5;
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
