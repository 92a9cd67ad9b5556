/**
 * The ways a result can come out, as the report names them, and how its verdict was reached.
 * @module
 */
import type { ExpectationKind, PropertyResult } from "../../properties/types.js";
import { escapeHtml } from "./escape.js";
import { formatCount, formatNumber } from "./format.js";

/**
 * - `matched`: the verdict is the expected one and the property holds;
 * - `control`: a negative control failed as designed (`kind: "control"`, or, in documents
 *   without `kind`, an expected violation whose reason starts with "negative control"):
 *   evidence that the property can fail, not a finding about the paper;
 * - `known-finding`: the property is violated, as the scenario expected (a finding about the paper);
 * - `mismatch`: the verdict differs from the expected one (or a scenario claim failed);
 * - `error`: the check itself threw; never a silent pass.
 */
export type ResultStatus = "matched" | "control" | "known-finding" | "mismatch" | "error";

/** Every status, in the order the report lists them (worst last). */
export const resultStatuses: readonly ResultStatus[] = ["matched", "control", "known-finding", "mismatch", "error"];

/** The reason prefix that marks an expected violation as a negative control (documents without `kind`). */
export const NEGATIVE_CONTROL_PREFIX = "negative control";

/** The expectation kind of a result: its `kind`, or the fallback for documents written before `kind` existed. */
export function expectationKind(result: PropertyResult): ExpectationKind {
  if (result.kind === "claim" || result.kind === "finding" || result.kind === "control") return result.kind;
  if (result.expected !== "violated") return "claim";
  return String(result.expectedReason ?? "").toLowerCase().startsWith(NEGATIVE_CONTROL_PREFIX) ? "control" : "finding";
}

/** Classify a result. */
export function resultStatus(result: PropertyResult): ResultStatus {
  if (result.verdict === "error") return "error";
  if (result.verdict !== result.expected || !result.matches) return "mismatch";
  if (result.verdict === "holds") return "matched";
  return expectationKind(result) === "control" ? "control" : "known-finding";
}

/** The status as text with its symbol, so that colour is never the only signal. */
export const statusLabel: Readonly<Record<ResultStatus, string>> = {
  matched: "✓ holds",
  control: "● control failed",
  "known-finding": "◆ finding",
  mismatch: "✗ MISMATCH",
  error: "⚠ ERROR",
};

/** The status's symbol alone (matrix cells). */
export const statusSymbol: Readonly<Record<ResultStatus, string>> = {
  matched: "✓",
  control: "●",
  "known-finding": "◆",
  mismatch: "✗",
  error: "⚠",
};

/** A badge for a status: coloured, and readable without colour. */
export function statusBadge(status: ResultStatus): string {
  return `<span class="badge st-${status}">${statusLabel[status]}</span>`;
}

/**
 * How the verdict was reached, in words (escaped HTML): `exact`/`analytic` with their detail, or
 * "not falsified in N inputs" — a "holds" on sampled or optimised evidence is never "verified".
 * Without `evidence` the result's generated inputs (`runs`) are the evidence.
 */
export function evidenceText(result: PropertyResult): string {
  const e = result.evidence;
  const falsified = result.verdict === "violated" ? "falsified" : "not falsified";
  switch (e?.kind) {
    case "exact":
      return `<b>exact</b>: ${escapeHtml(e.detail)}`;
    case "analytic":
      return `<b>analytic</b>: ${escapeHtml(e.detail)}`;
    case "optimised":
      return `<b>${falsified}</b> by an optimising search: ${inputs(e.inputs)}, ${formatCount(e.evaluations)} evaluations (budget ${formatCount(e.budget)}); best ${escapeHtml(e.objective)} = ${typeof e.bestObjective === "number" ? escapeHtml(formatNumber(e.bestObjective)) : escapeHtml(e.bestObjective)}`;
    case "sampled":
      return `<b>${falsified}</b> in ${inputs(e.inputs)}`;
    default:
      return `<b>${falsified}</b> in ${inputs(result.runs)}`;
  }
}

function inputs(n: unknown): string {
  return `${formatCount(n)} generated ${n === 1 ? "input" : "inputs"}`;
}
