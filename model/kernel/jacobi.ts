/**
 * Cyclic complex Jacobi rotations for small Hermitian matrices whose small eigenvalues are needed
 * to absolute accuracy (Holevo quantities: eta(lambda) = -lambda log2 lambda is steep near 0).
 *
 * Kept beside the Householder + QL solver of `eigen.ts` as an independent oracle. That solver
 * once returned -1.69e-9 and +1.69e-9 on Eve's 4x4 state of the seed-20041 probe
 * (test/search/search.test.ts) for the pair whose eigenvalues are 1.5e-18 and 3.9e-14: its
 * Householder step took a column's tail norm as ||x||^2 - |x0|^2, which cancelled, and dropped
 * a 1.9e-9 entry (fixed; test/kernel/eigen-accuracy.test.ts).
 * @module
 */
import type { CMatrix } from "./matrix.js";
import type { EigenDecomposition } from "./eigen.js";

/** Magnitudes below this are treated as zero (their squares underflow). */
const NEGLIGIBLE = 1e-290;

/** Eigenvalues (ascending) and eigenvectors (columns) of a Hermitian matrix by Jacobi rotations. */
export function eighJacobi(h: CMatrix): EigenDecomposition {
  const n = h.rows;
  if (h.cols !== n) throw new RangeError(`eighJacobi: matrix is ${h.rows}x${h.cols}, not square`);
  const a = Float64Array.from(h.data);
  const v = new Float64Array(2 * n * n);
  for (let i = 0; i < n; i++) v[2 * (i * n + i)] = 1;
  let scale = 0;
  for (let k = 0; k < a.length; k++) scale = Math.max(scale, Math.abs(a[k]));
  const tol = 1e-15 * Math.max(scale, 1e-300);
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off = Math.max(off, Math.hypot(a[2 * (p * n + q)], a[2 * (p * n + q) + 1]));
    if (off <= tol) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const zr = a[2 * (p * n + q)], zi = a[2 * (p * n + q) + 1];
        const zabs = Math.hypot(zr, zi);
        if (zabs <= tol * 1e-3 || zabs < NEGLIGIBLE) continue;
        const app = a[2 * (p * n + p)], aqq = a[2 * (q * n + q)];
        const theta = app === aqq ? Math.PI / 4 : 0.5 * Math.atan((2 * zabs) / (app - aqq));
        const c = Math.cos(theta), s = Math.sin(theta);
        const er = zr / zabs, ei = zi / zabs; // e^{i phi}
        // columns: col_p' = c col_p + s e^{-i phi} col_q ; col_q' = -s e^{i phi} col_p + c col_q
        rotateColumns(a, n, p, q, c, s, er, ei);
        rotateColumns(v, n, p, q, c, s, er, ei);
        // rows: row_p' = c row_p + s e^{i phi} row_q ; row_q' = -s e^{-i phi} row_p + c row_q
        for (let k = 0; k < n; k++) {
          const pk = 2 * (p * n + k), qk = 2 * (q * n + k);
          const xr = a[pk], xi = a[pk + 1], yr = a[qk], yi = a[qk + 1];
          a[pk] = c * xr + s * (er * yr - ei * yi);
          a[pk + 1] = c * xi + s * (er * yi + ei * yr);
          a[qk] = -s * (er * xr + ei * xi) + c * yr;
          a[qk + 1] = -s * (er * xi - ei * xr) + c * yi;
        }
        a[2 * (p * n + q)] = 0;
        a[2 * (p * n + q) + 1] = 0;
        a[2 * (q * n + p)] = 0;
        a[2 * (q * n + p) + 1] = 0;
        a[2 * (p * n + p) + 1] = 0;
        a[2 * (q * n + q) + 1] = 0;
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => a[2 * (i * n + i)] - a[2 * (j * n + j)]);
  const values = Float64Array.from(order, (i) => a[2 * (i * n + i)]);
  const vectors = new Float64Array(2 * n * n);
  for (let r = 0; r < n; r++) {
    order.forEach((src, col) => {
      vectors[2 * (r * n + col)] = v[2 * (r * n + src)];
      vectors[2 * (r * n + col) + 1] = v[2 * (r * n + src) + 1];
    });
  }
  return { values, vectors: { rows: n, cols: n, data: vectors } };
}

function rotateColumns(m: Float64Array, n: number, p: number, q: number, c: number, s: number, er: number, ei: number): void {
  for (let k = 0; k < n; k++) {
    const kp = 2 * (k * n + p), kq = 2 * (k * n + q);
    const xr = m[kp], xi = m[kp + 1], yr = m[kq], yi = m[kq + 1];
    // e^{-i phi} y = (er - i ei) y
    m[kp] = c * xr + s * (er * yr + ei * yi);
    m[kp + 1] = c * xi + s * (er * yi - ei * yr);
    // e^{i phi} x
    m[kq] = -s * (er * xr - ei * xi) + c * yr;
    m[kq + 1] = -s * (er * xi + ei * xr) + c * yi;
  }
}
