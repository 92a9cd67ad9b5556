/**
 * How a verdict was reached, in words, and the scenario's quantitative claims checked against a
 * result. Every output (terminal, JSON, JUnit, HTML) takes its evidence line from
 * {@link evidenceText}, so that a "holds" reached by generated inputs or a search reads as
 * "not falsified in N inputs", never as verified.
 * @module
 */
import type { ClaimCheck, Evidence, Metrics, PropertyResult, SeedSweep } from "./types.js";

/** The quantitative claims of one expectation: metric name → bound. */
export interface ClaimBounds {
  readonly atLeast?: Readonly<Record<string, number>>;
  readonly atMost?: Readonly<Record<string, number>>;
}

/** Share of seeds a cell must match on to match overall (`verify --seeds K`): 95 %. */
export const SEED_MATCH_FRACTION = 0.95;

/**
 * The evidence of a result in one line, e.g. "verified exactly: ...", "not falsified in 60
 * inputs and an optimising search (budget 200, 200 evaluations, best acceptance = 0.25)".
 * A violated result says how the violation was found.
 */
export function evidenceText(result: Pick<PropertyResult, "verdict" | "evidence">): string {
  const e = result.evidence;
  if (e === undefined) return "no evidence recorded";
  if (result.verdict === "error") return `the check failed (${describeEvidence(e)})`;
  const holds = result.verdict === "holds";
  switch (e.kind) {
    case "analytic":
      return `${holds ? "verified analytically" : "violated analytically"}: ${e.detail}`;
    case "exact":
      return `${holds ? "verified exactly" : "violated exactly"}: ${e.detail}`;
    case "optimised":
      return holds
        ? `not falsified in ${count(e.inputs, "generated input")} and an optimising search (${searchText(e)})`
        : `falsified by generated inputs or an optimising search (${count(e.inputs, "generated input")}; ${searchText(e)})`;
    case "sampled":
      return holds ? `not falsified in ${count(e.inputs, "generated input")} (not verified)` : `falsified after ${count(e.inputs, "generated input")}`;
  }
}

/** The evidence's kind and numbers without a verdict (for error results). */
function describeEvidence(e: Evidence): string {
  switch (e.kind) {
    case "analytic":
    case "exact":
      return `${e.kind}: ${e.detail}`;
    case "optimised":
      return `optimised: ${count(e.inputs, "generated input")}; ${searchText(e)}`;
    case "sampled":
      return `sampled: ${count(e.inputs, "generated input")}`;
  }
}

function searchText(e: Extract<Evidence, { kind: "optimised" }>): string {
  return `budget ${e.budget}, ${e.evaluations} evaluations, best ${e.objective} = ${formatNumber(e.bestObjective)}`;
}

/** `matched/seeds seeds matched (fraction)`, with the seeds that did not. */
export function seedSweepText(sweep: SeedSweep): string {
  const fraction = sweep.seeds === 0 ? 0 : sweep.matched / sweep.seeds;
  const misses = sweep.mismatchedSeeds.length > 0 ? `; mismatched on seeds ${sweep.mismatchedSeeds.join(", ")}` : "";
  return `${sweep.matched}/${sweep.seeds} seeds matched (${fraction.toFixed(2)}, needs >= ${SEED_MATCH_FRACTION})${misses}`;
}

/** Whether a sweep matches overall: at least {@link SEED_MATCH_FRACTION} of its seeds matched. */
export function sweepMatches(sweep: SeedSweep): boolean {
  return sweep.seeds > 0 && sweep.matched >= SEED_MATCH_FRACTION * sweep.seeds - 1e-9;
}

/** Check each claim against `metrics`; a metric that is absent or not a finite number fails its claim. */
export function checkClaims(bounds: ClaimBounds | undefined, metrics: Metrics): ClaimCheck[] {
  const checks: ClaimCheck[] = [];
  for (const bound of ["atLeast", "atMost"] as const) {
    for (const [metric, value] of Object.entries(bounds?.[bound] ?? {})) {
      const raw = metrics[metric];
      const actual = typeof raw === "number" && Number.isFinite(raw) ? raw : null;
      const ok = actual !== null && (bound === "atLeast" ? actual >= value : actual <= value);
      checks.push({ metric, bound, value, actual, ok });
    }
  }
  return checks;
}

/** One claim in words, e.g. "acceptance = 1 >= 0.999 (ok)", or why it failed. */
export function claimText(c: ClaimCheck): string {
  const op = c.bound === "atLeast" ? ">=" : "<=";
  if (c.actual === null) return `${c.metric} ${op} ${c.value}: FAILED, the result has no finite number "${c.metric}"`;
  return `${c.metric} = ${formatNumber(c.actual)} ${op} ${c.value}${c.ok ? "" : ": FAILED"}`;
}

function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(6);
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/**
 * Why a result does not match its expectation, in one line: the verdict, the failed claims,
 * or the seeds on which it did not match.
 */
export function mismatchText(r: PropertyResult): string {
  const parts: string[] = [];
  if (r.verdict !== r.expected) {
    const message = r.damaging?.message ?? r.counterexample?.message;
    parts.push(`expected ${r.expected}, got ${r.verdict}${message ? `: ${message}` : ""}`);
  }
  const failed = (r.claims ?? []).filter((c) => !c.ok);
  if (failed.length > 0) parts.push(`claims failed: ${failed.map(claimText).join("; ")}`);
  if (r.seedSweep && !sweepMatches(r.seedSweep)) parts.push(seedSweepText(r.seedSweep));
  return parts.length > 0 ? parts.join("; ") : `expected ${r.expected}, got ${r.verdict}`;
}
