/**
 * The threshold decision of eq. 4 and its exact acceptance probability.
 *
 * The KDC and the receiver compare n sifted bits; with e errors the estimate is `P^e = e / n`
 * and the run continues only if `P^e < p_o` (eq. 4, strict). When every sifted bit is wrong
 * independently with probability q, e is Binomial(n, q), so
 * `P(accept) = sum_{e : e/n < p_o} C(n, e) q^e (1-q)^(n-e)`.
 * @module
 */

/**
 * The decision of eq. 4: continue iff `errors / n < p_o` (strict); n = 0 never accepts.
 * @example acceptsEstimate(10, 100, 0.11) // true; acceptsEstimate(11, 100, 0.11) // false
 */
export function acceptsEstimate(errors: number, n: number, threshold: number): boolean {
  return n > 0 && errors / n < threshold;
}

/**
 * Exact probability that eq. 4 accepts when the n compared bits are independently wrong with
 * probability q (binomial sum, evaluated in log space).
 * @example acceptanceProbability(0.25, 100, 0.11) // ≈ 2.1e-5
 */
export function acceptanceProbability(q: number, n: number, threshold: number): number {
  if (!(q >= 0 && q <= 1)) throw new RangeError(`acceptanceProbability: q must be in [0, 1], got ${q}`);
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`acceptanceProbability: n must be a non-negative integer, got ${n}`);
  // binomialPmf's terms, its two logarithms taken once and logChoose read from a row per n: the
  // same doubles (test/bb84/hotpath.test.ts), 9 -> 3 us per call at n = 1000 (CPU time, load 9);
  // this function was ~9 % of a bb84.secrecy check
  let total = 0;
  if (q === 0 || q === 1) {
    for (let e = 0; e <= n && acceptsEstimate(e, n, threshold); e++) total += binomialPmf(n, e, q);
  } else {
    const lq = Math.log(q), lp = Math.log1p(-q);
    if (n >= ROW_MAX_N) {
      for (let e = 0; e <= n && acceptsEstimate(e, n, threshold); e++) total += Math.exp(logChoose(n, e) + e * lq + (n - e) * lp);
    } else {
      // the row is fetched (made) only once a first term is accepted
      let row = NO_ROW;
      for (let e = 0; e <= n && acceptsEstimate(e, n, threshold); e++) {
        if (e >= row.length) row = logChooseRow(n, e);
        total += Math.exp(row[e] + e * lq + (n - e) * lp);
      }
    }
  }
  return Math.min(1, total);
}

/**
 * Hoeffding's bound on accepting a sample whose true error rate exceeds the threshold by delta:
 * `P(e/n <= q - delta) <= exp(-2 n delta^2)` (Hoeffding, JASA 58 (1963) 13).
 * @example hoeffdingBound(1000, 0.05) // exp(-5) ≈ 0.0067
 */
export function hoeffdingBound(n: number, delta: number): number {
  return Math.exp(-2 * n * delta * delta);
}

/** `C(n, e) q^e (1-q)^(n-e)`, in log space. */
export function binomialPmf(n: number, e: number, q: number): number {
  if (q === 0) return e === 0 ? 1 : 0;
  if (q === 1) return e === n ? 1 : 0;
  return Math.exp(logChoose(n, e) + e * Math.log(q) + (n - e) * Math.log1p(-q));
}

function logChoose(n: number, k: number): number {
  return logFactorial(n) - logFactorial(k) - logFactorial(n - k);
}

/** Rows kept at once (a sweep over n reads each n's row many times in a row, then moves on). */
const ROWS_KEPT = 4;

/** No row for n at or above this (LOG_FACTORIALS' cap): at most ROWS_KEPT rows of under 1e5 doubles, 3.2 MB. */
const ROW_MAX_N = 1e5;

/** `logChoose(n, e)` for e = 0, 1, ... by n < ROW_MAX_N, grown on demand; the last ROWS_KEPT n used (oldest first). */
const LOG_CHOOSE_ROWS = new Map<number, number[]>();

/** The n of the last row in LOG_CHOOSE_ROWS. */
let latestN = -1;

/** The row before the first accepted term. */
const NO_ROW: readonly number[] = [];

/** The row of `logChoose(n, .)`, holding at least e + 1 entries (64 more at a time, at most n + 1), made the latest used. */
function logChooseRow(n: number, e: number): number[] {
  let row = LOG_CHOOSE_ROWS.get(n);
  // moved last only when another n was used since (a check's exactRun asks for one n again and again)
  if (row === undefined || n !== latestN) {
    if (row === undefined) row = [];
    else LOG_CHOOSE_ROWS.delete(n);
    LOG_CHOOSE_ROWS.set(n, row);
    latestN = n;
    if (LOG_CHOOSE_ROWS.size > ROWS_KEPT) LOG_CHOOSE_ROWS.delete(LOG_CHOOSE_ROWS.keys().next().value as number);
  }
  for (let k = row.length, end = Math.min(n, e + 64); k <= end; k++) row.push(logChoose(n, k));
  return row;
}

/**
 * The rows `acceptanceProbability` keeps: their n and lengths, oldest first.
 * @internal for test/bb84/hotpath.test.ts (memory stays bounded).
 */
export function cachedLogChooseRows(): { n: number; length: number }[] {
  return Array.from(LOG_CHOOSE_ROWS, ([n, row]) => ({ n, length: row.length }));
}

const LOG_FACTORIALS: number[] = [0];

function logFactorial(n: number): number {
  if (n < 1e5) {
    for (let i = LOG_FACTORIALS.length; i <= n; i++) LOG_FACTORIALS.push(LOG_FACTORIALS[i - 1] + Math.log(i));
    return LOG_FACTORIALS[n];
  }
  // Stirling series, error < 1e-15 relative for n >= 1e5
  return n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n) - 1 / (360 * n ** 3);
}
