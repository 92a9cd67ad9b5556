/**
 * Hermitian eigen-solvers for small dense matrices (d <= a few hundred), computed in
 * WebAssembly (`wasm/eigen.as`, loaded by `wasm/eigenInstance.ts`).
 *
 * Both reduce the Hermitian matrix to a real symmetric tridiagonal one by Householder
 * reflections (the unitary `Q` with `A = Q D T D^dagger Q^dagger`, `D` a diagonal of phases
 * that makes the complex subdiagonal real) and diagonalise `T` by the implicit QL algorithm
 * with Wilkinson-type shifts (Golub & Van Loan, *Matrix Computations*, 4th ed., §8.3; the
 * EISPACK `htridi` + `tql1`/`tql2` pairs, in the form of Numerical Recipes' `tqli`):
 * - {@link eigvalsh}: eigenvalues only, by the root-free variant of QL (Pal, Walker and Kahan;
 *   LAPACK `dsterf`, what numpy's eigvalsh runs), the same shifts and deflation tests on the
 *   squared couplings. Used by entropies and validators.
 * - {@link eigh}: eigenvalues and eigenvectors; the QL rotations are applied to the rows of
 *   `(Q D)^T`, whose rows end as the eigenvectors. Used for matrix functions (square roots in
 *   fidelity and POVMs). It replaced a cyclic complex Jacobi solver, 5-25x slower at d = 16..64.
 *   Above d = 16 it first computes the eigenvalues as eigvalsh does and uses them as perfect
 *   shifts (see `tql` in eigen.as).
 *
 * ## Why WebAssembly
 * The same algorithm in JavaScript (this file up to b8be21a) ran at 0.40-0.70 of single-threaded
 * numpy at d = 32 and 64 after two rounds of tuning: ~25 n^3 scalar flops with bounds checks
 * against LAPACK's vectorised ~15 n^3. In WebAssembly the matrix is held as two planes (real,
 * imaginary) and every O(n^3) loop works on two doubles per f64x2 instruction. Against that
 * JavaScript (b8be21a), the same calls through this module: user-mode instructions per call
 * (perf stat, load 9) eigvalsh d = 32 1.54M -> 0.54M, d = 64 10.5M -> 2.9M; eigh d = 32
 * 4.9M -> 1.5M, d = 64 35.4M -> 9.2M; CPU time per call, same process, interleaved (load 8):
 * eigvalsh 1.05x at d = 3, 1.3-2.3x at d = 4..16, 3.1x at 32, 3.8x at 64; eigh 1.2x at d = 3,
 * 1.6-3.2x at d = 4..16, 3.3x at 32, 5.3x at 64. So every d >= 3 (eigh: d >= 2) runs there, and
 * there is one implementation. Plain IEEE f64 operations only (no relaxed-simd, no fused
 * multiply-add): the same input gives byte-identical output on every engine and in every thread.
 *
 * ## The row layout of W (kernel5)
 * A QL rotation is the same real rotation on the real and the imaginary parts of two rows of W,
 * so the layout of a row does not matter to it: rows of W hold their entries in pairs (two real
 * parts, then their two imaginary parts, one f64x2 each; see `wRow` in eigen.as). A rotation is
 * then one run over two rows at two addresses, four f64x2 per iteration at immediate offsets,
 * where the two planes needed four addresses and a scalar tail for odd d; building W from the
 * reflectors reads and writes a row and v at one address each. The reduction's loops do two f64x2
 * per iteration the same way; the largest modulus (input check), the sort of the eigenvalues and
 * the transpose of W into columns moved into the instance (they were 7 % of a call's instructions
 * in JavaScript). User-mode instructions per eigh call through this module (perf stat, start-up
 * subtracted, the bench's matrices), main a6bfaed -> now: d = 8 0.093M -> 0.075M, d = 16 0.327M ->
 * 0.261M, d = 32 1.577M -> 1.271M, d = 64 9.31M -> 7.58M; CPU time per call, both builds in one
 * process, 41 interleaved rounds (load 4.5-6): d = 8 1.02x, 16 1.03x, 32 1.04x, 64 1.075x faster
 * (the loops are not only instruction-bound: fewer instructions gave less time than their share).
 * Every change but the pairs in building W gives byte-identical output; that one sums in another
 * order (accuracy as before, test/kernel/eigen-accuracy.test.ts).
 *
 * ## What was measured and not kept (in JavaScript, CPU time per call at d = 16, 32, 64)
 * - Rotating a real matrix Y (`T = Y^T diag Y`) and multiplying `Q D` by it once at the end
 *   (half the arithmetic in the rotations): 0.83-0.91x with row rotations, the complex x real
 *   product costs as much as the rotations save; 0.81-0.86x with LAPACK `dlasr`-style column
 *   sweeps (a register carry along contiguous memory), the carry is a serial dependency chain.
 * - One pass for step k's rank-2 update and step k+1's `p = A v` in the reduction (bit-for-bit
 *   the same results, half the loads of A): 0.94-1.01x; the loops are arithmetic-bound.
 * - On top of the perfect shifts (1.00-1.17x alone): the rotation loop unrolled by two,
 *   0.89-1.03x; split into real and imaginary loops, 0.97-1.08x.
 * - In WebAssembly: each QL sweep's rotations applied after it, column by column with the
 *   running row in registers (`dlasr` order, four f64x2 chains): bit-for-bit the same, 9.0M ->
 *   8.5M instructions per eigh at d = 64, no CPU-time difference in three interleaved runs
 *   (load 7-10). Perfect shifts for the first 1, 2, 3 or all sweeps at each l: 0.78 n^2
 *   rotations at d = 32 and 64 in every case (10 matrices each).
 * - In WebAssembly, d = 64, before the pair layout (kernel5; CPU time, both modules in one
 *   process, 61 interleaved rounds, and cycles by perf stat; load 5-9): a sweep's rotations applied
 *   after it, two at a time with the shared row in a register: 0.92-0.95x (four at a time: more
 *   cycles by perf stat); each rotation applied one step late, during the next step's scalar
 *   work: 0.93-0.97x; rotations on a real Z from the identity (half the arithmetic) and W = Z W
 *   at the end by a 4x4-tiled product: 1.01-1.04x in CPU time, even in cycles, +2 % instructions
 *   (the product is 14 % of the call's instructions); the same with Z's rows restricted to the
 *   columns where they can be nonzero: 0.94-1.05x, no consistent difference; two rows of W per
 *   reflector pass (more chains in flight): even; the planes skewed by 320 bytes against 4K
 *   aliasing: even; the two-plane rotation unrolled by two: 0.98x, more instructions.
 * - After the pair layout: the perfect-shift pre-pass (a serial chain of divisions) run a step at
 *   a time between the rows of building W, its state in globals, so that its latency overlaps
 *   that loop: byte-identical, 7.57M -> 7.83M instructions per call at d = 64, 0.98x CPU time.
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
 * accuracy: on the seed-20041 state, eigvalsh gives 3.9191e-14 and -8.3e-22, eigh 3.9004e-14 and
 * 1.4894e-18, against LAPACK's 3.9137e-14 and 1.485e-18 (test/search/search.test.ts holds
 * eigvalsh's to 10 eps ||A||).
 * The QL deflation test is relative to the neighbouring diagonal (with a floor of eps^2 ||T||),
 * and after 30 sweeps at one position also absolute at eps ||T|| (see STUCK_SWEEPS in
 * eigen.as): without that, low-rank d = 64 density matrices stalled and threw "did not converge".
 *
 * Both are cross-checked in the tests against ml-matrix on the real embedding
 * `[[Re, -Im], [Im, Re]]`, against the Jacobi solver of `jacobi.ts` and against each other;
 * `npm run bench` measures them.
 * @module
 */
