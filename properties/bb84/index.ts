/**
 * The bb84 properties, in one explicit list: the private-key step (this folder's quantum part)
 * followed by the key-rate and post-processing properties.
 * @module
 */
import type { PropertyDefinition } from "../types.js";
import { completeness } from "./completeness.js";
import { errorCorrectionProperties } from "./errorCorrection.js";
import { finiteKeyProperties } from "./finiteKeyProperties.js";
import { interceptResendDetected } from "./interceptDetected.js";
import { interceptResendQber } from "./interceptResendQber.js";
import { keyRateProperties } from "./keyrate.js";
import { secrecy } from "./secrecy.js";
import { thresholdAbort } from "./thresholdAbort.js";

export { completeness, interceptResendDetected, interceptResendQber, secrecy, thresholdAbort };

/** The properties of the quantum private-key step. */
export const privateKeyProperties: readonly PropertyDefinition[] = [interceptResendQber, secrecy, thresholdAbort, completeness, interceptResendDetected];

/** Every bb84 property definition. */
export const bb84Properties: readonly PropertyDefinition[] = [...privateKeyProperties, ...keyRateProperties, ...errorCorrectionProperties, ...finiteKeyProperties];
