/**
 * Verification after error correction: Alice and Bob compare a t-bit universal hash of their
 * keys, so that keys that still differ are detected except with probability 2^-t.
 * @module
 */
import type { Rng } from "../../random.js";
import { drawToeplitzSeed, toeplitzHash } from "./toeplitz.js";

/** Default tag length t of the verification hash (eps_EC = 2^-64). */
export const VERIFICATION_BITS = 64;

/** The outcome of a verification. */
export interface VerificationResult {
  /** Whether the two tags agree (the keys are accepted as equal). */
  readonly tagsMatch: boolean;
  /** Bits disclosed: the t-bit tag Alice sends. */
  readonly leakedBits: number;
  /** Upper bound on Pr[tags match | keys differ] = 2^-t. */
  readonly epsilon: number;
  readonly rng: Rng;
}

/**
 * Compare Toeplitz tags `T a` and `T b` for a fresh public seed: for `a != b` they agree with
 * probability exactly `2^-t` (`eps_EC`). Reference: Fung, Ma, Chau, PRA 81, 012318 (2010);
 * Tomamichel et al., Nat. Commun. 3, 634 (2012) (error verification).
 */
export function verifyKeys(alice: Uint8Array, bob: Uint8Array, rng: Rng, tagBits = VERIFICATION_BITS): VerificationResult {
  if (alice.length !== bob.length) throw new RangeError(`verifyKeys: key lengths ${alice.length} vs ${bob.length}`);
  if (!(Number.isInteger(tagBits) && tagBits >= 1)) throw new RangeError(`verifyKeys: tagBits must be an integer >= 1, got ${tagBits}`);
  if (alice.length === 0) return { tagsMatch: true, leakedBits: 0, epsilon: 0, rng };
  const [seed, next] = drawToeplitzSeed(rng, alice.length, tagBits);
  const ta = toeplitzHash(seed, alice, tagBits);
  const tb = toeplitzHash(seed, bob, tagBits);
  let same = true;
  for (let i = 0; i < tagBits; i++) if (ta[i] !== tb[i]) same = false;
  return { tagsMatch: same, leakedBits: tagBits, epsilon: 2 ** -tagBits, rng: next };
}
