/**
 * AssemblyScript source of the eigensolver behind `model/kernel/eigen.ts` (see the notes there
 * for the algorithm, its accuracy and its edges): Householder reduction of a complex Hermitian
 * matrix to a real symmetric tridiagonal one, the back-transformation `W = (Q D)^T`, and
 * implicit QL with the rotations applied to the rows of W. A port of the JavaScript of
 * b8be21a, with the matrix in two planes (real, imaginary) and the rows of W in pairs of entries
 * (two real parts, then their imaginary parts; see eigen.ts "The row layout of W") so that every
 * O(n^3) loop is a contiguous f64x2 loop.
 *
 * Why hand-written WebAssembly: at d = 32 and 64 the JavaScript reduction ran 4.6x and 5.8x the
 * user-mode instructions of this one (1.97M vs 0.42M and 15.4M vs 2.6M per call, perf stat,
 * load ~6) and 4.2x and 4.7x its CPU time; whole calls, see eigen.ts.
 *
 * Regenerate `eigenWasm.ts` after editing: `npm run build:wasm` (test/kernel/eigen-wasm.test.ts
 * fails otherwise). The file ends in `.as`, not `.ts`, so that `tsc` does not type-check it as
 * TypeScript; the build script hands it to the compiler under the name `eigen.ts`.
 *
 * Only plain IEEE f64 arithmetic (no relaxed-simd, no fused multiply-add): the same input gives
 * byte-identical output on every engine. All state is in this instance's linear memory, laid out
 * by `layout(n)`; JavaScript copies the input in and the results out, so the API stays pure.
 */

/** Magnitudes below this are treated as zero in phase and norm computations (their squares underflow). */
const NEGLIGIBLE: f64 = 1e-290;
/** A Householder column whose tail has squared norm at most this is left as it is. */
const TAIL2_NEGLIGIBLE: f64 = 1e-300;
const EPSILON: f64 = 2.220446049250313e-16;
const MIN_VALUE: f64 = 5e-324;
/**
 * Sweeps at one l after which a coupling counts as negligible at `eps ||T||` (absolute) rather
 * than only relative to its diagonal neighbours (or below `eps^2 ||T||`). The relative test can
 * be out of reach: on a low-rank d = 64 density matrix the tridiagonal has a block of order 1 at
 * the top coupled (at 1e-13) to a block of rounding noise (1e-17) below, and each sweep through
 * the large block leaves errors of order eps ||T|| at the top, where the coupling to converge is
 * 1e-18 against neighbours of 1e-19: the iteration stalled there and 60 sweeps ended in "did not
 * converge" on 8 of 60 rank-1..6 matrices (test/kernel/eigen-accuracy.test.ts). Dropping a
 * coupling below eps ||T|| moves every eigenvalue by at most that, within the absolute accuracy
 * claimed in eigen.ts. Until then the test is the relative one.
 */
const STUCK_SWEEPS: i32 = 30;

// Byte offsets of the planes (set by `layout`). AR/AI: the matrix, real and imaginary parts,
// row-major; the reduction works on the lower triangle and stores the Householder vector of
// step k in the upper part of row k. W: the rows of W, each in pairs of entries: the real
// parts of entries 2c, 2c+1, then their imaginary parts (one f64x2 each; see `wRow`, `wEntry`),
// which also hold the interleaved input before the reduction; afterwards `collect` writes the sorted eigenvectors, interleaved, over AR and AI. D, E: the tridiagonal. VR..PI: vectors of
// the reduction. BETA: the complex subdiagonal (2n). SH, EC, USED: perfect shifts (see `tql`).
let AR: usize = 0, AI: usize = 0, W: usize = 0, D: usize = 0, E: usize = 0;
let VR: usize = 0, VI: usize = 0, PR: usize = 0, PI: usize = 0, BETA: usize = 0;
let SH: usize = 0, EC: usize = 0, USED: usize = 0;
// ORDER: the eigenvalues' ascending order (i32, see `collect`).
let ORDER: usize = 0;

/** Bytes of an n-vector, rounded up to whole f64x2. */
function vecBytes(n: i32): usize {
  return ((<usize>n + 1) & ~1) << 3;
}

/** Pages the last `layout` needed when it returned 0 (see `layout`). */
let NEEDED: i32 = 0;

/**
 * Pages of memory the last `layout` needed, when it returned 0: the memory is imported and never
 * grows (growing detaches the JavaScript view of it, which makes V8 check every typed-array
 * access in the process from then on; model/kernel/wasm/module.ts), so JavaScript instantiates
 * the module again with this many pages.
 */
export function neededPages(): i32 {
  return NEEDED;
}

/**
 * Lays out the planes for dimension n from the heap base. Returns the byte offset of the
 * interleaved input (2 n^2 doubles), or 0 if the memory is too small (then `neededPages` says
 * how large it must be). Uses 4 n^2 + 14 n doubles (+ alignment) above the static data (W rounds its rows up to an even count).
 */
