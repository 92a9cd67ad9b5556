/**
 * `propertyTest(def, params, options)`: one vitest test per property, the way
 * `@fast-check/vitest`'s `test.prop` is one test per predicate — but over the harness's
 * property definitions, so that a failure prints the attack trace and the replay options.
 * @module
 */
import { test } from "vitest";
import type { PropertyDefinition } from "../properties/types.js";
import { expectProperty } from "./expect-property.js";
import type { PropertyTestOptions } from "./options.js";

/**
 * Register a vitest test that checks `def` with validated parameters `params` and expects
 * `options.expect` (default `"holds"`; `"violated"` for a negative control).
 * @example
 * ```ts
 * propertyTest(probeInformationBound, paramsOf(probeInformationBound, {}), { runs: 200 });
 * propertyTest(probeInformationBound, paramsOf(probeInformationBound, { bases: ["Z"] }), { expect: "violated" });
 * ```
 */
export function propertyTest<P, I>(def: PropertyDefinition<P, I>, params: P, options: PropertyTestOptions = {}): void {
  const expected = options.expect ?? "holds";
  const name = options.name ?? `${def.id}: ${def.title}${expected === "violated" ? " (negative control)" : ""}`;
  test(
    name,
    () => {
      const expectation = expectProperty(def, params, options);
      if (expected === "holds") expectation.toHold();
      else expectation.toBeViolated();
    },
    options.timeout,
  );
}
