/**
 * Named numerical tolerances. Every check in the kernel takes an optional `{ atol, rtol }`
 * and falls back to these defaults; nothing else in the code base hard-codes a tolerance.
 * @module
 */

/** Absolute and relative tolerance of a numerical check. */
export interface Tolerance {
  readonly atol?: number;
  readonly rtol?: number;
}

/** Default absolute tolerance for validity checks (Hermitian, unit trace, unitary, CPTP). */
export const ATOL = 1e-9;
/** Default relative tolerance. */
export const RTOL = 1e-9;
/** Smallest eigenvalue accepted as "positive semidefinite" (eigenvalues >= -PSD_ATOL). */
export const PSD_ATOL = 1e-9;
/** Probabilities below this are treated as impossible outcomes (no post-measurement state). */
export const PROBABILITY_FLOOR = 1e-14;

/** `|a - b| <= atol + rtol * |b|`. */
export function close(a: number, b: number, tol: Tolerance = {}): boolean {
  return Math.abs(a - b) <= (tol.atol ?? ATOL) + (tol.rtol ?? RTOL) * Math.abs(b);
}
