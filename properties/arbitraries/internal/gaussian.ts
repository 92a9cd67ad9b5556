/**
 * Standard normal samples from fast-check integers (machinery of the arbitraries, not exported
 * from the barrel).
 *
 * Why integers and not `fc.double`: fast-check's doubles are spread over the *representable*
 * doubles (heavily biased towards tiny magnitudes and special values), so they are not uniform
 * on an interval. A uniform 32-bit integer k mapped to `u = 1/2 + k / 2^32` is uniform on (0, 1),
 * and the inverse normal CDF turns it into a Gaussian. `fc.integer` shrinks towards k = 0, i.e.
 * towards the sample 0, so a shrunk Gaussian matrix tends to the zero matrix (whose QR gives
 * the identity: shrinking moves a Haar unitary towards I).
 */
import * as fc from "fast-check";

const HALF_RANGE = 2 ** 31 - 1;

/** One standard normal sample, shrinking towards 0. */
export function arbGaussian(): fc.Arbitrary<number> {
  return fc.noBias(fc.integer({ min: -HALF_RANGE, max: HALF_RANGE })).map((k) => inverseNormalCdf(0.5 + k / 2 ** 32));
}

/** `count` independent standard normal samples. */
export function arbGaussians(count: number): fc.Arbitrary<number[]> {
  return fc.array(arbGaussian(), { minLength: count, maxLength: count });
}

/**
 * Inverse of the standard normal CDF, Acklam's rational approximation (relative error < 1.2e-9,
 * ample for sampling). `inverseNormalCdf(0.5) === 0` exactly.
 */
export function inverseNormalCdf(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`inverseNormalCdf: p must be in (0, 1), got ${p}`);
  const a = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
  const b = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
  const c = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - low) return -inverseNormalCdf(1 - p);
  const q = p - 0.5, r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
