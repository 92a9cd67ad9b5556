/**
 * Hermitian eigen-solvers, hand-written for small dense matrices (d <= a few hundred).
 *
 * - {@link eigvalsh}: eigenvalues only, by Householder reduction to a real symmetric tridiagonal
 *   matrix and the implicit QL algorithm (Golub & Van Loan, *Matrix Computations*, 4th ed.,
 *   §8.3; the EISPACK `htridi` + `tql1` pair). Used by entropies and validators.
 * - {@link eigh}: eigenvalues and eigenvectors by the cyclic complex Jacobi method
 *   (Golub & Van Loan §8.5). Used for matrix functions (square roots in fidelity and POVMs).
 *
 * Both are cross-checked in the tests against ml-matrix on the real embedding
 * `[[Re, -Im], [Im, Re]]` and against each other; `npm run bench` measures them.
 * @module
 */
import { adjoint, matmul, type CMatrix } from "./matrix.js";

/**
 * Eigenvalues of a Hermitian matrix, ascending.
 * Only the lower triangle is read, so a slightly non-Hermitian input gives the eigenvalues of
 * its Hermitian part; validate first where that matters.
 * @example eigvalsh(matrix([[0, 1], [1, 0]])) // Float64Array [-1, 1]
 */
export function eigvalsh(h: CMatrix): Float64Array {
  const n = h.rows;
  if (h.cols !== n) throw new RangeError(`eigvalsh: matrix is ${h.rows}x${h.cols}, not square`);
  if (n === 0) return new Float64Array(0);
  if (n === 1) return Float64Array.of(h.data[0]);
  if (n === 2) return eig2(h);
  // working copy and off-diagonal in module-level scratch (see `growScratch`); only d is returned
  growScratch(n);
  const a = work;
  a.set(h.data);
  const d = new Float64Array(n);
  const e = offDiag;
  tridiagonalize(a, n, d, e);
  tql(d, e, n);
  return d.sort();
}

/*
 * Scratch buffers of eigvalsh, grown on demand and reused across calls: at d <= 16 the solver
 * spent about a quarter of its time collecting its per-call temporaries. They never escape a
 * call (eigvalsh returns a fresh array), so eigvalsh stays pure.
 */
let work = new Float64Array(0);
let offDiag = new Float64Array(0);
let vrScratch = new Float64Array(0), viScratch = new Float64Array(0), prScratch = new Float64Array(0), piScratch = new Float64Array(0);
function growScratch(n: number): void {
  if (offDiag.length >= n) return;
  work = new Float64Array(2 * n * n);
  offDiag = new Float64Array(n);
  vrScratch = new Float64Array(n); viScratch = new Float64Array(n); prScratch = new Float64Array(n); piScratch = new Float64Array(n);
}

function eig2(h: CMatrix): Float64Array {
  const a = h.data[0], b = h.data[6];
  const zr = h.data[4], zi = h.data[5]; // lower triangle entry (1, 0)
  const mean = (a + b) / 2, r = Math.hypot((a - b) / 2, zr, zi);
  return Float64Array.of(mean - r, mean + r);
}

/**
 * Householder reduction of the Hermitian `a` (n x n interleaved) to real tridiagonal (d, e).
 * Only the lower triangle (and the real part of the diagonal) is read and updated: the upper
 * triangle is its conjugate, so `p = A v` takes `A_ji = conj(A_ij)` from the stored `A_ij`, and
 * the rank-2 update touches half the entries.
 */
/** Magnitudes below this are treated as zero in phase and norm computations (their squares underflow). */
const NEGLIGIBLE = 1e-290;

