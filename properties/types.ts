/**
 * The vocabulary shared by every property and every report: what a property is, what a check
 * of one generated input returns, and the result document that reports render.
 *
 * Checking is kept apart from reporting: `properties/` produce {@link PropertyResult} values;
 * `reports/` are pure functions from those documents to HTML / JSON / JUnit.
 * @module
 */
import type * as fc from "fast-check";
import type { z } from "zod";

/** What a property turned out to be (or is expected to be) on a scenario. */
export type Verdict = "holds" | "violated";

/**
 * Who is trusted when a property is claimed: "secure" without its trust assumptions is the
 * certificate-authority mistake repeated (THREATS.md).
 */
export interface TrustAssumptions {
  /** Parties and channels assumed honest, e.g. `["KDC", "classical channel (authenticated)"]`. */
  readonly trusted: readonly string[];
  /** What the adversary controls, in words. */
  readonly adversary: string;
}

/** A JSON-serialisable value (strategies, counterexamples, metrics). */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

/** Numbers a check computed, by name (`qber`, `acceptance`, `holevo`, ...). */
export type Metrics = Readonly<Record<string, number | string | boolean | null>>;

/** The outcome of checking one generated input. */
export interface CheckOutcome {
  /** Whether the property holds on this input. */
  readonly ok: boolean;
  /**
   * Signed distance to the bound (positive: holds with room to spare; negative: violated).
   * The engine reports the input with the smallest margin as the closest approach.
   */
  readonly margin?: number;
  readonly metrics?: Metrics;
  /** Why it failed, in one line, when `ok` is false. */
  readonly message?: string;
}

/** One step of an attack trace: what happened, in words, with the numbers that matter. */
export interface TraceStep {
  readonly step: string;
  readonly detail: string;
  readonly values?: Readonly<Record<string, number | string>>;
}

/**
 * A property over a generated input space (adversary strategies, states, memberships).
 * `Params` are the scenario's parameters after validation; `Input` the generated value.
 */
export interface PropertyDefinition<Params = any, Input = any> {
  /** Stable id, `protocol.name`, e.g. `bb84.intercept-resend-qber`. */
  readonly id: string;
  readonly protocol: string;
  readonly title: string;
  /** The statement in words. */
  readonly statement: string;
  /** The statement as an equation in LaTeX (with the paper's equation number where there is one). */
  readonly equation?: string;
  readonly trust: TrustAssumptions;
  /** Validates and normalises the scenario's parameters for this property. */
  readonly params: z.ZodType<Params>;
  /** The generated input space (an adversary arbitrary, or `fc.constant` for a fixed check). */
  arbitrary(params: Params): fc.Arbitrary<Input>;
  /** Check one input. Must be a pure function of its arguments. */
  check(params: Params, input: Input): CheckOutcome;
  /** The attack trace of a failing input, step by step (optional). */
  trace?(params: Params, input: Input): readonly TraceStep[];
  /** Serialise an input for the results document (defaults to JSON of the input). */
  describe?(input: Input): Json;
  /**
   * How a "holds" on this property is established when it is not only by generated inputs:
   * `analytic` (a closed form or a proved bound is checked), `exact` (the input space is finite
   * and enumerated whole). Absent: the verdict rests on the inputs the engine tried (`sampled`,
   * or `optimised` when an {@link PropertyDefinition.objective} search ran).
   */
  evidence?(params: Params): { readonly kind: "analytic" | "exact"; readonly detail: string } | undefined;
  /**
   * The damage an input does, for the optimising search (issue: "an optimising search"):
   * larger is worse for the protocol. Properties without a quantitative objective omit it.
   */
  readonly objective?: PropertyObjective<Params, Input>;
}

/** A quantitative objective the optimising search maximises. */
export interface PropertyObjective<Params = any, Input = any> {
  /** Metric name of the objective, e.g. `eveInformationBits`, `acceptance`. */
  readonly name: string;
  /** What is maximised, in words (with units). */
  readonly description: string;
  /**
   * Search for the most damaging input: seeded and deterministic (same params, seed and budget →
   * the same result, byte for byte). `budget` bounds the number of objective evaluations.
   */
  search(params: Params, options: SearchOptions): SearchOutcome<Input>;
}

/** Options of one optimising search. */
export interface SearchOptions {
  readonly seed: number;
  /** Most objective evaluations (exploration + optimisation). */
  readonly budget: number;
}

/** What an optimising search returns. */
export interface SearchOutcome<Input = any> {
  readonly input: Input;
  /** The objective's value at `input`. */
  readonly value: number;
  /** Objective evaluations spent. */
  readonly evaluations: number;
  /** The numbers behind the value (same names as the property's check metrics where they overlap). */
  readonly metrics: Metrics;
  /**
   * Candidates the search could not score because their exact evaluation passes the model's
   * size bounds (absent when none): the outcome is the best among the others.
   */
  readonly unscored?: number;
}

/**
 * How a verdict was reached. `analytic`: a closed form or proved bound; `exact`: exhaustive over a
 * finite space; `optimised`: an optimising search with this budget found no better than
 * `bestObjective`; `sampled`: `inputs` generated inputs. A "holds" on `optimised` or `sampled`
 * evidence is "not falsified", never "verified".
 */
export type Evidence =
  | { readonly kind: "analytic"; readonly detail: string }
  | { readonly kind: "exact"; readonly detail: string }
  | { readonly kind: "optimised"; readonly inputs: number; readonly budget: number; readonly evaluations: number; readonly objective: string; readonly bestObjective: number }
  | { readonly kind: "sampled"; readonly inputs: number };

