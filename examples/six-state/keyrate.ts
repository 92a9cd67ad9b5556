/**
 * The asymptotic one-way key rate of the six-state protocol and its error threshold.
 *
 * With symmetric errors `e` the Bell-diagonal state has weights `(1 - 3e/2, e/2, e/2, e/2)`
 * and one-way post-processing leaves (Lo 2001; Renner, Gisin & Kraus 2005)
 * `r(e) = 1 - H(1 - 3e/2, e/2, e/2, e/2) = 1 + (3e/2) log2(e/2) + (1 - 3e/2) log2(1 - 3e/2)`,
 * positive below `e* ≈ 12.6 %` — against `11.0 %` for BB84's `1 - 2h(e)` (Shor & Preskill 2000).
 * @module
 */
import { binaryEntropy, shannonEntropy } from "qkd-harness/kernel";

/**
 * Six-state one-way key rate per sifted bit, `r(e) = 1 - H(1 - 3e/2, e/2, e/2, e/2)`, for e in [0, 2/3].
 * @example sixStateRate(0) // 1
 */
export function sixStateRate(e: number): number {
  if (!(e >= 0 && e <= 2 / 3)) throw new RangeError(`sixStateRate: e must be in [0, 2/3], got ${e}`);
  return 1 - shannonEntropy([1 - 1.5 * e, e / 2, e / 2, e / 2]);
}

/**
 * BB84's rate per sifted bit with one-way post-processing, `1 - 2h(e)` (Shor & Preskill 2000), for comparison.
 * @example bb84Rate(0) // 1
 */
export function bb84Rate(e: number): number {
  return 1 - 2 * binaryEntropy(e);
}

/**
 * The root of a rate that is positive at `lo` and negative at `hi`, by bisection to `tol`.
 * @example rateThreshold(sixStateRate) // ≈ 0.1262
 */
export function rateThreshold(rate: (e: number) => number, lo = 0, hi = 0.5, tol = 1e-12): number {
  if (!(rate(lo) > 0 && rate(hi) < 0)) throw new RangeError(`rateThreshold: rate must change sign on [${lo}, ${hi}]`);
  let a = lo, b = hi;
  while (b - a > tol) {
    const mid = (a + b) / 2;
    if (rate(mid) > 0) a = mid;
    else b = mid;
  }
  return (a + b) / 2;
}
