/**
 * A round's density matrix over its live qubits only: a slot joins when first touched (as |0>,
 * or directly in its prepared state) and leaves as soon as no later instruction reads it (traced
 * out, or dropped right after its measurement). A five-slot round then mostly runs on 2-4 qubits
 * instead of 5, and every branch carries only what is still live.
 *
 * Hand-written rather than through the kernel's generic `evolve`/`measure`: at these sizes
 * (d <= 32) the generic path spends most of its time on offsets, validation and fresh buffers
 * (39 % of an evaluation in applyLeft/applyRightAdjoint alone, issue 12); here a state is owned by
 * one branch and updated in place, and the 2x2 / 4x4 operators are applied with bit masks.
 *
 * Layout: interleaved (re, im), row-major; `slots[0]` is the most significant qubit, as in the
 * kernel. Operators are interleaved too (a 2x2 is 8 numbers, a 4x4 is 32).
 * @internal
 */

/** A density matrix over the live slots; `data` is owned (mutated in place). */
export interface LiveState {
  /** Slot ids, most significant qubit first. */
  slots: number[];
  data: Float64Array;
}

/** `D x D` matrix size of a state. */
function dimOf(st: LiveState): number {
  return 1 << st.slots.length;
}

/** Bit mask of a live slot in a basis index. */
function maskOf(st: LiveState, slot: number): number {
  const pos = st.slots.indexOf(slot);
  if (pos < 0) throw new RangeError(`liveState: slot ${slot} is not live`);
  return 1 << (st.slots.length - 1 - pos);
}

/** A copy (for a branch). */
export function cloneState(st: LiveState): LiveState {
  return { slots: st.slots.slice(), data: st.data.slice() };
}

/** `rho (x) sigma` with sigma a 2x2 density (8 numbers) on a new least significant slot. */
export function appendQubit(st: LiveState, slot: number, sigma: ArrayLike<number>): LiveState {
  const D = dimOf(st), E = 2 * D;
  const src = st.data, out = new Float64Array(2 * E * E);
  for (let i = 0; i < D; i++) {
    for (let j = 0; j < D; j++) {
      const r = src[2 * (i * D + j)], m = src[2 * (i * D + j) + 1];
      if (r === 0 && m === 0) continue;
      for (let a = 0; a < 2; a++) {
        for (let b = 0; b < 2; b++) {
          const sr = sigma[2 * (2 * a + b)], si = sigma[2 * (2 * a + b) + 1];
          const k = 2 * ((2 * i + a) * E + 2 * j + b);
          out[k] = r * sr - m * si;
          out[k + 1] = r * si + m * sr;
        }
      }
    }
  }
  return { slots: [...st.slots, slot], data: out };
}

/** Index `i` (without the bit `mask`) widened by inserting bit value `a` at `mask`. */
function widen(i: number, mask: number, a: number): number {
  return ((i & ~(mask - 1)) << 1) | (a ? mask : 0) | (i & (mask - 1));
}

/**
 * Contract a slot with the weights `w[a][b]` (8 numbers, interleaved):
 * `out[i, j] = sum_{a,b} w[a,b] rho[(i,a), (j,b)]`. The partial trace is `w = I`; the
 * unnormalised branch `<v|rho|v>` of a measurement is `w[a,b] = conj(v_a) v_b`.
 */
export function contractSlot(st: LiveState, slot: number, w: ArrayLike<number>): LiveState {
  const mask = maskOf(st, slot);
  const D = dimOf(st), d = D >> 1;
  const src = st.data, out = new Float64Array(2 * d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let re = 0, im = 0;
      for (let a = 0; a < 2; a++) {
        const row = widen(i, mask, a) * D;
        for (let b = 0; b < 2; b++) {
          const wr = w[2 * (2 * a + b)], wi = w[2 * (2 * a + b) + 1];
          if (wr === 0 && wi === 0) continue;
          const k = 2 * (row + widen(j, mask, b));
          re += wr * src[k] - wi * src[k + 1];
          im += wr * src[k + 1] + wi * src[k];
        }
      }
      out[2 * (i * d + j)] = re;
      out[2 * (i * d + j) + 1] = im;
    }
  }
  return { slots: st.slots.filter((s) => s !== slot), data: out };
}