import { adjoint, matmul, type CMatrix } from "./matrix.js";
import { eigenWasm, type EigenWasm } from "./wasm/eigenInstance.js";
import { freshFloat64 } from "./internal/carve.js";

/**
 * Eigenvalues of a Hermitian matrix, ascending.
 * Only the lower triangle is read, so a slightly non-Hermitian input gives the eigenvalues of
 * its Hermitian part; validate first where that matters.
 * @throws RangeError if the matrix is not square or has a NaN or infinite entry.
 * @example eigvalsh(matrix([[0, 1], [1, 0]])) // Float64Array [-1, 1]
 */
export function eigvalsh(h: CMatrix): Float64Array {
  const n = h.rows;
  checkShape("eigvalsh", h);
  if (n <= 2) {
    const s = scaleFor("eigvalsh", h, maxAbs(h.data));
    if (n === 2) return eig2(h, s);
    return n === 0 ? new Float64Array(0) : Float64Array.of(h.data[0]);
  }
  const { wasm, scale } = inWasm("eigvalsh", h, (w, s) => w.eigvalsh(n, s));
  const d = new Float64Array(wasm.memory.buffer, wasm.values(), n).slice().sort();
  if (scale !== 1) for (let i = 0; i < n; i++) d[i] *= scale;
  return d;
}

