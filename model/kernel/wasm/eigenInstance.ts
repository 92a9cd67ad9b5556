/**
 * Loads the WebAssembly eigensolver (`eigen.as`, compiled into `eigenWasm.ts`) synchronously on
 * first use: no file access and no network, so it works alike in the CLI, worker threads (each
 * thread compiles and instantiates its own), vitest and the report path.
 *
 * ## Memory
 * One instance per thread, whose linear memory is private to it and holds 4 d^2 + 14 d doubles
 * for the largest d seen: a larger d gets a new instance of that size (memories never grow,
 * see module.ts), at most 2.1 MB, for d = {@link KEEP_INSTANCE_UP_TO}. A larger call gets an
 * instance of its own, dropped (and collected) when the call returns.
 * @module
 */
import { EIGEN_WASM_BASE64 } from "./eigenWasm.js";
import { instantiator, keptInstance } from "./module.js";

/** The exports of `eigen.as` (byte offsets into `memory`; see the source for each). */
export interface EigenWasm {
  readonly memory: { readonly buffer: ArrayBuffer };
  layout(n: number): number;
  neededPages(): number;
  values(): number;
  maxAbs(n: number): number;
  collect(n: number): void;
  sortedValues(): number;
  sortedVectors(): number;
  eigvalsh(n: number, scale: number): number;
  eigh(n: number, scale: number, perfectShifts: number): number;
}

/** Dimension up to which the thread's instance (and its memory) is kept between calls. */
export const KEEP_INSTANCE_UP_TO = 256;

const instances = keptInstance(instantiator<EigenWasm>(EIGEN_WASM_BASE64));

/** Largest dimension the eigensolver takes: its 4 n^2 + 14 n doubles (2.1 GB at 8192) stay below 2^32 bytes, the reach of its 32-bit offsets. */
export const MAX_DIMENSION = 8192;

/**
 * An instance laid out for dimension n, and the byte offset where the caller writes the
 * interleaved n x n input. `fn` names the caller in the error thrown when no instance large enough can be made.
 */
export function eigenWasm(fn: string, n: number): { readonly wasm: EigenWasm; readonly input: number } {
  // the layout's byte offsets are 32-bit (about 32 n^2 bytes): past MAX_DIMENSION they would wrap
  if (n > MAX_DIMENSION) throw new RangeError(`${fn}: a ${n}x${n} matrix needs more memory than WebAssembly can give (at most ${MAX_DIMENSION}x${MAX_DIMENSION})`);
  const { wasm, at } = instances.laidOut((w) => w.layout(n), n <= KEEP_INSTANCE_UP_TO);
  if (at === 0) throw new RangeError(`${fn}: a ${n}x${n} matrix needs more memory than WebAssembly can give`);
  return { wasm, input: at };
}
