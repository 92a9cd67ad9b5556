/**
 * Strided application of a local operator to the row or column index of a matrix whose index
 * space is a tensor product, without forming the Kronecker product with identities.
 * Internal to the kernel.
 *
 * ## Performance notes (why the loops are shaped as they are)
 * Gates on n >= 8 qubits are memory-bound: a pass over a 2^n x 2^n complex matrix costs far more
 * than the arithmetic on it. So
 * - `applyLeft` reads each group of dIn input rows once and writes the dOut output rows once
 *   (one fused sweep per group), with the 2x2 and 4x4 cases unrolled (entries in locals);
 * - `applyRightAdjoint` has unrolled 2x2 and 4x4 branches;
 * - {@link applyConjugate} does `(A (x) I) M (A (x) I)^dagger` in ONE pass over M: per group of
 *   dIn rows it left-multiplies into a small scratch (a few rows: stays in cache), then
 *   right-multiplies the scratch into the output rows (2x2: per 2x2 block, in registers). M is
 *   read once and the result written once, instead of twice each with an intermediate matrix;
 * - {@link applyChannelLocal} does a whole 1-qubit Kraus channel in one such pass (the sum over
 *   operators is formed per block), instead of one sandwich plus one accumulation per operator;
 * - on matrices of at least WASM_MIN_DIM (64) rows, a 1-qubit channel and a dense complex 2x2
 *   or 4x4 gate go through WebAssembly f64x2 kernels (wasmLocal.ts, wasm/local.as), M
 *   passing in L2-sized chunks: the channel as one 4x4 superoperator per 2x2 block
 *   (`sum_k K_k (x) conj(K_k)`: 4 complex products per entry whatever the number of operators),
 *   the gate with the expressions below. User instructions per op (perf stat, the bench's
 *   workloads over every target, V8 11.3, against main ccbf2e9): gate2 n = 9 44.7M -> 20.1-21.8M,
 *   kraus1 n = 9 83.8M -> 10.1M; CPU time per op, both builds in one process, interleaved,
 *   medians of 5-7 rounds at load 6-10: gate2 1.49x / 1.56x / 1.58x faster at n = 7 / 8 / 9,
 *   kraus1 4.0x / 4.6x / 3.3x. A dense complex 2x2 gate runs in WebAssembly too (`conj2`, the
 *   expressions of {@link conjugate2Blocks} term for term, one read and one write per entry,
 *   bit for bit for finite M; NaN bits may differ when M holds a NaN): user instructions per
 *   op (perf stat, V8 11.3) gate1 n = 8 qubit 0 4.61M -> 2.30M, n = 10 qubits 0 / 5 / 9
 *   65.1M / 70.1M / 74.2M -> 37.1M / 38.2M / 44.2M (before the last-qubit loop; a review's
 *   perf stat with it, per op from a 20-op difference: qubit 0 66.4M -> 36.2M, qubit 9 77.5M ->
 *   35.1M); CPU time per
 *   op, both builds in one process, interleaved (an A/B script of the kernel7 work, not
 *   committed; medians of 7-15 rounds, load 3.8-6.3): 1.36x-1.47x faster at n = 6 / 7,
 *   1.12x-1.29x at n = 8 / 9, 1.02x-1.30x at n = 10, 1.25x-1.39x at n = 11 (a review's rerun,
 *   both orders: 1.11-1.13x at n = 9, 1.02-1.04x at n = 10). The kernel bench (same run, against
 *   main) read the JavaScript path ahead at n = 9 and 10 in five runs out of five, within its
 *   A/A spread of +-0.35 per run but not by a sign test: unresolved (see bench/README.md).
 *   The kernel itself runs at about 4.5 instructions per cycle (6 cycles per entry in L2); at
 *   n = 10 the copies into and out of the instance cost more than the arithmetic (the former
 *   superoperator path for 2x2 gates, twice the multiplications, was slower than JavaScript).
 *
 * The unrolled paths (and the WebAssembly 4x4 gate) evaluate exactly the same floating-point
 * expressions, in the same order, as the generic loops they replace (including the `0 +` the
 * generic accumulators start from, which turns a -0 sum into +0), so results are bit-for-bit those of the generic code. The
 * generic left loop skips zero entries of A and multiplies real entries without their zero
 * imaginary part, which differs from the dense formula only for non-finite inputs (0 * Inf);
 * the unrolled left paths are therefore used only when every entry of A has a nonzero
 * imaginary part (any Haar-random gate), where the generic loop is dense too.
 *
 * Scratch buffers are module-level and grown on demand: they never escape a call, so every
 * exported function stays pure (a new output array; inputs are never written).
 */
import { hasNonFinite, type CMatrix } from "../matrix.js";
import { copyDims, product, productOf, splitOffsets, uninitializedFloat64 } from "./dims.js";
import { freshFloat64 } from "./carve.js";
import { conjugate2, conjugate4, superoperator2, WASM_MIN_DIM } from "./wasmLocal.js";

/** Scratch rows for {@link applyConjugate} (never visible to callers). */
let scratch = new Float64Array(0);
function scratchOf(length: number): Float64Array {
  if (scratch.length < length) scratch = new Float64Array(length);
  return scratch;
}

/**
 * Whether every entry of the `d x d` operator has a nonzero imaginary part: then the generic
 * left loop takes its dense complex branch for every entry, and the unrolled paths (which are
 * dense) give identical results for every input, finite or not.
 */
function denseComplex(a: Float64Array, d: number): boolean {
  for (let k = 1; k < 2 * d * d; k += 2) if (a[k] === 0) return false;
  return true;
}