export function layout(n: i32): usize {
  let p: usize = (__heap_base + 15) & ~15;
  const plane: usize = <usize>n * <usize>n << 3;
  const pad: usize = (plane + 15) & ~15;
  AR = p; p += pad;
  AI = p; p += pad;
  W = p; p += (<usize>n * <usize>evenCount(n) << 4);
  p = (p + 15) & ~15;
  D = p; p += vecBytes(n);
  E = p; p += vecBytes(n);
  VR = p; p += vecBytes(n);
  VI = p; p += vecBytes(n);
  PR = p; p += vecBytes(n);
  PI = p; p += vecBytes(n);
  BETA = p; p += vecBytes(2 * n);
  SH = p; p += vecBytes(n);
  EC = p; p += vecBytes(n);
  USED = p; p += vecBytes(n);
  ORDER = p; p += vecBytes(n);
  const pages = <i32>((p + 0xffff) >> 16);
  const have = memory.size();
  if (pages > have) {
    NEEDED = pages;
    return 0;
  }
  return W;
}

/** Byte offset of the eigenvalues (unsorted) after `eigvalsh` or `eigh`. */
export function values(): usize {
  return D;
}

/**
 * Largest |x| over the 2 n^2 numbers of the interleaved input (at the offset `layout(n)`
 * returned): NaN if one is NaN, Infinity if one is infinite (wasm's max propagates NaN).
 */
export function maxAbs(n: i32): f64 {
  const count = <usize>n * <usize>n << 1;
  let m2 = f64x2.splat(0);
  for (let k: usize = 0; k < count; k += 2) m2 = f64x2.max(m2, f64x2.abs(v128.load(W + (k << 3))));
  return Math.max(f64x2.extract_lane(m2, 0), f64x2.extract_lane(m2, 1));
}

/**
 * After `eigh`: the eigenvalues in ascending order (ties in index order) to the n doubles at
 * `sortedValues()`, and the matching rows of W as the columns of an interleaved complex n x n
 * matrix at `sortedVectors()` (over AR and AI, no longer needed). The order by insertion sort.
 */
export function collect(n: i32): void {
  for (let i = 0; i < n; i++) {
    const x = load<f64>(at(D, i));
    let j = i;
    for (; j > 0 && load<f64>(at(D, load<i32>(ORDER + (<usize>(j - 1) << 2)))) > x; j--) {
      store<i32>(ORDER + (<usize>j << 2), load<i32>(ORDER + (<usize>(j - 1) << 2)));
    }
    store<i32>(ORDER + (<usize>j << 2), i);
  }
  const rowStride = <usize>n << 4;
  for (let col = 0; col < n; col++) {
    const row = load<i32>(ORDER + (<usize>col << 2));
    store<f64>(at(SH, col), load<f64>(at(D, row)));
    const w = wRow(n, row);
    let out = AR + (<usize>col << 4);
    for (let r = 0; r < n; r++, out += rowStride) {
      const e = wEntry(w, r);
      store<f64>(out, load<f64>(e));
      store<f64>(out, load<f64>(e, 16), 8);
    }
  }
}

/** Byte offset of the ascending eigenvalues after `collect`. */
export function sortedValues(): usize {
  return SH;
}

/** Byte offset of the interleaved eigenvector matrix (eigenvectors as columns) after `collect`. */
export function sortedVectors(): usize {
  return AR;
}

/** n rounded up to even: the entries of a row of W, in pairs (the last one padded with a zero for odd n). */
function evenCount(n: i32): i32 {
  return (n + 1) & ~1;
}

/** Byte offset of row j of W: `evenCount(n) / 2` pairs, each two real parts and then their two imaginary parts. */
function wRow(n: i32, j: i32): usize {
  return W + (<usize>j * <usize>evenCount(n) << 4);
}

/** Byte offset of the real part of entry r in the paired row at `row` (its imaginary part is 16 bytes on). */
function wEntry(row: usize, r: i32): usize {
  return row + (<usize>(r >> 1) << 5) + (<usize>(r & 1) << 3);
}

function at(base: usize, i: i32): usize {
  return base + (<usize>i << 3);
}

function at2(base: usize, n: i32, i: i32, j: i32): usize {
  return base + ((<usize>i * <usize>n + <usize>j) << 3);
}

/** The interleaved input at W into the planes AR, AI, divided by `scale` (a power of two: exact). */
function deinterleave(n: i32, scale: f64): void {
  const count = <usize>n * <usize>n;
  if (scale === 1) {
    for (let k: usize = 0; k < count; k++) {
      store<f64>(AR + (k << 3), load<f64>(W + (k << 4)));
      store<f64>(AI + (k << 3), load<f64>(W + (k << 4) + 8));
    }
  } else {
    for (let k: usize = 0; k < count; k++) {
      store<f64>(AR + (k << 3), load<f64>(W + (k << 4)) / scale);
      store<f64>(AI + (k << 3), load<f64>(W + (k << 4) + 8) / scale);
    }
  }
}

/**
 * Eigenvalues (unsorted, at `values()`) of the Hermitian matrix written interleaved at the offset
 * `layout(n)` returned, divided by `scale` (the caller multiplies the eigenvalues back).
 * Returns 0, or 1 if the QL iteration did not converge.
 */
export function eigvalsh(n: i32, scale: f64): i32 {
  deinterleave(n, scale);
  tridiagonalize(n, false);
  return tqlRootFree(n, D, E);
}

/**
 * Eigenvalues (unsorted, at `values()`) and W, whose row i (see `wRow`; sorted into columns by `collect`)
 * is the eigenvector of value i; with `perfectShifts`, the eigenvalues are computed first without
 * vectors and used as shifts (see `tql`). Returns 0, or 1 if the QL iteration did not converge.
 */
