/**
 * Number, duration and value formatting for the report: deterministic (no locale, no clock).
 * One number formatter for the whole page ({@link formatNumber}): four significant digits,
 * no float noise (`1.4000000000000001` → `1.4`), no subnormal garbage (`3.953e-323` → `0`).
 * @module
 */
import { escapeHtml } from "./escape.js";

/** Magnitudes below this are rounding residue or subnormal garbage, shown as 0. */
export const NEGLIGIBLE = 1e-300;

/** Significant digits of every non-integer number on the page. */
export const SIGNIFICANT_DIGITS = 4;

/**
 * A number as text: integers as they are (below 1e15), others in at most four significant
 * digits, exponent notation below 1e-3 or from 1e6 (`1.23e-5`); `|x| < 1e-300` is `0`,
 * infinities are `∞` / `−∞`, and NaN is `—` (see {@link formatValue} for the explanation shown).
 * @example formatNumber(1.4000000000000001) === "1.4"
 * @example formatNumber(3.953e-323) === "0"
 */
export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "—";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  if (Math.abs(value) < NEGLIGIBLE) return "0";
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude < 1e-3 || magnitude >= 1e6) return trimExponent(value.toExponential(SIGNIFICANT_DIGITS - 1));
  return String(Number(value.toPrecision(SIGNIFICANT_DIGITS)));
}

/** `1.230e-5` → `1.23e-5`, `1.000e+6` → `1e6`. */
function trimExponent(text: string): string {
  const [mantissa = "", exponent = ""] = text.split("e");
  const m = mantissa.includes(".") ? mantissa.replace(/\.?0+$/, "") : mantissa;
  return `${m}e${exponent.replace(/^\+/, "")}`;
}

/** Why a value is shown as `—`, as the tooltip says. */
const NOT_A_NUMBER = "not a number: the quantity is undefined for this input (e.g. 0/0, or no key was produced)";
const NO_VALUE = "no value: not computed for this input, or not finite (JSON has no NaN or infinity)";

/** A metric or trace value as escaped HTML: numbers through {@link formatNumber}, `—` with a tooltip for null and NaN. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return `<span class="na" title="${NO_VALUE}">—</span>`;
  if (typeof value === "number") {
    if (Number.isNaN(value)) return `<span class="na" title="${NOT_A_NUMBER}">—</span>`;
    return escapeHtml(formatNumber(value));
  }
  if (typeof value === "string" && /^(NaN|-?Infinity)$/.test(value)) return `<span class="na" title="${NOT_A_NUMBER}">—</span>`;
  return escapeHtml(typeof value === "string" ? tidyNumbers(value) : value);
}

/**
 * A count as escaped text: a crafted results document may put anything where a number belongs,
 * so the value is escaped whatever its type.
 */
export function formatCount(value: unknown): string {
  return typeof value === "number" ? escapeHtml(formatNumber(value)) : escapeHtml(value);
}

/**
 * Numbers written into prose by string interpolation, tidied: `1.4000000000000001 %` → `1.4 %`,
 * `3.953e-323` → `0`, `NaN` → `—`. Integers and short decimals are left as written.
 * @example tidyNumbers("QBER 1.4000000000000001 %") === "QBER 1.4 %"
 */
export function tidyNumbers(text: string): string {
  return text
    .replace(/(?<![\w.])-?\d+\.\d{5,}(?:e[-+]?\d+)?(?![\w.])|(?<![\w.])-?\d+(?:\.\d+)?e[-+]?\d+(?![\w.])/gi, (m) => formatNumber(Number(m)))
    .replace(/(?<![\w.])NaN(?![\w.])/g, "—");
}

/** Milliseconds as `812 ms`, `2.35 s` or `3 min 05 s`. */
export function formatDuration(ms: unknown): string {
  if (typeof ms !== "number" || !Number.isFinite(ms)) return "—";
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(2)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${String(seconds % 60).padStart(2, "0")} s`;
}

/** An ISO timestamp as `2025-11-23 14:00:00 UTC` (the raw text, escaped, when it does not parse). */
export function formatDate(iso: unknown): string {
  const date = new Date(String(iso));
  if (Number.isNaN(date.getTime())) return escapeHtml(iso);
  return `${date.toISOString().slice(0, 19).replace("T", " ")} UTC`;
}

/** The key of `doc.run.durations` for one result. */
export function durationKey(scenario: string, property: string): string {
  return `${scenario}::${property}`;
}
