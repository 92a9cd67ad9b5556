/**
 * Partial trace and subsystem reordering. Names cannot be misread: {@link traceOut} removes
 * the named subsystems, {@link keepSubsystems} keeps them (QuTiP's `ptrace` keeps, Qiskit's
 * `partial_trace` removes; neither name is used here).
 * @module
 */
import { unsafeDensity, type DensityMatrix } from "./state.js";
import { checkTargets, copyDims, formatDims, product, productOf, splitOffsets, strides, uninitializedFloat64 } from "./internal/dims.js";

/**
 * Trace out (remove) the named subsystems: `tr_T rho`. The remaining subsystems keep their order.
 * @example traceOut(densityOf(bellKet()), [1]) // I/2 on the first qubit
 */
export function traceOut(rho: DensityMatrix, subsystems: readonly number[]): DensityMatrix {
  if (subsystems.length === 0) return rho;
  checkTargets("traceOut", rho.dims, subsystems);
  if (subsystems.length === rho.dims.length) throw new RangeError(`traceOut: cannot trace out every subsystem of dims ${formatDims(rho.dims)}`);
  // index loops, not filter or slice: rho.dims is frozen (see productOf in internal/dims.ts)
  if (subsystems.length === 1 && rho.dims[subsystems[0]] === 2) return traceOutQubit(rho, subsystems[0], copyDims(rho.dims, subsystems[0]));
  const keptDims: number[] = [];
  for (let k = 0; k < rho.dims.length; k++) if (!subsystems.includes(k)) keptDims.push(rho.dims[k]);
  const { target, rest } = splitOffsets(rho.dims, subsystems);
  const D = rho.matrix.rows, d = rest.length;
  const out = uninitializedFloat64(2 * d * d); // every entry is assigned (t = 0) before it is added to
  // The kept column offsets come in runs of one stride (the innermost kept subsystem's, merged
  // with contiguous outer ones): the inner loop walks a run with a fixed step instead of looking
  // up every offset (3x faster at n >= 8 than the per-entry lookup). Per output row, the first
  // traced value assigns (0 + x, as the former accumulator from 0) and the others add.
  const step = d > 1 ? 2 * (rest[1] - rest[0]) : 2;
  let nRuns = 0;
  for (let j = 0; j < d; j++) if (j === 0 || 2 * (rest[j] - rest[j - 1]) !== step) nRuns++;
  const runStart = new Int32Array(nRuns), runLength = new Int32Array(nRuns);
  for (let j = 0, r = -1; j < d; j++) {
    if (j === 0 || 2 * (rest[j] - rest[j - 1]) !== step) runStart[++r] = j;
    runLength[r]++;
  }
  // the loops live in their own small functions: inside traceOut, V8 compiled them on stack
  // replacement without type feedback for the code after them and deoptimised traceOut again
  // and again (65 deoptimisations in 1,600 calls at n = 8, 2 after). One traced qubit takes
  // traceOutQubit below, not this table-driven loop.
  sumTraced(rho.matrix.data, out, D, rest, target, runStart, runLength, step);
  return unsafeDensity({ rows: d, cols: d, data: out }, keptDims);
}

/**
 * One traced qubit (the common case, and the bench's ptrace1): with `a` the dimension before it
 * and `b` after, `out[(x,y),(z,w)] = rho[(x,0,y),(z,0,w)] + rho[(x,1,y),(z,1,w)]`: per output
 * row, two source rows (b apart) are read in contiguous runs of b entries (b columns apart), so
 * the loops need no offset table and little index arithmetic in floating point (indices are
 * kept int32 by `| 0`). The first term is added to 0 as the accumulator from 0 did before, so
 * that a -0 entry gives the same bits as it always has. Every output entry is written exactly
 * once, so the output is allocated without zero-filling ({@link uninitializedFloat64}).
 *
 * ## Why four loops of four complex entries (measured, main b8be21a -> this)
 * The optimised code of the former loops (`node --print-opt-code`, V8 11.3 in node 20) spent
 * about 28 instructions per output double: per typed-array access an index add, a sign
 * extension, a bounds check (cmp + branch) and the data pointer recomputed (base + external
 * pointer) before the load or store, three accesses per double; and per iteration (two complex
 * entries) both arrays reloaded from the frame, their maps checked and their length and data
 * pointers reloaded, plus the interrupt check. None of that is removable from JavaScript (V8
 * hoists neither the map checks nor the bounds checks here: reading the arrays before the loop
 * changed nothing), so the loops now do four complex entries (8 doubles) per iteration, which
 * halves the per-iteration share: 111 instructions per 4 doubles -> 191 per 8 (23.9 per double)
 * in the b >= 4 loop. The remaining ~20 per double are the per-access checks above. Whole op
 * (perf stat, user instructions per op, the bench's ptrace1 over every qubit, the bench's
 * GLIBC_TUNABLES, medians of 3 runs, three sessions): n = 7 0.283M -> 0.254M, n = 8
 * 1.05-1.08M -> 0.90-0.97M, n = 9 4.00-4.11M -> 3.63-3.76M, n = 10 15.7-16.0M -> 13.8-13.95M;
 * CPU time per op, both builds in one process, interleaved, medians of 7
 * rounds at load 7-8: 1.13x / 1.33x / 1.15x / 1.37x / 1.22x / 1.26x faster at n = 6 .. 11 (the
 * allocation without zero-fill is about half of that). At n >= 10 user cycles hardly move
 * (7.2-7.9M against 7.5-7.7M at n = 10): memory-bound there.
 */
