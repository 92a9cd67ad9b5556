/**
 * The error a failed property expectation throws: its message carries the counterexample,
 * the attack trace and the replay options; the full result document rides along.
 * @module
 */
import type { PropertyResult } from "../properties/types.js";

/**
 * Thrown by `toHold` / `toBeViolated` when the verdict differs from the expectation (or the
 * check itself threw). `result` is the complete result document, for further inspection.
 * @example
 * ```ts
 * try { expectProperty(def, params).toHold(); }
 * catch (e) { if (e instanceof PropertyAssertionError) console.log(e.result.counterexample?.trace); }
 * ```
 */
export class PropertyAssertionError extends Error {
  override readonly name = "PropertyAssertionError";
  /** The result document of the failed check. */
  readonly result: PropertyResult;

  constructor(message: string, result: PropertyResult) {
    super(message);
    this.result = result;
  }
}
