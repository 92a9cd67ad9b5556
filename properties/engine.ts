/**
 * The check engine: turns a {@link PropertyDefinition} and a scenario's parameters into a
 * {@link PropertyResult}, by running fast-check over the property's generated input space and,
 * for a property with a quantitative objective, its optimising search. Every result says how
 * its verdict was reached (`evidence`), and the scenario's quantitative claims are checked
 * against the result (the damaging attack's metrics where there is one).
 *
 * Same definition, parameters, seed and runs → the same result document, byte for byte
 * (durations are measured by the caller and kept apart).
 * @module
 */
import * as fc from "fast-check";
import { checkClaims, type ClaimBounds } from "./evidence.js";
import type {
  CheckOutcome,
  Counterexample,
  DamagingAttack,
  Evidence,
  ExpectationKind,
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
  /** Claim, finding or control (default: claim when `expected` holds, finding otherwise). */
  readonly kind?: ExpectationKind;
  /** Quantitative claims checked against the result's metrics; a failing one is a mismatch. */
  readonly claims?: ClaimBounds;
  /**
   * Objective evaluations of the optimising search (properties with an `objective`); absent or
   * 0: no search (scenarios default to `DEFAULT_SEARCH_BUDGET`, `scenarios/schema.ts`).
   */
  readonly searchBudget?: number;
  /** Builds the replay command of a counterexample (the CLI knows its own syntax). */
  readonly replayCommand?: (seed: number, path: string) => string;
  /** Builds the command that reproduces the optimising search with this seed and budget. */
  readonly searchReplayCommand?: (seed: number, budget: number) => string;
}

/** What fast-check decided, before the search and the claims. */
type Checked =
  | { readonly verdict: "error"; readonly error: string; readonly inputs: number }
  | { readonly verdict: "holds"; readonly inputs: number; readonly metrics: Metrics }
  | { readonly verdict: "violated"; readonly inputs: number; readonly counterexample: Counterexample };

/**
 * Run a property over its generated inputs and build its result document: the verdict, how it
 * was reached ({@link Evidence}), the most damaging attack of the optimising search when the
 * property declares an objective, and the scenario's claims checked.
 */
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
    kind: settings.kind ?? defaultKind(settings.expected),
    runs: settings.runs,
    seed: settings.seed,
  };
  let checked = checkInputs(def, params, settings);
  const failed = (error: string, inputs: number): PropertyResult =>
    ({ ...base, verdict: "error", matches: false, metrics: {}, error, evidence: { kind: "sampled", inputs } });
  if (checked.verdict === "error") return failed(checked.error, checked.inputs);
  let declared: ReturnType<NonNullable<PropertyDefinition["evidence"]>>;
  try {
    declared = def.evidence?.(params);
  } catch (e) {
    return failed(`evidence: ${errorText(e)}`, checked.inputs);
  }
  const budget = settings.searchBudget ?? 0;
  let searched: Searched | undefined;
  // the search explores a generated space: a declared analytic/exact verdict covers its whole
  // (fixed or enumerated) input space, where a search over other inputs would be off the question
  if (def.objective && budget > 0 && declared === undefined) {
    try {
      searched = search(def, params, settings, budget);
    } catch (e) {
      return failed(`optimising search (${def.objective.name}, budget ${budget}): ${errorText(e)}`, checked.inputs);
    }
    if (checked.verdict === "holds" && !searched.outcome.ok) checked = { verdict: "violated", inputs: checked.inputs, counterexample: searched.counterexample };
  }
  const evidence: Evidence = declared ?? (searched
    ? { kind: "optimised", inputs: checked.inputs, budget: searched.damaging.budget, evaluations: searched.damaging.evaluations, objective: searched.damaging.objective, bestObjective: searched.damaging.value }
    : { kind: "sampled", inputs: checked.inputs });
  const damaging = checked.verdict === "violated" ? searched?.damaging : undefined;
  const metrics = damaging?.metrics ?? (checked.verdict === "violated" ? checked.counterexample.metrics : checked.metrics);
  // a claim names the reported metrics (the damaging attack's where there is one), or the minimal
  // counterexample's as `counterexample.<name>`
  const counterMetrics = checked.verdict === "violated" ? Object.fromEntries(Object.entries(checked.counterexample.metrics).map(([k, v]) => [`counterexample.${k}`, v])) : {};
  const claims = checkClaims(settings.claims, { ...metrics, ...counterMetrics });
  return {
    ...base,
    runs: checked.inputs,
    verdict: checked.verdict,
    matches: checked.verdict === settings.expected && claims.every((c) => c.ok),
    metrics,
    ...(checked.verdict === "violated" ? { counterexample: checked.counterexample } : {}),
    evidence,
    ...(damaging ? { damaging } : {}),
    ...(claims.length > 0 ? { claims } : {}),
  };
}

