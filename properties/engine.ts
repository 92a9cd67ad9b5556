/**
 * The check engine: turns a {@link PropertyDefinition} and a scenario's parameters into a
 * {@link PropertyResult}, by running fast-check over the property's generated input space.
 *
 * Same definition, parameters, seed and runs → the same result document, byte for byte
 * (durations are measured by the caller and kept apart).
 * @module
 */
import * as fc from "fast-check";
import type {
  CheckOutcome,
  Counterexample,
  Json,
  Metrics,
  PropertyDefinition,
  PropertyResult,
  Verdict,
} from "./types.js";

/** How to run one property. */
export interface RunSettings {
  readonly runs: number;
  readonly seed: number;
  /** fast-check replay path of a known counterexample. */
  readonly path?: string;
  /** Scenario name and expectation, for the result document. */
  readonly scenario: string;
  readonly variant: string;
  readonly expected: Verdict;
  readonly expectedReason?: string;
  /** Builds the replay command of a counterexample (the CLI knows its own syntax). */
  readonly replayCommand?: (seed: number, path: string) => string;
}

/** Run a property over its generated inputs and build its result document. */
export function runProperty<P, I>(
  def: PropertyDefinition<P, I>,
  params: P,
  settings: RunSettings,
): PropertyResult {
  const base = {
    scenario: settings.scenario,
    protocol: def.protocol,
    variant: settings.variant,
    property: def.id,
    title: def.title,
    statement: def.statement,
    ...(def.equation !== undefined ? { equation: def.equation } : {}),
    trust: def.trust,
    expected: settings.expected,
    ...(settings.expectedReason !== undefined ? { expectedReason: settings.expectedReason } : {}),
    runs: settings.runs,
    seed: settings.seed,
  };
  let closest: { outcome: CheckOutcome; margin: number } | undefined;
  let runs = 0;
  try {
    const details = fc.check(
      fc.property(def.arbitrary(params), (input) => {
        const outcome = def.check(params, input);
        runs++;
        const margin = outcome.margin ?? (outcome.ok ? Infinity : -Infinity);
        if (closest === undefined || margin < closest.margin) closest = { outcome, margin };
        return outcome.ok;
      }),
      {
        numRuns: settings.runs,
        seed: settings.seed,
        ...(settings.path !== undefined ? { path: settings.path } : {}),
      },
    );
    if (details.failed && details.counterexample === null) {
      // the predicate threw: that is an error of the check, not a verdict
      return { ...base, verdict: "error", matches: false, metrics: {}, error: errorText(details.errorInstance) };
    }
    if (!details.failed) {
      return {
        ...base,
        runs: Math.min(settings.runs, details.numRuns),
        verdict: "holds",
        matches: settings.expected === "holds",
        metrics: closest ? withMargin(closest.outcome) : {},
      };
    }
    const input = details.counterexample![0] as I;
    const outcome = def.check(params, input);
    const path = details.counterexamplePath ?? "";
    const counterexample: Counterexample = {
      seed: details.seed,
      path,
      shrinks: details.numShrinks,
      input: def.describe ? def.describe(input) : toJson(input),
      message: outcome.message ?? "property violated",
      metrics: withMargin(outcome),
      trace: def.trace ? def.trace(params, input) : [],
      replay: settings.replayCommand ? settings.replayCommand(details.seed, path) : `--seed ${details.seed} --path ${path}`,
    };
    return {
      ...base,
      runs: details.numRuns,
      verdict: "violated",
      matches: settings.expected === "violated",
      metrics: counterexample.metrics,
      counterexample,
    };
  } catch (e) {
    return { ...base, verdict: "error", matches: false, metrics: {}, error: errorText(e) };
  }
}

function withMargin(outcome: CheckOutcome): Metrics {
  return outcome.margin !== undefined && Number.isFinite(outcome.margin)
    ? { ...(outcome.metrics ?? {}), margin: outcome.margin }
    : { ...(outcome.metrics ?? {}) };
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Best-effort JSON form of a generated input (typed arrays become arrays, non-finite numbers strings). */
export function toJson(value: unknown): Json {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "bigint") return value.toString();
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>).map((v) => toJson(v));
  if (Array.isArray(value)) return value.map((v) => toJson(v));
  if (typeof value === "object") {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (typeof v !== "function") out[k] = toJson(v);
    }
    return out;
  }
  return String(value);
}