function traceOutQubit(rho: DensityMatrix, q: number, keptDims: number[]): DensityMatrix {
  const D = rho.matrix.rows, src = rho.matrix.data;
  const a = productOf(rho.dims, 0, q), b = productOf(rho.dims, q + 1, rho.dims.length), d = a * b;
  const out = uninitializedFloat64(2 * d * d);
  if (b === 1) {
    if (a % 4 === 0) sumLastQubit4(src, out, a, D);
    else sumLastQubit(src, out, a, D);
  } else if (b === 2 && a % 2 === 0) sumQubitPairs(src, out, a, D);
  else if (b >= 4 && (b & (b - 1)) === 0) sumQubitRowsPow2(src, out, a, b, D);
  else if (b % 2 === 0) sumQubitRuns(src, out, a, b, D);
  else sumQubitOddRuns(src, out, a, b, D);
  return unsafeDensity({ rows: d, cols: d, data: out }, keptDims);
}

/** The last subsystem is the traced qubit: `out[x, z] = rho[2x, 2z] + rho[2x+1, 2z+1]` (any a). */
function sumLastQubit(src: Float64Array, out: Float64Array, a: number, D: number): void {
  const rowStep = 2 * D;
  let o = 0;
  for (let x = 0; x < a; x++) {
    let s0 = (2 * x * rowStep) | 0, s1 = (s0 + rowStep + 2) | 0;
    const end = (o + 2 * a) | 0;
    for (; o < end; o = (o + 2) | 0, s0 = (s0 + 4) | 0, s1 = (s1 + 4) | 0) {
      out[o] = (0 + src[s0]) + src[s1];
      out[(o + 1) | 0] = (0 + src[(s0 + 1) | 0]) + src[(s1 + 1) | 0];
    }
  }
}

/** {@link sumLastQubit} for a multiple of 4: four output entries (source columns 2z) per iteration. */
function sumLastQubit4(src: Float64Array, out: Float64Array, a: number, D: number): void {
  const rowStep = (2 * D) | 0, down = (rowStep + 2) | 0;
  let o = 0;
  for (let x = 0; x < a; x++) {
    const end = (o + 2 * a) | 0;
    for (let s0 = (2 * x * rowStep) | 0; o < end; o = (o + 8) | 0, s0 = (s0 + 16) | 0) {
      const s1 = (s0 + down) | 0;
      out[o] = (0 + src[s0]) + src[s1];
      out[(o + 1) | 0] = (0 + src[(s0 + 1) | 0]) + src[(s1 + 1) | 0];
      out[(o + 2) | 0] = (0 + src[(s0 + 4) | 0]) + src[(s1 + 4) | 0];
      out[(o + 3) | 0] = (0 + src[(s0 + 5) | 0]) + src[(s1 + 5) | 0];
      out[(o + 4) | 0] = (0 + src[(s0 + 8) | 0]) + src[(s1 + 8) | 0];
      out[(o + 5) | 0] = (0 + src[(s0 + 9) | 0]) + src[(s1 + 9) | 0];
      out[(o + 6) | 0] = (0 + src[(s0 + 12) | 0]) + src[(s1 + 12) | 0];
      out[(o + 7) | 0] = (0 + src[(s0 + 13) | 0]) + src[(s1 + 13) | 0];
    }
  }
}