function tridiagonalize(a: Float64Array, n: number, d: Float64Array, e: Float64Array): void {
  // locals, not the module bindings: V8 would reload a mutable module variable on every access
  const vr = vrScratch, vi = viScratch, pr = prScratch, pi = piScratch;
  for (let k = 0; k < n - 2; k++) {
    // x = a[k+1.., k]
    let norm2 = 0;
    for (let i = k + 1; i < n; i++) norm2 += a[2 * (i * n + k)] ** 2 + a[2 * (i * n + k) + 1] ** 2;
    const x0r = a[2 * ((k + 1) * n + k)], x0i = a[2 * ((k + 1) * n + k) + 1];
    const x0abs = Math.hypot(x0r, x0i);
    const norm = Math.sqrt(norm2);
    d[k] = a[2 * (k * n + k)];
    const tail2 = norm2 - x0abs * x0abs;
    if (norm < NEGLIGIBLE || tail2 <= 1e-300 * Math.max(1, norm2)) {
      // already tridiagonal in this column (or the whole column is below NEGLIGIBLE, whose
      // squares underflow): the coupling is |x0|, with an absolute error below NEGLIGIBLE
      e[k] = x0abs;
      continue;
    }
    e[k] = norm; // |alpha|
    // alpha = -e^{i arg x0} ||x||; v = x - alpha e1. For a subnormal x0 the ratio x0 / |x0| is
    // not a unit phase (too few significant bits), and a non-unit phase makes the reflection
    // non-unitary: take phase 1 instead, which costs an error of order |x0| / ||x||.
    const tinyX0 = x0abs < NEGLIGIBLE;
    const phr = tinyX0 ? 1 : x0r / x0abs, phi = tinyX0 ? 0 : x0i / x0abs;
    for (let i = k + 1; i < n; i++) {
      vr[i] = a[2 * (i * n + k)];
      vi[i] = a[2 * (i * n + k) + 1];
    }
    vr[k + 1] += phr * norm;
    vi[k + 1] += phi * norm;
    let vn = 0;
    for (let i = k + 1; i < n; i++) vn += vr[i] * vr[i] + vi[i] * vi[i];
    vn = Math.sqrt(vn);
    for (let i = k + 1; i < n; i++) {
      vr[i] /= vn;
      vi[i] /= vn;
    }
    // p = A v on the trailing block, from the lower triangle: row i contributes A_ij v_j to
    // p_i and conj(A_ij) v_i to p_j (j < i); the diagonal is real
    for (let i = k + 1; i < n; i++) {
      const aii = a[2 * (i * n + i)];
      pr[i] = aii * vr[i];
      pi[i] = aii * vi[i];
    }
    for (let i = k + 1; i < n; i++) {
      const row = 2 * i * n, vri = vr[i], vii = vi[i];
      let sr = pr[i], si = pi[i];
      for (let j = k + 1; j < i; j++) {
        const ar = a[row + 2 * j], ai = a[row + 2 * j + 1];
        sr += ar * vr[j] - ai * vi[j];
        si += ar * vi[j] + ai * vr[j];
        pr[j] += ar * vri + ai * vii;
        pi[j] += ar * vii - ai * vri;
      }
      pr[i] = sr;
      pi[i] = si;
    }
    // K = v^dagger p (real)
    let K = 0;
    for (let i = k + 1; i < n; i++) K += vr[i] * pr[i] + vi[i] * pi[i];
    // w = p - K v; A -= 2 (v w^dagger + w v^dagger), lower triangle only
    for (let i = k + 1; i < n; i++) {
      pr[i] -= K * vr[i];
      pi[i] -= K * vi[i];
    }
    for (let i = k + 1; i < n; i++) {
      const row = 2 * i * n, vri = vr[i], vii = vi[i], wri = pr[i], wii = pi[i];
      for (let j = k + 1; j <= i; j++) {
        // v_i conj(w_j) + w_i conj(v_j)
        const re = vri * pr[j] + vii * pi[j] + wri * vr[j] + wii * vi[j];
        const im = vii * pr[j] - vri * pi[j] + wii * vr[j] - wri * vi[j];
        a[row + 2 * j] -= 2 * re;
        a[row + 2 * j + 1] -= 2 * im;
      }
    }
  }
  d[n - 2] = a[2 * ((n - 2) * n + n - 2)];
  d[n - 1] = a[2 * ((n - 1) * n + n - 1)];
  e[n - 2] = Math.hypot(a[2 * ((n - 1) * n + n - 2)], a[2 * ((n - 1) * n + n - 2) + 1]);
  e[n - 1] = 0;
}