/**
 * A 2-dimensional target subsystem q splits the index space into `a` (the dimension of the
 * subsystems before q) x 2 x `b` (after q): the 2x2-block kernels below walk rows and columns
 * as (x, target, y) with x < a, y < b, so their innermost loops step through contiguous runs of
 * b entries with int32 offsets instead of looking up an offset table per entry. With the right
 * products written on A's own entries (see conjugate2Blocks), user-mode instructions per op
 * (perf stat, the bench's workloads over every qubit, against main a26c10b): gate1 n = 8
 * 5.62M -> 4.99M, n = 9 20.9M -> 15.6M; kraus1 n = 9 81.1M -> 76.7M. The arithmetic itself
 * (64 multiplications and 56 additions per 2x2 block, kept bit for bit) is most of what
 * remains: a loop flattened over the whole row (no nested loop per run) was no better (4.67M
 * against 4.58M at n = 8).
 */
function qubitSplit(dims: readonly number[], q: number): { a: number; b: number } {
  return { a: productOf(dims, 0, q), b: productOf(dims, q + 1, dims.length) };
}

// ---------------------------------------------------------------- unrolled row kernels

/**
 * dst rows (o0, o1) = A (src rows (s0, s1)), A 2x2, rows of `len` doubles (interleaved).
 * One sweep: each input element is read once, each output element written once.
 */
function left2Rows(A: Float64Array, src: Float64Array, s0: number, s1: number, dst: Float64Array, o0: number, o1: number, len: number): void {
  const a00r = A[0], a00i = A[1], a01r = A[2], a01i = A[3], a10r = A[4], a10i = A[5], a11r = A[6], a11i = A[7];
  for (let j = 0; j < len; j += 2) {
    const x0r = src[s0 + j], x0i = src[s0 + j + 1], x1r = src[s1 + j], x1i = src[s1 + j + 1];
    // same expressions as the generic loop: acc = 0; acc += (a r x - a i x) per input row
    dst[o0 + j] = (0 + (a00r * x0r - a00i * x0i)) + (a01r * x1r - a01i * x1i);
    dst[o0 + j + 1] = (0 + (a00r * x0i + a00i * x0r)) + (a01r * x1i + a01i * x1r);
    dst[o1 + j] = (0 + (a10r * x0r - a10i * x0i)) + (a11r * x1r - a11i * x1i);
    dst[o1 + j + 1] = (0 + (a10r * x0i + a10i * x0r)) + (a11r * x1i + a11i * x1r);
  }
}

/** dst rows (o0..o3) = A (src rows (s0..s3)), A 4x4; one sweep, as {@link left2Rows}. */
function left4Rows(
  A: Float64Array, src: Float64Array, s0: number, s1: number, s2: number, s3: number,
  dst: Float64Array, o0: number, o1: number, o2: number, o3: number, len: number,
): void {
  const a00r = A[0], a00i = A[1], a01r = A[2], a01i = A[3], a02r = A[4], a02i = A[5], a03r = A[6], a03i = A[7];
  const a10r = A[8], a10i = A[9], a11r = A[10], a11i = A[11], a12r = A[12], a12i = A[13], a13r = A[14], a13i = A[15];
  const a20r = A[16], a20i = A[17], a21r = A[18], a21i = A[19], a22r = A[20], a22i = A[21], a23r = A[22], a23i = A[23];
  const a30r = A[24], a30i = A[25], a31r = A[26], a31i = A[27], a32r = A[28], a32i = A[29], a33r = A[30], a33i = A[31];
  for (let j = 0; j < len; j = (j + 2) | 0) {
    // int32 offsets (`| 0`): no overflow checks on the index arithmetic
    const p0 = (s0 + j) | 0, p1 = (s1 + j) | 0, p2 = (s2 + j) | 0, p3 = (s3 + j) | 0;
    const q0 = (o0 + j) | 0, q1 = (o1 + j) | 0, q2 = (o2 + j) | 0, q3 = (o3 + j) | 0;
    const x0r = src[p0], x0i = src[(p0 + 1) | 0], x1r = src[p1], x1i = src[(p1 + 1) | 0];
    const x2r = src[p2], x2i = src[(p2 + 1) | 0], x3r = src[p3], x3i = src[(p3 + 1) | 0];
    dst[q0] = (((0 + (a00r * x0r - a00i * x0i)) + (a01r * x1r - a01i * x1i)) + (a02r * x2r - a02i * x2i)) + (a03r * x3r - a03i * x3i);
    dst[(q0 + 1) | 0] = (((0 + (a00r * x0i + a00i * x0r)) + (a01r * x1i + a01i * x1r)) + (a02r * x2i + a02i * x2r)) + (a03r * x3i + a03i * x3r);
    dst[q1] = (((0 + (a10r * x0r - a10i * x0i)) + (a11r * x1r - a11i * x1i)) + (a12r * x2r - a12i * x2i)) + (a13r * x3r - a13i * x3i);
    dst[(q1 + 1) | 0] = (((0 + (a10r * x0i + a10i * x0r)) + (a11r * x1i + a11i * x1r)) + (a12r * x2i + a12i * x2r)) + (a13r * x3i + a13i * x3r);
    dst[q2] = (((0 + (a20r * x0r - a20i * x0i)) + (a21r * x1r - a21i * x1i)) + (a22r * x2r - a22i * x2i)) + (a23r * x3r - a23i * x3i);
    dst[(q2 + 1) | 0] = (((0 + (a20r * x0i + a20i * x0r)) + (a21r * x1i + a21i * x1r)) + (a22r * x2i + a22i * x2r)) + (a23r * x3i + a23i * x3r);
    dst[q3] = (((0 + (a30r * x0r - a30i * x0i)) + (a31r * x1r - a31i * x1i)) + (a32r * x2r - a32i * x2i)) + (a33r * x3r - a33i * x3i);
    dst[(q3 + 1) | 0] = (((0 + (a30r * x0i + a30i * x0r)) + (a31r * x1i + a31i * x1r)) + (a32r * x2i + a32i * x2r)) + (a33r * x3i + a33i * x3r);
  }
}

/**
 * One row of `M (B (x) I)^dagger`, B 2x2: for each column group (rest offset), the two target
 * columns of src row `rs` map to the two of dst row `ro`. Offsets are in complex entries.
 */
