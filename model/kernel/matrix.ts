/**
 * Dense complex matrices on interleaved `Float64Array` storage: element (i, j) of an
 * r x c matrix has its real part at `data[2 * (i * c + j)]` and imaginary part right after.
 *
 * Every function returns a new matrix; none mutates its arguments.
 * @module
 */
import { ATOL, type Tolerance } from "./tolerances.js";
import { freshFloat64 } from "./internal/carve.js";

/** A dense complex matrix, row-major, interleaved (re, im). */
export interface CMatrix {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** A complex number as `[re, im]`. */
export type Complex = readonly [number, number];

/** An entry given to {@link matrix}: a real number or `[re, im]`. */
export type Entry = number | Complex;

/** The r x c zero matrix. */
export function zeros(rows: number, cols: number = rows): CMatrix {
  if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0) {
    throw new RangeError(`zeros: size must be non-negative integers, got ${rows} x ${cols}`);
  }
  return { rows, cols, data: freshFloat64(2 * rows * cols) };
}

/** The d x d identity. */
export function identity(d: number): CMatrix {
  const m = zeros(d, d);
  for (let i = 0; i < d; i++) m.data[2 * (i * d + i)] = 1;
  return m;
}

/**
 * A matrix from rows of entries (real numbers or `[re, im]` pairs).
 * @example matrix([[0, 1], [1, 0]]) // Pauli X
 */
export function matrix(rows: readonly (readonly Entry[])[]): CMatrix {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0].length;
  const m = zeros(r, c);
  rows.forEach((row, i) => {
    if (row.length !== c) throw new RangeError(`matrix: row ${i} has ${row.length} entries, expected ${c}`);
    row.forEach((e, j) => {
      const [re, im] = typeof e === "number" ? [e, 0] : e;
      m.data[2 * (i * c + j)] = re;
      m.data[2 * (i * c + j) + 1] = im;
    });
  });
  return m;
}

/** Entry (i, j) as `[re, im]`. */
export function get(m: CMatrix, i: number, j: number): Complex {
  const k = 2 * (i * m.cols + j);
  return [m.data[k], m.data[k + 1]];
}

/** A column vector (d x 1) from amplitudes. */
export function column(amplitudes: readonly Entry[]): CMatrix {
  return matrix(amplitudes.map((a) => [a]));
}

/** Matrix product `a b`. */
export function matmul(a: CMatrix, b: CMatrix): CMatrix {
  if (a.cols !== b.rows) throw new RangeError(`matmul: shapes ${a.rows}x${a.cols} and ${b.rows}x${b.cols} do not chain`);
  const n = a.rows, k = a.cols, m = b.cols;
  const out = freshFloat64(2 * n * m);
  const A = a.data, B = b.data;
  for (let i = 0; i < n; i++) {
    const oi = 2 * i * m;
    for (let p = 0; p < k; p++) {
      const ar = A[2 * (i * k + p)], ai = A[2 * (i * k + p) + 1];
      if (ar === 0 && ai === 0) continue;
      const bp = 2 * p * m;
      for (let j = 0; j < m; j++) {
        const br = B[bp + 2 * j], bi = B[bp + 2 * j + 1];
        out[oi + 2 * j] += ar * br - ai * bi;
        out[oi + 2 * j + 1] += ar * bi + ai * br;
      }
    }
  }
  return { rows: n, cols: m, data: out };
}

/** Conjugate transpose `m^dagger`. */
export function adjoint(m: CMatrix): CMatrix {
  const out = freshFloat64(m.data.length);
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) {
      const s = 2 * (i * m.cols + j), t = 2 * (j * m.rows + i);
      out[t] = m.data[s];
      out[t + 1] = -m.data[s + 1];
    }
  }
  return { rows: m.cols, cols: m.rows, data: out };
}

/** Kronecker (tensor) product `a (x) b`; `a` is the left, more significant factor. */
export function kron(a: CMatrix, b: CMatrix): CMatrix {
  const rows = a.rows * b.rows, cols = a.cols * b.cols;
  const out = freshFloat64(2 * rows * cols);
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      const ar = a.data[2 * (i * a.cols + j)], ai = a.data[2 * (i * a.cols + j) + 1];
      if (ar === 0 && ai === 0) continue;
      for (let k = 0; k < b.rows; k++) {
        const row = i * b.rows + k;
        for (let l = 0; l < b.cols; l++) {
          const br = b.data[2 * (k * b.cols + l)], bi = b.data[2 * (k * b.cols + l) + 1];
          const t = 2 * (row * cols + j * b.cols + l);
          out[t] = ar * br - ai * bi;
          out[t + 1] = ar * bi + ai * br;
        }
      }
    }
  }
  return { rows, cols, data: out };
}