export function eigh(n: i32, scale: f64, perfectShifts: bool): i32 {
  deinterleave(n, scale);
  tridiagonalize(n, true);
  accumulateQD(n);
  let shifts = false;
  if (perfectShifts) {
    // the eigenvalues without vectors, as shifts only: if they fail, Wilkinson's shifts alone
    memory.copy(SH, D, <usize>n << 3);
    memory.copy(EC, E, <usize>n << 3);
    shifts = tqlRootFree(n, SH, EC) === 0;
  }
  return tql(n, shifts);
}

/**
 * Householder reduction of (AR, AI) to the real tridiagonal (D, E). Only the lower triangle
 * (and the real part of the diagonal) is read and updated: the upper triangle is its conjugate,
 * so `p = A v` takes `A_ji = conj(A_ij)` from the stored `A_ij`, and the rank-2 update touches
 * half the entries. Step k reflects by `H_k = I - 2 v_k v_k^dagger`. With `keep`, the unit
 * vector `v_k` goes to the upper part of row k (zeros for a skipped step), which no later step
 * reads, and the complex subdiagonal entry `(k + 1, k)` of `Q^dagger A Q` to BETA.
 */
function tridiagonalize(n: i32, keep: bool): void {
  for (let k = 0; k < n - 2; k++) {
    // x = a[k+1.., k] = (x0, tail). The tail's squared norm is summed on its own, never
    // taken as ||x||^2 - |x0|^2: that difference cancels to 0 when |tail| < sqrt(eps) |x0|,
    // and skipping the step then dropped a tail entry of 1.9e-9 next to x0 = 0.19 (the
    // seed-20041 state: eigenvalues +-1.7e-9 instead of 1e-18 and 3.9e-14)
    let tail2: f64 = 0;
    for (let i = k + 2; i < n; i++) {
      const x = load<f64>(at2(AR, n, i, k)), y = load<f64>(at2(AI, n, i, k));
      tail2 += x * x + y * y;
    }
    const x0r = load<f64>(at2(AR, n, k + 1, k)), x0i = load<f64>(at2(AI, n, k + 1, k));
    const x0abs = Math.hypot(x0r, x0i);
    const norm = Math.sqrt(x0abs * x0abs + tail2);
    store<f64>(at(D, k), load<f64>(at2(AR, n, k, k)));
    if (norm < NEGLIGIBLE || tail2 <= TAIL2_NEGLIGIBLE) {
      // already tridiagonal in this column (a tail of norm <= 1e-150, far below eps times the
      // smallest unscaled matrix, 2^-100), or the whole column is below NEGLIGIBLE, whose
      // squares underflow: the coupling is |x0|, with an absolute error below NEGLIGIBLE
      store<f64>(at(E, k), x0abs);
      if (keep) {
        store<f64>(at(BETA, 2 * k), x0r);
        store<f64>(at(BETA, 2 * k + 1), x0i);
        memory.fill(at2(AR, n, k, k + 1), 0, <usize>(n - k - 1) << 3);
        memory.fill(at2(AI, n, k, k + 1), 0, <usize>(n - k - 1) << 3);
      }
      continue;
    }
    store<f64>(at(E, k), norm); // |alpha|
    // alpha = -e^{i arg x0} ||x||; v = x - alpha e1. For a subnormal x0 the ratio x0 / |x0| is
    // not a unit phase (too few significant bits), and a non-unit phase makes the reflection
    // non-unitary: take phase 1 instead, which costs an error of order |x0| / ||x||.
    const tiny = x0abs < NEGLIGIBLE;
    const phr: f64 = tiny ? 1 : x0r / x0abs, phi: f64 = tiny ? 0 : x0i / x0abs;
    for (let i = k + 1; i < n; i++) {
      store<f64>(at(VR, i), load<f64>(at2(AR, n, i, k)));
      store<f64>(at(VI, i), load<f64>(at2(AI, n, i, k)));
    }
    store<f64>(at(VR, k + 1), load<f64>(at(VR, k + 1)) + phr * norm);
    store<f64>(at(VI, k + 1), load<f64>(at(VI, k + 1)) + phi * norm);
    let vn: f64 = 0;
    for (let i = k + 1; i < n; i++) {
      const x = load<f64>(at(VR, i)), y = load<f64>(at(VI, i));
      vn += x * x + y * y;
    }
    vn = Math.sqrt(vn);
    for (let i = k + 1; i < n; i++) {
      store<f64>(at(VR, i), load<f64>(at(VR, i)) / vn);
      store<f64>(at(VI, i), load<f64>(at(VI, i)) / vn);
    }
    if (keep) {
      store<f64>(at(BETA, 2 * k), -phr * norm);
      store<f64>(at(BETA, 2 * k + 1), -phi * norm);
      memory.copy(at2(AR, n, k, k + 1), at(VR, k + 1), <usize>(n - k - 1) << 3);
      memory.copy(at2(AI, n, k, k + 1), at(VI, k + 1), <usize>(n - k - 1) << 3);
    }
    multiplyLower(n, k);
    let K: f64 = 0;
    for (let i = k + 1; i < n; i++) K += load<f64>(at(VR, i)) * load<f64>(at(PR, i)) + load<f64>(at(VI, i)) * load<f64>(at(PI, i));
    for (let i = k + 1; i < n; i++) {
      store<f64>(at(PR, i), load<f64>(at(PR, i)) - K * load<f64>(at(VR, i)));
      store<f64>(at(PI, i), load<f64>(at(PI, i)) - K * load<f64>(at(VI, i)));
    }
    rank2Update(n, k);
  }
  const lr = load<f64>(at2(AR, n, n - 1, n - 2)), li = load<f64>(at2(AI, n, n - 1, n - 2));
  store<f64>(at(D, n - 2), load<f64>(at2(AR, n, n - 2, n - 2)));
  store<f64>(at(D, n - 1), load<f64>(at2(AR, n, n - 1, n - 1)));
  store<f64>(at(E, n - 2), Math.hypot(lr, li));
  store<f64>(at(E, n - 1), 0);
  if (keep) {
    store<f64>(at(BETA, 2 * (n - 2)), lr);
    store<f64>(at(BETA, 2 * (n - 2) + 1), li);
  }
}