/**
 * Dimension above which {@link eigh} computes the eigenvalues first and uses them as perfect
 * shifts. CPU time per call against the Wilkinson shifts alone, in JavaScript (tests/bench
 * matrices, loaded machine, two runs): d = 4..8 8-12 % slower (the extra O(n^2) pass is not
 * repaid), d = 16 even, d = 32 8-10 % and d = 64 16-17 % faster; in WebAssembly, where the
 * rotations are cheaper against the scalar QL, d = 32 and 64 2-4 % faster (load 6), before the
 * eigenvalues came from the root-free QL (a quarter cheaper, see `tqlRootFree` in eigen.as).
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
  checkShape("eigh", h);
  if (n <= 1) {
    scaleFor("eigh", h, maxAbs(h.data));
    return { values: Float64Array.from(h.data.subarray(0, n === 0 ? 0 : 1)), vectors: { rows: n, cols: n, data: n === 0 ? new Float64Array(0) : Float64Array.of(1, 0) } };
  }
  const { wasm, scale } = inWasm("eigh", h, (w, s) => w.eigh(n, s, n > PERFECT_SHIFTS_ABOVE ? 1 : 0));
  // the values in ascending order and the vectors as columns, sorted and transposed in wasm
  wasm.collect(n);
  const buffer = wasm.memory.buffer;
  const values = copied(new Float64Array(buffer, wasm.sortedValues(), n));
  if (scale !== 1) for (let i = 0; i < n; i++) values[i] *= scale;
  return { values, vectors: { rows: n, cols: n, data: copied(new Float64Array(buffer, wasm.sortedVectors(), 2 * n * n)) } };
}

/** A fresh array (internal/carve.ts) holding `view`'s doubles, read out of the module's memory before the next call overwrites it. */
function copied(view: Float64Array): Float64Array {
  const out = freshFloat64(view.length);
  out.set(view);
  return out;
}

/**
 * Copies `h` into a WebAssembly instance laid out for it, checks it (finite; its scale, see
 * {@link scaleFor}: the largest modulus found by the instance's f64x2 loop, a JavaScript loop was
 * 3 % of an eigh call's instructions at d = 64) and runs `solve` there (0: converged).
 * @throws RangeError naming an entry that is NaN or infinite.
 * @throws Error when the QL iteration did not converge (60 sweeps at one position).
 */
function inWasm(fn: string, h: CMatrix, solve: (wasm: EigenWasm, scale: number) => number): { wasm: EigenWasm; scale: number } {
  const n = h.rows;
  const { wasm, input } = eigenWasm(fn, n);
  new Float64Array(wasm.memory.buffer, input, 2 * n * n).set(h.data);
  const scale = scaleFor(fn, h, wasm.maxAbs(n));
  if (solve(wasm, scale) !== 0) throw new Error(`${fn}: QL iteration did not converge`);
  return { wasm, scale };
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

/** Checks that `h` is square and holds its 2 rows cols numbers. */
function checkShape(fn: string, h: CMatrix): void {
  if (h.cols !== h.rows) throw new RangeError(`${fn}: matrix is ${h.rows}x${h.cols}, not square`);
  if (h.data.length !== 2 * h.rows * h.cols) throw new RangeError(`${fn}: data holds ${h.data.length} numbers; a ${h.rows}x${h.cols} complex matrix has ${2 * h.rows * h.cols}`);
}

/** Largest |x| over `data`; NaN if one is NaN (as the instance's `maxAbs`). */
function maxAbs(data: Float64Array): number {
  let max = 0;
  for (let k = 0; k < data.length; k++) {
    const x = Math.abs(data[k]);
    if (x > max) max = x;
    else if (x !== x) return NaN;
  }
  return max;
}

/**
 * The power of two `s` the solver divides `h` by, from its largest modulus `max`: 1 when `max`
 * is within [2^-100, 2^100] (or 0), else the power of two at or just below it (dividing by it is
 * exact). A NaN or infinite `max` is an error naming the first such entry.
 */
function scaleFor(fn: string, h: CMatrix, max: number): number {
  if (!(max <= Number.MAX_VALUE)) {
    const m = h.data;
    const k = m.findIndex((x) => !(Math.abs(x) <= Number.MAX_VALUE));
    const entry = k >> 1;
    throw new RangeError(`${fn}: entry (${Math.floor(entry / h.cols)}, ${entry % h.cols}) has ${k % 2 ? "imaginary" : "real"} part ${m[k]}; the matrix must be finite`);
  }
  if (max === 0 || (max >= UNSCALED_MIN && max <= UNSCALED_MAX)) return 1;
  const s = 2 ** Math.floor(Math.log2(max));
  // log2 can round up across a power of two: keep s <= max so that every |a/s| < 2
  return s > max ? s / 2 : s;
}

/** The two eigenvalues in closed form, on the entries divided by `s` (a power of two, see {@link scaleFor}: near the overflow, a + b would be infinite). */
function eig2(h: CMatrix, s: number): Float64Array {
  const a = h.data[0] / s, b = h.data[6] / s;
  const zr = h.data[4] / s, zi = h.data[5] / s; // lower triangle entry (1, 0)
  const mean = (a + b) / 2, r = Math.hypot((a - b) / 2, zr, zi);
  return Float64Array.of((mean - r) * s, (mean + r) * s);
}
