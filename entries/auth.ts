/**
 * `qkd-harness/auth`: the shipped EPR/CNOT identity authentication and key update (docs/protocol/05-authentication.md
 * and 06-key-update.md, eqs. 8-12) as pure functions over density matrices, Eve's strategies as data,
 * their fast-check arbitraries, and the shipped authentication property definitions.
 *
 * @example
 * ```ts
 * import { authProperties } from "qkd-harness/auth";
 * import { expectProperty, paramsOf } from "qkd-harness/vitest";
 * const [first] = authProperties;
 * ```
 * @module qkd-harness/auth
 */
// model/auth/index.ts is the model's public barrel, chosen by its owner
export * from "../model/auth/index.js";
export { arbStep, arbRoundStrategy, arbStrategy, adversaryArbitrary } from "../properties/auth/arbitraries.js";
export {
  authProperties,
  accumulation,
  completeness,
  impersonation,
  passiveSecrecy,
  updateAgreement,
  updateSecrecy,
} from "../properties/auth/index.js";
