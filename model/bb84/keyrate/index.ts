/**
 * Secure key rate of decoy-state BB84 (the paper's eq. 13) and the audit of the paper's
 * numerical claims: one explicit list of exports.
 * @module
 */
export { binaryEntropy, h } from "./entropy.js";
export {
  type ChannelParameters,
  validateChannel,
  validateDistance,
  validateIntensity,
  transmittance,
  gain,
  errorGain,
  qber,
} from "./channel.js";
export { gys, channelPresets, channelPreset } from "./presets.js";
export { type RateInputs, type DecoyObservation, infiniteDecoyInputs, vacuumWeakDecoyInputs, vacuumWeakDecoyBounds } from "./decoy.js";
export { type PhotonNumberAttack, validateAttack, observedGains } from "./photonNumberAttack.js";
export { type RateFormula, type RatePerPulse, type RateSettings, secureKeyRatePerPulse, singlePhotonBb84Rate } from "./rate.js";
export { goldenSectionMaximize, nelderMead, type Maximum, type Minimum } from "./optimize.js";
export {
  type DecoyMethod,
  type RatePointSettings,
  type KeyRatePoint,
  type KeyRateCurveOptions,
  DEFAULT_WEAK_DECOY,
  MU_SEARCH_INTERVAL,
  rateInputs,
  keyRateAt,
  keyRateCurve,
  maximumDistance,
} from "./keyRateCurve.js";
export { parseDistances, MAX_DISTANCES } from "./distances.js";
export { interceptResendQber } from "./interceptResend.js";
export {
  type ClaimSet,
  type ClaimVerdict,
  type RateVsDistanceClaim,
  type QberVsDistanceClaim,
  type QberVsRateClaim,
  paperClaimSet,
  auditClaims,
  paperClaimsAudit,
  inconsistencySummary,
  secureFractionCeiling,
  type IndependentInconsistency,
  type InconsistencySummary,
  syntheticClaimSet,
  tamperedClaimSet,
  CLAIM_RELATIVE_TOLERANCE,
  REALISTIC_ATTENUATION,
  FIT_BOX,
} from "./paperClaims.js";
export {
  type DecoyIntensities,
  type DecoySecurity,
  type DecoyCounts,
  type LimKeyLength,
  type FiniteDecoySettings,
  type FiniteDecoyPoint,
  type Statistics,
  type Fluctuation,
  LIM_EPSILON_PARTS,
  DEFAULT_VACUUM_DECOY,
  MIN_BLOCK_PULSES,
  validateDecoyIntensities,
  validateDecoySecurity,
  validateBlock,
  hoeffdingDeviation,
  chernoffExpectationBounds,
  klExpectationBounds,
  photonNumberProbability,
  samplingDeviation,
  limKeyLength,
  expectedDecoyCounts,
  finiteDecoyRateAt,
  finiteDecoyCurve,
  asymptoticDecoyRate,
  finiteDecoyBlockSweep,
} from "./finiteDecoy.js";
