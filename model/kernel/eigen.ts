/**
 * Hermitian eigen-solvers, hand-written for small dense matrices (d <= a few hundred).
 *
 * Both reduce the Hermitian matrix to a real symmetric tridiagonal one by Householder
 * reflections (the unitary `Q` with `A = Q D T D^dagger Q^dagger`, `D` a diagonal of phases
 * that makes the complex subdiagonal real) and diagonalise `T` by the implicit QL algorithm
 * with Wilkinson-type shifts (Golub & Van Loan, *Matrix Computations*, 4th ed., §8.3; the
 * EISPACK `htridi` + `tql1`/`tql2` pairs, in the form of Numerical Recipes' `tqli`):
 * - {@link eigvalsh}: eigenvalues only. Used by entropies and validators.
 * - {@link eigh}: eigenvalues and eigenvectors; the QL rotations are applied to the rows of
 *   `(Q D)^T`, whose rows end as the eigenvectors. Used for matrix functions (square roots in
 *   fidelity and POVMs). It replaced a cyclic complex Jacobi solver, 5-25x slower at d = 16..64
 *   (`npm run bench -- --only kernel`). Above d = 16 it first computes the eigenvalues without
 *   vectors and uses them as perfect shifts (see `tql`): 0.78 n^2 rotations of W instead of
 *   1.22 n^2 at d = 64, 8-17 % less CPU time at d = 32..64.
 *
 * ## What was measured and not kept (CPU time per call at d = 16, 32, 64, against main)
 * - Rotating a real matrix Y (`T = Y^T diag Y`) and multiplying `Q D` by it once at the end
 *   (half the arithmetic in the rotations): 0.83-0.91x with row rotations, the complex x real
 *   product costs as much as the rotations save; 0.81-0.86x with LAPACK `dlasr`-style column
 *   sweeps (a register carry along contiguous memory), the carry is a serial dependency chain.
 * - One pass for step k's rank-2 update and step k+1's `p = A v` in the reduction (bit-for-bit
 *   the same results, half the loads of A): 0.94-1.01x; the loops are arithmetic-bound.
 * - On top of the perfect shifts (1.00-1.17x alone): the rotation loop unrolled by two,
 *   0.89-1.03x; split into real and imaginary loops, 0.97-1.08x.
 *
 * ## Edges
 * Only the lower triangle is read. A NaN or infinite entry is a RangeError naming the entry.
 * Matrices whose largest entry is beyond 2^±100 are computed on `A / s` with `s` the power of
 * two nearest below the largest modulus, and the eigenvalues scaled back: the scaling is exact,
 * and without it sums of squares overflow (entries >= 1e154) or every coupling falls below the
 * negligible-magnitude floor (entries around 1e-300). Inside that range nothing is scaled, so
 * results there are bit-for-bit those of the unscaled algorithm.
 *
 * ## Accuracy
 * Absolute: every eigenvalue within 10 eps ||A|| of the nearer of two independent oracles up to
 * d = 16 (10 (d / 16) eps ||A|| above), on nearly singular density matrices with eigenvalues down
 * to 1e-18 (test/kernel/eigen-accuracy.test.ts). Small eigenvalues are not resolved to relative
 * accuracy: on the seed-20041 state, 3.9004e-14 against LAPACK's 3.9137e-14 (1.2 eps ||A||).
 * The QL deflation test is relative to the neighbouring diagonal (with a floor of eps^2 ||T||),
 * and after 30 sweeps at one position also absolute at eps ||T|| (see STUCK_SWEEPS): without
 * that, low-rank d = 64 density matrices stalled and threw "did not converge".
 *
 * Both are cross-checked in the tests against ml-matrix on the real embedding
 * `[[Re, -Im], [Im, Re]]` and against each other; `npm run bench` measures them.
 * @module
 */
import { adjoint, matmul, type CMatrix } from "./matrix.js";
import { eigenWasm } from "./wasm/eigenInstance.js";

