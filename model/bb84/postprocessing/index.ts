/**
 * Classical post-processing of BB84: Cascade error correction, verification, and privacy
 * amplification by Toeplitz hashing. One explicit list of exports.
 * @module
 */
export { assertBits, hammingDistance } from "./bits.js";
export { toeplitzHash, drawToeplitzSeed } from "./toeplitz.js";
export { cascade, CASCADE_FIRST_BLOCK_FACTOR, CASCADE_PASSES, type CascadeOptions, type CascadeResult } from "./cascade.js";
export { verifyKeys, VERIFICATION_BITS, type VerificationResult } from "./verification.js";
export { reconcile, reconciliationEfficiency, type ReconcileOptions, type ReconcileResult } from "./reconcile.js";
export {
  phaseErrorUpperBound,
  privacyAmplifiedLength,
  privacyAmplify,
  type PrivacyAmplificationInputs,
  type AmplifiedKey,
} from "./privacyAmplification.js";
export {
  finiteKeyLedger,
  fluctuation,
  tomamichelKeyLength,
  ledgerMetrics,
  type FiniteKeyInputs,
  type EpsilonLedger,
  type TomamichelInputs,
} from "./finiteKey.js";
