/**
 * A replayed result as text: the verdict, the counterexample and its attack trace step by step.
 * @module
 */
import type { PropertyResult } from "../properties/types.js";

/** Text of one result with its trace. */
export function traceText(r: PropertyResult): string {
  const lines = [
    `${r.scenario}::${r.property} (${r.protocol}, variant ${r.variant})`,
    `${r.title}: ${r.statement}`,
    `expected: ${r.expected}${r.expectedReason ? ` (${r.expectedReason})` : ""}`,
    `verdict:  ${r.verdict}${r.matches ? "" : "  <- differs from the expectation"}`,
  ];
  if (r.error !== undefined) lines.push(`error:    ${r.error}`);
  const c = r.counterexample;
  if (c) {
    lines.push(`seed ${c.seed}, path ${c.path}, ${c.shrinks} shrinks`, `message:  ${c.message}`, `input:    ${JSON.stringify(c.input)}`);
    lines.push("trace:");
    if (c.trace.length === 0) lines.push("  (the property gives no trace)");
    c.trace.forEach((step, i) => {
      const values = step.values ? `  [${Object.entries(step.values).map(([k, v]) => `${k}=${v}`).join(", ")}]` : "";
      lines.push(`  ${i + 1}. ${step.step}: ${step.detail}${values}`);
    });
  } else if (r.verdict === "holds") {
    lines.push("no counterexample on this seed and path");
  }
  const metrics = Object.entries(r.metrics);
  if (metrics.length > 0) lines.push(`metrics:  ${metrics.map(([k, v]) => `${k}=${v}`).join(", ")}`);
  return `${lines.join("\n")}\n`;
}