/**
 * p = A v on the trailing block k+1.., from the lower triangle: row i contributes A_ij v_j to
 * p_i and conj(A_ij) v_i to p_j (j < i); the diagonal is real. Two j per f64x2.
 */
function multiplyLower(n: i32, k: i32): void {
  for (let i = k + 1; i < n; i++) {
    const aii = load<f64>(at2(AR, n, i, i));
    store<f64>(at(PR, i), aii * load<f64>(at(VR, i)));
    store<f64>(at(PI, i), aii * load<f64>(at(VI, i)));
  }
  for (let i = k + 1; i < n; i++) {
    const rowR = at2(AR, n, i, 0), rowI = at2(AI, n, i, 0);
    const vri = load<f64>(at(VR, i)), vii = load<f64>(at(VI, i));
    const vri2 = f64x2.splat(vri), vii2 = f64x2.splat(vii);
    let sr2 = f64x2.splat(0), si2 = f64x2.splat(0);
    let j = k + 1;
    // two f64x2 per iteration (the second at immediate offsets), summed in the same order
    for (; j + 3 < i; j += 4) {
      const o = <usize>j << 3;
      const rR = rowR + o, rI = rowI + o, xR = VR + o, xI = VI + o, pR = PR + o, pI = PI + o;
      let ar = v128.load(rR), ai = v128.load(rI), xr = v128.load(xR), xi = v128.load(xI);
      sr2 = f64x2.add(sr2, f64x2.sub(f64x2.mul(ar, xr), f64x2.mul(ai, xi)));
      si2 = f64x2.add(si2, f64x2.add(f64x2.mul(ar, xi), f64x2.mul(ai, xr)));
      v128.store(pR, f64x2.add(v128.load(pR), f64x2.add(f64x2.mul(ar, vri2), f64x2.mul(ai, vii2))));
      v128.store(pI, f64x2.add(v128.load(pI), f64x2.sub(f64x2.mul(ar, vii2), f64x2.mul(ai, vri2))));
      ar = v128.load(rR, 16); ai = v128.load(rI, 16); xr = v128.load(xR, 16); xi = v128.load(xI, 16);
      sr2 = f64x2.add(sr2, f64x2.sub(f64x2.mul(ar, xr), f64x2.mul(ai, xi)));
      si2 = f64x2.add(si2, f64x2.add(f64x2.mul(ar, xi), f64x2.mul(ai, xr)));
      v128.store(pR, f64x2.add(v128.load(pR, 16), f64x2.add(f64x2.mul(ar, vri2), f64x2.mul(ai, vii2))), 16);
      v128.store(pI, f64x2.add(v128.load(pI, 16), f64x2.sub(f64x2.mul(ar, vii2), f64x2.mul(ai, vri2))), 16);
    }
    for (; j + 1 < i; j += 2) {
      const o = <usize>j << 3;
      const ar = v128.load(rowR + o), ai = v128.load(rowI + o);
      const xr = v128.load(VR + o), xi = v128.load(VI + o);
      sr2 = f64x2.add(sr2, f64x2.sub(f64x2.mul(ar, xr), f64x2.mul(ai, xi)));
      si2 = f64x2.add(si2, f64x2.add(f64x2.mul(ar, xi), f64x2.mul(ai, xr)));
      v128.store(PR + o, f64x2.add(v128.load(PR + o), f64x2.add(f64x2.mul(ar, vri2), f64x2.mul(ai, vii2))));
      v128.store(PI + o, f64x2.add(v128.load(PI + o), f64x2.sub(f64x2.mul(ar, vii2), f64x2.mul(ai, vri2))));
    }
    let sr = load<f64>(at(PR, i)) + (f64x2.extract_lane(sr2, 0) + f64x2.extract_lane(sr2, 1));
    let si = load<f64>(at(PI, i)) + (f64x2.extract_lane(si2, 0) + f64x2.extract_lane(si2, 1));
    if (j < i) {
      const o = <usize>j << 3;
      const ar = load<f64>(rowR + o), ai = load<f64>(rowI + o);
      const xr = load<f64>(VR + o), xi = load<f64>(VI + o);
      sr += ar * xr - ai * xi;
      si += ar * xi + ai * xr;
      store<f64>(PR + o, load<f64>(PR + o) + (ar * vri + ai * vii));
      store<f64>(PI + o, load<f64>(PI + o) + (ar * vii - ai * vri));
    }
    store<f64>(at(PR, i), sr);
    store<f64>(at(PI, i), si);
  }
}

