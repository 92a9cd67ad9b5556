/**
 * Privacy amplification: the secure output length from the leftover hash lemma, a finite-sample
 * bound on the phase error it needs, and the Toeplitz hashing that produces the final key.
 * @module
 */
import type { Rng } from "../../random.js";
import { binaryEntropy } from "../keyrate/entropy.js";
import { drawToeplitzSeed, toeplitzHash } from "./toeplitz.js";

/**
 * Upper bound on the phase-error rate of the n key bits from k test bits (X basis) with
 * observed error rate `observed`, by random sampling without replacement:
 * `e_X^U = observed + sqrt( (n + k)/(n k) * (k + 1)/k * ln(1/eps_PE) )`, capped at 1/2; fails
 * with probability at most `eps_PE`. Reference: Tomamichel, Lim, Gisin, Renner, Nat. Commun. 3, 634 (2012);
 * Serfling, Ann. Stat. 2, 39 (1974).
 */
export function phaseErrorUpperBound(observed: number, keyBits: number, testBits: number, epsilonPE: number): number {
  if (!(observed >= 0 && observed <= 1)) throw new RangeError(`phaseErrorUpperBound: observed must be in [0, 1], got ${observed}`);
  if (!(Number.isInteger(keyBits) && keyBits >= 1)) throw new RangeError(`phaseErrorUpperBound: keyBits must be an integer >= 1, got ${keyBits}`);
  if (!(Number.isInteger(testBits) && testBits >= 1)) throw new RangeError(`phaseErrorUpperBound: testBits must be an integer >= 1, got ${testBits}`);
  if (!(epsilonPE > 0 && epsilonPE < 1)) throw new RangeError(`phaseErrorUpperBound: epsilonPE must be in (0, 1), got ${epsilonPE}`);
  const n = keyBits;
  const k = testBits;
  const mu = Math.sqrt(((n + k) / (n * k)) * ((k + 1) / k) * Math.log(1 / epsilonPE));
  return Math.min(0.5, observed + mu);
}

/** What the leftover hash lemma needs. */
export interface PrivacyAmplificationInputs {
  /** n: reconciled key length. */
  readonly keyBits: number;
  /** e_X^U: upper bound on the phase-error rate ({@link phaseErrorUpperBound}). */
  readonly phaseErrorUpper: number;
  /** leak_EC: bits disclosed by error correction and verification. */
  readonly leakedBits: number;
  /** eps_PA: the privacy amplification failure probability. */
  readonly epsilonPA: number;
}

/**
 * Secure output length `l = floor( n (1 - h(e_X^U)) - leak_EC - 2 log2(1/eps_PA) )`, clipped at 0.
 * Reference: leftover hash lemma, Impagliazzo, Levin, Luby, STOC '89; Renner, PhD thesis (2005);
 * Tomamichel et al., Nat. Commun. 3, 634 (2012), eq. (2).
 */
export function privacyAmplifiedLength(inputs: PrivacyAmplificationInputs): number {
  const { keyBits: n, phaseErrorUpper: e, leakedBits, epsilonPA } = inputs;
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`privacyAmplifiedLength: keyBits must be an integer >= 0, got ${n}`);
  if (!(e >= 0 && e <= 1)) throw new RangeError(`privacyAmplifiedLength: phaseErrorUpper must be in [0, 1], got ${e}`);
  if (!(leakedBits >= 0)) throw new RangeError(`privacyAmplifiedLength: leakedBits must be >= 0, got ${leakedBits}`);
  if (!(epsilonPA > 0 && epsilonPA < 1)) throw new RangeError(`privacyAmplifiedLength: epsilonPA must be in (0, 1), got ${epsilonPA}`);
  const l = Math.floor(n * (1 - binaryEntropy(e)) - leakedBits - 2 * Math.log2(1 / epsilonPA));
  return Math.max(0, l);
}

/** The final key and the public seed that produced it. */
export interface AmplifiedKey {
  readonly key: Uint8Array;
  readonly seed: Uint8Array;
  readonly rng: Rng;
}

/**
 * Hash the reconciled key to `outputLength` bits with a random Toeplitz matrix (seed of
 * `n + l - 1` bits, public). Reference: Krawczyk (1994); Hayashi, Tsurumaru, IEEE TIT 62, 2213 (2016).
 */
export function privacyAmplify(key: Uint8Array, outputLength: number, rng: Rng): AmplifiedKey {
  if (outputLength === 0 || key.length === 0) return { key: new Uint8Array(0), seed: new Uint8Array(0), rng };
  if (outputLength > key.length) throw new RangeError(`privacyAmplify: outputLength ${outputLength} > key length ${key.length}`);
  const [seed, next] = drawToeplitzSeed(rng, key.length, outputLength);
  return { key: toeplitzHash(seed, key, outputLength), seed, rng: next };
}
