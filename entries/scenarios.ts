/**
 * `qkd-harness/scenarios`: scenario files (YAML or JSON) — their schema, the loader that
 * validates each property's parameters with the property's own schema, the scenario x
 * property matrix, running it, and assembling the results document.
 *
 * Pass your own property definitions with `loadScenario(file, { definitions })`.
 *
 * @example
 * ```ts
 * import { buildResultsDocument, loadScenario, matrixOf, runCells } from "qkd-harness/scenarios";
 * const scenario = loadScenario("examples/six-state/scenario.yaml", { definitions: sixStateProperties });
 * const outcomes = runCells(matrixOf([scenario]), { replayCommand: () => "" });
 * ```
 * @module qkd-harness/scenarios
 */
export { scenarioSchema, scenarioPropertySchema, type ScenarioFile, type ScenarioPropertyEntry } from "../scenarios/schema.js";
export { ScenarioError, type ScenarioIssue } from "../scenarios/errors.js";
export { loadScenario, parseScenario, DEFAULT_VARIANT, type LoadedScenario, type LoadedProperty, type LoadOptions } from "../scenarios/load.js";
export { findScenarioFiles } from "../scenarios/discover.js";
export { matrixOf, shardOf, cellKey, type MatrixCell, type Shard } from "../scenarios/matrix.js";
export { runCell, runCells, type CellRunOptions, type CellOutcome } from "../scenarios/run.js";
export { buildResultsDocument, summarize, type RunFacts } from "../scenarios/document.js";