/**
 * Dimension from which both solvers run in WebAssembly (`wasm/eigen.as`, the same algorithm
 * with two j per f64x2 on split real and imaginary planes); below it in JavaScript, where the
 * copy in and out is not repaid (see `WASM_FROM` measurements in the module notes).
 */
const WASM_FROM = 3;

/**
 * Eigenvalues of a Hermitian matrix, ascending.
 * Only the lower triangle is read, so a slightly non-Hermitian input gives the eigenvalues of
 * its Hermitian part; validate first where that matters.
 * @throws RangeError if the matrix is not square or has a NaN or infinite entry.
 * @example eigvalsh(matrix([[0, 1], [1, 0]])) // Float64Array [-1, 1]
 */
export function eigvalsh(h: CMatrix): Float64Array {
  const n = h.rows;
  const s = checkedScale("eigvalsh", h);
  if (n === 0) return new Float64Array(0);
  if (n === 1) return Float64Array.of(h.data[0]);
  if (n === 2) return eig2(h);
  if (n >= WASM_FROM) return eigvalshWasm(h, n, s);
  // working copy and off-diagonal in module-level scratch (see `growScratch`); only d is returned
  growScratch(n);
  const a = work;
  loadScaled(a, h.data, s);
  const d = new Float64Array(n);
  const e = offDiag;
  tridiagonalize(a, n, d, e, null);
  tql(d, e, n, null, null, null);
  d.sort();
  if (s !== 1) for (let i = 0; i < n; i++) d[i] *= s;
  releaseLargeScratch(n);
  return d;
}

/**
 * Dimension above which {@link eigh} computes the eigenvalues first and uses them as perfect
 * shifts. CPU time per call against the Wilkinson shifts alone (tests/bench matrices, loaded
 * machine, two runs): d = 4..8 8-12 % slower (the extra O(n^2) pass is not repaid), d = 16
 * even, d = 32 8-10 % and d = 64 16-17 % faster.
 */
const PERFECT_SHIFTS_ABOVE = 16;

/** Eigen-decomposition `h = V diag(values) V^dagger`, values ascending, V unitary (columns). */
export interface EigenDecomposition {
  readonly values: Float64Array;
  readonly vectors: CMatrix;
}

/**
 * Eigenvalues and eigenvectors of a Hermitian matrix (Householder tridiagonalisation and
 * implicit QL with the vectors accumulated, see the module notes). Only the lower triangle is read.
 * @throws RangeError if the matrix is not square or has a NaN or infinite entry.
 * @example eigh(matrix([[2, 0], [0, 1]])).values // Float64Array [1, 2]
 */
export function eigh(h: CMatrix): EigenDecomposition {
  const n = h.rows;
  const s = checkedScale("eigh", h);
  if (n <= 1) return { values: Float64Array.from(h.data.subarray(0, n === 0 ? 0 : 1)), vectors: { rows: n, cols: n, data: n === 0 ? new Float64Array(0) : Float64Array.of(1, 0) } };
  if (n >= WASM_FROM) return eighWasm(h, n, s);
  growScratch(n);
  const a = work;
  loadScaled(a, h.data, s);
  const d = new Float64Array(n), e = offDiag;
  const reflectors = reflectorScratch, beta = betaScratch;
  tridiagonalize(a, n, d, e, { reflectors, beta });
  // rows of W = (Q D)^T, real and imaginary parts apart (the QL rotations mix whole rows), in
  // scratch: only their reordered copy is returned
  const wr = wrScratch, wi = wiScratch;
  wr.fill(0, 0, n * n);
  wi.fill(0, 0, n * n);
  accumulateQD(reflectors, beta, n, wr, wi);
  // above PERFECT_SHIFTS_ABOVE: the eigenvalues first, without vectors (O(n^2)), as shifts for
  // the QL with vectors (see `tql`)
  let shifts: Float64Array | null = null;
  if (n > PERFECT_SHIFTS_ABOVE) {
    shifts = shiftScratch;
    shifts.set(d);
    offDiagCopy.set(e.subarray(0, n));
    tql(shifts, offDiagCopy, n, null, null, null);
  }
  tql(d, e, n, wr, wi, shifts);
  const result = collectEigenpairs(d, wr, wi, n, s);
  releaseLargeScratch(n);
  return result;
}