/** The most damaging attack the optimising search found, beside the minimal counterexample. */
export interface DamagingAttack {
  /** The objective's metric name and the value reached. */
  readonly objective: string;
  readonly value: number;
  readonly evaluations: number;
  readonly budget: number;
  readonly seed: number;
  readonly input: Json;
  readonly message: string;
  readonly metrics: Metrics;
  readonly trace: readonly TraceStep[];
  /** A shell command that reproduces this search. */
  readonly replay: string;
}

/** What kind of expectation a scenario states: a claim of the paper expected to hold, a finding, or a negative control. */
export type ExpectationKind = "claim" | "finding" | "control";

/** One quantitative claim of a scenario checked against a result's metrics. */
export interface ClaimCheck {
  /** Metric name. */
  readonly metric: string;
  readonly bound: "atLeast" | "atMost";
  readonly value: number;
  /** The metric's value in the result (the damaging attack's where there is one), null if absent. */
  readonly actual: number | null;
  readonly ok: boolean;
}

/** Fraction of seeds on which a cell matched its expectation (`verify --seeds K`). */
export interface SeedSweep {
  readonly seeds: number;
  readonly matched: number;
  /** The seeds that did not match. */
  readonly mismatchedSeeds: readonly number[];
}

/** A failing input, shrunk, with what is needed to replay it exactly. */
export interface Counterexample {
  readonly seed: number;
  readonly path: string;
  readonly shrinks: number;
  readonly input: Json;
  readonly message: string;
  readonly metrics: Metrics;
  readonly trace: readonly TraceStep[];
  /** A shell command that replays this counterexample. */
  readonly replay: string;
}

/** The result of one property on one scenario: deterministic for a given seed. */
export interface PropertyResult {
  readonly scenario: string;
  readonly protocol: string;
  readonly variant: string;
  readonly property: string;
  readonly title: string;
  readonly statement: string;
  readonly equation?: string;
  readonly trust: TrustAssumptions;
  readonly expected: Verdict;
  /** One line, required when `expected` is `violated` (a known finding). */
  readonly expectedReason?: string;
  readonly verdict: Verdict | "error";
  /** `verdict === expected`. */
  readonly matches: boolean;
  readonly runs: number;
  readonly seed: number;
  /** Metrics of the closest approach (holds) or of the counterexample (violated). */
  readonly metrics: Metrics;
  readonly counterexample?: Counterexample;
  /** Present when the check itself threw: the message, never a silent pass. */
  readonly error?: string;
  /** Claim, finding or negative control (from the scenario; default claim when expected holds, finding otherwise). */
  readonly kind?: ExpectationKind;
  /** How the verdict was reached. */
  readonly evidence?: Evidence;
  /** The most damaging attack found by the optimising search (violated results with an objective). */
  readonly damaging?: DamagingAttack;
  /** The scenario's quantitative claims, checked; one that fails makes the result a mismatch. */
  readonly claims?: readonly ClaimCheck[];
  /** Present when the cell ran on several seeds. */
  readonly seedSweep?: SeedSweep;
}

/** One data series of a figure: points (x, y) drawn as a line or as marks. */
export interface FigureSeries {
  readonly name: string;
  readonly mark: "line" | "point";
  readonly points: readonly (readonly [number, number])[];
  /** Line style of a `line` series (default solid); the legend draws it the same way. */
  readonly dash?: "dashed" | "dotted";
}

/** A reference line across a figure: a threshold (`p_o`), a bound, a target. */
export interface FigureRule {
  /** `x`: a vertical line at x = value; `y`: a horizontal line at y = value. */
  readonly axis: "x" | "y";
  readonly value: number;
  /** Written beside the line, e.g. `p_o = 0.11`. */
  readonly label: string;
}

/**
 * Data for one plot in the report (QBER vs intercept fraction, key rate vs distance, ...).
 * Figures are data, computed by `properties/`; `reports/` only draws them.
 */
export interface Figure {
  readonly id: string;
  readonly title: string;
  /** What the figure shows and how to read it, one or two sentences. */
  readonly caption: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xScale?: "linear" | "log";
  readonly yScale?: "linear" | "log";
  readonly series: readonly FigureSeries[];
  /** Threshold and reference lines drawn across the plot (dashed, labelled). */
  readonly rules?: readonly FigureRule[];
  /**
   * Lowest value shown on a log y axis (values below are clipped at the axis); when absent the
   * renderer keeps at most 30 decades below the largest value.
   */
  readonly yFloor?: number;
}

/**
 * The results document of one run: deterministic for given scenarios, seeds and runs.
 * Everything that varies between identical runs (dates, durations, versions) is in `run`.
 */
export interface ResultsDocument {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: "qkd-harness"; readonly version: string };
  readonly results: readonly PropertyResult[];
  readonly figures: readonly Figure[];
  readonly summary: {
    readonly total: number;
    readonly matched: number;
    readonly mismatched: number;
    readonly errors: number;
    readonly violated: number;
  };
  /** Non-deterministic facts about the run: kept apart so that `results` compare byte for byte. */
  readonly run: {
    readonly startedAt: string;
    readonly durationMs: number;
    /** Milliseconds per result, keyed `scenario::property`. */
    readonly durations: Readonly<Record<string, number>>;
    readonly environment: Readonly<Record<string, string>>;
    /** `i/n` when this document is one shard of a split run. */
    readonly shard?: string;
  };
}
