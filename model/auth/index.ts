/**
 * The EPR/CNOT identity authentication between the KDC and a member and its key update
 * (docs/protocol/05-authentication.md and 06-key-update.md, eqs. 8-12), as pure functions over density matrices, with Eve's
 * strategies as data.
 * @module
 */
export * from "./variant.js";
export * from "./key.js";
export * from "./strategy.js";
export * from "./arm.js";
export * from "./eveStep.js";
export * from "./round.js";
export * from "./run.js";
export * from "./information.js";
export * from "./impersonationBound.js";
export * from "./passive.js";
export * from "./analytic.js";
export { blochVector, SLOT, SLOT_NAMES } from "./internal/ops.js";
