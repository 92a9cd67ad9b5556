/**
 * Negative controls: a property run with a deliberately wrong implementation must be falsified
 * by fast-check — by the property *returning false* on a counterexample, not by an exception
 * (an exception would show the wrong code crashes, not that the property can detect it).
 */
import { expect } from "vitest";
import type * as fc from "fast-check";

/** Assert that `fc.check` found a counterexample on which the predicate returned false. */
export function expectFalsified<T>(details: fc.RunDetails<T>): void {
  expect(details.failed, "the negative control was not detected").toBe(true);
  expect(details.counterexample).not.toBeNull();
  expect(String(details.errorInstance)).toMatch(/returning false/);
}