/**
 * A -= 2 (v w^dagger + w v^dagger) on the lower triangle of the trailing block, w in (PR, PI).
 * The factor 2 is folded into v_i and w_i (exact).
 */
function rank2Update(n: i32, k: i32): void {
  for (let i = k + 1; i < n; i++) {
    const rowR = at2(AR, n, i, 0), rowI = at2(AI, n, i, 0);
    const vri = 2 * load<f64>(at(VR, i)), vii = 2 * load<f64>(at(VI, i));
    const wri = 2 * load<f64>(at(PR, i)), wii = 2 * load<f64>(at(PI, i));
    const vr2 = f64x2.splat(vri), vi2 = f64x2.splat(vii), wr2 = f64x2.splat(wri), wi2 = f64x2.splat(wii);
    let j = k + 1;
    for (; j + 3 <= i; j += 4) { // two f64x2 per iteration, the second at immediate offsets
      const o = <usize>j << 3;
      const rR = rowR + o, rI = rowI + o, pR = PR + o, pI = PI + o, xR = VR + o, xI = VI + o;
      let pr = v128.load(pR), pi = v128.load(pI), xr = v128.load(xR), xi = v128.load(xI);
      let re = f64x2.add(f64x2.add(f64x2.mul(vr2, pr), f64x2.mul(vi2, pi)), f64x2.add(f64x2.mul(wr2, xr), f64x2.mul(wi2, xi)));
      let im = f64x2.add(f64x2.sub(f64x2.mul(vi2, pr), f64x2.mul(vr2, pi)), f64x2.sub(f64x2.mul(wi2, xr), f64x2.mul(wr2, xi)));
      v128.store(rR, f64x2.sub(v128.load(rR), re));
      v128.store(rI, f64x2.sub(v128.load(rI), im));
      pr = v128.load(pR, 16); pi = v128.load(pI, 16); xr = v128.load(xR, 16); xi = v128.load(xI, 16);
      re = f64x2.add(f64x2.add(f64x2.mul(vr2, pr), f64x2.mul(vi2, pi)), f64x2.add(f64x2.mul(wr2, xr), f64x2.mul(wi2, xi)));
      im = f64x2.add(f64x2.sub(f64x2.mul(vi2, pr), f64x2.mul(vr2, pi)), f64x2.sub(f64x2.mul(wi2, xr), f64x2.mul(wr2, xi)));
      v128.store(rR, f64x2.sub(v128.load(rR, 16), re), 16);
      v128.store(rI, f64x2.sub(v128.load(rI, 16), im), 16);
    }
    for (; j + 1 <= i; j += 2) {
      const o = <usize>j << 3;
      const pr = v128.load(PR + o), pi = v128.load(PI + o), xr = v128.load(VR + o), xi = v128.load(VI + o);
      // v_i conj(w_j) + w_i conj(v_j)
      const re = f64x2.add(f64x2.add(f64x2.mul(vr2, pr), f64x2.mul(vi2, pi)), f64x2.add(f64x2.mul(wr2, xr), f64x2.mul(wi2, xi)));
      const im = f64x2.add(f64x2.sub(f64x2.mul(vi2, pr), f64x2.mul(vr2, pi)), f64x2.sub(f64x2.mul(wi2, xr), f64x2.mul(wr2, xi)));
      v128.store(rowR + o, f64x2.sub(v128.load(rowR + o), re));
      v128.store(rowI + o, f64x2.sub(v128.load(rowI + o), im));
    }
    if (j <= i) {
      const o = <usize>j << 3;
      const pr = load<f64>(PR + o), pi = load<f64>(PI + o), xr = load<f64>(VR + o), xi = load<f64>(VI + o);
      store<f64>(rowR + o, load<f64>(rowR + o) - ((vri * pr + vii * pi) + (wri * xr + wii * xi)));
      store<f64>(rowI + o, load<f64>(rowI + o) - ((vii * pr - vri * pi) + (wii * xr - wri * xi)));
    }
  }
}

/**
 * The rows of `W = (Q D)^T` into W: `Q = H_0 H_1 ... H_{n-3}` from the reflectors kept by
 * `tridiagonalize`, and `D = diag(delta)` the phases with `conj(delta_{k+1}) beta_k delta_k =
 * |beta_k|` (so `D^dagger (Q^dagger A Q) D` is the real tridiagonal (D, E)). Built as
 * `W <- W H_k^T` for k from the last step down, starting from `W = D`; `H_k` touches entries
 * k+1.. only, so each step works on the trailing (n-k-1)^2 block.
 */
