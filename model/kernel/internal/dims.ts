/** Subsystem-dimension helpers shared inside the kernel (not exported from it). */
import { CARVED_MAX, freshFloat64 } from "./carve.js";

export function product(dims: readonly number[]): number {
  return productOf(dims, 0, dims.length);
}

/*
 * Why index loops over dims instead of slice / filter / for-of: a state's dims are frozen
 * (unsafeDensity), and V8 11.3 (node 20) runs Array.prototype.slice, filter and some on frozen
 * arrays in its runtime, not in the fast builtins: measured per call on a frozen 6-entry array
 * against a plain one (load 10, so absolute times inflated) slice() 2,129 ns against 61 ns,
 * filter 1,369-1,505 ns against 127-142 ns, join 1,304 ns against 685 ns; an index loop 122-196
 * ns. traceOut on 6 qubits paid two slices and a filter per call: without them 11.1 -> 8.9 us
 * per op (the bench's ptrace1 at n = 6, CPU time, both builds in one process, load 11).
 */

/** Product of `dims[from..to)` (no intermediate array). */
export function productOf(dims: readonly number[], from: number, to: number): number {
  let p = 1;
  for (let k = from; k < to; k++) p *= dims[k];
  return p;
}

/** A plain (unfrozen, packed) copy of `dims`, without `skip` when it is given. */
export function copyDims(dims: readonly number[], skip = -1): number[] {
  const out: number[] = [];
  for (let k = 0; k < dims.length; k++) if (k !== skip) out.push(dims[k]);
  return out;
}

/** Row-major strides: subsystem 0 is the most significant digit. */
export function strides(dims: readonly number[]): number[] {
  const s = new Array<number>(dims.length);
  let acc = 1;
  for (let k = dims.length - 1; k >= 0; k--) {
    s[k] = acc;
    acc *= dims[k];
  }
  return s;
}

export function formatDims(dims: readonly number[]): string {
  return `[${dims.join(",")}]`;
}

/** Throws unless `targets` are distinct valid subsystem indices of `dims`. */
export function checkTargets(fn: string, dims: readonly number[], targets: readonly number[]): void {
  if (targets.length === 0) throw new RangeError(`${fn}: no target subsystems given`);
  const seen = new Set<number>();
  for (const t of targets) {
    if (!Number.isInteger(t) || t < 0 || t >= dims.length) {
      throw new RangeError(`${fn}: subsystem ${t} out of range for dims ${formatDims(dims)}`);
    }
    if (seen.has(t)) throw new RangeError(`${fn}: subsystem ${t} named twice in [${targets.join(",")}]`);
    seen.add(t);
  }
}

/**
 * Offsets of every joint value of the `targets` digits (first target most significant),
 * and offsets of every joint value of the remaining digits (in subsystem order). The arrays are
 * shared between calls (memoised): read them, never write them.
 */
export function splitOffsets(dims: readonly number[], targets: readonly number[]): { readonly target: Int32Array; readonly rest: Int32Array } {
  let key = "";
  for (let k = 0; k < dims.length; k++) key += k === 0 ? `${dims[k]}` : `,${dims[k]}`;
  key += "|";
  for (let k = 0; k < targets.length; k++) key += k === 0 ? `${targets[k]}` : `,${targets[k]}`;
  let hit = offsetCache.get(key);
  if (hit === undefined) {
    if (offsetCache.size >= OFFSET_CACHE_LIMIT) offsetCache.clear();
    hit = computeSplitOffsets(dims, targets);
    offsetCache.set(key, hit);
  }
  return hit;
}

/*
 * splitOffsets is memoised: small-register work (authentication strategies apply thousands of
 * local operators on the same few dims) recomputed the same tables on every call. The cached
 * arrays are shared, so no caller may write them (none does: every use only reads offsets).
 * Bounded: cleared when it reaches OFFSET_CACHE_LIMIT keys.
 */
const offsetCache = new Map<string, { readonly target: Int32Array; readonly rest: Int32Array }>();
const OFFSET_CACHE_LIMIT = 512;

function computeSplitOffsets(dims: readonly number[], targets: readonly number[]): { target: Int32Array; rest: Int32Array } {
  const st = strides(dims);
  const restSubs = dims.map((_, k) => k).filter((k) => !targets.includes(k));
  return {
    target: mixedRadixOffsets(targets.map((t) => dims[t]), targets.map((t) => st[t])),
    rest: mixedRadixOffsets(restSubs.map((k) => dims[k]), restSubs.map((k) => st[k])),
  };
}

function mixedRadixOffsets(radices: readonly number[], steps: readonly number[]): Int32Array {
  const n = product(radices);
  const out = new Int32Array(n);
  const digit = new Array<number>(radices.length).fill(0);
  let off = 0;
  for (let i = 0; i < n; i++) {
    out[i] = off;
    for (let k = radices.length - 1; k >= 0; k--) {
      digit[k]++;
      off += steps[k];
      if (digit[k] < radices[k]) break;
      off -= steps[k] * radices[k];
      digit[k] = 0;
    }
  }
  return out;
}

/**
 * A Float64Array of `length` doubles whose contents are unspecified (whatever the allocator
 * hands back): only for outputs of which the caller writes every entry before anyone reads it.
 * `new Float64Array(n)` zero-fills (calloc), a full extra write pass over the output before the
 * kernel's own: at n = 8 qubits the bench's partial trace spent about a third as long in
 * `memset` as in its loop (perf record). numpy allocates its outputs the same way (`np.empty`).
 * Up to {@link CARVED_MAX} doubles the array is carved, zeroed, out of the thread's shared chunk
 * ({@link freshFloat64}), which costs less than a backing store of its own (internal/carve.ts). Without
 * node's Buffer (a browser), zero-filled.
 */
export function uninitializedFloat64(length: number): Float64Array {
  if (length <= CARVED_MAX || typeof Buffer === "undefined") return freshFloat64(length);
  const bytes = Buffer.allocUnsafeSlow(8 * length);
  return new Float64Array(bytes.buffer, bytes.byteOffset, length);
}