function right2Row(
  B: Float64Array, src: Float64Array, rs: number, dst: Float64Array, ro: number,
  restIn: Int32Array, restOut: Int32Array, tin: Int32Array, tout: Int32Array,
): void {
  // conjugated entries hoisted out of the column loop
  const b00r = B[0], b00i = -B[1], b01r = B[2], b01i = -B[3], b10r = B[4], b10i = -B[5], b11r = B[6], b11i = -B[7];
  const s0 = 2 * tin[0], s1 = 2 * tin[1], o0 = 2 * tout[0], o1 = 2 * tout[1];
  const nRest = restIn.length;
  for (let r = 0; r < nRest; r++) {
    const ps = rs + 2 * restIn[r], po = ro + 2 * restOut[r];
    const x0r = src[ps + s0], x0i = src[ps + s0 + 1], x1r = src[ps + s1], x1i = src[ps + s1 + 1];
    dst[po + o0] = x0r * b00r - x0i * b00i + x1r * b01r - x1i * b01i;
    dst[po + o0 + 1] = x0r * b00i + x0i * b00r + x1r * b01i + x1i * b01r;
    dst[po + o1] = x0r * b10r - x0i * b10i + x1r * b11r - x1i * b11i;
    dst[po + o1 + 1] = x0r * b10i + x0i * b10r + x1r * b11i + x1i * b11r;
  }
}

/**
 * One row of `M (B (x) I)^dagger`, B 4x4 (every 2-qubit gate).
 * The sums are those of the generic loop: acc = 0; acc += x_t conj(B[to, t]) for t = 0..3.
 */
function right4Row(
  B: Float64Array, src: Float64Array, rs: number, dst: Float64Array, ro: number,
  restIn: Int32Array, restOut: Int32Array, tin: Int32Array, tout: Int32Array,
): void {
  // B's entries as they are: x conj(b) written `xr br + xi bi`, `xi br - xr bi`, bit for bit the
  // products with a negated imaginary part (x - y (-b) = x + y b and (-p) + q = q - p exactly
  // in IEEE arithmetic), without 16 negated copies competing for registers
  const b00r = B[0], b00i = B[1], b01r = B[2], b01i = B[3], b02r = B[4], b02i = B[5], b03r = B[6], b03i = B[7];
  const b10r = B[8], b10i = B[9], b11r = B[10], b11i = B[11], b12r = B[12], b12i = B[13], b13r = B[14], b13i = B[15];
  const b20r = B[16], b20i = B[17], b21r = B[18], b21i = B[19], b22r = B[20], b22i = B[21], b23r = B[22], b23i = B[23];
  const b30r = B[24], b30i = B[25], b31r = B[26], b31i = B[27], b32r = B[28], b32i = B[29], b33r = B[30], b33i = B[31];
  const s0 = 2 * tin[0], s1 = 2 * tin[1], s2 = 2 * tin[2], s3 = 2 * tin[3];
  const o0 = 2 * tout[0], o1 = 2 * tout[1], o2 = 2 * tout[2], o3 = 2 * tout[3];
  const nRest = restIn.length;
  for (let r = 0; r < nRest; r++) {
    // int32 offsets (`| 0`): no overflow checks on the index arithmetic (with the same in
    // left4Rows and B's own entries above: gate2 n = 9, 41.9M -> 40.8M user instructions per op)
    const ps = (rs + 2 * restIn[r]) | 0, po = (ro + 2 * restOut[r]) | 0;
    const p0 = (ps + s0) | 0, p1 = (ps + s1) | 0, p2 = (ps + s2) | 0, p3 = (ps + s3) | 0;
    const q0 = (po + o0) | 0, q1 = (po + o1) | 0, q2 = (po + o2) | 0, q3 = (po + o3) | 0;
    const x0r = src[p0], x0i = src[(p0 + 1) | 0], x1r = src[p1], x1i = src[(p1 + 1) | 0];
    const x2r = src[p2], x2i = src[(p2 + 1) | 0], x3r = src[p3], x3i = src[(p3 + 1) | 0];
    dst[q0] = (((0 + (x0r * b00r + x0i * b00i)) + (x1r * b01r + x1i * b01i)) + (x2r * b02r + x2i * b02i)) + (x3r * b03r + x3i * b03i);
    dst[(q0 + 1) | 0] = (((0 + (x0i * b00r - x0r * b00i)) + (x1i * b01r - x1r * b01i)) + (x2i * b02r - x2r * b02i)) + (x3i * b03r - x3r * b03i);
    dst[q1] = (((0 + (x0r * b10r + x0i * b10i)) + (x1r * b11r + x1i * b11i)) + (x2r * b12r + x2i * b12i)) + (x3r * b13r + x3i * b13i);
    dst[(q1 + 1) | 0] = (((0 + (x0i * b10r - x0r * b10i)) + (x1i * b11r - x1r * b11i)) + (x2i * b12r - x2r * b12i)) + (x3i * b13r - x3r * b13i);
    dst[q2] = (((0 + (x0r * b20r + x0i * b20i)) + (x1r * b21r + x1i * b21i)) + (x2r * b22r + x2i * b22i)) + (x3r * b23r + x3i * b23i);
    dst[(q2 + 1) | 0] = (((0 + (x0i * b20r - x0r * b20i)) + (x1i * b21r - x1r * b21i)) + (x2i * b22r - x2r * b22i)) + (x3i * b23r - x3r * b23i);
    dst[q3] = (((0 + (x0r * b30r + x0i * b30i)) + (x1r * b31r + x1i * b31i)) + (x2r * b32r + x2i * b32i)) + (x3r * b33r + x3i * b33i);
    dst[(q3 + 1) | 0] = (((0 + (x0i * b30r - x0r * b30i)) + (x1i * b31r - x1r * b31i)) + (x2i * b32r - x2r * b32i)) + (x3i * b33r - x3r * b33i);
  }
}