const TRACE_WEIGHTS = new Float64Array([1, 0, 0, 0, 0, 0, 1, 0]);

/** Trace a slot out. */
export function traceOutSlot(st: LiveState, slot: number): LiveState {
  return contractSlot(st, slot, TRACE_WEIGHTS);
}

/**
 * `rho -> U rho U^dagger` for a 2x2 U on `slot`, in place; with `control`, the controlled gate
 * `|0><0| (x) I + |1><1| (x) U` on [control, slot] (only the rows and columns with the control
 * bit set change). Bit flips and diagonal gates take shortcuts (CNOT, CZ, Z are most steps).
 */
export function applyGate1(st: LiveState, slot: number, u: ArrayLike<number>, control: number | null = null): void {
  const m = maskOf(st, slot), cm = control === null ? 0 : maskOf(st, control), D = dimOf(st), d = st.data;
  const [ar, ai, br, bi, cr, ci, er, ei] = [u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7]];
  const flip = ar === 0 && ai === 0 && er === 0 && ei === 0 && br === 1 && bi === 0 && cr === 1 && ci === 0;
  const diagonal = br === 0 && bi === 0 && cr === 0 && ci === 0;
  for (let i = 0; i < D; i++) {
    if (i & m || (i & cm) !== cm) continue;
    const r0 = 2 * i * D, r1 = 2 * (i | m) * D;
    if (flip) {
      for (let j = 0; j < 2 * D; j++) { const x = d[r0 + j]; d[r0 + j] = d[r1 + j]; d[r1 + j] = x; }
    } else if (diagonal) {
      for (let j = 0; j < 2 * D; j += 2) {
        const xr = d[r0 + j], xi = d[r0 + j + 1], yr = d[r1 + j], yi = d[r1 + j + 1];
        d[r0 + j] = ar * xr - ai * xi; d[r0 + j + 1] = ar * xi + ai * xr;
        d[r1 + j] = er * yr - ei * yi; d[r1 + j + 1] = er * yi + ei * yr;
      }
    } else {
      for (let j = 0; j < 2 * D; j += 2) {
        const xr = d[r0 + j], xi = d[r0 + j + 1], yr = d[r1 + j], yi = d[r1 + j + 1];
        d[r0 + j] = ar * xr - ai * xi + br * yr - bi * yi;
        d[r0 + j + 1] = ar * xi + ai * xr + br * yi + bi * yr;
        d[r1 + j] = cr * xr - ci * xi + er * yr - ei * yi;
        d[r1 + j + 1] = cr * xi + ci * xr + er * yi + ei * yr;
      }
    }
  }
  // right multiplication by U^dagger: rho[i, j] = sum_k rho[i, k] conj(U[j, k])
  for (let j = 0; j < D; j++) {
    if (j & m || (j & cm) !== cm) continue;
    const c0 = 2 * j, c1 = 2 * (j | m);
    for (let row = 0; row < 2 * D * D; row += 2 * D) {
      const k0 = row + c0, k1 = row + c1;
      const xr = d[k0], xi = d[k0 + 1], yr = d[k1], yi = d[k1 + 1];
      if (flip) {
        d[k0] = yr; d[k0 + 1] = yi; d[k1] = xr; d[k1 + 1] = xi;
      } else if (diagonal) {
        d[k0] = ar * xr + ai * xi; d[k0 + 1] = ar * xi - ai * xr;
        d[k1] = er * yr + ei * yi; d[k1 + 1] = er * yi - ei * yr;
      } else {
        d[k0] = ar * xr + ai * xi + br * yr + bi * yi;
        d[k0 + 1] = ar * xi - ai * xr + br * yi - bi * yr;
        d[k1] = cr * xr + ci * xi + er * yr + ei * yi;
        d[k1 + 1] = cr * xi - ci * xr + er * yi - ei * yr;
      }
    }
  }
}

/**
 * The 2x2 block U when a 4x4 gate on [control, target] is `|0><0| (x) I + |1><1| (x) U`
 * (CNOT, CZ, controlled-U3), else null.
 */
