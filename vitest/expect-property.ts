/**
 * `expectProperty(def, params).toHold()` / `.toBeViolated()`: check a property with the
 * harness's own engine ({@link runProperty}) and throw a {@link PropertyAssertionError} whose
 * message carries the counterexample, the attack trace and the replay options. Works in any
 * test runner (it only throws); {@link propertyTest} wraps it in a vitest `test`.
 * @module
 */
import { runProperty } from "../properties/engine.js";
import type { PropertyDefinition, PropertyResult, Verdict } from "../properties/types.js";
import { failureMessage } from "./failure-message.js";
import { DEFAULT_RUNS, defaultSeed, type PropertyCheckOptions } from "./options.js";
import { PropertyAssertionError } from "./property-assertion-error.js";

/** The expectations on one property check; each runs the check and returns its result. */
export interface PropertyExpectation {
  /** Run the check and return the result document, whatever the verdict. */
  run(): PropertyResult;
  /** Expect the property to hold on every generated input; returns the result (closest approach in `metrics`). */
  toHold(): PropertyResult;
  /** Expect a counterexample (a negative control); returns the result with its `counterexample`. */
  toBeViolated(): PropertyResult;
}

/**
 * Expectations on `def` over its generated inputs with validated parameters `params`
 * (use {@link paramsOf} to validate raw values the way a scenario file's are).
 * The check is deterministic: same definition, parameters, runs and seed, same result.
 * @example
 * ```ts
 * expectProperty(qberMatchesTheory, paramsOf(qberMatchesTheory, { bases: ["X", "Y", "Z"] })).toHold();
 * ```
 */
export function expectProperty<P, I>(def: PropertyDefinition<P, I>, params: P, options: PropertyCheckOptions = {}): PropertyExpectation {
  const run = (expected: Verdict): PropertyResult =>
    runProperty(def, params, {
      runs: options.runs ?? DEFAULT_RUNS,
      seed: options.seed ?? defaultSeed(def),
      ...(options.path !== undefined ? { path: options.path } : {}),
      scenario: options.scenario ?? "vitest",
      variant: options.variant ?? "default",
      expected,
      replayCommand: (seed, path) => `pass { seed: ${seed}, path: "${path}" } as the options of this check to replay it exactly`,
    });
  const expectVerdict = (expected: Verdict): PropertyResult => {
    const result = run(expected);
    if (result.verdict !== expected) throw new PropertyAssertionError(failureMessage(result, expected), result);
    return result;
  };
  return {
    run: () => run("holds"),
    toHold: () => expectVerdict("holds"),
    toBeViolated: () => expectVerdict("violated"),
  };
}

/**
 * Validate raw parameters with the property's own zod schema, as the scenario loader does
 * (numbers may be mathjs expressions such as `"pi/8"`); throws naming the property and fields.
 * @example paramsOf(def, { threshold: "0.11" }) // { threshold: 0.11 }
 */
export function paramsOf<P>(def: PropertyDefinition<P>, raw: unknown): P {
  const parsed = def.params.safeParse(raw);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.length ? i.path.join(".") : "(parameters)"}: ${i.message}`);
  throw new RangeError(`paramsOf(${def.id}): invalid parameters: ${problems.join("; ")}`);
}
