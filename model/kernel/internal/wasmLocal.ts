/**
 * 1- and 2-qubit operations on a density matrix through the WebAssembly kernels of
 * `../wasm/local.as` (f64x2 complex arithmetic). Internal to the kernel; local.ts decides when
 * they run (1-qubit channels and dense complex 2x2 and 4x4 gates on matrices of at least
 * {@link WASM_MIN_DIM} rows).
 *
 * ## Why WebAssembly, and why in chunks
 * The JavaScript loops of local.ts spend most of their instructions on typed-array bounds
 * checks and scalar arithmetic (gate2 n = 9: about 160 user instructions per complex entry),
 * where numpy's BLAS runs SIMD. WebAssembly has f64x2 and no per-access checks, but reads only
 * its own memory: M must be copied in and the result out. Copying all of M in, working, and
 * copying all out would move M through main memory three times at n >= 10 (M is 16-256 MiB);
 * so M goes through in chunks ({@link CHUNK_BYTES}; row groups, split into ranges when larger): each chunk is copied
 * in (`TypedArray.set`, a memcpy), transformed in place while it is in the level-2 cache, and
 * copied out into the fresh output. Main memory then sees one read of M and one write of the
 * result, as for the one-pass JavaScript loops, and the instance's memory stays one chunk.
 *
 * The result is a new array; M is only read: the API stays pure.
 */
import { CHUNK_BYTES, localLayout, type LocalWasm } from "../wasm/localInstance.js";
import { productOf, uninitializedFloat64 } from "./dims.js";

/**
 * Matrices with fewer rows than this stay on the JavaScript paths. At 64 rows (6 qubits) gate2
 * ran 1.47x and kraus1 4.1x faster this way (CPU time, both builds interleaved in one process,
 * load 6-10); smaller sizes were not measured (the JavaScript paths are 3-15x numpy there).
 */
export const WASM_MIN_DIM = 64;

/**
 * Writes `count` (default 16) complex coefficients (row-major, interleaved) as f64x2 pairs
 * `[cr, cr]`, `[-ci, ci]` from pair `first` on; with `conjugate`, those of their complex conjugates.
 */
function writeCoefficients(wasm: LocalWasm, c: Float64Array, first: number, conjugate: boolean, count = 16): void {
  const view = new Float64Array(wasm.memory.buffer, wasm.coefficientsAt() + 32 * first, 4 * count);
  for (let k = 0; k < count; k++) {
    const re = c[2 * k], im = conjugate ? -c[2 * k + 1] : c[2 * k + 1];
    view[4 * k] = re; view[4 * k + 1] = re; view[4 * k + 2] = -im; view[4 * k + 3] = im;
  }
}

/**
 * Runs `kernel` over M in chunks: each chunk is `starts.length` runs of `runRows` rows (run k
 * starting at row `starts[k]`), placed one after another in the instance's memory, transformed
 * in place by `kernel`, and copied to the same rows of `out`. Returns false if `kernel` did.
 */
function throughWasm(
  wasm: LocalWasm, data: number, src: Float64Array, out: Float64Array, rowLen: number,
  starts: readonly number[], runRows: number, kernel: () => boolean,
): boolean {
  const runLen = runRows * rowLen;
  const view = new Float64Array(wasm.memory.buffer, data, starts.length * runLen);
  for (let k = 0; k < starts.length; k++) view.set(src.subarray(starts[k] * rowLen, starts[k] * rowLen + runLen), k * runLen);
  if (!kernel()) return false;
  for (let k = 0; k < starts.length; k++) out.set(view.subarray(k * runLen, (k + 1) * runLen), starts[k] * rowLen);
  return true;
}

/** The thread's instance laid out for `rows` rows of `rowLen` doubles, and where the rows go. */
function laidOut(rows: number, rowLen: number): { readonly wasm: LocalWasm; readonly data: number } {
  const { wasm, at } = localLayout(rows * rowLen);
  if (at === 0) throw new RangeError(`kernel: no WebAssembly memory could hold ${rows} rows of ${rowLen / 2} entries`);
  return { wasm, data: at };
}

