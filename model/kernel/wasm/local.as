/**
 * AssemblyScript source of the WebAssembly kernels behind the 1- and 2-qubit operations on
 * density matrices (`model/kernel/internal/wasmLocal.ts`; see there for when they run):
 * - `super2`: a 1-qubit superoperator on every 2x2 block `X = M[(x, a, y), (z, b, w)]` of M
 *   (a, b the target's digits): `vec(Y) = S vec(X)`, S 4x4 complex (a unitary's `U (x) conj(U)`,
 *   or a channel's `sum_k K_k (x) conj(K_k)`), 16 complex products per block;
 * - `conj2`: `A X A^dagger` for a 2x2 A on every 2x2 block X (laid out as for `super2`), in one read
 *   and one write per entry, with the expressions of `conjugate2Blocks` in local.ts, term for term
 *   and in the same order (bit for bit the JavaScript path);
 * - `conj4`: `(U (x) I) M (U (x) I)^dagger` for a 4x4 U on two qubits, per group of 4 rows: the
 *   left product in place over the 4 rows, then the right product in place in each row. The
 *   expressions are those of `left4Rows` and `right4Row` in local.ts, term for term and in the
 *   same order, so results are bit for bit those of the JavaScript path.
 *
 * A complex entry is one f64x2 `[re, im]`. A complex product `s x` is `[sr, sr] x + [-si, si] x'`
 * with x' = `[im, re]` (one shuffle per entry, shared by all its products); JavaScript writes the
 * coefficient pairs `[sr, sr]`, `[-si, si]` (or those of conj(s)) into `coefficientsAt()` first.
 *
 * Only plain IEEE f64 arithmetic (no relaxed-simd, no fused multiply-add): the same input gives
 * byte-identical output on every engine, up to the sign and payload of NaNs (which WebAssembly
 * leaves to the engine; the callers keep operators with a NaN on the JavaScript path). Regenerate `localWasm.ts` after editing: `npm run
 * build:wasm` (test/kernel/local-wasm.test.ts fails otherwise).
 */

// room for 64 coefficient pairs (32 used by conj4, 8 by conj2) of 32 bytes at a static address (a constant in every load: with a
// global offset, each of the 32 loads per group of four entries also reloaded the global), then
// the rows of M from DATA (set by `layout`).
const COEF: usize = memory.data(64 * 32, 16);
let DATA: usize = 0;

