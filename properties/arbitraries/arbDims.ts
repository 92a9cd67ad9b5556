/**
 * Random subsystem dimension lists.
 * @module
 */
import * as fc from "fast-check";
import { checkIntegerArgument } from "./internal/checks.js";

/** Options of {@link arbDims}. */
export interface DimsOptions {
  /** Fewest subsystems (default 1). */
  readonly minLength?: number;
  /** Most subsystems (default 3). */
  readonly maxLength?: number;
  /** Smallest subsystem dimension (default 2). */
  readonly minDim?: number;
  /** Largest subsystem dimension (default 4). */
  readonly maxDim?: number;
  /** Largest total dimension `prod(dims)` (default 64); needs `minDim^minLength <= maxTotal`. */
  readonly maxTotal?: number;
}

/**
 * A list of subsystem dimensions, mixed (default 2..4 each, 1..3 subsystems, total <= 64).
 * Subsystems that would exceed `maxTotal` are shrunk to fit or dropped (never below
 * `minLength`), so no draw is filtered out. Shrinks towards fewer, smaller subsystems.
 * @example fc.sample(arbDims({ minLength: 2, maxLength: 2, maxDim: 2 }), 1)[0] // [2, 2]
 */
export function arbDims(options: DimsOptions = {}): fc.Arbitrary<readonly number[]> {
  const { minLength = 1, maxLength = 3, minDim = 2, maxDim = 4, maxTotal = 64 } = options;
  checkIntegerArgument("arbDims", "minDim", minDim, 1, Number.MAX_SAFE_INTEGER);
  checkIntegerArgument("arbDims", "maxDim", maxDim, minDim, Number.MAX_SAFE_INTEGER);
  checkIntegerArgument("arbDims", "minLength", minLength, 1, Number.MAX_SAFE_INTEGER);
  checkIntegerArgument("arbDims", "maxLength", maxLength, minLength, Number.MAX_SAFE_INTEGER);
  if (minDim ** minLength > maxTotal) throw new RangeError(`arbDims: ${minLength} subsystems of dimension >= ${minDim} exceed maxTotal ${maxTotal}`);
  return fc.array(fc.integer({ min: minDim, max: maxDim }), { minLength, maxLength }).map((draw) => {
    const dims: number[] = [];
    let total = 1;
    for (const [i, d] of draw.entries()) {
      const rest = Math.max(0, minLength - i - 1); // subsystems still owed after this one
      const budget = Math.floor(maxTotal / (total * minDim ** rest));
      if (budget < minDim) break;
      const fit = Math.min(d, budget);
      dims.push(fit);
      total *= fit;
    }
    return dims;
  });
}
