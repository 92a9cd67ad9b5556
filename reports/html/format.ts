/**
 * Number, duration and value formatting for the report: deterministic (no locale, no clock).
 * @module
 */
import { escapeHtml } from "./escape.js";

/** A number in at most four significant digits, exponent notation for very small or large. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e6)) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

/** Milliseconds as `812 ms`, `2.35 s` or `3 min 05 s`. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}

/** A metric or trace value as escaped HTML (`—` for null). */
export function formatValue(value: number | string | boolean | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "number") return formatNumber(value);
  return escapeHtml(value);
}

/** An ISO timestamp as `2025-11-23 14:00:00 UTC` (the raw text when it does not parse). */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return escapeHtml(iso);
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** The key of `doc.run.durations` for one result. */
export function durationKey(scenario: string, property: string): string {
  return `${scenario}::${property}`;
}