/**
 * `(A (x) I) M (A (x) I)^dagger` for a 2x2 A in one pass over 2x2 blocks of M: the block
 * `X = M[(r, a'), (c, b')]` (row group r, column group c) becomes `A X A^dagger`, computed in
 * registers. Each entry of M is read once and each output written once. The expressions are
 * those of {@link left2Rows} followed by {@link right2Row}, in the same order.
 */
export function conjugate2Blocks(A: Float64Array, src: Float64Array, dst: Float64Array, rowLen: number, a: number, b: number): void {
  const a00r = A[0], a00i = A[1], a01r = A[2], a01i = A[3], a10r = A[4], a10i = A[5], a11r = A[6], a11i = A[7];
  const run = 2 * b, down = b * rowLen;
  for (let x = 0; x < a; x++) {
    for (let y = 0; y < b; y++) {
      const p0 = ((2 * x * b + y) * rowLen) | 0, p1 = (p0 + down) | 0;
      for (let z = 0, c = 0; z < a; z++, c = (c + run) | 0) {
        for (const cEnd = (c + run) | 0; c < cEnd; c = (c + 2) | 0) {
          const i00 = (p0 + c) | 0, i01 = (i00 + run) | 0, i10 = (p1 + c) | 0, i11 = (i10 + run) | 0;
          const x00r = src[i00], x00i = src[(i00 + 1) | 0], x01r = src[i01], x01i = src[(i01 + 1) | 0];
          const x10r = src[i10], x10i = src[(i10 + 1) | 0], x11r = src[i11], x11i = src[(i11 + 1) | 0];
          // T = A X (left multiplication: column b' of X mixes rows a'), then T A^dagger (row a
          // of T mixes columns b'), one output row at a time. The right products are written
          // with A's entries: x * conj(a) as `xr ar + xi ai`, `xi ar - xr ai`, which are
          // bit for bit the products with a negated imaginary part (x - y (-a) = x + y a and
          // (-p) + q = q - p exactly in IEEE arithmetic, but for the sign bit of a NaN) with four
          // fewer live values.
          const t00r = (0 + (a00r * x00r - a00i * x00i)) + (a01r * x10r - a01i * x10i);
          const t00i = (0 + (a00r * x00i + a00i * x00r)) + (a01r * x10i + a01i * x10r);
          const t01r = (0 + (a00r * x01r - a00i * x01i)) + (a01r * x11r - a01i * x11i);
          const t01i = (0 + (a00r * x01i + a00i * x01r)) + (a01r * x11i + a01i * x11r);
          dst[i00] = t00r * a00r + t00i * a00i + t01r * a01r + t01i * a01i;
          dst[(i00 + 1) | 0] = t00i * a00r - t00r * a00i - t01r * a01i + t01i * a01r;
          dst[i01] = t00r * a10r + t00i * a10i + t01r * a11r + t01i * a11i;
          dst[(i01 + 1) | 0] = t00i * a10r - t00r * a10i - t01r * a11i + t01i * a11r;
          const t10r = (0 + (a10r * x00r - a10i * x00i)) + (a11r * x10r - a11i * x10i);
          const t10i = (0 + (a10r * x00i + a10i * x00r)) + (a11r * x10i + a11i * x10r);
          const t11r = (0 + (a10r * x01r - a10i * x01i)) + (a11r * x11r - a11i * x11i);
          const t11i = (0 + (a10r * x01i + a10i * x01r)) + (a11r * x11i + a11i * x11r);
          dst[i10] = t10r * a00r + t10i * a00i + t11r * a01r + t11i * a01i;
          dst[(i10 + 1) | 0] = t10i * a00r - t10r * a00i - t11r * a01i + t11i * a01r;
          dst[i11] = t10r * a10r + t10i * a10i + t11r * a11r + t11i * a11i;
          dst[(i11 + 1) | 0] = t10i * a10r - t10r * a10i - t11r * a11i + t11i * a11r;
        }
      }
    }
  }
}

/**
 * `sum_k (K_k (x) I) M (K_k (x) I)^dagger` for 2x2 Kraus operators (packed 8 doubles each) in
 * one pass over 2x2 blocks of M, as {@link conjugate2Blocks} per operator, the terms summed in
 * operator order (`acc = term_0; acc += term_k`), exactly as the per-operator composition.
 * Returns false, leaving `dst` partly written, if M has a non-finite entry (see applyChannelLocal).
 */
