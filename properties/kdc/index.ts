/**
 * The kdc properties, in one explicit list.
 * @module
 */
import type { PropertyDefinition } from "../types.js";
import { backwardSecrecyProperty } from "./backwardSecrecy.js";
import { correctnessProperty } from "./correctness.js";
import { endToEndAbort } from "./endToEndAbort.js";
import { forwardSecrecyProperty } from "./forwardSecrecy.js";
import { integrityProperty } from "./integrity.js";
import { rekeyLeaveCostProperty } from "./lkhLeaveCost.js";
import { nonceUniquenessProperty } from "./nonceUniqueness.js";
import { otpPerfectSecrecyProperty } from "./otpPerfectSecrecy.js";
import { outsiderConfidentialityProperty } from "./outsiderConfidentiality.js";
import { relayConfidentialityProperty } from "./relayConfidentiality.js";
import { endToEndQuantum } from "./endToEndQuantum.js";

export { endToEndAbortProperty } from "./endToEndAbort.js";
export { standInAuthentication, standInEstablishment, standInSteps, INTERCEPT_RESEND_QBER } from "./standIns.js";

/** Every kdc property definition. */
export const kdcProperties: readonly PropertyDefinition[] = [
  correctnessProperty,
  integrityProperty,
  otpPerfectSecrecyProperty,
  nonceUniquenessProperty,
  forwardSecrecyProperty,
  backwardSecrecyProperty,
  outsiderConfidentialityProperty,
  relayConfidentialityProperty,
  endToEndAbort,
  endToEndQuantum,
  rekeyLeaveCostProperty,
];
