/**
 * Random CPTP maps in Kraus form.
 * @module
 */
import * as fc from "fast-check";
import { channel, type Channel, type CMatrix } from "../../model/kernel/index.js";
import { arbHaarIsometry } from "./arbHaarUnitary.js";
import { checkDimsArgument, checkIntegerArgument } from "./internal/checks.js";

/** Options of {@link arbKrausChannel}. */
export interface KrausChannelOptions {
  /** Number of Kraus operators; when absent, drawn from the feasible range (shrinking towards the fewest). */
  readonly count?: number;
}

/**
 * A random CPTP map from dims `dIn` to dims `dOut` (default: `dIn`; a number is one subsystem)
 * with `count` Kraus operators: a Haar isometry `V: C^{dIn} -> C^{count * dOut}` split into
 * count blocks of dOut rows, `K_k = (<k| (x) I) V`, so `sum_k K_k^dagger K_k = V^dagger V = I`
 * (Stinespring dilation; Nielsen & Chuang §8.2.3). Needs `count * dOut >= dIn`. Returned as a
 * kernel {@link Channel}, checked by the kernel's `channel`.
 * @example fc.sample(arbKrausChannel(2, 3, { count: 2 }), 1)[0].outDims // [3]
 */
export function arbKrausChannel(
  dIn: number | readonly number[],
  dOut: number | readonly number[] = dIn,
  options: KrausChannelOptions = {},
): fc.Arbitrary<Channel> {
  const inDims = typeof dIn === "number" ? [dIn] : dIn.slice();
  const outDims = typeof dOut === "number" ? [dOut] : dOut.slice();
  const din = checkDimsArgument("arbKrausChannel", inDims);
  const dout = checkDimsArgument("arbKrausChannel", outDims);
  if (inDims.length !== outDims.length) throw new RangeError(`arbKrausChannel: dims [${inDims.join(",")}] vs [${outDims.join(",")}] name different numbers of subsystems`);
  const minCount = Math.ceil(din / dout), maxCount = din * dout; // the Choi rank is at most din * dout
  if (options.count !== undefined) checkIntegerArgument("arbKrausChannel", "count", options.count, minCount, Math.max(maxCount, options.count));
  const count = options.count !== undefined ? fc.constant(options.count) : fc.integer({ min: minCount, max: maxCount });
  return count.chain((n) =>
    arbHaarIsometry(n * dout, din).map((v) => channel(`haar-kraus(${n})`, splitRows(v, n, dout), inDims, outDims)),
  );
}

/** The `count` consecutive blocks of `rows` rows of v. */
function splitRows(v: CMatrix, count: number, rows: number): CMatrix[] {
  const width = 2 * rows * v.cols;
  return Array.from({ length: count }, (_, k) => ({ rows, cols: v.cols, data: v.data.slice(k * width, (k + 1) * width) }));
}
