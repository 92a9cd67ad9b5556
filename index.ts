/**
 * qkd-harness: a pure-functional density-matrix model and property-testing harness for
 * quantum key distribution — BB84, EPR/CNOT authentication and the centralized quantum
 * multicast key distribution center (QM_KDC) of Wu et al. (2020) — that you can extend with
 * your own protocol models and properties.
 *
 * ## Entry points
 * | import                      | what                                                               |
 * |-----------------------------|--------------------------------------------------------------------|
 * | `qkd-harness`               | the property contract, {@link runProperty}, the registry, parameter schemas, seeded randomness, `kernel`, `bb84`, `auth`, `kdc` as namespaces, `fc` and `z` |
 * | `qkd-harness/kernel`        | density matrices, gates, evolution, channels, measurement, entropies |
 * | `qkd-harness/bb84`          | the BB84 model, Eve's strategies as data, their arbitraries, the BB84 properties |
 * | `qkd-harness/auth`          | the EPR/CNOT authentication model, strategies, arbitraries, properties |
 * | `qkd-harness/kdc`           | the key-distribution center model, membership histories, properties |
 * | `qkd-harness/random`        | seeded immutable randomness                                        |
 * | `qkd-harness/properties`    | the property contract and check engine alone                       |
 * | `qkd-harness/arbitraries`   | fast-check arbitraries of unitaries, states, channels; `fc`        |
 * | `qkd-harness/vitest`        | `propertyTest`, `expectProperty(...).toHold()` for your own suite  |
 * | `qkd-harness/scenarios`     | scenario files: schema, loader, matrix, results document           |
 * | `qkd-harness/reports`       | HTML / JSON / JUnit writers                                        |
 * | `qkd-harness/cli`           | `main(argv, io, { definitions })`: the CLI with your properties    |
 *
 * A property is data plus a pure check ({@link PropertyDefinition}); {@link runProperty} turns
 * it into a {@link PropertyResult}; `qkd-harness/reports` renders a {@link ResultsDocument}.
 *
 * @example
 * ```ts
 * import { kernel, runProperty, fc, z, type PropertyDefinition } from "qkd-harness";
 * const purityAtMostOne: PropertyDefinition<{}, number> = {
 *   id: "mine.purity", protocol: "mine", title: "purity <= 1", statement: "tr(rho^2) <= 1",
 *   trust: { trusted: [], adversary: "none" }, params: z.object({}),
 *   arbitrary: () => fc.double({ min: 0, max: 1, noNaN: true }),
 *   check: (_, p) => ({ ok: kernel.purity(kernel.blochDensity(p, 0, 0)) <= 1 + 1e-12 }),
 * };
 * runProperty(purityAtMostOne, {}, { runs: 50, seed: 1, scenario: "mine", variant: "default", expected: "holds" }).verdict; // "holds"
 * ```
 * @mergeModuleWith <project>
 * @module
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
  RunSettings,
  FigureProvider,
} from "./entries/properties.js";
export {
  runProperty,
  toJson,
  allProperties,
  propertyById,
  evaluateNumber,
  numeric,
  probability,
  nonNegative,
  positiveInt,
  threshold,
  allFigures,
  figureProviders,
} from "./entries/properties.js";
export {
  seeded,
  withRng,
  split,
  drawBits,
  drawFloats,
  drawInt,
  drawCategorical,
  categorical,
  type Rng,
  type RawDraws,
} from "./entries/random.js";
/** The density-matrix kernel as a namespace (the same functions as `qkd-harness/kernel`). */
export * as kernel from "./entries/kernel.js";
/** The shipped BB84 model, its adversaries and their arbitraries (as `qkd-harness/bb84`). */
export * as bb84 from "./entries/bb84.js";
/** The shipped EPR/CNOT authentication model and its strategies (as `qkd-harness/auth`). */
export * as auth from "./entries/auth.js";
/** The shipped key-distribution center model (as `qkd-harness/kdc`). */
export * as kdc from "./entries/kdc.js";
/** fast-check, the generator and shrinker the harness runs on: build adversary arbitraries with it. */
export * as fc from "fast-check";
/** zod (v4), the schema language of property parameters (`PropertyDefinition.params`). */
export { z } from "zod";