/**
 * b = 2 (a even): runs of two entries, two runs (4 output entries) per iteration. Output
 * columns (z, w) and (z + 1, w) read source columns (z, 0, w) and (z + 1, 0, w), 4 columns apart.
 */
function sumQubitPairs(src: Float64Array, out: Float64Array, a: number, D: number): void {
  const rowStep = (2 * D) | 0, rowEnd = (4 * a) | 0, delta = (2 * rowStep + 4) | 0;
  let o = 0;
  for (let x = 0; x < a; x++) {
    for (let y = 0; y < 2; y++) {
      const end = (o + rowEnd) | 0;
      for (let s0 = ((4 * x + y) * rowStep) | 0; o < end; o = (o + 8) | 0, s0 = (s0 + 16) | 0) {
        const s1 = (s0 + delta) | 0;
        out[o] = (0 + src[s0]) + src[s1];
        out[(o + 1) | 0] = (0 + src[(s0 + 1) | 0]) + src[(s1 + 1) | 0];
        out[(o + 2) | 0] = (0 + src[(s0 + 2) | 0]) + src[(s1 + 2) | 0];
        out[(o + 3) | 0] = (0 + src[(s0 + 3) | 0]) + src[(s1 + 3) | 0];
        out[(o + 4) | 0] = (0 + src[(s0 + 8) | 0]) + src[(s1 + 8) | 0];
        out[(o + 5) | 0] = (0 + src[(s0 + 9) | 0]) + src[(s1 + 9) | 0];
        out[(o + 6) | 0] = (0 + src[(s0 + 10) | 0]) + src[(s1 + 10) | 0];
        out[(o + 7) | 0] = (0 + src[(s0 + 11) | 0]) + src[(s1 + 11) | 0];
      }
    }
  }
}

/**
 * b a power of two >= 4 (qubits after the traced one): one loop per output row over its d
 * entries, four per iteration (a run of b >= 4 entries never splits them). Output column
 * j = (z, w) reads source column `(z, 0, w) = j + (j & -b)`, so the loop needs no nested loop
 * per run; a nested loop re-entered every b entries ran its first (peeled) iteration, with the
 * typed arrays' checks, once per run (main a26c10b: 4.83M user instructions per op at n = 9
 * against 4.04M for this loop by two entries).
 */
function sumQubitRowsPow2(src: Float64Array, out: Float64Array, a: number, b: number, D: number): void {
  const rowStep = (2 * D) | 0, d = (a * b) | 0, mask = -b | 0, delta = (b * rowStep + 2 * b) | 0;
  let o = 0;
  for (let x = 0; x < a; x++) {
    for (let y = 0; y < b; y++) {
      const base = ((2 * x * b + y) * rowStep) | 0;
      for (let j = 0; j < d; j = (j + 4) | 0, o = (o + 8) | 0) {
        const s0 = (base + 2 * (j + (j & mask))) | 0, s1 = (s0 + delta) | 0;
        out[o] = (0 + src[s0]) + src[s1];
        out[(o + 1) | 0] = (0 + src[(s0 + 1) | 0]) + src[(s1 + 1) | 0];
        out[(o + 2) | 0] = (0 + src[(s0 + 2) | 0]) + src[(s1 + 2) | 0];
        out[(o + 3) | 0] = (0 + src[(s0 + 3) | 0]) + src[(s1 + 3) | 0];
        out[(o + 4) | 0] = (0 + src[(s0 + 4) | 0]) + src[(s1 + 4) | 0];
        out[(o + 5) | 0] = (0 + src[(s0 + 5) | 0]) + src[(s1 + 5) | 0];
        out[(o + 6) | 0] = (0 + src[(s0 + 6) | 0]) + src[(s1 + 6) | 0];
        out[(o + 7) | 0] = (0 + src[(s0 + 7) | 0]) + src[(s1 + 7) | 0];
      }
    }
  }
}

/** Runs of an even number b of entries (not a power of two): unrolled by two complex entries. */
function sumQubitRuns(src: Float64Array, out: Float64Array, a: number, b: number, D: number): void {
  const rowStep = 2 * D, run = 2 * b, delta = (b * rowStep + run) | 0;
  let o = 0;
  for (let x = 0; x < a; x++) {
    for (let y = 0; y < b; y++) {
      let s0 = ((2 * x * b + y) * rowStep) | 0;
      for (let z = 0; z < a; z++) {
        const end = (o + run) | 0;
        for (; o < end; o = (o + 4) | 0, s0 = (s0 + 4) | 0) {
          const s1 = (s0 + delta) | 0;
          out[o] = (0 + src[s0]) + src[s1];
          out[(o + 1) | 0] = (0 + src[(s0 + 1) | 0]) + src[(s1 + 1) | 0];
          out[(o + 2) | 0] = (0 + src[(s0 + 2) | 0]) + src[(s1 + 2) | 0];
          out[(o + 3) | 0] = (0 + src[(s0 + 3) | 0]) + src[(s1 + 3) | 0];
        }
        s0 = (s0 + run) | 0;
      }
    }
  }
}

