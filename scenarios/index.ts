/**
 * Scenarios: the file format, its loader, the scenario x property matrix, and running it.
 * @module
 */
export { scenarioSchema, scenarioPropertySchema, type ScenarioFile, type ScenarioPropertyEntry } from "./schema.js";
export { scenarioJsonSchemaText } from "./json-schema.js";
export { ScenarioError, formatPath, type ScenarioIssue } from "./errors.js";
export { loadScenario, parseScenario, DEFAULT_VARIANT, type LoadedScenario, type LoadedProperty, type LoadOptions } from "./load.js";
export { findScenarioFiles, SCHEMA_FILE_NAME } from "./discover.js";
export { parameterKeys } from "./param-keys.js";
export { matrixOf, shardOf, parseShard, cellKey, compareKeys, type MatrixCell, type Shard } from "./matrix.js";
export { runCell, runCells, type CellRunOptions, type CellOutcome } from "./run.js";
export { buildResultsDocument, summarize, resultKey, protocolsOf, type RunFacts } from "./document.js";
export { mergeShards, MergeError } from "./merge.js";