export function controlledBlock(g: ArrayLike<number>): Float64Array | null {
  const at = (r: number, c: number, k: 0 | 1): number => g[2 * (4 * r + c) + k];
  for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) {
    if (r >= 2 && c >= 2) continue;
    const want = r === c ? 1 : 0;
    if (at(r, c, 0) !== want || at(r, c, 1) !== 0) return null;
  }
  return Float64Array.from([at(2, 2, 0), at(2, 2, 1), at(2, 3, 0), at(2, 3, 1), at(3, 2, 0), at(3, 2, 1), at(3, 3, 0), at(3, 3, 1)]);
}

/**
 * A 4x4 operator compiled for {@link applyGate2}: its nonzero entries per row, so that the
 * permutation-like gates (CNOT, CZ, SWAP: one entry per row) cost a quarter of a dense one.
 */
export interface CompiledGate2 {
  /** For row r: columns `cols[r]` with values `re[r][k] + i im[r][k]`. */
  readonly cols: readonly Int8Array[];
  readonly re: readonly Float64Array[];
  readonly im: readonly Float64Array[];
}

/** Compile an interleaved 4x4 (32 numbers) for {@link applyGate2}. */
export function compileGate2(u: ArrayLike<number>): CompiledGate2 {
  const cols: Int8Array[] = [], re: Float64Array[] = [], im: Float64Array[] = [];
  for (let r = 0; r < 4; r++) {
    const c: number[] = [], x: number[] = [], y: number[] = [];
    for (let k = 0; k < 4; k++) {
      const vr = u[2 * (4 * r + k)], vi = u[2 * (4 * r + k) + 1];
      if (vr !== 0 || vi !== 0) { c.push(k); x.push(vr); y.push(vi); }
    }
    cols.push(Int8Array.from(c)); re.push(Float64Array.from(x)); im.push(Float64Array.from(y));
  }
  return { cols, re, im };
}

const quad = new Int32Array(4);
const tmpR = new Float64Array(4), tmpI = new Float64Array(4);

/** `rho -> U rho U^dagger` for a 4x4 U on slots [a, b] (a is U's leading factor), in place. */
export function applyGate2(st: LiveState, a: number, b: number, g: CompiledGate2): void {
  const ma = maskOf(st, a), mb = maskOf(st, b), D = dimOf(st), d = st.data;
  const { cols, re, im } = g;
  // left: rows
  for (let i = 0; i < D; i++) {
    if (i & (ma | mb)) continue;
    quad[0] = i; quad[1] = i | mb; quad[2] = i | ma; quad[3] = i | ma | mb;
    for (let j = 0; j < D; j++) {
      for (let r = 0; r < 4; r++) {
        let sr = 0, si = 0;
        const c = cols[r], xr = re[r], xi = im[r];
        for (let k = 0; k < c.length; k++) {
          const q = 2 * (quad[c[k]] * D + j);
          sr += xr[k] * d[q] - xi[k] * d[q + 1];
          si += xr[k] * d[q + 1] + xi[k] * d[q];
        }
        tmpR[r] = sr; tmpI[r] = si;
      }
      for (let r = 0; r < 4; r++) { const q = 2 * (quad[r] * D + j); d[q] = tmpR[r]; d[q + 1] = tmpI[r]; }
    }
  }
  // right: columns, rho[i, j] = sum_k rho[i, k] conj(U[j, k])
  for (let j = 0; j < D; j++) {
    if (j & (ma | mb)) continue;
    quad[0] = j; quad[1] = j | mb; quad[2] = j | ma; quad[3] = j | ma | mb;
    for (let i = 0; i < D; i++) {
      const row = i * D;
      for (let r = 0; r < 4; r++) {
        let sr = 0, si = 0;
        const c = cols[r], xr = re[r], xi = im[r];
        for (let k = 0; k < c.length; k++) {
          const q = 2 * (row + quad[c[k]]);
          sr += xr[k] * d[q] + xi[k] * d[q + 1];
          si += xr[k] * d[q + 1] - xi[k] * d[q];
        }
        tmpR[r] = sr; tmpI[r] = si;
      }
      for (let r = 0; r < 4; r++) { const q = 2 * (row + quad[r]); d[q] = tmpR[r]; d[q + 1] = tmpI[r]; }
    }
  }
}

