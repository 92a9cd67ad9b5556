/**
 * The four ways a result can come out, as the report names them.
 * @module
 */
import type { PropertyResult } from "../../properties/types.js";

/**
 * - `matched`: the verdict is the expected one and the property holds;
 * - `control`: a negative control failed as designed (an expected violation whose reason starts
 *   with "negative control"): evidence that the property can fail, not a finding about the paper;
 * - `known-finding`: the property is violated, as the scenario expected (a finding about the paper);
 * - `mismatch`: the verdict differs from the expected one;
 * - `error`: the check itself threw; never a silent pass.
 */
export type ResultStatus = "matched" | "control" | "known-finding" | "mismatch" | "error";

/** Every status, in the order the report lists them (worst last). */
export const resultStatuses: readonly ResultStatus[] = ["matched", "control", "known-finding", "mismatch", "error"];

/** The reason prefix that marks an expected violation as a negative control. */
export const NEGATIVE_CONTROL_PREFIX = "negative control";

/** Classify a result. */
export function resultStatus(result: PropertyResult): ResultStatus {
  if (result.verdict === "error") return "error";
  if (result.verdict !== result.expected || !result.matches) return "mismatch";
  if (result.verdict === "holds") return "matched";
  return result.expectedReason?.toLowerCase().startsWith(NEGATIVE_CONTROL_PREFIX) ? "control" : "known-finding";
}

/** The status as text with its symbol, so that colour is never the only signal. */
export const statusLabel: Readonly<Record<ResultStatus, string>> = {
  matched: "✓ matched",
  control: "● control failed",
  "known-finding": "◆ known finding",
  mismatch: "✗ MISMATCH",
  error: "⚠ ERROR",
};

/** A badge for a status: coloured, and readable without colour. */
export function statusBadge(status: ResultStatus): string {
  return `<span class="badge st-${status}">${statusLabel[status]}</span>`;
}