/** `sum_k c_k m_k` for real or complex coefficients; all matrices of one shape. */
export function combine(terms: readonly (readonly [Entry, CMatrix])[]): CMatrix {
  if (terms.length === 0) throw new RangeError("combine: no terms");
  const { rows, cols } = terms[0][1];
  const out = freshFloat64(2 * rows * cols);
  for (const [c, m] of terms) {
    if (m.rows !== rows || m.cols !== cols) throw new RangeError(`combine: shapes ${rows}x${cols} vs ${m.rows}x${m.cols}`);
    const [cr, ci] = typeof c === "number" ? [c, 0] : c;
    const d = m.data;
    for (let k = 0; k < out.length; k += 2) {
      out[k] += cr * d[k] - ci * d[k + 1];
      out[k + 1] += cr * d[k + 1] + ci * d[k];
    }
  }
  return { rows, cols, data: out };
}

/** `a + b`. */
export function add(a: CMatrix, b: CMatrix): CMatrix {
  return combine([[1, a], [1, b]]);
}

/** `a - b`. */
export function sub(a: CMatrix, b: CMatrix): CMatrix {
  return combine([[1, a], [-1, b]]);
}

/** `c m` for a real or complex scalar c. */
export function scale(m: CMatrix, c: Entry): CMatrix {
  return combine([[c, m]]);
}

/** Trace as `[re, im]`. */
export function trace(m: CMatrix): Complex {
  if (m.rows !== m.cols) throw new RangeError(`trace: matrix is ${m.rows}x${m.cols}, not square`);
  let re = 0, im = 0;
  for (let i = 0; i < m.rows; i++) {
    re += m.data[2 * (i * m.cols + i)];
    im += m.data[2 * (i * m.cols + i) + 1];
  }
  return [re, im];
}

/** Largest entrywise modulus of `a - b` (shapes must match). */
export function maxAbsDiff(a: CMatrix, b: CMatrix): number {
  if (a.rows !== b.rows || a.cols !== b.cols) throw new RangeError(`maxAbsDiff: shapes ${a.rows}x${a.cols} vs ${b.rows}x${b.cols}`);
  let worst = 0;
  for (let k = 0; k < a.data.length; k += 2) {
    const dr = a.data[k] - b.data[k], di = a.data[k + 1] - b.data[k + 1];
    worst = Math.max(worst, Math.hypot(dr, di));
  }
  return worst;
}

/** Entrywise equality within `atol` (default {@link ATOL}). */
export function approxEqual(a: CMatrix, b: CMatrix, tol: Tolerance = {}): boolean {
  return a.rows === b.rows && a.cols === b.cols && maxAbsDiff(a, b) <= (tol.atol ?? ATOL);
}

/** Largest deviation from Hermiticity, `max |m_ij - conj(m_ji)|`. */
export function hermiticityError(m: CMatrix): number {
  if (m.rows !== m.cols) return Infinity;
  let worst = 0;
  const d = m.rows;
  for (let i = 0; i < d; i++) {
    for (let j = i; j < d; j++) {
      const a = 2 * (i * d + j), b = 2 * (j * d + i);
      worst = Math.max(worst, Math.hypot(m.data[a] - m.data[b], m.data[a + 1] + m.data[b + 1]));
    }
  }
  return worst;
}

/** Largest deviation of `u^dagger u` from the identity. */
export function unitarityError(u: CMatrix): number {
  if (u.rows !== u.cols) return Infinity;
  // maxAbsDiff(matmul(adjoint(u), u), identity(n)) without its three temporary matrices (every
  // gate application runs this check): the same sums in the same order, zero entries of
  // u^dagger skipped as matmul skips them, the same max over entries in row-major order
  const n = u.rows, U = u.data;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let sr = 0, si = 0;
      for (let p = 0; p < n; p++) {
        const ar = U[2 * (p * n + i)], ai = -U[2 * (p * n + i) + 1]; // (u^dagger)[i, p]
        if (ar === 0 && ai === 0) continue;
        const br = U[2 * (p * n + j)], bi = U[2 * (p * n + j) + 1];
        sr += ar * br - ai * bi;
        si += ar * bi + ai * br;
      }
      worst = Math.max(worst, Math.hypot(sr - (i === j ? 1 : 0), si - 0));
    }
  }
  return worst;
}

/** Whether `u` is unitary within `atol`. */
export function isUnitary(u: CMatrix, tol: Tolerance = {}): boolean {
  return unitarityError(u) <= (tol.atol ?? ATOL) * Math.max(1, u.rows);
}

/** Whether any entry is NaN or infinite. */
export function hasNonFinite(m: CMatrix): boolean {
  for (let k = 0; k < m.data.length; k++) if (!Number.isFinite(m.data[k])) return true;
  return false;
}
