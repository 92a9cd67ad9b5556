/**
 * `qkd-harness/bb84`: the shipped BB84 model — the exact per-pulse density-matrix statistics
 * ({@link pulseStatistics}), the sampled finite run, the link setup, the threshold decision,
 * Eve's strategies as data ({@link Adversary}) and their fast-check arbitraries — with the
 * key-rate formulas and the post-processing (Cascade, Toeplitz hashing) as namespaces, and
 * the shipped BB84 property definitions.
 *
 * @example
 * ```ts
 * import { IDEAL_LINK, pulseStatistics } from "qkd-harness/bb84";
 * pulseStatistics(IDEAL_LINK, { kind: "intercept-resend", fraction: 1, basis: "random" }).qberByBasis; // [0.25, 0.25]
 * ```
 * @module qkd-harness/bb84
 */
// model/bb84/index.ts is itself an explicit by-name barrel: re-exporting it leaks nothing internal
export * from "../model/bb84/index.js";
/** Key-rate formulas (GLLP, decoy states, channel presets). */
export * as keyrate from "../model/bb84/keyrate/index.js";
/** Classical post-processing: Cascade error correction, Toeplitz privacy amplification. */
export * as postprocessing from "../model/bb84/postprocessing/index.js";
export {
  interceptResendArbitrary,
  randomBasisInterceptArbitrary,
  clonerArbitrary,
  haarProbeArbitrary,
  hamiltonianProbeArbitrary,
  singlePhotonAttackArbitrary,
  pnsArbitrary,
  hideInNoiseArbitrary,
  ADVERSARY_SPACES,
  adversaryArbitrary,
  type AdversarySpace,
} from "../properties/bb84/arbitraries.js";
export { bb84Properties } from "../properties/bb84/index.js";
