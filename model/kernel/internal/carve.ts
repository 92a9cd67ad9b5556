/**
 * Fresh zeroed Float64Arrays carved out of shared chunks, for the many small arrays the kernel
 * and the models allocate. Shared with model/auth and model/bb84 (their own carvers use
 * {@link carve}), so it lives in the kernel's internals rather than in one of them.
 *
 * ## Why (measured 2026-11-28, node 20.20, 2 cores)
 * V8 keeps a typed array of at most 64 bytes (8 doubles) on its own heap. Each larger
 * `new Float64Array(n)` gets an off-heap backing store from `calloc`, which the garbage collector
 * later hands to `free` on a background thread (V8's concurrent ArrayBuffer sweeper). The
 * JavaScript thread's `calloc` and the sweeper's `free` then take the same glibc arena lock at
 * once: `perf record` of a loop of `new ArrayBuffer(256)` spends its time in `futex` waits,
 * `_int_malloc` and `_int_free`. Per allocation, in a loop that keeps the last 64 arrays (two
 * people's runs, load 0.5-2):
 *
 * | bytes | as allocated by default | with `--no-concurrent-array-buffer-sweeping` | carved here |
 * |---|---|---|---|
 * | 256 | 1.9-3.3 us | 0.29-0.33 us | 0.07-0.13 us |
 * | 2,048 | 3.1-4.4 us | 0.58-0.68 us | 0.20-0.49 us |
 * | 16,384 | 3.8-4.8 us | 0.9-1.4 us | 0.8-2.8 us |
 *
 * The flag is no answer for a library, and at 64 KiB outputs it made a 7-qubit partial trace
 * slower (58-271 us against 12-44 us: `free` on the JavaScript thread). So arrays of 9 to
 * {@link CARVED_MAX} doubles are carved out of {@link CHUNK_DOUBLES}-double chunks: one `calloc` per
 * chunk, a view per array. Larger ones keep their own backing store. The bench's rows, both builds
 * in the same rounds (`npm run bench -- --only kernel --ops ptrace1,gate1,gate2,kraus1
 * --sizes 3,4,5,6,7 --baseline <the former dist>`, load 2): ptrace1 kernel/numpy at
 * n = 3 / 4 / 5 / 6 went from 2.17 / 1.79 / 1.38 / 1.37 to 7.61 / 5.28 / 2.85 / 1.85, gate1 at
 * n = 3 / 4 from 7.31 / 5.04 to 13.58 / 7.87; kraus1 and n = 7 did not move beyond the noise.
 *
 * ## What sharing a chunk means for a caller
 * Node's `Buffer.allocUnsafe` pool does the same. An array carved here is a view: its `buffer`
 * holds other arrays too (`byteOffset` says where it starts); a live array keeps its whole chunk
 * (64 KiB) alive; posting it to another thread (structured clone) copies the whole chunk; and
 * transferring its `buffer` (`postMessage(x, [x.buffer])`) would detach the other arrays of the
 * chunk. `x.slice()` gives an array its own buffer. The repository's own code transfers no
 * buffer (test/kernel/carve.test.ts scans it), and its state tables and caches copy what they
 * keep.
 * @internal
 */

/** A chunk arrays are carved from, and how many of its doubles are handed out. */
export interface Chunk {
  chunk: Float64Array;
  used: number;
}

/** The largest array carved from the thread's chunks (16 KiB: a 5-qubit density matrix, a 6-qubit partial trace's output). */
export const CARVED_MAX = 2048;

/** Doubles per chunk of the thread's carver (64 KiB: below glibc's 128 KiB mmap threshold, so chunks are recycled by the heap instead of faulted in afresh). */
const CHUNK_DOUBLES = 8192;

/**
 * A zeroed array of `n` doubles: a small array for up to 8, else the next `n` doubles of
 * `from.chunk`; when they do not fit, the arrays handed out so far stay in the old chunk and the
 * rest come from a fresh one of at least `minChunk` doubles.
 */
export function carve(from: Chunk, n: number, minChunk: number): Float64Array {
  if (n <= 8) return new Float64Array(n);
  if (from.used + n > from.chunk.length) [from.chunk, from.used] = [new Float64Array(Math.max(minChunk, n)), 0];
  from.used += n;
  return from.chunk.subarray(from.used - n, from.used);
}

/** This thread's chunk for {@link freshFloat64}. */
const thread: Chunk = { chunk: new Float64Array(0), used: 0 };

/**
 * A fresh zeroed `Float64Array` of `length` doubles, as `new Float64Array(length)`, carved from
 * the thread's shared chunk when it has 9 to {@link CARVED_MAX} doubles (see the module doc for
 * what sharing a chunk means).
 */
export function freshFloat64(length: number): Float64Array {
  // a length that is no integer (NaN from a caller's undefined rows) must not reach carve: it
  // would make the chunk's count NaN and every later array of the thread empty
  return length <= CARVED_MAX && Number.isInteger(length) ? carve(thread, length, CHUNK_DOUBLES) : new Float64Array(length);
}
