/**
 * Small Hermitian blocks (interleaved complex, row-major) for Eve's per-sector states.
 * @internal
 */
import { eigh, eigvalsh } from "../../kernel/eigen.js";
import { carve, type Chunk } from "../../kernel/internal/carve.js";

/** A source of zeroed blocks of `n` doubles, see {@link slab}. */
export type Take = (n: number) => Float64Array;

/** Doubles per chunk of a {@link slab}: the blocks of a check on a sector of Eve's dimension 4 take ~1,500. */
const SLAB_CHUNK = 2048;

/**
 * Zeroed blocks for one computation, carved out of shared chunks. V8 keeps a typed array of at
 * most 64 bytes (8 doubles) on its heap; each larger `new Float64Array(n)` gets its own off-heap
 * backing store, which took 0.6-1.4 us per allocation here (node 20, load 8; 0.08 us on the heap,
 * 0.13 us for a `subarray` view) plus the garbage collector's work on it: a bb84.secrecy check
 * made ~30 of them per sector of Eve's dimension 3 or 4, the most of its time. A slab serves
 * blocks of up to 8 doubles as small arrays and larger ones as views into chunks of
 * `chunkDoubles` (a caller that knows its total asks for that); it belongs to the call that made
 * it, so nothing is shared between calls.
 */
export function slab(chunkDoubles = SLAB_CHUNK): Take {
  const from: Chunk = { chunk: new Float64Array(0), used: 0 };
  return (n) => carve(from, n, chunkDoubles);
}

/** The array {@link withScratch} carves its blocks from, and whether a computation is using it. */
const scratch: Chunk = { chunk: new Float64Array(SLAB_CHUNK), used: 0 };
let scratchBusy = false;

/** Doubles the scratch may keep between calls (512 kB); one that grew past it is dropped for a fresh chunk. */
const SCRATCH_KEPT = 65_536;

/**
 * The last view made of the scratch array at each place it starts (`viewAt[start]`): a block of the
 * same length taken there again (the checks of one kind of adversary take the same sizes in the
 * same order) is that view again, its doubles zeroed by the `fill` at the end of the call before.
 * Making a view (`subarray`) costs as much as a small `new Float64Array`, ~600 instructions in
 * node 20 plus the garbage collector's work on it. A bb84.secrecy check takes ~40 blocks; on
 * generated single-photon attacks (`runProperty(bb84.secrecy)`, with-pa, 1000 runs, seed 42) 73 %
 * of the checks' blocks and 70 % of all blocks (the probes' included) are found here (counted in
 * review), -2.5 % of its instructions per adversary (`perf stat -e instructions`, its author's
 * loop, see fastDouble.ts).
 */
let viewAt: (Float64Array | undefined)[] = new Array<Float64Array | undefined>(SLAB_CHUNK).fill(undefined);

/**
 * `compute(take)` with blocks carved from one module-level array, zeroed again when it returns:
 * for a computation that keeps none of its blocks afterwards (a fresh 2,048-double chunk per
 * call of `pulseStatistics` cost ~2-4 us of a 35 us check at eveDim 4, load 9; zeroing what was
 * used costs a tenth of that). A call made while one is running (none does now) gets a fresh
 * {@link slab}, so the blocks of the outer one stay its own. The array doubles when a call needs
 * more and goes back to one chunk after a call that took it past SCRATCH_KEPT. Every block, small
 * ones (up to 8 doubles) too, is a view of it, made once for each start and length (see `viewAt`):
 * no block of any size may be returned or kept past the call: its doubles are zeroed when the call
 * returns and the next call hands out the same view.
 */
export function withScratch<T>(compute: (take: Take) => T): T {
  if (scratchBusy) return compute(slab());
  scratchBusy = true;
  scratch.used = 0;
  try {
    return compute(takeScratch);
  } finally {
    if (scratch.chunk.length > SCRATCH_KEPT) replaceScratch(SLAB_CHUNK);
    else scratch.chunk.fill(0, 0, scratch.used);
    scratch.used = 0;
    scratchBusy = false;
  }
}

/** The next block of the scratch array: the view made at its start before if it has its length, else a new one. */
function takeScratch(n: number): Float64Array {
  if (scratch.used + n > scratch.chunk.length) replaceScratch(Math.max(2 * scratch.chunk.length, n));
  const at = scratch.used;
  scratch.used += n;
  const kept = viewAt[at];
  if (kept !== undefined && kept.length === n) return kept;
  return (viewAt[at] = scratch.chunk.subarray(at, at + n));
}

/** A fresh scratch array of `doubles` (the blocks handed out so far stay in the old one), with no views of the old one kept. */
function replaceScratch(doubles: number): void {
  scratch.chunk = new Float64Array(doubles);
  scratch.used = 0;
  viewAt = new Array<Float64Array | undefined>(doubles).fill(undefined);
}

