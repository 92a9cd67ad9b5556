/**
 * Loads the WebAssembly 1- and 2-qubit kernels (`local.as`, compiled into `localWasm.ts`)
 * synchronously on first use, like eigenInstance.ts: no file access, one instance per thread.
 *
 * ## Memory
 * The instance's linear memory holds the coefficient pairs (room for 64: 32 used by a 4x4 gate,
 * 16 by a superoperator, 8 by a 2x2 gate) and the rows of M being worked on. The callers
 * (model/kernel/internal/wasmLocal.ts) copy M through it in chunks of at most {@link CHUNK_BYTES}
 * (a group of rows larger than a chunk is split into ranges; the least a chunk holds is 4 rows
 * for a 4x4 gate and 2 for a superoperator or a 2x2 gate, more than
 * CHUNK_BYTES only from n = 13), so the memory stays at about that size whatever the state's
 * size (a larger layout gets a new instance of that size: memories never grow, see module.ts).
 * @module
 */
import { LOCAL_WASM_BASE64 } from "./localWasm.js";
import { instantiator, keptInstance } from "./module.js";

/** The exports of `local.as` (byte offsets into `memory`; see the source for each). */
export interface LocalWasm {
  readonly memory: { readonly buffer: ArrayBuffer };
  layout(doubles: number): number;
  neededPages(): number;
  coefficientsAt(): number;
  super2(a: number, b: number, len: number, ca: number, cb: number): number;
  conj2(a: number, b: number, len: number, ca: number, cb: number): void;
  conj4(a: number, m: number, b: number, len: number, ca: number, cm: number, cb: number, swap: number): void;
}

/**
 * Bytes of M worked on per call (a whole group of rows if larger): small enough to stay in the
 * level-2 cache (512 KiB per core here) between the copy in, the arithmetic and the copy out.
 */
export const CHUNK_BYTES = 256 * 1024;

const instances = keptInstance(instantiator<LocalWasm>(LOCAL_WASM_BASE64));

/** The thread's instance. */
export function localWasm(): LocalWasm {
  return instances.current();
}

/** Drop the thread's instance (for tests: the next call makes a fresh one-page instance). @internal */
export function dropLocalWasm(): void {
  instances.drop();
}

/**
 * The thread's instance laid out for `doubles` doubles of M (a new, larger one if its memory is
 * too small, which stays the thread's), and the byte offset of M in it; 0 if no instance that
 * large can be made.
 */
export function localLayout(doubles: number): { readonly wasm: LocalWasm; readonly at: number } {
  return instances.laidOut((w) => w.layout(doubles));
}
