/**
 * Assemble a {@link ResultsDocument}: results in key order, the summary, figures, and the
 * non-deterministic facts of the run kept apart in `run`.
 * @module
 */
import type { Figure, PropertyResult, ResultsDocument } from "../properties/types.js";
import { cellKey, compareKeys } from "./matrix.js";

/** What varies between identical runs. */
export type RunFacts = ResultsDocument["run"];

/** Build the results document; results are sorted by `scenario::property`. */
export function buildResultsDocument(input: {
  readonly version: string;
  readonly results: readonly PropertyResult[];
  readonly figures: readonly Figure[];
  readonly run: RunFacts;
}): ResultsDocument {
  const results = [...input.results].sort((a, b) => compareKeys(resultKey(a), resultKey(b)));
  return {
    schemaVersion: 1,
    tool: { name: "qkd-harness", version: input.version },
    results,
    figures: input.figures,
    summary: summarize(results),
    run: input.run,
  };
}

/** The key of a result, `scenario::property`. */
export function resultKey(result: PropertyResult): string {
  return cellKey(result.scenario, result.property);
}

/** Count results: matched expectations, mismatched verdicts, errors, violations. */
export function summarize(results: readonly PropertyResult[]): ResultsDocument["summary"] {
  return {
    total: results.length,
    matched: results.filter((r) => r.matches).length,
    mismatched: results.filter((r) => !r.matches && r.verdict !== "error").length,
    errors: results.filter((r) => r.verdict === "error").length,
    violated: results.filter((r) => r.verdict === "violated").length,
  };
}

/** The protocols that have at least one result, in first-seen order (for `allFigures`). */
export function protocolsOf(results: readonly PropertyResult[]): string[] {
  return [...new Set(results.map((r) => r.protocol))];
}