/**
 * The length of the array {@link withScratch} keeps between calls.
 * @internal for test/bb84/hotpath.test.ts (memory stays bounded).
 */
export function scratchDoubles(): number {
  return scratch.chunk.length;
}

/** `out += w |v><v|` for a d-dimensional complex vector v. */
export function addProjector(out: Float64Array, v: Float64Array, d: number, w: number): void {
  for (let i = 0; i < d; i++) {
    const ar = v[2 * i], ai = v[2 * i + 1];
    if (ar === 0 && ai === 0) continue;
    for (let j = 0; j < d; j++) {
      const br = v[2 * j], bi = -v[2 * j + 1];
      out[2 * (i * d + j)] += w * (ar * br - ai * bi);
      out[2 * (i * d + j) + 1] += w * (ar * bi + ai * br);
    }
  }
}

/** Real part of the trace. */
export function traceOf(m: Float64Array, d: number): number {
  let t = 0;
  for (let i = 0; i < d; i++) t += m[2 * (i * d + i)];
  return t;
}

/**
 * Eigenvalues of a Hermitian block (`eigvalsh`). The Holevo quantity needs the small eigenvalues
 * to absolute accuracy, since eta(lambda) = -lambda log2 lambda is steep near 0. The seed-20041
 * probe of bb84.secrecy once got -1.69e-9 and +1.69e-9 here for eigenvalues 1.5e-18 and 3.9e-14
 * (chi(Z:E) = 1 + 5e-8 > h(e_X)): the Householder reduction dropped a 1.9e-9 column tail whose
 * norm it computed as a cancelling difference. Fixed in the kernel (within 1.2 eps ||A|| of
 * LAPACK on that state; test/search/search.test.ts and test/kernel/eigen-accuracy.test.ts), so
 * the blocks use it again instead of Jacobi rotations, which took 5x longer at d = 4 and 8x at
 * d = 8 (39 vs 7.3 us, 162 vs 20 us, loaded machine).
 */
export function blockEigenvalues(m: Float64Array, d: number): Float64Array {
  if (d === 1) return Float64Array.of(m[0]);
  return eigvalsh({ rows: d, cols: d, data: m });
}

/** `tr(A B)` (real part) for Hermitian A, B. */
export function traceProduct(a: Float64Array, b: Float64Array, d: number): number {
  let t = 0;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      const x = 2 * (i * d + j), y = 2 * (j * d + i);
      t += a[x] * b[y] - a[x + 1] * b[y + 1];
    }
  }
  return t;
}

/** Projector onto the eigenvectors of Hermitian `m` with positive eigenvalue (its d x d block from `take`, d >= 3). */
export function positiveProjector(m: Float64Array, d: number, take: Take = (n) => new Float64Array(n)): Float64Array {
  if (d === 1) return Float64Array.of(m[0] > 0 ? 1 : 0, 0);
  if (d === 2) return positiveProjector2(m);
  const { values, vectors } = eigh({ rows: d, cols: d, data: m });
  const out = take(2 * d * d);
  const v = vectors.data;
  let scale = 0;
  for (const x of values) scale = Math.max(scale, Math.abs(x));
  for (let c = 0; c < d; c++) {
    if (!(values[c] > 1e-14 * Math.max(scale, 1e-300))) continue;
    const col = new Float64Array(2 * d);
    for (let r = 0; r < d; r++) {
      col[2 * r] = v[2 * (r * d + c)];
      col[2 * r + 1] = v[2 * (r * d + c) + 1];
    }
    addProjector(out, col, d, 1);
  }
  return out;
}

/** 2x2 closed form: with `M = mean I + r n.sigma`, the projector on the larger eigenvalue is `(I + n.sigma)/2`. */
function positiveProjector2(m: Float64Array): Float64Array {
  const a = m[0], b = m[6], zr = m[2], zi = m[3];
  const mean = (a + b) / 2, r = Math.hypot((a - b) / 2, zr, zi);
  const scale = Math.max(Math.abs(a), Math.abs(b), r, 1e-300);
  if (mean - r > 1e-14 * scale) return Float64Array.of(1, 0, 0, 0, 0, 0, 1, 0);
  if (!(mean + r > 1e-14 * scale)) return new Float64Array(8);
  // n = (M - mean I) / r, the entries divided by their largest first: 0.5 / r overflows to
  // Infinity for a subnormal r (probes with entries near 1e-312 reach it), and 0 * Infinity is NaN
  const big = Math.max(Math.abs(a - b) / 2, Math.abs(zr), Math.abs(zi));
  const nz = (a - b) / 2 / big, nr = zr / big, ni = zi / big;
  const h = 0.5 / Math.hypot(nz, nr, ni);
  return Float64Array.of(0.5 + nz * h, 0, nr * h, ni * h, nr * h, -ni * h, 0.5 - nz * h, 0);
}