/**
 * `sqrt(a^2 + b^2)`. `Math.hypot` is slow in V8 and this is the inner loop of `tql`; the plain
 * formula is exact to an ulp unless a square overflows or underflows, so those (never at
 * density-matrix scale) fall back to `Math.hypot`.
 */
function pythag(a: number, b: number): number {
  const aa = Math.abs(a), bb = Math.abs(b);
  if (aa > 1e150 || bb > 1e150 || (aa < 1e-150 && bb < 1e-150)) return Math.hypot(a, b);
  return Math.sqrt(a * a + b * b);
}

/** Implicit QL with Wilkinson-type shifts on a real symmetric tridiagonal matrix (e[i] couples i, i+1). */
function tql(d: Float64Array, e: Float64Array, n: number): void {
  // couplings below eps^2 of the matrix scale are negligible: without this floor a block of
  // exact zeros next to subnormal couplings never deflates and the iteration cannot converge
  let anorm = 0;
  for (let i = 0; i < n; i++) anorm = Math.max(anorm, Math.abs(d[i]) + Math.abs(e[i]));
  const floor = Math.max(Number.MIN_VALUE, anorm * Number.EPSILON * Number.EPSILON);
  for (let l = 0; l < n; l++) {
    let iter = 0;
    let m: number;
    do {
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= Number.EPSILON * dd || Math.abs(e[m]) <= floor) break;
      }
      if (m !== l) {
        if (iter++ === 60) throw new Error("eigvalsh: QL iteration did not converge");
        let g = (d[l + 1] - d[l]) / (2 * e[l]);
        let r = pythag(g, 1);
        g = d[m] - d[l] + e[l] / (g + (g >= 0 ? r : -r));
        let s = 1, c = 1, p = 0;
        let i: number;
        for (i = m - 1; i >= l; i--) {
          let f = s * e[i];
          const b = c * e[i];
          r = pythag(f, g);
          e[i + 1] = r;
          if (r === 0) {
            d[i + 1] -= p;
            e[m] = 0;
            break;
          }
          s = f / r;
          c = g / r;
          g = d[i + 1] - p;
          r = (d[i] - g) * s + 2 * c * b;
          p = s * r;
          d[i + 1] = g + p;
          g = c * r - b;
          f = 0;
        }
        if (r === 0 && i >= l) continue;
        d[l] -= p;
        e[l] = g;
        e[m] = 0;
      }
    } while (m !== l);
  }
}

/** Eigen-decomposition `h = V diag(values) V^dagger`, values ascending, V unitary (columns). */
export interface EigenDecomposition {
  readonly values: Float64Array;
  readonly vectors: CMatrix;
}

/**
 * Eigenvalues and eigenvectors of a Hermitian matrix by cyclic complex Jacobi rotations.
 * @example eigh(matrix([[2, 0], [0, 1]])).values // Float64Array [1, 2]
 */
export function eigh(h: CMatrix): EigenDecomposition {
  const n = h.rows;
  if (h.cols !== n) throw new RangeError(`eigh: matrix is ${h.rows}x${h.cols}, not square`);
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

/**
 * `f(h)` for Hermitian `h`: `V diag(f(lambda)) V^dagger` (e.g. square root, logarithm).
 * @example matrixFunction(matrix([[4, 0], [0, 9]]), Math.sqrt) // diag(2, 3)
 */
export function matrixFunction(h: CMatrix, f: (lambda: number) => number): CMatrix {
  const { values, vectors } = eigh(h);
  const n = h.rows;
  const scaled = Float64Array.from(vectors.data);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const fv = f(values[c]);
      scaled[2 * (r * n + c)] *= fv;
      scaled[2 * (r * n + c) + 1] *= fv;
    }
  }
  return matmul({ rows: n, cols: n, data: scaled }, adjoint(vectors));
}

/** Square root of a positive semidefinite matrix (negative round-off eigenvalues clipped to 0). */
export function sqrtPsd(h: CMatrix): CMatrix {
  return matrixFunction(h, (x) => Math.sqrt(Math.max(0, x)));
}