/** Rows per chunk: a multiple of `unit` (the rows one kernel call needs at least), as many as fit in CHUNK_BYTES. */
function chunkRows(rowLen: number, unit: number, chunkBytes: number): number {
  return Math.max(unit, unit * Math.floor(chunkBytes / (8 * rowLen * unit)));
}

/**
 * `vec(Y) = S vec(X)` on every 2x2 block X of the square M over its qubit `q` (`dims` the
 * subsystem dims, S 4x4 complex, row-major `S[2i + j, 2k + l]`): a unitary's `U (x) conj(U)`
 * or a 1-qubit channel's `sum_k K_k (x) conj(K_k)`. `null` if M has a non-finite entry, or a sum
 * of finite entries overflows (the callers' JavaScript paths then keep their own handling of NaN
 * and infinities, as main's channel2Blocks did). `chunkBytes`
 * (tests) sets the chunk size.
 */
export function superoperator2(src: Float64Array, D: number, dims: readonly number[], q: number, S: Float64Array, chunkBytes = CHUNK_BYTES): Float64Array | null {
  return through2x2Blocks(src, D, dims, q, chunkBytes, (wasm) => writeCoefficients(wasm, S, 0, false), (wasm, a, b, len, ca, cb) => Number.isFinite(wasm.super2(a, b, len, ca, cb)));
}

/**
 * `A X A^dagger` on every 2x2 block X of the square M over its qubit `q`, A 2x2 complex
 * (interleaved, row-major): `(A (x) I) M (A (x) I)^dagger` with the expressions of local.ts's
 * `conjugate2Blocks`, bit for bit for finite M (NaN bits may differ when M holds a NaN; `conj2` in local.as). `chunkBytes` (tests) sets the chunk size.
 * Measurements: local.ts's module notes.
 */
export function conjugate2(src: Float64Array, D: number, dims: readonly number[], q: number, A: Float64Array, chunkBytes = CHUNK_BYTES): Float64Array {
  return through2x2Blocks(src, D, dims, q, chunkBytes, (wasm) => writeConjugate2Coefficients(wasm, A), (wasm, a, b, len, ca, cb) => (wasm.conj2(a, b, len, ca, cb), true))!;
}

/**
 * `conj2`'s coefficients for the 2x2 A: pairs 0..3 A's entries (as {@link writeCoefficients}),
 * then from pair 4 per output column c the vectors `[ac0r, ac0r]`, `[ac0i, -ac0i]`,
 * `[ac1r, -ac1i]`, `[ac1i, ac1r]` (the right product `T A^dagger`, see local.as).
 */
function writeConjugate2Coefficients(wasm: LocalWasm, A: Float64Array): void {
  writeCoefficients(wasm, A, 0, false, 4);
  const view = new Float64Array(wasm.memory.buffer, wasm.coefficientsAt(), 32);
  for (let c = 0; c < 2; c++) {
    const r0 = A[4 * c], i0 = A[4 * c + 1], r1 = A[4 * c + 2], i1 = A[4 * c + 3], o = 16 + 8 * c;
    view[o] = r0; view[o + 1] = r0; view[o + 2] = i0; view[o + 3] = -i0;
    view[o + 4] = r1; view[o + 5] = -i1; view[o + 6] = i1; view[o + 7] = r1;
  }
}

/**
 * Runs a 2x2-block kernel of local.as (`super2`, `conj2`: arguments `(a, b, len, ca, cb)`, see
 * there) over M in chunks into a fresh output, on the instance laid out for the chunk after
 * `prepare` wrote its coefficients there; `null` if `kernel` returned false on a chunk.
 */