/** Runs of an odd number b > 1 of entries (a qubit before a subsystem of odd dimension). */
function sumQubitOddRuns(src: Float64Array, out: Float64Array, a: number, b: number, D: number): void {
  const rowStep = 2 * D, run = 2 * b, delta = (b * rowStep + run) | 0;
  let o = 0;
  for (let x = 0; x < a; x++) {
    for (let y = 0; y < b; y++) {
      let s0 = ((2 * x * b + y) * rowStep) | 0;
      for (let z = 0; z < a; z++) {
        const end = (o + run) | 0;
        for (; o < end; o = (o + 2) | 0, s0 = (s0 + 2) | 0) {
          out[o] = (0 + src[s0]) + src[s0 + delta];
          out[o + 1] = (0 + src[s0 + 1]) + src[s0 + delta + 1];
        }
        s0 = (s0 + run) | 0;
      }
    }
  }
}

/** Any number of traced values per kept entry: the first assigns, the others add. */
function sumTraced(src: Float64Array, out: Float64Array, D: number, rest: Int32Array, target: Int32Array, runStart: Int32Array, runLength: Int32Array, step: number): void {
  const d = rest.length, nt = target.length, nRuns = runStart.length;
  for (let i = 0; i < d; i++) {
    const o = 2 * i * d;
    for (let t = 0; t < nt; t++) {
      const base = 2 * ((rest[i] + target[t]) * D + target[t]);
      for (let r = 0; r < nRuns; r++) {
        const j0 = runStart[r], len = runLength[r];
        let s = base + 2 * rest[j0], q = o + 2 * j0;
        if (t === 0) {
          for (let k = 0; k < len; k++, s += step, q += 2) { out[q] = 0 + src[s]; out[q + 1] = 0 + src[s + 1]; }
        } else {
          for (let k = 0; k < len; k++, s += step, q += 2) { out[q] += src[s]; out[q + 1] += src[s + 1]; }
        }
      }
    }
  }
}

/** Keep only the named subsystems (in their original order), tracing out the rest. */
export function keepSubsystems(rho: DensityMatrix, subsystems: readonly number[]): DensityMatrix {
  checkTargets("keepSubsystems", rho.dims, subsystems);
  return traceOut(rho, rho.dims.map((_, k) => k).filter((k) => !subsystems.includes(k)));
}

/**
 * Reorder subsystems: subsystem k of the result is subsystem `order[k]` of `rho`.
 * @example permute(rho, [1, 0]) // swaps the two factors of a bipartite state
 */
export function permute(rho: DensityMatrix, order: readonly number[]): DensityMatrix {
  if (order.length !== rho.dims.length) throw new RangeError(`permute: order [${order.join(",")}] does not name each of ${rho.dims.length} subsystems`);
  checkTargets("permute", rho.dims, order);
  const newDims = order.map((k) => rho.dims[k]);
  const oldStrides = strides(rho.dims);
  const D = product(rho.dims);
  // map new index -> old index
  const map = new Int32Array(D);
  const digit = new Array<number>(order.length).fill(0);
  for (let i = 0; i < D; i++) {
    let old = 0;
    for (let k = 0; k < order.length; k++) old += digit[k] * oldStrides[order[k]];
    map[i] = old;
    for (let k = order.length - 1; k >= 0; k--) {
      if (++digit[k] < newDims[k]) break;
      digit[k] = 0;
    }
  }
  const src = rho.matrix.data;
  const out = new Float64Array(2 * D * D);
  for (let i = 0; i < D; i++) {
    const oi = map[i] * D;
    for (let j = 0; j < D; j++) {
      const s = 2 * (oi + map[j]);
      out[2 * (i * D + j)] = src[s];
      out[2 * (i * D + j) + 1] = src[s + 1];
    }
  }
  return unsafeDensity({ rows: D, cols: D, data: out }, newDims);
}
