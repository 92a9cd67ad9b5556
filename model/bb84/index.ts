/**
 * BB84 private-key generation between the KDC and one receiver (docs/protocol/02-bb84-private-keys.md, eqs. 3-5):
 * the exact per-pulse density-matrix model, the sampled finite run, adversaries as data,
 * and the threshold decision. Key-rate formulas live in `./keyrate/`, Cascade and Toeplitz
 * hashing in `./postprocessing/`.
 * @module
 */
export { BASIS_NAMES, preparedAmplitudes, breidbartAmplitudes, type Basis, type Bit } from "./bases.js";
export { IDEAL_LINK, linkSetup, linkTransmittance, fibreNoise, receiverNoise, type LinkSetup, type Source } from "./setup.js";
export { NO_NOISE, composePauli, depolarizingWeights, dephasingWeights, misalignmentWeights, pauliFlipProbability, type PauliWeights } from "./noise.js";
export { clickMap, NO_CLICK, type Outcome } from "./detector.js";
export { photonNumberDistribution, detectionYield, tailProbability } from "./source.js";
export { INTERCEPT_BASES, NO_ADVERSARY, validateAdversary, describeAdversary, type Adversary, type AdversaryKind, type InterceptBasis } from "./adversary.js";
export { haarUnitaryFromUniforms, unitaryFromHamiltonian, probe, orthogonalize } from "./probes.js";
export { namedAdversary, NAMED_ADVERSARIES, type NamedAdversaryOptions } from "./named.js";
export { eveIsometry, measureResendIsometry, type Isometry, type PhotonAttack } from "./isometry.js";
export { pulseSectors, type Sector } from "./sectors.js";
export { pulseStatistics, type PulseStatistics } from "./exact.js";
export { outcomeTable } from "./outcomeTable.js";
export { acceptsEstimate, acceptanceProbability, hoeffdingBound, binomialPmf } from "./threshold.js";
export { PROTOCOL_VARIANTS, protocolVariant, hasPrivacyAmplification, switchesBases, testedBits, type ProtocolVariant } from "./variant.js";
export { exactRun, DEFAULT_RUN, type ExactRun, type RunParameters } from "./exactRun.js";
export { samplePulses, type PulseRecords, type BasisChoice } from "./sampled/pulses.js";
export { sift, type SiftedKey } from "./sampled/sift.js";
export { estimate, type Estimate, type TestSelection } from "./sampled/estimate.js";
export { sampledRun, DEFAULT_SAMPLED_RUN, type SampledRun, type SampledRunSettings } from "./sampled/run.js";
