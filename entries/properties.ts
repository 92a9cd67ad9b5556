/**
 * `qkd-harness/properties`: the property contract and the check engine.
 *
 * A {@link PropertyDefinition} states a claim over a generated input space (adversary
 * strategies, states, memberships): its parameters' zod schema, its fast-check arbitrary, a
 * pure `check` of one input, and optionally the attack trace of a failing input.
 * {@link runProperty} runs fast-check over the space and returns a {@link PropertyResult}: the
 * verdict, the closest approach or the shrunk counterexample with its trace and replay command.
 * Same definition, parameters, runs and seed, same result, byte for byte.
 *
 * @example
 * ```ts
 * import { runProperty, allProperties } from "qkd-harness/properties";
 * const result = runProperty(def, params, { runs: 100, seed: 1, scenario: "mine", variant: "default", expected: "holds" });
 * result.verdict; // "holds" | "violated" | "error"
 * ```
 * @module qkd-harness/properties
 */
export type {
  Verdict,
  TrustAssumptions,
  Json,
  Metrics,
  CheckOutcome,
  TraceStep,
  PropertyDefinition,
  Counterexample,
  PropertyResult,
  FigureSeries,
  Figure,
  ResultsDocument,
} from "../properties/types.js";
export { runProperty, toJson, type RunSettings } from "../properties/engine.js";
export { allProperties, propertyById } from "../properties/registry.js";
export { evaluateNumber, numeric, probability, nonNegative, positiveInt, threshold } from "../properties/params.js";
export { allFigures, figureProviders, type FigureProvider } from "../properties/figures.js";
