/**
 * Options of the vitest helpers, and their defaults: how many generated inputs, which seed.
 * @module
 */
import type { PropertyDefinition, Verdict } from "../properties/types.js";

/** How to check a property inside a test. Every field is optional. */
export interface PropertyCheckOptions {
  /** Generated inputs to check (default {@link DEFAULT_RUNS}). */
  readonly runs?: number;
  /**
   * fast-check seed (default: {@link defaultSeed} of the property id, so that a suite is
   * deterministic; pass e.g. `Date.now() | 0` to explore new inputs on every run).
   */
  readonly seed?: number;
  /** fast-check replay path of a known counterexample (printed in a failure as `path`). */
  readonly path?: string;
  /** Scenario name recorded in the result document (default `"vitest"`). */
  readonly scenario?: string;
  /** Variant recorded in the result document (default `"default"`). */
  readonly variant?: string;
}

/** Options of {@link propertyTest}: the check options plus the test's expectation and name. */
export interface PropertyTestOptions extends PropertyCheckOptions {
  /** The verdict the test expects (default `"holds"`); `"violated"` for a negative control. */
  readonly expect?: Verdict;
  /** Test name (default `"<id>: <title>"`, with `(negative control)` when `expect` is `"violated"`). */
  readonly name?: string;
  /** Test timeout in milliseconds (default: vitest's). */
  readonly timeout?: number;
}

/** Generated inputs per check when none is given. */
export const DEFAULT_RUNS = 100;

/**
 * The default seed of a property: FNV-1a (32-bit) of its id, as a signed 32-bit integer.
 * `h_0 = 2166136261`, `h_{k+1} = (h_k XOR c_k) * 16777619 mod 2^32` (Fowler–Noll–Vo).
 * Deterministic, and different for different properties.
 * @example defaultSeed({ id: "six-state.intercept-resend-qber" }) === defaultSeed({ id: "six-state.intercept-resend-qber" }) // true
 */
export function defaultSeed(def: Pick<PropertyDefinition, "id">): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < def.id.length; i++) {
    h ^= def.id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}