/** The default expectation kind: a paper claim when it is expected to hold, a finding otherwise. */
export function defaultKind(expected: Verdict): ExpectationKind {
  return expected === "holds" ? "claim" : "finding";
}

/** fast-check over the property's input space: holds (closest approach), violated (shrunk counterexample) or error. */
function checkInputs<P, I>(def: PropertyDefinition<P, I>, params: P, settings: RunSettings): Checked {
  let closest: { outcome: CheckOutcome; margin: number } | undefined;
  try {
    const details = fc.check(
      fc.property(def.arbitrary(params), (input) => {
        const outcome = def.check(params, input);
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
      return { verdict: "error", error: errorText(details.errorInstance), inputs: details.numRuns };
    }
    if (!details.failed) {
      return { verdict: "holds", inputs: Math.min(settings.runs, details.numRuns), metrics: closest ? withMargin(closest.outcome) : {} };
    }
    const input = details.counterexample![0] as I;
    const outcome = def.check(params, input);
    const path = details.counterexamplePath ?? "";
    return {
      verdict: "violated",
      inputs: details.numRuns,
      counterexample: {
        seed: details.seed,
        path,
        shrinks: details.numShrinks,
        input: def.describe ? def.describe(input) : toJson(input),
        message: outcome.message ?? "property violated",
        metrics: withMargin(outcome),
        trace: def.trace ? def.trace(params, input) : [],
        replay: settings.replayCommand ? settings.replayCommand(details.seed, path) : `--seed ${details.seed} --path ${path}`,
      },
    };
  } catch (e) {
    return { verdict: "error", error: errorText(e), inputs: 0 };
  }
}

/** The optimising search's best input, checked like any generated input. */
interface Searched {
  readonly outcome: CheckOutcome;
  readonly damaging: DamagingAttack;
  /** The search's input as a counterexample (unshrunk), for a "holds" the search falsified. */
  readonly counterexample: Counterexample;
}

/**
 * Run the property's objective search with the cell's seed and `budget`, and check its best
 * input: the damaging attack's metrics are the check's metrics with the search's on top.
 */
function search<P, I>(def: PropertyDefinition<P, I>, params: P, settings: RunSettings, budget: number): Searched {
  const objective = def.objective!;
  const found = objective.search(params, { seed: settings.seed, budget });
  const outcome = def.check(params, found.input);
  const input = def.describe ? def.describe(found.input) : toJson(found.input);
  const replay = settings.searchReplayCommand ? settings.searchReplayCommand(settings.seed, budget) : `--seed ${settings.seed} --budget ${budget}`;
  const message = outcome.ok
    ? `the strongest attack found (${objective.name} = ${found.value}) does not violate the property`
    : (outcome.message ?? "property violated");
  const metrics: Metrics = { ...withMargin(outcome), ...found.metrics, [objective.name]: found.value };
  const trace = def.trace ? def.trace(params, found.input) : [];
  return {
    outcome,
    damaging: { objective: objective.name, value: found.value, evaluations: found.evaluations, budget, seed: settings.seed, input, message, metrics, trace, replay },
    counterexample: { seed: settings.seed, path: "", shrinks: 0, input, message, metrics: withMargin(outcome), trace, replay },
  };
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
