/**
 * `qkd-harness/vitest`: check properties inside your own vitest suite.
 *
 * - {@link propertyTest}`(def, params, { runs, seed, expect })` registers one test per
 *   property (like `test.prop` of `@fast-check/vitest`, over a whole property definition);
 * - {@link expectProperty}`(def, params).toHold()` / `.toBeViolated()` checks inside any test
 *   and returns the result document for further assertions;
 * - a failure throws {@link PropertyAssertionError}: its message, which vitest prints, holds the
 *   shrunk counterexample, the attack trace step by step and the `{ seed, path }` that replays it.
 *
 * Requires `vitest` (a peer dependency) only for {@link propertyTest}.
 *
 * @example
 * ```ts
 * import { paramsOf, propertyTest } from "qkd-harness/vitest";
 * import { interceptResendQber } from "./properties.js";
 * propertyTest(interceptResendQber, paramsOf(interceptResendQber, {}), { runs: 200 });
 * propertyTest(interceptResendQber, paramsOf(interceptResendQber, { bases: ["Z"] }), { expect: "violated" });
 * ```
 * @module qkd-harness/vitest
 */
export { propertyTest } from "../vitest/property-test.js";
export { expectProperty, paramsOf, type PropertyExpectation } from "../vitest/expect-property.js";
export { failureMessage } from "../vitest/failure-message.js";
export { PropertyAssertionError } from "../vitest/property-assertion-error.js";
export { DEFAULT_RUNS, defaultSeed, type PropertyCheckOptions, type PropertyTestOptions } from "../vitest/options.js";