function accumulateQD(n: i32): void {
  const rowBytes = <usize>evenCount(n) << 4;
  memory.fill(W, 0, <usize>n * rowBytes);
  let dr: f64 = 1, di: f64 = 0;
  store<f64>(W, 1);
  for (let k = 0; k < n - 1; k++) {
    const br = load<f64>(at(BETA, 2 * k)), bi = load<f64>(at(BETA, 2 * k + 1)), babs = Math.hypot(br, bi);
    if (babs >= NEGLIGIBLE) {
      const ur = br / babs, ui = bi / babs;
      const nr = dr * ur - di * ui;
      di = dr * ui + di * ur;
      dr = nr;
    }
    const e = wEntry(wRow(n, k + 1), k + 1);
    store<f64>(e, dr);
    store<f64>(e, di, 16);
  }
  // v_k in W's paired layout, zero outside k+1..n-1, over VR and VI (free here, contiguous)
  const v = VR;
  for (let k = n - 3; k >= 0; k--) {
    const vR = at2(AR, n, k, 0), vI = at2(AI, n, k, 0);
    let nonzero = false;
    for (let i = k + 1; i < n && !nonzero; i++) nonzero = load<f64>(at(vR, i)) !== 0 || load<f64>(at(vI, i)) !== 0;
    if (!nonzero) continue; // a skipped step: H_k = I
    memory.fill(v, 0, rowBytes);
    for (let i = k + 1; i < n; i++) {
      const e = wEntry(v, i);
      store<f64>(e, load<f64>(at(vR, i)));
      store<f64>(e, load<f64>(at(vI, i)), 16);
    }
    const first = <usize>((k + 1) >> 1) << 5; // the pair holding entry k+1 (entry k of v is 0)
    for (let j = k + 1; j < n; j++) reflectRow(wRow(n, j), v, first, rowBytes);
  }
}

/**
 * One paired row of W times `H_k^T`: row -= 2 (row . conj(v)) v, over the pairs from byte
 * `first` to `end` (v is zero before entry k+1, so the pair holding entry k adds nothing). Two
 * addresses per pair, the imaginary parts at an immediate offset.
 */
function reflectRow(row: usize, v: usize, first: usize, end: usize): void {
  // (v^dagger M)_j = sum_i conj(v_i) W[j][i]
  let sr2 = f64x2.splat(0), si2 = f64x2.splat(0);
  let o = first;
  for (; o + 32 < end; o += 64) { // two pairs per iteration, summed in the same order as one by one
    const xr = v128.load(v + o), xi = v128.load(v + o, 16), mr = v128.load(row + o), mi = v128.load(row + o, 16);
    const yr = v128.load(v + o, 32), yi = v128.load(v + o, 48), nr = v128.load(row + o, 32), ni = v128.load(row + o, 48);
    sr2 = f64x2.add(sr2, f64x2.add(f64x2.mul(xr, mr), f64x2.mul(xi, mi)));
    si2 = f64x2.add(si2, f64x2.sub(f64x2.mul(xr, mi), f64x2.mul(xi, mr)));
    sr2 = f64x2.add(sr2, f64x2.add(f64x2.mul(yr, nr), f64x2.mul(yi, ni)));
    si2 = f64x2.add(si2, f64x2.sub(f64x2.mul(yr, ni), f64x2.mul(yi, nr)));
  }
  if (o < end) {
    const xr = v128.load(v + o), xi = v128.load(v + o, 16), mr = v128.load(row + o), mi = v128.load(row + o, 16);
    sr2 = f64x2.add(sr2, f64x2.add(f64x2.mul(xr, mr), f64x2.mul(xi, mi)));
    si2 = f64x2.add(si2, f64x2.sub(f64x2.mul(xr, mi), f64x2.mul(xi, mr)));
  }
  const sr = 2 * (f64x2.extract_lane(sr2, 0) + f64x2.extract_lane(sr2, 1));
  const si = 2 * (f64x2.extract_lane(si2, 0) + f64x2.extract_lane(si2, 1));
  const sr1 = f64x2.splat(sr), si1 = f64x2.splat(si);
  for (o = first; o + 32 < end; o += 64) {
    const xr = v128.load(v + o), xi = v128.load(v + o, 16), yr = v128.load(v + o, 32), yi = v128.load(v + o, 48);
    v128.store(row + o, f64x2.sub(v128.load(row + o), f64x2.sub(f64x2.mul(xr, sr1), f64x2.mul(xi, si1))));
    v128.store(row + o, f64x2.sub(v128.load(row + o, 16), f64x2.add(f64x2.mul(xr, si1), f64x2.mul(xi, sr1))), 16);
    v128.store(row + o, f64x2.sub(v128.load(row + o, 32), f64x2.sub(f64x2.mul(yr, sr1), f64x2.mul(yi, si1))), 32);
    v128.store(row + o, f64x2.sub(v128.load(row + o, 48), f64x2.add(f64x2.mul(yr, si1), f64x2.mul(yi, sr1))), 48);
  }
  if (o < end) {
    const xr = v128.load(v + o), xi = v128.load(v + o, 16);
    v128.store(row + o, f64x2.sub(v128.load(row + o), f64x2.sub(f64x2.mul(xr, sr1), f64x2.mul(xi, si1))));
    v128.store(row + o, f64x2.sub(v128.load(row + o, 16), f64x2.add(f64x2.mul(xr, si1), f64x2.mul(xi, sr1))), 16);
  }
}

/**
 * `sqrt(a^2 + b^2)`: the plain formula is exact to an ulp unless a square overflows or
 * underflows, so those (never at density-matrix scale) fall back to `Math.hypot`. Inlined: it
 * is called once per QL step, and the call cost about a tenth of its instructions.
 */
// @ts-ignore: decorator
@inline
function pythag(a: f64, b: f64): f64 {
  const aa = Math.abs(a), bb = Math.abs(b);
  if (aa > 1e150 || bb > 1e150 || (aa < 1e-150 && bb < 1e-150)) return Math.hypot(a, b);
  return Math.sqrt(a * a + b * b);
}