/** {@link eigvalsh} in WebAssembly (n >= WASM_FROM), on `h / s`. */
function eigvalshWasm(h: CMatrix, n: number, s: number): Float64Array {
  const { wasm, input } = eigenWasm("eigvalsh", n);
  new Float64Array(wasm.memory.buffer, input, 2 * n * n).set(h.data);
  if (wasm.eigvalsh(n, s) !== 0) throw new Error("eigvalsh: QL iteration did not converge");
  const d = new Float64Array(wasm.memory.buffer, wasm.values(), n).slice().sort();
  if (s !== 1) for (let i = 0; i < n; i++) d[i] *= s;
  return d;
}

/** {@link eigh} in WebAssembly (n >= WASM_FROM), on `h / s`: W's rows, reordered, are the columns of V. */
function eighWasm(h: CMatrix, n: number, s: number): EigenDecomposition {
  const { wasm, input } = eigenWasm("eigh", n);
  new Float64Array(wasm.memory.buffer, input, 2 * n * n).set(h.data);
  if (wasm.eigh(n, s, n > PERFECT_SHIFTS_ABOVE ? 1 : 0) !== 0) throw new Error("eigvalsh: QL iteration did not converge");
  const buffer = wasm.memory.buffer;
  const d = new Float64Array(buffer, wasm.values(), n), wr = new Float64Array(buffer, wasm.vectorsReal(), n * n), wi = new Float64Array(buffer, wasm.vectorsImag(), n * n);
  return collectEigenpairs(d, wr, wi, n, s);
}

/** Values ascending (times s) and the matching rows of W as the columns of V. */
function collectEigenpairs(d: Float64Array, wr: Float64Array, wi: Float64Array, n: number, s: number): EigenDecomposition {
  growScratch(n);
  const order = ascendingOrder(d, n);
  const values = new Float64Array(n);
  for (let col = 0; col < n; col++) values[col] = d[order[col]] * s;
  const vectors = new Float64Array(2 * n * n);
  for (let col = 0; col < n; col++) {
    const row = order[col] * n;
    for (let r = 0; r < n; r++) {
      vectors[2 * (r * n + col)] = wr[row + r];
      vectors[2 * (r * n + col) + 1] = wi[row + r];
    }
  }
  return { values, vectors: { rows: n, cols: n, data: vectors } };
}

/**
 * Indices of `d[0..n)` in ascending order of value, ties in index order (the stable order
 * `Array.prototype.sort` gave), by insertion sort into scratch. With W in scratch too, user-mode
 * instructions per eigh call (perf stat, the bench's matrices, against main a26c10b): d = 8
 * 0.146M -> 0.119M, d = 16 0.849M -> 0.820M, d = 32 unchanged (4.82M -> 4.80M): the array,
 * the comparator closure, `Float64Array.from` with a mapping function and two n x n arrays
 * per call were a fifth of the work at d = 8.
 */
