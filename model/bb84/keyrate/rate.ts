/**
 * Secure key rate formulas: the GLLP rate with decoy estimates, the paper's eq. 13 (which adds
 * the vacuum term Q_0), and the asymptotic single-photon BB84 rate.
 * @module
 */
import { binaryEntropy } from "./entropy.js";
import type { RateInputs } from "./decoy.js";

/**
 * Which rate formula:
 * - `gllp`: `R = q { Q_1 [1 - H(e_1)] - Q f_EC H(E) }` (GLLP; Ma, Qi, Zhao, Lo 2005, eq. 1);
 * - `eq13`: the paper's eq. 13 as written, `R = q { [Q_1 (1 - H(e_1)) - Q f_EC H(E)] + Q_0 }`
 *   (vacuum detections add key: Lo, QIC 5, 413 (2005); Lim et al., PRA 89, 022307 (2014)).
 */
export type RateFormula = "gllp" | "eq13";

/** A rate per pulse before and after clipping at zero (no key is "negative key"). */
export interface RatePerPulse {
  /** The formula's value, possibly negative. */
  readonly raw: number;
  /** `max(0, raw)`. */
  readonly clipped: number;
}

/** Post-processing constants of the rate formula. */
export interface RateSettings {
  readonly fEC: number;
  readonly siftingFactor: number;
  readonly formula: RateFormula;
}

/**
 * Secure key rate per pulse, eq. 13 of the paper (formula `eq13`) or GLLP (formula `gllp`):
 * `R = q { Q_1 [1 - H(e_1)] - Q f_EC H(E) [+ Q_0] }`. The paper's `1/t` turns it into a rate per
 * second: multiply by the repetition rate. Reference: Gottesman, Lo, Lütkenhaus, Preskill,
 * QIC 4, 325 (2004); Ma, Qi, Zhao, Lo (2005), eq. 1; the paper, eq. 13.
 */
export function secureKeyRatePerPulse(inputs: RateInputs, settings: RateSettings): RatePerPulse {
  const { Q, E, Q1, e1, Q0 } = inputs;
  const vacuum = settings.formula === "eq13" ? Q0 : 0;
  const raw = settings.siftingFactor * (Q1 * (1 - binaryEntropy(e1)) - Q * settings.fEC * binaryEntropy(E) + vacuum);
  return { raw, clipped: Math.max(0, raw) };
}

/**
 * Asymptotic secret fraction of single-photon BB84 with one-way post-processing:
 * `r = 1 - h(e_X) - f_EC h(e_Z)` (phase error e_X, bit error e_Z), clipped at 0.
 * Reference: Shor, Preskill, PRL 85, 441 (2000); Scarani et al., RMP 81, 1301 (2009), eq. 57.
 * @example singlePhotonBb84Rate(0.11, 0.11) // ≈ 0
 */
export function singlePhotonBb84Rate(eX: number, eZ: number, fEC = 1): number {
  if (!(fEC >= 1)) throw new RangeError(`singlePhotonBb84Rate: fEC must be >= 1, got ${fEC}`);
  return Math.max(0, 1 - binaryEntropy(eX) - fEC * binaryEntropy(eZ));
}
