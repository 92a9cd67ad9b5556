/**
 * The six-state protocol, written only against qkd-harness's public API, and its plugin
 * module: `properties` and `figures` are what the CLI loads from a plugin (see the guide
 * "Writing your own suite").
 * @module
 */
import type { FigureProvider, PropertyDefinition } from "qkd-harness";
import { sixStateFigures } from "./figures.js";
import { sixStateProperties } from "./properties.js";

export { SIX_STATE_BASES, signalState, basisMatrix, type Basis } from "./bases.js";
export { eveBasisWeights, type EveBasis, type InterceptResend, type Probe, type ProbeLayer, type Entangler, type SixStateAttack } from "./adversary.js";
export { attackPulse, RECORD_DIMENSION } from "./attack.js";
export { pulseStatistics, type PulseStatistics, type BasisStatistics } from "./statistics.js";
export { sixStateRate, bb84Rate, rateThreshold } from "./keyrate.js";
export { arbInterceptResend, arbProbe, arbSixStateAttack } from "./arbitraries.js";
export { interceptResendQber, informationBound, thresholdPositiveRate, sixStateProperties, type BasesParams, type ThresholdParams } from "./properties.js";
export { qberVsFraction, rateVsQber, sixStateFigures } from "./figures.js";

/** Plugin contract: the property definitions this module adds. */
export const properties: readonly PropertyDefinition[] = sixStateProperties;
/** Plugin contract: the figure providers this module adds. */
export const figures: readonly FigureProvider[] = sixStateFigures;
