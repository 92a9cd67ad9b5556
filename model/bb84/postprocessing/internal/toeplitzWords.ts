/**
 * The Toeplitz hash on 32-bit words (see toeplitz.ts for the definition and the FFT path), in
 * WebAssembly (`toeplitz.as`, compiled into `toeplitzWasm.ts`; why, and how it works, is there).
 *
 * One instance per thread, loaded synchronously on first use, whose memory holds about
 * 6 (n + l) bytes for the largest hash it was given (a new, larger instance replaces it when a
 * hash needs more: memories never grow, see kernel/wasm/module.ts), up to
 * {@link KEEP_INSTANCE_BYTES}; a hash above that gets an instance of its own, dropped when the call returns.
 * @internal
 */
import { instantiator, keptInstance } from "../../../kernel/wasm/module.js";
import { TOEPLITZ_WASM_BASE64 } from "./toeplitzWasm.js";

/** The exports of `toeplitz.as` (byte offsets into `memory`). */
interface ToeplitzWasm {
  readonly memory: { readonly buffer: ArrayBuffer };
  layout(n: number, l: number): number;
  neededPages(): number;
  inputAt(): number;
  outputAt(): number;
  hash(n: number, l: number): void;
}

/**
 * Hashes whose buffers (about 6 (n + l) bytes) fit in this are done by the thread's kept instance,
 * whose memory (replaced by a larger instance when a hash needs more, in 64 KiB pages) thus
 * stays at about this much.
 */
export const KEEP_INSTANCE_BYTES = 16 * 2 ** 20;
/** The most input and output bits the word path takes: its buffers, about 6 (n + l) bytes, stay below 100 MB. */
export const MAX_WORDS_BITS = 2 ** 24;

const instances = keptInstance(instantiator<ToeplitzWasm>(TOEPLITZ_WASM_BASE64));
/** A byte view of the kept instance's memory (a new one for a new instance; memories never grow, see kernel/wasm/module.ts). */
let sharedBytes: Uint8Array | null = null;

/**
 * `y_i = XOR_k s[i + k] x[n - 1 - k]` for i < l (bits as 0/1 bytes; the seed has n + l - 1),
 * by columns on words: each set input bit costs ceil(l / 32) word XORs.
 */
export function toeplitzWords(seed: Uint8Array, input: Uint8Array, l: number): Uint8Array {
  const n = input.length;
  if (n + l > MAX_WORDS_BITS) throw new RangeError(`toeplitzWords: n + l must be at most ${MAX_WORDS_BITS}, got ${n + l}`);
  const keep = 6 * (n + l) <= KEEP_INSTANCE_BYTES;
  const { wasm, at } = instances.laidOut((w) => w.layout(n, l), keep);
  if (at === 0) throw new RangeError(`toeplitzWords: a hash of ${n} bits to ${l} needs more memory than WebAssembly can give`);
  let memory: Uint8Array;
  if (!keep) memory = new Uint8Array(wasm.memory.buffer);
  else {
    if (sharedBytes === null || sharedBytes.buffer !== wasm.memory.buffer) sharedBytes = new Uint8Array(wasm.memory.buffer);
    memory = sharedBytes;
  }
  memory.set(seed, at);
  memory.set(input, wasm.inputAt());
  wasm.hash(n, l);
  const out = wasm.outputAt();
  return memory.slice(out, out + l);
}
