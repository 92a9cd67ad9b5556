/**
 * The text of a failed expectation, as vitest prints it: what was expected, the statement,
 * the shrunk counterexample, the attack trace step by step, and how to replay it.
 * A pure function of the result document (formatting kept apart from checking).
 * @module
 */
import type { Metrics, PropertyResult, TraceStep, Verdict } from "../properties/types.js";

/** Longest rendering of a counterexample input before it is cut (the result keeps all of it). */
const MAX_INPUT_CHARS = 2000;

/**
 * Why `result` does not meet `expected`, in lines: header, statement, counterexample (seed,
 * path, shrinks, input), the failing check's message, metrics, attack trace, replay.
 * @example failureMessage(result, "holds") // "six-state.probe-information-bound: expected to hold, but it is violated ..."
 */
export function failureMessage(result: PropertyResult, expected: Verdict): string {
  const lines: string[] = [];
  const id = result.property;
  if (result.verdict === "error") {
    lines.push(`${id}: the check threw an error (expected it to ${phrase(expected)}): ${result.error ?? "unknown error"}`);
    lines.push(`  seed ${result.seed}, ${result.runs} runs`);
    return lines.join("\n");
  }
  if (result.verdict === "violated") {
    const cx = result.counterexample;
    lines.push(`${id}: expected to ${phrase(expected)}, but it is violated (seed ${result.seed})`);
    lines.push(`  statement: ${result.statement}`);
    if (cx) {
      lines.push(`  counterexample (seed ${cx.seed}, path "${cx.path}", ${cx.shrinks} shrinks): ${inputText(cx.input)}`);
      lines.push(`  why: ${cx.message}`);
      lines.push(`  metrics: ${metricsText(cx.metrics)}`);
      lines.push(...traceLines(cx.trace));
      lines.push(`  replay: ${cx.replay}`);
    }
    return lines.join("\n");
  }
  lines.push(`${id}: expected to ${phrase(expected)}, but it held on all ${result.runs} generated inputs (seed ${result.seed})`);
  lines.push(`  statement: ${result.statement}`);
  lines.push(`  closest approach: ${metricsText(result.metrics)}`);
  if (expected === "violated") lines.push("  (a negative control that holds means the check cannot see the failure it is meant to catch)");
  return lines.join("\n");
}

function phrase(v: Verdict): string {
  return v === "holds" ? "hold" : "be violated";
}

function inputText(input: unknown): string {
  const text = JSON.stringify(input) ?? "undefined";
  return text.length > MAX_INPUT_CHARS ? `${text.slice(0, MAX_INPUT_CHARS)}... (${text.length} chars)` : text;
}

function metricsText(metrics: Metrics): string {
  const entries = Object.entries(metrics);
  return entries.length === 0 ? "(none)" : entries.map(([k, v]) => `${k}=${typeof v === "number" ? fmt(v) : String(v)}`).join(", ");
}

function traceLines(trace: readonly TraceStep[]): string[] {
  if (trace.length === 0) return ["  attack trace: (the property gives none)"];
  return [
    "  attack trace:",
    ...trace.map((s, i) => {
      const values = s.values ? ` [${Object.entries(s.values).map(([k, v]) => `${k}=${typeof v === "number" ? fmt(v) : v}`).join(", ")}]` : "";
      return `    ${i + 1}. ${s.step}: ${s.detail}${values}`;
    }),
  ];
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : Number(v.toPrecision(6)).toString();
}