function channel2Blocks(K: Float64Array, nOps: number, src: Float64Array, dst: Float64Array, rowLen: number, a: number, b: number): boolean {
  // sum of every entry read: finite unless some entry is NaN or infinite (or, harmlessly, the
  // sum overflows, which only sends the caller to the general path)
  let check = 0;
  const run = 2 * b, down = b * rowLen;
  for (let x = 0; x < a; x++) {
    for (let y = 0; y < b; y++) {
      const p0 = ((2 * x * b + y) * rowLen) | 0, p1 = (p0 + down) | 0;
      for (let z = 0, c = 0; z < a; z++, c = (c + run) | 0) {
        for (const cEnd = (c + run) | 0; c < cEnd; c = (c + 2) | 0) {
          const i00 = (p0 + c) | 0, i01 = (i00 + run) | 0, i10 = (p1 + c) | 0, i11 = (i10 + run) | 0;
          const x00r = src[i00], x00i = src[i00 + 1], x01r = src[i01], x01i = src[i01 + 1];
          const x10r = src[i10], x10i = src[i10 + 1], x11r = src[i11], x11i = src[i11 + 1];
          check += x00r + x00i + x01r + x01i + x10r + x10i + x11r + x11i;
          let z00r = 0, z00i = 0, z01r = 0, z01i = 0, z10r = 0, z10i = 0, z11r = 0, z11i = 0;
          for (let k = 0; k < nOps; k++) {
            const o = 8 * k;
            const a00r = K[o], a00i = K[o + 1], a01r = K[o + 2], a01i = K[o + 3], a10r = K[o + 4], a10i = K[o + 5], a11r = K[o + 6], a11i = K[o + 7];
            const t00r = (0 + (a00r * x00r - a00i * x00i)) + (a01r * x10r - a01i * x10i);
            const t00i = (0 + (a00r * x00i + a00i * x00r)) + (a01r * x10i + a01i * x10r);
            const t01r = (0 + (a00r * x01r - a00i * x01i)) + (a01r * x11r - a01i * x11i);
            const t01i = (0 + (a00r * x01i + a00i * x01r)) + (a01r * x11i + a01i * x11r);
            const t10r = (0 + (a10r * x00r - a10i * x00i)) + (a11r * x10r - a11i * x10i);
            const t10i = (0 + (a10r * x00i + a10i * x00r)) + (a11r * x10i + a11i * x10r);
            const t11r = (0 + (a10r * x01r - a10i * x01i)) + (a11r * x11r - a11i * x11i);
            const t11i = (0 + (a10r * x01i + a10i * x01r)) + (a11r * x11i + a11i * x11r);
            // T A^dagger with A's entries as they are (bit for bit, see conjugate2Blocks)
            const y00r = t00r * a00r + t00i * a00i + t01r * a01r + t01i * a01i;
            const y00i = t00i * a00r - t00r * a00i - t01r * a01i + t01i * a01r;
            const y01r = t00r * a10r + t00i * a10i + t01r * a11r + t01i * a11i;
            const y01i = t00i * a10r - t00r * a10i - t01r * a11i + t01i * a11r;
            const y10r = t10r * a00r + t10i * a00i + t11r * a01r + t11i * a01i;
            const y10i = t10i * a00r - t10r * a00i - t11r * a01i + t11i * a01r;
            const y11r = t10r * a10r + t10i * a10i + t11r * a11r + t11i * a11i;
            const y11i = t10i * a10r - t10r * a10i - t11r * a11i + t11i * a11r;
            if (k === 0) {
              z00r = y00r; z00i = y00i; z01r = y01r; z01i = y01i; z10r = y10r; z10i = y10i; z11r = y11r; z11i = y11i;
            } else {
              z00r += y00r; z00i += y00i; z01r += y01r; z01i += y01i; z10r += y10r; z10i += y10i; z11r += y11r; z11i += y11i;
            }
          }
          dst[i00] = z00r; dst[i00 + 1] = z00i; dst[i01] = z01r; dst[i01 + 1] = z01i;
          dst[i10] = z10r; dst[i10 + 1] = z10i; dst[i11] = z11r; dst[i11 + 1] = z11i;
        }
      }
    }
  }
  return Number.isFinite(check);
}

/** Whether the 2x2 operator is real with four nonzero entries (H, real rotations). */
function denseReal2(a: Float64Array): boolean {
  return a[1] === 0 && a[3] === 0 && a[5] === 0 && a[7] === 0 && a[0] !== 0 && a[2] !== 0 && a[4] !== 0 && a[6] !== 0 &&
    Number.isFinite(a[0] + a[2] + a[4] + a[6]);
}

/**
 * {@link conjugate2Blocks} for a dense real 2x2 A (Hadamard, real rotations): the same sums
 * with the zero imaginary parts of A dropped, a quarter of the multiplications. The left
 * products are those of the general left loop for real entries, `(0 + a x0) + a' x1`, exactly;
 * the right products drop terms `x * (-0)`, which changes only the sign of a zero result for
 * finite M. Returns false, leaving `dst` partly written, if M has a non-finite entry (where
 * `Inf * 0` would make the general path NaN): the caller then takes the general path.
 */
function realConjugate2Blocks(A: Float64Array, src: Float64Array, dst: Float64Array, rowLen: number, a: number, b: number): boolean {
  const a00 = A[0], a01 = A[2], a10 = A[4], a11 = A[6];
  let check = 0;
  const run = 2 * b, down = b * rowLen;
  for (let x = 0; x < a; x++) {
    for (let y = 0; y < b; y++) {
      const p0 = ((2 * x * b + y) * rowLen) | 0, p1 = (p0 + down) | 0;
      for (let z = 0, c = 0; z < a; z++, c = (c + run) | 0) {
        for (const cEnd = (c + run) | 0; c < cEnd; c = (c + 2) | 0) {
          const i00 = (p0 + c) | 0, i01 = (i00 + run) | 0, i10 = (p1 + c) | 0, i11 = (i10 + run) | 0;
          const x00r = src[i00], x00i = src[i00 + 1], x01r = src[i01], x01i = src[i01 + 1];
          const x10r = src[i10], x10i = src[i10 + 1], x11r = src[i11], x11i = src[i11 + 1];
          check += x00r + x00i + x01r + x01i + x10r + x10i + x11r + x11i;
          const t00r = (0 + a00 * x00r) + a01 * x10r, t00i = (0 + a00 * x00i) + a01 * x10i;
          const t01r = (0 + a00 * x01r) + a01 * x11r, t01i = (0 + a00 * x01i) + a01 * x11i;
          const t10r = (0 + a10 * x00r) + a11 * x10r, t10i = (0 + a10 * x00i) + a11 * x10i;
          const t11r = (0 + a10 * x01r) + a11 * x11r, t11i = (0 + a10 * x01i) + a11 * x11i;
          dst[i00] = t00r * a00 + t01r * a01; dst[i00 + 1] = t00i * a00 + t01i * a01;
          dst[i01] = t00r * a10 + t01r * a11; dst[i01 + 1] = t00i * a10 + t01i * a11;
          dst[i10] = t10r * a00 + t11r * a01; dst[i10 + 1] = t10i * a00 + t11i * a01;
          dst[i11] = t10r * a10 + t11r * a11; dst[i11 + 1] = t10i * a10 + t11i * a11;
        }
      }
    }
  }
  return Number.isFinite(check);
}