/**
 * A one-qubit channel as its superoperator on the 2x2 block of a slot:
 * `B' = sum_k K_k B K_k^dagger`, i.e. `B'[a,b] = sum_{c,e} S[(a,b),(c,e)] B[c,e]` with
 * `S[(a,b),(c,e)] = sum_k K_k[a,c] conj(K_k[b,e])` (16 complex numbers, interleaved).
 */
export function superoperator(kraus: readonly ArrayLike<number>[]): Float64Array {
  const s = new Float64Array(32);
  for (const k of kraus) {
    for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) for (let c = 0; c < 2; c++) for (let e = 0; e < 2; e++) {
      const pr = k[2 * (2 * a + c)], pi = k[2 * (2 * a + c) + 1], qr = k[2 * (2 * b + e)], qi = -k[2 * (2 * b + e) + 1];
      const idx = 2 * (4 * (2 * a + b) + 2 * c + e);
      s[idx] += pr * qr - pi * qi;
      s[idx + 1] += pr * qi + pi * qr;
    }
  }
  return s;
}

/** Apply a one-qubit channel (its {@link superoperator}) to a slot, in place. */
export function applyChannel1(st: LiveState, slot: number, s: ArrayLike<number>): void {
  const m = maskOf(st, slot), D = dimOf(st), d = st.data;
  const br = new Float64Array(4), bi = new Float64Array(4);
  for (let i = 0; i < D; i++) {
    if (i & m) continue;
    for (let j = 0; j < D; j++) {
      if (j & m) continue;
      const idx = [2 * (i * D + j), 2 * (i * D + (j | m)), 2 * ((i | m) * D + j), 2 * ((i | m) * D + (j | m))];
      for (let t = 0; t < 4; t++) { br[t] = d[idx[t]]; bi[t] = d[idx[t] + 1]; }
      for (let t = 0; t < 4; t++) {
        let xr = 0, xi = 0;
        for (let u = 0; u < 4; u++) {
          const sr = s[2 * (4 * t + u)], si = s[2 * (4 * t + u) + 1];
          xr += sr * br[u] - si * bi[u];
          xi += sr * bi[u] + si * br[u];
        }
        d[idx[t]] = xr; d[idx[t] + 1] = xi;
      }
    }
  }
}

/** Exchange the contents of two slots (a relabelling; nothing moves). */
export function swapSlots(st: LiveState, a: number, b: number): void {
  const pa = st.slots.indexOf(a), pb = st.slots.indexOf(b);
  if (pa < 0 || pb < 0) throw new RangeError(`liveState: swap of slots ${a}, ${b} needs both live`);
  st.slots[pa] = b;
  st.slots[pb] = a;
}

/** Multiply every entry by `c` in place. */
export function scaleState(st: LiveState, c: number): void {
  const d = st.data;
  for (let k = 0; k < d.length; k++) d[k] *= c;
}

/** The real trace. */
export function traceOf(st: LiveState): number {
  const D = dimOf(st);
  let t = 0;
  for (let i = 0; i < D; i++) t += st.data[2 * (i * D + i)];
  return t;
}

/** The matrix (interleaved) of the state on exactly the slots `order`, in that order. */
export function matrixOn(st: LiveState, order: readonly number[]): Float64Array {
  if (st.slots.length !== order.length || order.some((s) => !st.slots.includes(s))) {
    throw new RangeError(`liveState: live slots [${st.slots.join(",")}] are not [${order.join(",")}]`);
  }
  if (st.slots.every((s, k) => s === order[k])) return st.data;
  const q = order.length, D = 1 << q;
  // bit of qubit k of `order` inside the stored index
  const bits = order.map((s) => q - 1 - st.slots.indexOf(s));
  const map = new Int32Array(D);
  for (let x = 0; x < D; x++) {
    let y = 0;
    for (let k = 0; k < q; k++) if (x & (1 << (q - 1 - k))) y |= 1 << bits[k];
    map[x] = y;
  }
  const out = new Float64Array(2 * D * D);
  for (let i = 0; i < D; i++) for (let j = 0; j < D; j++) {
    const k = 2 * (map[i] * D + map[j]);
    out[2 * (i * D + j)] = st.data[k];
    out[2 * (i * D + j) + 1] = st.data[k + 1];
  }
  return out;
}