function through2x2Blocks(
  src: Float64Array, D: number, dims: readonly number[], q: number, chunkBytes: number,
  prepare: (wasm: LocalWasm) => void,
  kernel: (wasm: LocalWasm, a: number, b: number, len: number, ca: number, cb: number) => boolean,
): Float64Array | null {
  const a = productOf(dims, 0, q), b = productOf(dims, q + 1, dims.length), rowLen = 2 * D;
  const group = 2 * b; // the rows (x, 0, y), (x, 1, y) of one x, contiguous
  const budget = chunkRows(rowLen, 2, chunkBytes);
  const perChunk = group <= budget ? group * Math.min(a, Math.floor(budget / group)) : budget;
  const { wasm, data } = laidOut(perChunk, rowLen);
  prepare(wasm);
  const out = uninitializedFloat64(src.length);
  if (group <= budget) {
    const xs = perChunk / group;
    for (let x = 0; x < a; x += xs) {
      const n = Math.min(xs, a - x);
      if (!throughWasm(wasm, data, src, out, rowLen, [x * group], n * group, () => kernel(wasm, n, b, D, a, b))) return null;
    }
    return out;
  }
  const ys = perChunk / 2;
  for (let x = 0; x < a; x++) {
    for (let y = 0; y < b; y += ys) {
      const n = Math.min(ys, b - y), first = x * group + y;
      if (!throughWasm(wasm, data, src, out, rowLen, [first, first + b], n, () => kernel(wasm, 1, n, D, a, b))) return null;
    }
  }
  return out;
}

/**
 * `(U (x) I) M (U (x) I)^dagger` for a 4x4 U on the qubits `[p, q]` (either order) of the square
 * M (U's index `2 t_p + t_q`). The expressions of local.ts's 4x4 path, bit for bit.
 */
export function conjugate4(src: Float64Array, D: number, dims: readonly number[], p: number, q: number, U: Float64Array, chunkBytes = CHUNK_BYTES): Float64Array {
  const q1 = Math.min(p, q), q2 = Math.max(p, q), swap = p > q ? 1 : 0;
  const a = productOf(dims, 0, q1), m = productOf(dims, q1 + 1, q2), b = productOf(dims, q2 + 1, dims.length), rowLen = 2 * D;
  const group = 4 * m * b; // the rows of one x, contiguous
  const budget = chunkRows(rowLen, 4, chunkBytes);
  const { wasm, data } = laidOut(Math.min(D, budget), rowLen);
  writeCoefficients(wasm, U, 0, false);
  writeCoefficients(wasm, U, 16, true);
  const out = uninitializedFloat64(src.length);
  const run = (rows: number, starts: readonly number[], am: number, mm: number, bm: number): void => {
    throughWasm(wasm, data, src, out, rowLen, starts, rows, () => (wasm.conj4(am, mm, bm, D, a, m, b, swap), true));
  };
  if (group <= budget) {
    // whole groups: several x at once
    const xs = Math.min(a, Math.floor(budget / group));
    for (let x = 0; x < a; x += xs) { const n = Math.min(xs, a - x); run(n * group, [x * group], n, m, b); }
  } else if (4 * b <= budget) {
    // for one x, a range of y (all z): two runs, t1 = 0 and 1
    const ys = Math.floor(budget / (4 * b));
    for (let x = 0; x < a; x++) {
      for (let y = 0; y < m; y += ys) {
        const n = Math.min(ys, m - y), first = (2 * x * m + y) * 2 * b;
        run(2 * n * b, [first, first + 2 * m * b], 1, n, b);
      }
    }
  } else {
    // for one (x, y), a range of z: four runs (t1, t2)
    const zs = Math.max(1, Math.floor(budget / 4));
    for (let x = 0; x < a; x++) {
      for (let y = 0; y < m; y++) {
        const base = (2 * x * m + y) * 2 * b;
        for (let z = 0; z < b; z += zs) {
          const n = Math.min(zs, b - z), first = base + z;
          run(n, [first, first + b, first + 2 * m * b, first + 2 * m * b + b], 1, 1, n);
        }
      }
    }
  }
  return out;
}