function align16(p: usize): usize {
  return (p + 15) & ~(<usize>15);
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
 * Lays out room for `doubles` doubles of M. Returns the byte offset of M, or 0 if the memory is
 * too small (then `neededPages` says how large it must be).
 */
export function layout(doubles: i32): usize {
  DATA = align16(__heap_base);
  const p = DATA + (<usize>doubles << 3);
  const pages = <i32>((p + 0xffff) >> 16);
  const have = memory.size();
  if (pages > have) {
    NEEDED = pages;
    return 0;
  }
  return DATA;
}

/** Byte offset of the coefficient pairs: pair k is `[sr, sr]` at 32 k and `[-si, si]` at 32 k + 16. */
export function coefficientsAt(): usize {
  return COEF;
}

// @ts-ignore: decorator
@inline function swapped(x: v128): v128 {
  return v128.shuffle<f64>(x, x, 1, 0);
}

/** Coefficient pair k times x (x' its swapped copy). */
// @ts-ignore: decorator
@inline function times(k: usize, x: v128, xs: v128): v128 {
  return f64x2.add(f64x2.mul(v128.load(COEF + (k << 5)), x), f64x2.mul(v128.load(COEF + (k << 5), 16), xs));
}

/**
 * The superoperator (coefficients 0..15, row-major, `S[2i + j, 2k + l]`) on every 2x2 block of
 * the rows at DATA: rows `(x, t, y)`, x < a, t < 2, y < b, of `len` complex entries, whose
 * columns are `(z, t, w)`, z < ca, w < cb. In place. Returns the sum of every entry read
 * (not finite if one is not: the caller then takes the JavaScript path).
 */
export function super2(a: i32, b: i32, len: i32, ca: i32, cb: i32): f64 {
  const rowBytes = <usize>len << 4, down = <usize>b * rowBytes, right = <usize>cb << 4;
  let check = f64x2.splat(0);
  for (let x: i32 = 0; x < a; x++) {
    for (let y: i32 = 0; y < b; y++) {
      const r0 = DATA + (<usize>(2 * x * b + y)) * rowBytes;
      if (cb == 1) {
        // the block's two columns are neighbours: one loop over the row (see conj2)
        for (let p = r0, end = r0 + rowBytes; p < end; p += 32) check = f64x2.add(check, super2Block(p, 16, down));
        continue;
      }
      for (let z: i32 = 0; z < ca; z++) {
        let p = r0 + ((<usize>(2 * z * cb)) << 4);
        for (const end = p + right; p < end; p += 16) check = f64x2.add(check, super2Block(p, right, down));
      }
    }
  }
  return f64x2.extract_lane(check, 0) + f64x2.extract_lane(check, 1);
}

/** `super2` on the block whose top-left entry is at p; returns the sum of its four entries. */
// @ts-ignore: decorator
@inline function super2Block(p: usize, right: usize, down: usize): v128 {
  const x0 = v128.load(p), x1 = v128.load(p + right), x2 = v128.load(p + down), x3 = v128.load(p + down + right);
  const s0 = swapped(x0), s1 = swapped(x1), s2 = swapped(x2), s3 = swapped(x3);
  v128.store(p, f64x2.add(f64x2.add(f64x2.add(times(0, x0, s0), times(1, x1, s1)), times(2, x2, s2)), times(3, x3, s3)));
  v128.store(p + right, f64x2.add(f64x2.add(f64x2.add(times(4, x0, s0), times(5, x1, s1)), times(6, x2, s2)), times(7, x3, s3)));
  v128.store(p + down, f64x2.add(f64x2.add(f64x2.add(times(8, x0, s0), times(9, x1, s1)), times(10, x2, s2)), times(11, x3, s3)));
  v128.store(p + down + right, f64x2.add(f64x2.add(f64x2.add(times(12, x0, s0), times(13, x1, s1)), times(14, x2, s2)), times(15, x3, s3)));
  return f64x2.add(f64x2.add(x0, x1), f64x2.add(x2, x3));
}

/**
 * Right-product coefficient vector k of `conj2` (vectors, not pairs: 16 bytes each, from pair 4
 * on): per output column c, `[ac0r, ac0r]`, `[ac0i, -ac0i]`, `[ac1r, -ac1i]`, `[ac1i, ac1r]`.
 */
// @ts-ignore: decorator
@inline function rightCoef(k: usize): v128 {
  return v128.load(COEF + 128 + (k << 4));
}

/**
 * Entry c of row u v of `T A^dagger` for the 2x2 A (u, v: that row of T): `u conj(a_c0) +
 * v conj(a_c1)` as `conjugate2Blocks` in local.ts writes it, `((ur ar + ui ai) + vr br) + vi bi`
 * and `((ui ar - ur ai) - vr bi) + vi br` (a = a_c0, b = a_c1), lane by lane.
 */
// @ts-ignore: decorator
@inline function rightRow(c: usize, u: v128, v: v128): v128 {
  const m1 = f64x2.mul(rightCoef(4 * c), u), m2 = f64x2.mul(rightCoef(4 * c + 1), swapped(u));
  const m3 = f64x2.mul(rightCoef(4 * c + 2), v128.shuffle<f64>(v, v, 0, 0)), m4 = f64x2.mul(rightCoef(4 * c + 3), v128.shuffle<f64>(v, v, 1, 1));
  return f64x2.add(f64x2.add(f64x2.add(m1, m2), m3), m4);
}

/**
 * `A X A^dagger` for a 2x2 A on every 2x2 block X of the rows at DATA (laid out as for `super2`):
 * the expressions of `conjugate2Blocks` in local.ts, term for term and in the same order (so
 * results are bit for bit those of the JavaScript path): `T = A X` with `t = (0 + a_r0 x_0c) +
 * a_r1 x_1c` (coefficient pairs 0..3: A row-major), then `T A^dagger` by {@link rightRow}. One
 * read and one write of each entry, in place.
 */
export function conj2(a: i32, b: i32, len: i32, ca: i32, cb: i32): void {
  const rowBytes = <usize>len << 4, down = <usize>b * rowBytes, right = <usize>cb << 4;
  for (let x: i32 = 0; x < a; x++) {
    for (let y: i32 = 0; y < b; y++) {
      const r0 = DATA + (<usize>(2 * x * b + y)) * rowBytes;
      if (cb == 1) {
        // the block's two columns are neighbours: one loop over the row (a loop per z ran one
        // iteration per block: 37.6M against 30.2M user instructions for the kernel at n = 10)
        for (let p = r0, end = r0 + rowBytes; p < end; p += 32) conj2Block(p, 16, down);
        continue;
      }
      for (let z: i32 = 0; z < ca; z++) {
        let p = r0 + ((<usize>(2 * z * cb)) << 4);
        for (const end = p + right; p < end; p += 16) conj2Block(p, right, down);
      }
    }
  }
}

/** `conj2` on the block whose top-left entry is at p (X[0, 1] at p + right, X[1, 0] at p + down). */
// @ts-ignore: decorator
@inline function conj2Block(p: usize, right: usize, down: usize): void {
  const zero = f64x2.splat(0);
  const x00 = v128.load(p), x01 = v128.load(p + right), x10 = v128.load(p + down), x11 = v128.load(p + down + right);
  const s00 = swapped(x00), s01 = swapped(x01), s10 = swapped(x10), s11 = swapped(x11);
  const t00 = f64x2.add(f64x2.add(zero, times(0, x00, s00)), times(1, x10, s10));
  const t01 = f64x2.add(f64x2.add(zero, times(0, x01, s01)), times(1, x11, s11));
  v128.store(p, rightRow(0, t00, t01));
  v128.store(p + right, rightRow(1, t00, t01));
  const t10 = f64x2.add(f64x2.add(zero, times(2, x00, s00)), times(3, x10, s10));
  const t11 = f64x2.add(f64x2.add(zero, times(2, x01, s01)), times(3, x11, s11));
  v128.store(p + down, rightRow(0, t10, t11));
  v128.store(p + down + right, rightRow(1, t10, t11));
}

/**
 * y_to = 0 + sum_t c[base + 4 to + t] x_t for the four entries at p0..p3, written back in place
 * (the left product with coefficients 0..15, the right one with the conjugates at 16..31).
 */
// @ts-ignore: decorator
@inline function mix4(base: usize, p0: usize, p1: usize, p2: usize, p3: usize): void {
  const zero = f64x2.splat(0);
  const x0 = v128.load(p0), x1 = v128.load(p1), x2 = v128.load(p2), x3 = v128.load(p3);
  const s0 = swapped(x0), s1 = swapped(x1), s2 = swapped(x2), s3 = swapped(x3);
  v128.store(p0, f64x2.add(f64x2.add(f64x2.add(f64x2.add(zero, times(base, x0, s0)), times(base + 1, x1, s1)), times(base + 2, x2, s2)), times(base + 3, x3, s3)));
  v128.store(p1, f64x2.add(f64x2.add(f64x2.add(f64x2.add(zero, times(base + 4, x0, s0)), times(base + 5, x1, s1)), times(base + 6, x2, s2)), times(base + 7, x3, s3)));
  v128.store(p2, f64x2.add(f64x2.add(f64x2.add(f64x2.add(zero, times(base + 8, x0, s0)), times(base + 9, x1, s1)), times(base + 10, x2, s2)), times(base + 11, x3, s3)));
  v128.store(p3, f64x2.add(f64x2.add(f64x2.add(f64x2.add(zero, times(base + 12, x0, s0)), times(base + 13, x1, s1)), times(base + 14, x2, s2)), times(base + 15, x3, s3)));
}

/**
 * `(U (x) I) M (U (x) I)^dagger` on the rows at DATA: rows `(x, t1, y, t2, z)` with dims
 * (a, 2, m, 2, b), of `len` complex entries, whose columns are `(x, t1, y, t2, z)` with dims
 * (ca, 2, cm, 2, cb). Coefficients 0..15: U (row-major); 16..31: conj(U). U's index is
 * `2 t1 + t2`, or `2 t2 + t1` with `swap` (targets listed later qubit first); its terms are
 * summed in that index order, as in JavaScript. In place.
 */
export function conj4(a: i32, m: i32, b: i32, len: i32, ca: i32, cm: i32, cb: i32, swap: i32): void {
  const rowBytes = <usize>len << 4;
  const rowT2 = <usize>b * rowBytes, rowT1 = <usize>(2 * m) * rowT2;
  const colT2 = <usize>cb << 4, colT1 = <usize>(2 * cm) * colT2;
  // U's index is (first target, second target): with `swap` the first is the later qubit (t2)
  const r1 = swap ? rowT1 : rowT2, r2 = swap ? rowT2 : rowT1, c1 = swap ? colT1 : colT2, c2 = swap ? colT2 : colT1;
  for (let x: i32 = 0; x < a; x++) {
    for (let y: i32 = 0; y < m; y++) {
      for (let z: i32 = 0; z < b; z++) {
        const r0 = DATA + (<usize>(((2 * x + 0) * m + y) * 2 * b + z)) * rowBytes;
        // left: the four rows mix, column by column
        for (let p = r0, end = r0 + rowBytes; p < end; p += 16) mix4(0, p, p + r1, p + r2, p + r1 + r2);
        // right: in each of the four rows, every group of four columns mixes
        for (let t: i32 = 0; t < 4; t++) {
          const row = r0 + (t >> 1 ? rowT1 : 0) + (t & 1 ? rowT2 : 0);
          for (let cx: i32 = 0; cx < ca; cx++) {
            if (cb == 1) {
              // one loop over the columns (cx, t1, cy, t2) of this cx (a loop per cy ran once:
              // see conj2; gate2 n = 9 on the qubits (8, 0): 21.1M user instructions per op)
              let p = row + (<usize>(4 * cx * cm) << 4);
              for (const end = p + (<usize>cm << 5); p < end; p += 32) mix4(16, p, p + c1, p + c2, p + c1 + c2);
              continue;
            }
            for (let cy: i32 = 0; cy < cm; cy++) {
              let p = row + (<usize>((2 * cx * cm + cy) * 2 * cb) << 4);
              for (const end = p + colT2; p < end; p += 16) mix4(16, p, p + c1, p + c2, p + c1 + c2);
            }
          }
        }
      }
    }
  }
}
