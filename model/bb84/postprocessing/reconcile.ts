/**
 * Information reconciliation: Cascade followed by a verification hash, with the total leakage
 * that privacy amplification must subtract.
 * @module
 */
import type { Rng } from "../../random.js";
import { binaryEntropy } from "../keyrate/entropy.js";
import { cascade, CASCADE_PASSES } from "./cascade.js";
import { verifyKeys, VERIFICATION_BITS } from "./verification.js";

/** Settings of a reconciliation. */
export interface ReconcileOptions {
  readonly qber: number;
  readonly rng: Rng;
  /** Cascade passes (default 4). */
  readonly passes?: number;
  /** Verification tag length t; 0 disables verification (the keys are then always "accepted"). */
  readonly verificationBits?: number;
}

/** The result of a reconciliation. */
export interface ReconcileResult {
  /** Bob's corrected key. */
  readonly bobKey: Uint8Array;
  /** Whether the verification tags matched (true without verification). */
  readonly accepted: boolean;
  /** leak_EC: Cascade parities + verification tag. */
  readonly leakedBits: number;
  readonly cascadeLeakedBits: number;
  readonly verificationLeakedBits: number;
  /** eps_EC: probability that differing keys are accepted (2^-t; 1 without verification). */
  readonly epsilonEC: number;
  readonly rng: Rng;
}

/**
 * Cascade, then a t-bit Toeplitz verification: `leak_EC = leak_Cascade + t`, and differing keys
 * are accepted with probability at most `eps_EC = 2^-t`. Reference: Brassard, Salvail (1994);
 * Tomamichel et al., Nat. Commun. 3, 634 (2012).
 */
export function reconcile(alice: Uint8Array, bob: Uint8Array, options: ReconcileOptions): ReconcileResult {
  const t = options.verificationBits ?? VERIFICATION_BITS;
  const corrected = cascade(alice, bob, { qber: options.qber, rng: options.rng, passes: options.passes ?? CASCADE_PASSES });
  if (t === 0) {
    return {
      bobKey: corrected.corrected,
      accepted: true,
      leakedBits: corrected.leakedBits,
      cascadeLeakedBits: corrected.leakedBits,
      verificationLeakedBits: 0,
      epsilonEC: 1,
      rng: corrected.rng,
    };
  }
  const verified = verifyKeys(alice, corrected.corrected, corrected.rng, t);
  return {
    bobKey: corrected.corrected,
    accepted: verified.tagsMatch,
    leakedBits: corrected.leakedBits + verified.leakedBits,
    cascadeLeakedBits: corrected.leakedBits,
    verificationLeakedBits: verified.leakedBits,
    epsilonEC: verified.epsilon,
    rng: verified.rng,
  };
}

/**
 * Reconciliation efficiency `f = leak_EC / (n h(QBER))` (1 is the Shannon limit); `NaN` when
 * `h(QBER) = 0`. Reference: Martinez-Mateo et al., QIC 15, 453 (2015).
 */
export function reconciliationEfficiency(leakedBits: number, keyLength: number, qber: number): number {
  const limit = keyLength * binaryEntropy(qber);
  return limit > 0 ? leakedBits / limit : NaN;
}
