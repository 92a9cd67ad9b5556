/**
 * Fresh zeroed Float64Arrays carved out of shared chunks, for the many small arrays the kernel
 * and the models allocate.
 *
 * ## Why (measured 2026-11-28, node 20.20, 2 cores)
 * V8 keeps a typed array of at most 64 bytes (8 doubles) on its own heap. Each larger
 * `new Float64Array(n)` gets an off-heap backing store from `calloc`, which the garbage collector
 * later hands back to `free` on a background thread (V8's concurrent ArrayBuffer sweeper). The
 * JavaScript thread's `calloc` and the sweeper's `free` then take the same glibc arena lock at
 * once: `perf record` of a loop of `new ArrayBuffer(256)` spends its time in `futex` waits,
 * `_int_malloc` and `_int_free`. Per allocation (a loop that keeps the last 64):
 *
 * | bytes | 2 cores | pinned to 1 core | `--no-concurrent-array-buffer-sweeping` | carved here |
 * |---|---|---|---|---|
 * | 256 | 2.0-3.3 us | 0.48 us | 0.29 us | 0.07 us |
 * | 2,048 | 3.1-4.1 us | 2.2 us | 0.68 us | 0.31-0.42 us |
 * | 16,384 | 4.2-4.8 us | 1.8 us | 1.4 us | 1.8-2.2 us |
 * | 65,536 | 7.8-11.6 us | 43 us | 2.3 us | 16-30 us (not carved) |
 *
 * A partial trace of 3 to 6 qubits (the bench's ptrace1) spent most of its time there:
 * 3.3 / 5.0 / 4.0 / 5.3 us per op against 0.4 / 0.6 / 1.2 / 3.4 us with its outputs carved
 * (/tmp/pt.mjs-style loop, same process kind, medians of 9). The flag is no answer for a library
 * and at 64 KiB and above it made `free` trim and re-fault the heap on the JavaScript thread
 * (a 7-qubit partial trace took 218 us instead of 11). So arrays of 9 to {@link CARVED_MAX}
 * doubles are carved out of {@link CHUNK_DOUBLES}-double chunks: one `calloc` per chunk, a view
 * per array. Larger ones keep their own backing store.
 *
 * ## What sharing a chunk means for a caller
 * Node's `Buffer.allocUnsafe` pool does the same. An array carved here is a view: its `buffer`
 * holds other arrays too (`byteOffset` says where it starts), a live array keeps its whole chunk
 * (at most 64 KiB) alive, and transferring its `buffer` (`postMessage(x, [x.buffer])`) would detach
 * the other arrays of the chunk. Copy it first (`x.slice()`) to own a buffer. Nothing in this
 * repository transfers an array's buffer (test/kernel/slab.test.ts checks the carving).
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
  return length > CARVED_MAX ? new Float64Array(length) : carve(thread, length, CHUNK_DOUBLES);
}