/**
 * Implicit QL with Wilkinson-type shifts on the real symmetric tridiagonal (D, E) (E[i] couples
 * i, i+1), every plane rotation of coordinates (i, i+1) applied to rows i and i+1 of W as well
 * (the eigenvalues alone: `tqlRootFree`). Returns 0, or 1 after 60 sweeps at one l without
 * convergence.
 *
 * With `shifts` (the eigenvalues in SH, computed beforehand without vectors) the first two sweeps
 * at each l shift by the not yet deflated eigenvalue nearest to the Wilkinson shift ("perfect
 * shifts"): in exact arithmetic one such sweep deflates it, and in floating point it usually
 * does, about 1.1 sweeps per eigenvalue instead of 2.2, which halves the rotations applied to W.
 * When it does not (the sweep is forward unstable when the eigenvector's entry at l is tiny),
 * the Wilkinson shifts take over. Every sweep is a sequence of plane rotations either way, and
 * the deflation test is the same: accuracy does not depend on the shifts, only the sweep count.
 */
function tql(n: i32, shifts: bool): i32 {
  const d = D, e = E;
  if (shifts) memory.fill(USED, 0, <usize>n << 3);
  // couplings below eps^2 of the matrix scale are negligible: without this floor a block of
  // exact zeros next to subnormal couplings never deflates and the iteration cannot converge
  let anorm: f64 = 0;
  for (let i = 0; i < n; i++) anorm = Math.max(anorm, Math.abs(load<f64>(at(d, i))) + Math.abs(load<f64>(at(e, i))));
  const relativeFloor = Math.max(MIN_VALUE, anorm * EPSILON * EPSILON);
  const absoluteFloor = Math.max(relativeFloor, anorm * EPSILON);
  for (let l = 0; l < n; l++) {
    let iter = 0;
    let m: i32;
    do {
      const floor = iter < STUCK_SWEEPS ? relativeFloor : absoluteFloor;
      for (m = l; m < n - 1; m++) {
        const dd = Math.abs(load<f64>(at(d, m))) + Math.abs(load<f64>(at(d, m + 1)));
        const em = Math.abs(load<f64>(at(e, m)));
        if (em <= EPSILON * dd || em <= floor) break;
      }
      if (m !== l) {
        if (iter++ === 60) return 1;
        const dl = load<f64>(at(d, l)), el = load<f64>(at(e, l));
        let g = (load<f64>(at(d, l + 1)) - dl) / (2 * el);
        let r = pythag(g, 1);
        const wilkinson = el / (g + (g >= 0 ? r : -r));
        g = shifts && iter <= 2
          ? load<f64>(at(d, m)) - load<f64>(at(SH, nearestUnused(n, dl - wilkinson)))
          : load<f64>(at(d, m)) - dl + wilkinson;
        let s: f64 = 1, c: f64 = 1, p: f64 = 0;
        let i: i32;
        for (i = m - 1; i >= l; i--) {
          const ei = load<f64>(at(e, i));
          const f = s * ei;
          const b = c * ei;
          r = pythag(f, g);
          store<f64>(at(e, i + 1), r);
          if (r === 0) {
            store<f64>(at(d, i + 1), load<f64>(at(d, i + 1)) - p);
            store<f64>(at(e, m), 0);
            break;
          }
          s = f / r;
          c = g / r;
          g = load<f64>(at(d, i + 1)) - p;
          r = (load<f64>(at(d, i)) - g) * s + 2 * c * b;
          p = s * r;
          store<f64>(at(d, i + 1), g + p);
          g = c * r - b;
          rotateRows(n, i, s, c);
        }
        if (r === 0 && i >= l) continue;
        store<f64>(at(d, l), load<f64>(at(d, l)) - p);
        store<f64>(at(e, l), g);
        store<f64>(at(e, m), 0);
      }
    } while (m !== l);
    if (shifts) store<f64>(at(USED, nearestUnused(n, load<f64>(at(d, l)))), 1);
  }
  return 0;
}

/**
 * Eigenvalues of the tridiagonal (d, e) into d by the root-free QL of Pal, Walker and Kahan
 * (LAPACK `dsterf`, what numpy's eigvalsh runs): on the squared couplings `e^2` (into e), one
 * chain of two divisions per step instead of a square root and two divisions as in `tql`
 * without vectors, whose steps are a serial dependency chain: 25 % less CPU time at d = 32
 * and 64 (29.9 vs 38.6 us and 113.9 vs 150.7 us, the bench's matrices, load 9). The same
 * shifts (Wilkinson's, from the leading 2 x 2) and the same deflation tests as `tql`, squared:
 * `e_m^2 <= (eps (|d_m| + |d_{m+1}|))^2`, or below the square of the relative floor, and of
 * the absolute floor after STUCK_SWEEPS. Returns 0, or 1 after 60 sweeps at one l.
 */