// ---------------------------------------------------------------- exported operations

/**
 * `(A (x) I) M` where A acts on the `targets` subsystems of M's row space with dims `dimsIn`,
 * mapping them to `outTargetDims` (A is prod(outTargetDims) x prod(targets' dims)).
 * Returns the new data and the new row dims.
 */
export function applyLeft(
  m: CMatrix,
  dimsIn: readonly number[],
  a: CMatrix,
  targets: readonly number[],
  outTargetDims: readonly number[],
): { data: Float64Array; dims: number[] } {
  const dimsOut = copyDims(dimsIn);
  targets.forEach((t, k) => (dimsOut[t] = outTargetDims[k]));
  const inOff = splitOffsets(dimsIn, targets);
  const outOff = splitOffsets(dimsOut, targets);
  const C = m.cols, rowLen = 2 * C;
  const rowsOut = product(dimsOut);
  const out = freshFloat64(2 * rowsOut * C);
  const src = m.data, A = a.data;
  const dIn = a.cols, dOut = a.rows;
  const nRest = inOff.rest.length;
  const tin = inOff.target, tout = outOff.target;
  if (dIn === dOut && (dIn === 2 || dIn === 4) && denseComplex(A, dIn)) {
    // fused sweep per group of rows (see the module notes)
    for (let r = 0; r < nRest; r++) {
      const bin = inOff.rest[r], bout = outOff.rest[r];
      if (dIn === 2) {
        left2Rows(A, src, (bin + tin[0]) * rowLen, (bin + tin[1]) * rowLen, out, (bout + tout[0]) * rowLen, (bout + tout[1]) * rowLen, rowLen);
      } else {
        left4Rows(
          A, src, (bin + tin[0]) * rowLen, (bin + tin[1]) * rowLen, (bin + tin[2]) * rowLen, (bin + tin[3]) * rowLen,
          out, (bout + tout[0]) * rowLen, (bout + tout[1]) * rowLen, (bout + tout[2]) * rowLen, (bout + tout[3]) * rowLen, rowLen,
        );
      }
    }
    return { data: out, dims: dimsOut };
  }
  // generic: one row sweep per nonzero entry of A (sparse gates such as CNOT touch few rows)
  for (let r = 0; r < nRest; r++) {
    const bin = inOff.rest[r], bout = outOff.rest[r];
    for (let to = 0; to < dOut; to++) {
      const o = (bout + tout[to]) * rowLen;
      for (let ti = 0; ti < dIn; ti++) {
        const ar = A[2 * (to * dIn + ti)], ai = A[2 * (to * dIn + ti) + 1];
        if (ar === 0 && ai === 0) continue;
        const s = (bin + tin[ti]) * rowLen;
        if (ai === 0) {
          for (let j = 0; j < rowLen; j++) out[o + j] += ar * src[s + j];
        } else {
          for (let j = 0; j < rowLen; j += 2) {
            const xr = src[s + j], xi = src[s + j + 1];
            out[o + j] += ar * xr - ai * xi;
            out[o + j + 1] += ar * xi + ai * xr;
          }
        }
      }
    }
  }
  return { data: out, dims: dimsOut };
}

/**
 * `M (B (x) I)^dagger` where B acts on the `targets` subsystems of M's column space with dims
 * `dimsIn`, mapping them to `outTargetDims`. Returns the new data and the new column dims.
 */
export function applyRightAdjoint(
  m: CMatrix,
  dimsIn: readonly number[],
  b: CMatrix,
  targets: readonly number[],
  outTargetDims: readonly number[],
): { data: Float64Array; dims: number[] } {
  const dimsOut = copyDims(dimsIn);
  targets.forEach((t, k) => (dimsOut[t] = outTargetDims[k]));
  const inOff = splitOffsets(dimsIn, targets);
  const outOff = splitOffsets(dimsOut, targets);
  const R = m.rows, Cin = m.cols, Cout = product(dimsOut);
  const out = freshFloat64(2 * R * Cout);
  const src = m.data, B = b.data;
  const dIn = b.cols, dOut = b.rows;
  const nRest = inOff.rest.length;
  const tin = inOff.target, tout = outOff.target;
  if (dIn === dOut && (dIn === 2 || dIn === 4)) {
    // the hot paths of every 1- and 2-qubit gate and channel: unrolled, one call per row
    if (dIn === 2) for (let i = 0; i < R; i++) right2Row(B, src, 2 * i * Cin, out, 2 * i * Cout, inOff.rest, outOff.rest, tin, tout);
    else for (let i = 0; i < R; i++) right4Row(B, src, 2 * i * Cin, out, 2 * i * Cout, inOff.rest, outOff.rest, tin, tout);
    return { data: out, dims: dimsOut };
  }
  const xr = new Float64Array(dIn), xi = new Float64Array(dIn);
  for (let i = 0; i < R; i++) {
    const rs = 2 * i * Cin, ro = 2 * i * Cout;
    for (let r = 0; r < nRest; r++) {
      const ps = rs + 2 * inOff.rest[r], po = ro + 2 * outOff.rest[r];
      for (let t = 0; t < dIn; t++) {
        xr[t] = src[ps + 2 * tin[t]];
        xi[t] = src[ps + 2 * tin[t] + 1];
      }
      for (let to = 0; to < dOut; to++) {
        let accR = 0, accI = 0;
        for (let t = 0; t < dIn; t++) {
          // conj(B[to, t])
          const br = B[2 * (to * dIn + t)], bi = -B[2 * (to * dIn + t) + 1];
          accR += xr[t] * br - xi[t] * bi;
          accI += xr[t] * bi + xi[t] * br;
        }
        out[po + 2 * tout[to]] = accR;
        out[po + 2 * tout[to] + 1] = accI;
      }
    }
  }
  return { data: out, dims: dimsOut };
}

