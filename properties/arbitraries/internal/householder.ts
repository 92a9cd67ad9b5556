/**
 * Householder QR with Mezzadri's phase fix (machinery of the arbitraries, not exported from
 * the barrel).
 *
 * For a complex Gaussian (Ginibre) matrix Z = QR, the matrix `Q diag(R_jj / |R_jj|)` is Haar
 * distributed (F. Mezzadri, "How to generate random matrices from the classical compact
 * groups", Notices AMS 54 (2007) 592). Householder reflections keep Q unitary to machine
 * precision for *every* input, including rank-deficient and zero matrices (a zero column is
 * simply not reflected and its phase is taken as 1), so no draw is degenerate and none needs
 * to be filtered out.
 */
import type { CMatrix } from "../../../model/kernel/index.js";

/**
 * The first `k` columns of the phase-fixed Q of a `rows x k` complex matrix given as
 * interleaved (re, im) Gaussian samples, row-major. Haar-distributed isometry for Gaussian input.
 * `fixPhases = false` returns the raw Householder Q, which is *not* Haar (its tests' negative control).
 */
export function phaseFixedQ(rows: number, k: number, gaussians: readonly number[], fixPhases = true): CMatrix {
  if (k > rows) throw new RangeError(`phaseFixedQ: ${k} columns exceed ${rows} rows`);
  if (gaussians.length !== 2 * rows * k) throw new RangeError(`phaseFixedQ: expected ${2 * rows * k} samples, got ${gaussians.length}`);
  const a = Float64Array.from(gaussians);
  const reflectors: (Float64Array | null)[] = [];
  const phaseR = new Float64Array(k), phaseI = new Float64Array(k);
  for (let j = 0; j < k; j++) {
    let norm2 = 0;
    for (let i = j; i < rows; i++) norm2 += a[2 * (i * k + j)] ** 2 + a[2 * (i * k + j) + 1] ** 2;
    const alpha = Math.sqrt(norm2);
    if (!(alpha > 0)) {
      reflectors.push(null);
      phaseR[j] = 1;
      continue;
    }
    const x0r = a[2 * (j * k + j)], x0i = a[2 * (j * k + j) + 1];
    const x0 = Math.hypot(x0r, x0i);
    const er = x0 > 0 ? x0r / x0 : 1, ei = x0 > 0 ? x0i / x0 : 0;
    // v = x + e^{i arg x0} alpha e_1 ; H x = -e^{i arg x0} alpha e_1 = R_jj e_1
    const v = new Float64Array(2 * rows);
    for (let i = j; i < rows; i++) {
      v[2 * i] = a[2 * (i * k + j)];
      v[2 * i + 1] = a[2 * (i * k + j) + 1];
    }
    v[2 * j] += er * alpha;
    v[2 * j + 1] += ei * alpha;
    reflectors.push(v);
    phaseR[j] = -er;
    phaseI[j] = -ei;
    reflect(a, rows, k, v, j, j + 1);
  }
  // thin Q = H_0 H_1 ... H_{k-1} [I_k; 0], then multiply column j by the phase of R_jj
  const q = new Float64Array(2 * rows * k);
  for (let j = 0; j < k; j++) q[2 * (j * k + j)] = 1;
  for (let j = k - 1; j >= 0; j--) {
    const v = reflectors[j];
    if (v) reflect(q, rows, k, v, j, j); // columns < j are still e_c, orthogonal to v
  }
  if (!fixPhases) return { rows, cols: k, data: q };
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < k; j++) {
      const t = 2 * (i * k + j), re = q[t], im = q[t + 1];
      q[t] = re * phaseR[j] - im * phaseI[j];
      q[t + 1] = re * phaseI[j] + im * phaseR[j];
    }
  }
  return { rows, cols: k, data: q };
}

/** Columns `from..k-1` of the rows x k matrix m <- (I - 2 v v^dagger / v^dagger v) m, v nonzero from row `start`. */
function reflect(m: Float64Array, rows: number, k: number, v: Float64Array, start: number, from: number): void {
  let vv = 0;
  for (let i = start; i < rows; i++) vv += v[2 * i] ** 2 + v[2 * i + 1] ** 2;
  for (let c = from; c < k; c++) {
    let sr = 0, si = 0; // v^dagger m_c
    for (let i = start; i < rows; i++) {
      const vr = v[2 * i], vi = v[2 * i + 1], mr = m[2 * (i * k + c)], mi = m[2 * (i * k + c) + 1];
      sr += vr * mr + vi * mi;
      si += vr * mi - vi * mr;
    }
    const fr = (2 * sr) / vv, fi = (2 * si) / vv;
    for (let i = start; i < rows; i++) {
      const vr = v[2 * i], vi = v[2 * i + 1];
      m[2 * (i * k + c)] -= vr * fr - vi * fi;
      m[2 * (i * k + c) + 1] -= vr * fi + vi * fr;
    }
  }
}