function tqlRootFree(n: i32, d: usize, e: usize): i32 {
  let anorm: f64 = 0;
  for (let i = 0; i < n; i++) {
    const ei = load<f64>(at(e, i));
    anorm = Math.max(anorm, Math.abs(load<f64>(at(d, i))) + Math.abs(ei));
    store<f64>(at(e, i), ei * ei);
  }
  const relativeFloor = Math.max(MIN_VALUE, anorm * EPSILON * EPSILON);
  const absoluteFloor = Math.max(relativeFloor, anorm * EPSILON);
  const relative2 = relativeFloor * relativeFloor, absolute2 = absoluteFloor * absoluteFloor;
  for (let l = 0; l < n; l++) {
    for (let iter = 0; ; iter++) {
      const floor2 = iter < STUCK_SWEEPS ? relative2 : absolute2;
      let m = l;
      for (; m < n - 1; m++) {
        const em = load<f64>(at(e, m)), dd = EPSILON * (Math.abs(load<f64>(at(d, m))) + Math.abs(load<f64>(at(d, m + 1))));
        if (em <= dd * dd || em <= floor2) break;
      }
      if (m === l) break;
      if (iter === 60) return 1;
      const top = load<f64>(at(d, l)), rte = Math.sqrt(load<f64>(at(e, l)));
      let sigma = (load<f64>(at(d, l + 1)) - top) / (2 * rte);
      const r = pythag(sigma, 1);
      sigma = top - rte / (sigma + (sigma >= 0 ? r : -r));
      let c: f64 = 1, s: f64 = 0, gamma = load<f64>(at(d, m)) - sigma, p = gamma * gamma;
      for (let i = m - 1; i >= l; i--) {
        const bb = load<f64>(at(e, i));
        const rr = p + bb;
        if (i !== m - 1) store<f64>(at(e, i + 1), s * rr);
        const oldc = c;
        c = p / rr;
        s = bb / rr;
        const oldgam = gamma, alpha = load<f64>(at(d, i));
        gamma = c * (alpha - sigma) - s * oldgam;
        store<f64>(at(d, i + 1), oldgam + (alpha - gamma));
        p = c !== 0 ? (gamma * gamma) / c : oldc * bb;
      }
      store<f64>(at(e, l), s * p);
      store<f64>(at(d, l), sigma + gamma);
    }
  }
  return 0;
}

/** Index of the entry of SH nearest to x among those not marked in USED (n > 0 unmarked). */
function nearestUnused(n: i32, x: f64): i32 {
  let best = -1;
  let bestDistance = Infinity;
  for (let j = 0; j < n; j++) {
    const distance = Math.abs(load<f64>(at(SH, j)) - x);
    if (load<f64>(at(USED, j)) === 0 && distance < bestDistance) {
      best = j;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Rows (i, i+1) of W <- (c row_i - s row_{i+1}, s row_i + c row_{i+1}): a real rotation, the
 * same on real and imaginary parts, so each row is one run of 2 evenCount(n) doubles (n rounded
 * up to even, the pad entries zero: a multiple of four doubles, 32 bytes, so the loops leave no
 * tail), two f64x2 per iteration at one address and its immediate offset. With the real and
 * imaginary parts in two planes (four addresses per iteration and a scalar tail for odd n) the
 * same arithmetic took more instructions; see eigen.ts for the measurements.
 */
function rotateRows(n: i32, i: i32, s: f64, c: f64): void {
  const end = <usize>evenCount(n) << 4, p = wRow(n, i), q = p + end;
  const s2 = f64x2.splat(s), c2 = f64x2.splat(c);
  let o: usize = 0;
  for (; o + 48 < end; o += 64) {
    const x = v128.load(p + o), y = v128.load(q + o), x1 = v128.load(p + o, 16), y1 = v128.load(q + o, 16);
    const x2 = v128.load(p + o, 32), y2 = v128.load(q + o, 32), x3 = v128.load(p + o, 48), y3 = v128.load(q + o, 48);
    v128.store(q + o, f64x2.add(f64x2.mul(s2, x), f64x2.mul(c2, y)));
    v128.store(p + o, f64x2.sub(f64x2.mul(c2, x), f64x2.mul(s2, y)));
    v128.store(q + o, f64x2.add(f64x2.mul(s2, x1), f64x2.mul(c2, y1)), 16);
    v128.store(p + o, f64x2.sub(f64x2.mul(c2, x1), f64x2.mul(s2, y1)), 16);
    v128.store(q + o, f64x2.add(f64x2.mul(s2, x2), f64x2.mul(c2, y2)), 32);
    v128.store(p + o, f64x2.sub(f64x2.mul(c2, x2), f64x2.mul(s2, y2)), 32);
    v128.store(q + o, f64x2.add(f64x2.mul(s2, x3), f64x2.mul(c2, y3)), 48);
    v128.store(p + o, f64x2.sub(f64x2.mul(c2, x3), f64x2.mul(s2, y3)), 48);
  }
  for (; o + 16 < end; o += 32) {
    const x = v128.load(p + o), y = v128.load(q + o), x1 = v128.load(p + o, 16), y1 = v128.load(q + o, 16);
    v128.store(q + o, f64x2.add(f64x2.mul(s2, x), f64x2.mul(c2, y)));
    v128.store(p + o, f64x2.sub(f64x2.mul(c2, x), f64x2.mul(s2, y)));
    v128.store(q + o, f64x2.add(f64x2.mul(s2, x1), f64x2.mul(c2, y1)), 16);
    v128.store(p + o, f64x2.sub(f64x2.mul(c2, x1), f64x2.mul(s2, y1)), 16);
  }
}