function ascendingOrder(d: Float64Array, n: number): Int32Array {
  const order = orderScratch;
  for (let i = 0; i < n; i++) {
    const x = d[i];
    let j = i;
    for (; j > 0 && d[order[j - 1]] > x; j--) order[j] = order[j - 1];
    order[j] = i;
  }
  return order;
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

// ---------------------------------------------------------------- input checks and scaling

/** Largest modulus handled without scaling (2^100 ~ 1.3e30) and smallest (2^-100 ~ 7.9e-31). */
const UNSCALED_MAX = 2 ** 100, UNSCALED_MIN = 2 ** -100;

/**
 * Checks that `h` is square and finite, and returns the power of two `s` the solver divides it
 * by: 1 when the largest modulus is within [2^-100, 2^100] (or the matrix is zero), else the
 * power of two at or just below the largest entry (dividing by it is exact).
 */
function checkedScale(fn: string, h: CMatrix): number {
  if (h.cols !== h.rows) throw new RangeError(`${fn}: matrix is ${h.rows}x${h.cols}, not square`);
  const m = h.data;
  let max = 0;
  for (let k = 0; k < m.length; k++) {
    const x = Math.abs(m[k]);
    if (!(x <= Number.MAX_VALUE)) {
      const entry = k >> 1;
      throw new RangeError(`${fn}: entry (${Math.floor(entry / h.cols)}, ${entry % h.cols}) has ${k % 2 ? "imaginary" : "real"} part ${m[k]}; the matrix must be finite`);
    }
    if (x > max) max = x;
  }
  if (max === 0 || (max >= UNSCALED_MIN && max <= UNSCALED_MAX)) return 1;
  const s = 2 ** Math.floor(Math.log2(max));
  // log2 can round up across a power of two: keep s <= max so that every |a/s| < 2
  return s > max ? s / 2 : s;
}

/** `dst = src / s` (exact: s is a power of two). */
function loadScaled(dst: Float64Array, src: Float64Array, s: number): void {
  dst.set(src);
  if (s !== 1) for (let k = 0; k < src.length; k++) dst[k] /= s;
}

// ---------------------------------------------------------------- scratch

/*
 * Scratch buffers, grown on demand and reused across calls: at d <= 16 the solver spent about
 * a quarter of its time collecting its per-call temporaries. They never escape a call (both
 * solvers return fresh arrays), so eigvalsh and eigh stay pure.
 */
let work = new Float64Array(0);
let offDiag = new Float64Array(0);
let reflectorScratch = new Float64Array(0), betaScratch = new Float64Array(0);
let shiftScratch = new Float64Array(0), offDiagCopy = new Float64Array(0), shiftUsed = new Uint8Array(0);
let vrScratch = new Float64Array(0), viScratch = new Float64Array(0), prScratch = new Float64Array(0), piScratch = new Float64Array(0);
let wrScratch = new Float64Array(0), wiScratch = new Float64Array(0), orderScratch = new Int32Array(0);
/** Scratch is kept between calls up to this dimension (6 n^2 doubles: 3 MiB at 256); a larger call's is dropped when it returns. */
const KEEP_SCRATCH_UP_TO = 256;

function releaseLargeScratch(n: number): void {
  if (n > KEEP_SCRATCH_UP_TO) allocateScratch(0);
}

function growScratch(n: number): void {
  if (offDiag.length < n) allocateScratch(n);
}

function allocateScratch(n: number): void {
  work = new Float64Array(2 * n * n);
  offDiag = new Float64Array(n);
  shiftScratch = new Float64Array(n); offDiagCopy = new Float64Array(n); shiftUsed = new Uint8Array(n);
  reflectorScratch = new Float64Array(2 * n * n);
  betaScratch = new Float64Array(2 * n);
  vrScratch = new Float64Array(n); viScratch = new Float64Array(n); prScratch = new Float64Array(n); piScratch = new Float64Array(n);
  wrScratch = new Float64Array(n * n); wiScratch = new Float64Array(n * n); orderScratch = new Int32Array(n);
}

function eig2(h: CMatrix): Float64Array {
  const a = h.data[0], b = h.data[6];
  const zr = h.data[4], zi = h.data[5]; // lower triangle entry (1, 0)
  const mean = (a + b) / 2, r = Math.hypot((a - b) / 2, zr, zi);
  return Float64Array.of(mean - r, mean + r);
}

// ---------------------------------------------------------------- Householder

/** Magnitudes below this are treated as zero in phase and norm computations (their squares underflow). */
const NEGLIGIBLE = 1e-290;
/** A Householder column whose tail (below its first entry) has squared norm at most this is left as it is. */
const TAIL2_NEGLIGIBLE = 1e-300;

/**
 * What {@link tridiagonalize} records for the eigenvectors: row k of `reflectors` (n complex,
 * interleaved) is the unit Householder vector `v_k` of step k (zero where the step was skipped),
 * and `beta[k]` the complex subdiagonal entry `(k + 1, k)` of the reduced matrix `Q^dagger A Q`.
 */
interface Reflectors {
  readonly reflectors: Float64Array;
  readonly beta: Float64Array;
}

/**
 * Householder reduction of the Hermitian `a` (n x n interleaved) to real tridiagonal (d, e).
 * Only the lower triangle (and the real part of the diagonal) is read and updated: the upper
 * triangle is its conjugate, so `p = A v` takes `A_ji = conj(A_ij)` from the stored `A_ij`, and
 * the rank-2 update touches half the entries. Step k reflects by `H_k = I - 2 v_k v_k^dagger`.
 */
function tridiagonalize(a: Float64Array, n: number, d: Float64Array, e: Float64Array, keep: Reflectors | null): void {
  // locals, not the module bindings: V8 would reload a mutable module variable on every access
  const vr = vrScratch, vi = viScratch, pr = prScratch, pi = piScratch;
  if (keep !== null) keep.reflectors.fill(0, 0, 2 * n * n);
  for (let k = 0; k < n - 2; k++) {
    // x = a[k+1.., k] = (x0, tail). The tail's squared norm is summed on its own, never
    // taken as ||x||^2 - |x0|^2: that difference cancels to 0 when |tail| < sqrt(eps) |x0|,
    // and skipping the step then dropped a tail entry of 1.9e-9 next to x0 = 0.19 (the
    // seed-20041 state: eigenvalues +-1.7e-9 instead of 1e-18 and 3.9e-14)
    let tail2 = 0;
    for (let i = k + 2; i < n; i++) tail2 += a[2 * (i * n + k)] ** 2 + a[2 * (i * n + k) + 1] ** 2;
    const x0r = a[2 * ((k + 1) * n + k)], x0i = a[2 * ((k + 1) * n + k) + 1];
    const x0abs = Math.hypot(x0r, x0i);
    const norm2 = x0abs * x0abs + tail2;
    const norm = Math.sqrt(norm2);
    d[k] = a[2 * (k * n + k)];
    if (norm < NEGLIGIBLE || tail2 <= TAIL2_NEGLIGIBLE) {
      // already tridiagonal in this column (a tail of norm <= 1e-150, far below eps times the
      // smallest unscaled matrix, 2^-100), or the whole column is below NEGLIGIBLE, whose
      // squares underflow: the coupling is |x0|, with an absolute error below NEGLIGIBLE
      e[k] = x0abs;
      if (keep !== null) { keep.beta[2 * k] = x0r; keep.beta[2 * k + 1] = x0i; }
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
    if (keep !== null) {
      keep.beta[2 * k] = -phr * norm;
      keep.beta[2 * k + 1] = -phi * norm;
      const row = 2 * k * n;
      for (let i = k + 1; i < n; i++) { keep.reflectors[row + 2 * i] = vr[i]; keep.reflectors[row + 2 * i + 1] = vi[i]; }
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
  const lr = a[2 * ((n - 1) * n + n - 2)], li = a[2 * ((n - 1) * n + n - 2) + 1];
  d[n - 2] = a[2 * ((n - 2) * n + n - 2)];
  d[n - 1] = a[2 * ((n - 1) * n + n - 1)];
  e[n - 2] = Math.hypot(lr, li);
  e[n - 1] = 0;
  if (keep !== null) { keep.beta[2 * (n - 2)] = lr; keep.beta[2 * (n - 2) + 1] = li; }
}

/**
 * The rows of `W = (Q D)^T` into (wr, wi): `Q = H_0 H_1 ... H_{n-3}` from the recorded
 * reflectors, and `D = diag(delta)` the phases with `conj(delta_{k+1}) beta_k delta_k = |beta_k|`
 * (so `D^dagger (Q^dagger A Q) D` is the real tridiagonal (d, e)). Built as
 * `W <- W H_k^T` for k from the last step down, starting from `W = D`; `H_k` touches
 * entries k+1.. only, so each step works on the trailing (n-k-1)^2 block.
 */
function accumulateQD(reflectors: Float64Array, beta: Float64Array, n: number, wr: Float64Array, wi: Float64Array): void {
  let dr = 1, di = 0;
  wr[0] = 1;
  for (let k = 0; k < n - 1; k++) {
    const br = beta[2 * k], bi = beta[2 * k + 1], babs = Math.hypot(br, bi);
    if (babs >= NEGLIGIBLE) {
      const ur = br / babs, ui = bi / babs;
      [dr, di] = [dr * ur - di * ui, dr * ui + di * ur];
    }
    wr[(k + 1) * n + k + 1] = dr;
    wi[(k + 1) * n + k + 1] = di;
  }
  for (let k = n - 3; k >= 0; k--) {
    const v = 2 * k * n;
    let nonzero = false;
    for (let i = k + 1; i < n && !nonzero; i++) nonzero = reflectors[v + 2 * i] !== 0 || reflectors[v + 2 * i + 1] !== 0;
    if (!nonzero) continue; // a skipped step: H_k = I
    // row j of W is column j of M = Q D: M <- H_k M = M - 2 v (v^dagger M), per column j
    for (let j = k + 1; j < n; j++) {
      const row = j * n;
      let sr = 0, si = 0; // (v^dagger M)_j = sum_i conj(v_i) W[j][i]
      for (let i = k + 1; i < n; i++) {
        const xr = reflectors[v + 2 * i], xi = reflectors[v + 2 * i + 1], mr = wr[row + i], mi = wi[row + i];
        sr += xr * mr + xi * mi;
        si += xr * mi - xi * mr;
      }
      sr *= 2; si *= 2;
      for (let i = k + 1; i < n; i++) {
        const xr = reflectors[v + 2 * i], xi = reflectors[v + 2 * i + 1];
        wr[row + i] -= xr * sr - xi * si;
        wi[row + i] -= xr * si + xi * sr;
      }
    }
  }
}

// ---------------------------------------------------------------- QL

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

/**
 * Sweeps at one l after which a coupling counts as negligible at `eps ||T||` (absolute) rather
 * than only relative to its diagonal neighbours (or below `eps^2 ||T||`). The relative test can
 * be out of reach: on a low-rank d = 64 density matrix the tridiagonal has a block of order 1 at
 * the top coupled (at 1e-13) to a block of rounding noise (1e-17) below, and each sweep through
 * the large block leaves errors of order eps ||T|| at the top, where the coupling to converge is
 * 1e-18 against neighbours of 1e-19: the iteration stalled there and 60 sweeps ended in "did not
 * converge" on 8 of 60 rank-1..6 matrices (test/kernel/eigen-accuracy.test.ts). Dropping a
 * coupling below eps ||T|| moves every eigenvalue by at most that, within the absolute accuracy
 * claimed in the module notes. Until then the test is the relative one, so matrices that
 * converged within STUCK_SWEEPS sweeps at every l get bit-for-bit the results they had before.
 */
const STUCK_SWEEPS = 30;

/**
 * Implicit QL with Wilkinson-type shifts on a real symmetric tridiagonal matrix (e[i] couples
 * i, i+1). With (wr, wi) given, every plane rotation of coordinates (i, i+1) is applied to rows
 * i and i+1 of W as well (the eigenvectors, see {@link eigh}).
 *
 * With `shifts` (the eigenvalues, computed beforehand without vectors) the first two sweeps at
 * each l shift by the not yet deflated eigenvalue nearest to the Wilkinson shift ("perfect
 * shifts"): in exact arithmetic one such sweep deflates it, and in floating point it usually
 * does, about 1.1 sweeps per eigenvalue instead of 2.2, which halves the rotations applied to
 * W, the bulk of {@link eigh}'s cost. When it does not (the sweep is forward unstable when the
 * eigenvector's entry at l is tiny), the Wilkinson shifts take over. Every sweep is a sequence of
 * plane rotations either way, and the deflation test is the same: accuracy does not depend on
 * the shifts, only the number of sweeps does.
 */
function tql(d: Float64Array, e: Float64Array, n: number, wr: Float64Array | null, wi: Float64Array | null, shifts: Float64Array | null): void {
  const used = shiftUsed;
  if (shifts !== null) used.fill(0, 0, n);
  // couplings below eps^2 of the matrix scale are negligible: without this floor a block of
  // exact zeros next to subnormal couplings never deflates and the iteration cannot converge
  let anorm = 0;
  for (let i = 0; i < n; i++) anorm = Math.max(anorm, Math.abs(d[i]) + Math.abs(e[i]));
  const relativeFloor = Math.max(Number.MIN_VALUE, anorm * Number.EPSILON * Number.EPSILON);
  // after STUCK_SWEEPS sweeps at one l, couplings at the rounding level of the whole matrix are
  // negligible too (see STUCK_SWEEPS)
  const absoluteFloor = Math.max(relativeFloor, anorm * Number.EPSILON);
  for (let l = 0; l < n; l++) {
    let iter = 0;
    let m: number;
    do {
      const floor = iter < STUCK_SWEEPS ? relativeFloor : absoluteFloor;
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(d[m]) + Math.abs(d[m + 1]);
        if (Math.abs(e[m]) <= Number.EPSILON * dd || Math.abs(e[m]) <= floor) break;
      }
      if (m !== l) {
        if (iter++ === 60) throw new Error("eigvalsh: QL iteration did not converge");
        let g = (d[l + 1] - d[l]) / (2 * e[l]);
        let r = pythag(g, 1);
        const wilkinson = e[l] / (g + (g >= 0 ? r : -r));
        g = shifts !== null && iter <= 2 ? d[m] - shifts[nearestUnused(shifts, used, n, d[l] - wilkinson)] : d[m] - d[l] + wilkinson;
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
          if (wr !== null && wi !== null) rotateRows(wr, wi, n, i, s, c);
          f = 0;
        }
        if (r === 0 && i >= l) continue;
        d[l] -= p;
        e[l] = g;
        e[m] = 0;
      }
    } while (m !== l);
    if (shifts !== null) used[nearestUnused(shifts, used, n, d[l])] = 1;
  }
}

/** Index of the entry of `values` nearest to `x` among those not marked in `used` (n > 0 unmarked). */
function nearestUnused(values: Float64Array, used: Uint8Array, n: number, x: number): number {
  let best = -1, bestDistance = Infinity;
  for (let j = 0; j < n; j++) {
    const distance = Math.abs(values[j] - x);
    if (used[j] === 0 && distance < bestDistance) { best = j; bestDistance = distance; }
  }
  return best;
}

/** Rows (i, i+1) of (wr, wi) <- (c row_i - s row_{i+1}, s row_i + c row_{i+1}). */
function rotateRows(wr: Float64Array, wi: Float64Array, n: number, i: number, s: number, c: number): void {
  const p = i * n, q = p + n;
  for (let k = 0; k < n; k++) {
    const xr = wr[p + k], yr = wr[q + k], xi = wi[p + k], yi = wi[q + k];
    wr[q + k] = s * xr + c * yr;
    wr[p + k] = c * xr - s * yr;
    wi[q + k] = s * xi + c * yi;
    wi[p + k] = c * xi - s * yi;
  }
}