/**
 * `(A (x) I) M (A (x) I)^dagger` in one pass over the square M (row and column dims `dims`),
 * for a dense complex 2x2 or 4x4 A, or a dense real 2x2 A, that keeps the target dims; `null`
 * when that fast path does not apply (the caller then composes {@link applyLeft} and
 * {@link applyRightAdjoint}, whose result this equals bit for bit for complex A, and up to the
 * sign of zeros for real A; a real A and a non-finite M give null). From WASM_MIN_DIM rows a
 * dense complex 2x2 A, or 4x4 A on two qubits, goes through the WebAssembly kernels (bit for bit
 * for finite M; NaN bits may differ when M holds a NaN).
 */
export function applyConjugate(
  m: CMatrix,
  dims: readonly number[],
  a: CMatrix,
  targets: readonly number[],
  outTargetDims: readonly number[],
): { data: Float64Array; dims: number[] } | null {
  const d = a.rows;
  if (a.cols !== d || (d !== 2 && d !== 4) || m.rows !== m.cols || m.rows !== product(dims)) return null;
  for (let k = 0; k < targets.length; k++) if (outTargetDims[k] !== dims[targets[k]]) return null;
  const A = a.data;
  // a 2x2 A acts on the one target of dimension 2; any other target has dimension 1
  const qubit = d === 2 ? targets.find((t) => dims[t] === 2) : undefined;
  if (d === 2 && qubit === undefined) return null;
  if (d === 4 && m.rows >= WASM_MIN_DIM && targets.length === 2 && dims[targets[0]] === 2 && dims[targets[1]] === 2 && denseComplex(A, 4) && !hasNonFinite(a)) {
    // (an operator with a NaN stays on the JavaScript path: the WebAssembly one negates imaginary
    // parts, which flips a NaN's sign bit)
    return { data: conjugate4(m.data, m.rows, dims, targets[0], targets[1], A), dims: copyDims(dims) };
  }
  if (d === 2 && denseReal2(A)) {
    const out = uninitializedFloat64(m.data.length);
    const { a: before, b: after } = qubitSplit(dims, qubit!);
    return realConjugate2Blocks(A, m.data, out, 2 * m.cols, before, after) ? { data: out, dims: copyDims(dims) } : null;
  }
  if (!denseComplex(A, d)) return null;
  if (d === 2 && m.rows >= WASM_MIN_DIM && !hasNonFinite(a)) {
    // (a NaN in A stays on the JavaScript path, as for the 4x4 gate above)
    return { data: conjugate2(m.data, m.rows, dims, qubit!, A), dims: copyDims(dims) };
  }
  const off = splitOffsets(dims, targets);
  const rest = off.rest, t = off.target, nRest = rest.length;
  const rowLen = 2 * m.cols;
  const src = m.data;
  // every path below writes each entry of the output once (uninitialized: no zero-fill pass)
  const out = uninitializedFloat64(src.length);
  if (d === 2) {
    const { a: before, b: after } = qubitSplit(dims, qubit!);
    conjugate2Blocks(A, src, out, rowLen, before, after);
    return { data: out, dims: copyDims(dims) };
  }
  // 4x4: the four left-multiplied rows of one group live in a scratch of 4 rows (256 KiB at
  // 12 qubits: cache-resident), so the intermediate never goes to main memory. A 4x4 block
  // kept in locals (X, then per output row T = A X and T A^dagger, the same expressions) needs
  // more registers than there are: measured (V8 11.3, gate2 over every qubit pair, CPU time,
  // interleaved, load 9) 0.56x / 0.60x / 0.68x / 0.32x the speed of this path at n = 7 / 8 / 9
  // / 10, although its loop has fewer instructions (2,036 per 32 output doubles against
  // 303 + 333 per 8 here): 1,280 of them are spills and reloads, 390 stores per iteration
  const tmp = scratchOf(4 * rowLen);
  for (let r = 0; r < nRest; r++) {
    const base = rest[r];
    left4Rows(
      A, src, (base + t[0]) * rowLen, (base + t[1]) * rowLen, (base + t[2]) * rowLen, (base + t[3]) * rowLen,
      tmp, 0, rowLen, 2 * rowLen, 3 * rowLen, rowLen,
    );
    for (let k = 0; k < 4; k++) right4Row(A, tmp, k * rowLen, out, (base + t[k]) * rowLen, rest, rest, t, t);
  }
  return { data: out, dims: copyDims(dims) };
}

/** `sum_k K_k (x) conj(K_k)` for 2x2 operators (interleaved): entry `[2i + j, 2k + l]` is `sum K[i, k] conj(K[j, l])`. */
function superoperatorOf(ops: readonly Float64Array[]): Float64Array {
  const S = new Float64Array(32);
  for (const K of ops) {
    for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) for (let k = 0; k < 2; k++) for (let l = 0; l < 2; l++) {
      const ar = K[2 * (2 * i + k)], ai = K[2 * (2 * i + k) + 1], br = K[2 * (2 * j + l)], bi = K[2 * (2 * j + l) + 1];
      const e = 2 * (4 * (2 * i + j) + 2 * k + l);
      S[e] += ar * br + ai * bi;
      S[e + 1] += ai * br - ar * bi;
    }
  }
  return S;
}

/**
 * A channel with 2x2 Kraus operators on one 2-dimensional target (e.g. any 1-qubit channel) in
 * one pass over the square M; `null` when that fast path does not apply (the caller then sums
 * per-operator sandwiches, whose result this equals bit for bit below WASM_MIN_DIM rows, and
 * within rounding from there on, where the channel's superoperator runs in WebAssembly).
 *
 * Why it may use the dense formula for sparse or real operators: the generic left loop skips
 * zero entries and drops the zero imaginary part of real ones; with the accumulator starting at
 * +0 as there, the dense formula adds only signed zeros in their place, which changes nothing
 * for finite M. So the pass checks that M is finite and declines (null) otherwise.
 */
export function applyChannelLocal(
  m: CMatrix,
  dims: readonly number[],
  kraus: readonly CMatrix[],
  targets: readonly number[],
  outTargetDims: readonly number[],
): { data: Float64Array; dims: number[] } | null {
  if (targets.length !== 1 || dims[targets[0]] !== 2 || outTargetDims[0] !== 2) return null;
  if (m.rows !== m.cols || m.rows !== product(dims)) return null;
  const K = new Float64Array(8 * kraus.length);
  for (let k = 0; k < kraus.length; k++) {
    const op = kraus[k];
    if (op.rows !== 2 || op.cols !== 2) return null;
    for (let j = 0; j < 8; j++) {
      if (!Number.isFinite(op.data[j])) return null;
      K[8 * k + j] = op.data[j];
    }
  }
  if (m.rows >= WASM_MIN_DIM) {
    // one superoperator for all operators (4 complex products per entry, whatever their number)
    const viaWasm = superoperator2(m.data, m.rows, dims, targets[0], superoperatorOf(kraus.map((op) => op.data)));
    return viaWasm === null ? null : { data: viaWasm, dims: copyDims(dims) };
  }
  const out = uninitializedFloat64(m.data.length); // channel2Blocks writes every entry
  const { a: before, b: after } = qubitSplit(dims, targets[0]);
  if (!channel2Blocks(K, kraus.length, m.data, out, 2 * m.cols, before, after)) return null;
  return { data: out, dims: copyDims(dims) };
}

/**
 * `(A (x) I) M (A (x) I)^dagger` in one pass over the square M, for an A with at most one
 * nonzero entry in every row and every column (a *partial monomial*: permutations such as X,
 * CNOT and SWAP, diagonal gates such as Z, S, T and CZ, and computational-basis projectors
 * `|k><k|`). Entry `(pi(a) r, pi(b) c)` of the result is `u_a M[a r, b c] conj(u_b)`, where
 * column a of A has its one nonzero `u_a` in row `pi(a)`; every other entry is zero. No
 * arithmetic beyond one complex product per entry (a plain copy for a permutation), against two
 * dense sweeps on the general path.
 *
 * Returns `null` when A is not of that form, changes the target dims, or M has a non-finite
 * entry (the general path's `0 * Inf = NaN` is then kept). Equals the general path up to the
 * rounding of `u_a conj(u_b)` (one product instead of two) and the sign of zeros.
 */
export function applyMonomialConjugate(
  m: CMatrix,
  dims: readonly number[],
  a: CMatrix,
  targets: readonly number[],
  outTargetDims: readonly number[],
): { data: Float64Array; dims: number[] } | null {
  const d = a.rows;
  if (a.cols !== d || m.rows !== m.cols || m.rows !== product(dims)) return null;
  for (let k = 0; k < targets.length; k++) if (outTargetDims[k] !== dims[targets[k]]) return null;
  const pattern = monomialPattern(a.data, d);
  if (pattern === null) return null;
  const { pi, ur, ui } = pattern;
  const off = splitOffsets(dims, targets);
  const rest = off.rest, t = off.target, nRest = rest.length;
  const rowLen = 2 * m.cols;
  const src = m.data;
  const out = freshFloat64(src.length);
  let check = 0;
  for (let r = 0; r < nRest; r++) {
    for (let ia = 0; ia < d; ia++) {
      if (pi[ia] < 0) continue;
      const sRow = (rest[r] + t[ia]) * rowLen, oRow = (rest[r] + t[pi[ia]]) * rowLen;
      for (let ib = 0; ib < d; ib++) {
        if (pi[ib] < 0) continue;
        // w = u_a conj(u_b)
        const wr = ur[ia] * ur[ib] + ui[ia] * ui[ib], wi = ui[ia] * ur[ib] - ur[ia] * ui[ib];
        const s0 = sRow + 2 * t[ib], o0 = oRow + 2 * t[pi[ib]];
        if (wr === 1 && wi === 0) {
          for (let c = 0; c < nRest; c++) {
            const s = s0 + 2 * rest[c], o = o0 + 2 * rest[c];
            const xr = src[s], xi = src[s + 1];
            check += xr + xi;
            out[o] = xr;
            out[o + 1] = xi;
          }
        } else {
          for (let c = 0; c < nRest; c++) {
            const s = s0 + 2 * rest[c], o = o0 + 2 * rest[c];
            const xr = src[s], xi = src[s + 1];
            check += xr + xi;
            out[o] = wr * xr - wi * xi;
            out[o + 1] = wr * xi + wi * xr;
          }
        }
      }
    }
  }
  // entries of M in rows or columns that A annihilates are not read: their finiteness does not
  // matter to the general path either (they meet only zero entries of A, which it skips on the
  // left and multiplies on the right, where 0 * Inf would be NaN), so check them too
  if (!Number.isFinite(check) || (pi.includes(-1) && hasNonFinite(m))) return null;
  return { data: out, dims: copyDims(dims) };
}

/** pi[b] = the row of column b's one nonzero (-1 for a zero column) and its value; null if A is not a finite partial monomial. */
function monomialPattern(A: Float64Array, d: number): { pi: Int32Array; ur: Float64Array; ui: Float64Array } | null {
  const pi = new Int32Array(d).fill(-1), ur = new Float64Array(d), ui = new Float64Array(d);
  const rowUsed = new Uint8Array(d);
  for (let b = 0; b < d; b++) {
    for (let row = 0; row < d; row++) {
      const re = A[2 * (row * d + b)], im = A[2 * (row * d + b) + 1];
      if (!Number.isFinite(re) || !Number.isFinite(im)) return null;
      if (re === 0 && im === 0) continue;
      if (pi[b] >= 0 || rowUsed[row]) return null;
      pi[b] = row;
      rowUsed[row] = 1;
      ur[b] = re;
      ui[b] = im;
    }
  }
  return { pi, ur, ui };
}
