/**
 * Mixing Eve's states where the weights are known to be positive and to sum to `total` (merged
 * branches, conditional states): the arithmetic of the kernel's `mixture` (term by term, in
 * order, so the same numbers) without its per-term checks, which took ~10 % of an evaluation
 * (bench/auth.ts profile, issue 12); the result shares the (frozen) `dims` of the first state.
 * @internal
 */
import type { DensityMatrix } from "../../kernel/index.js";
import { freshFloat64 } from "../../kernel/internal/carve.js";

/**
 * Eve's two registers as a density matrix, wrapping `data` (4 x 4, interleaved) without checks,
 * with one shared frozen `dims`: the kernel's `unsafeDensity` copies and freezes `dims` per call,
 * ~3 % of an evaluation (bench/auth.ts profile). Only for states that are valid by construction
 * (normalised outcomes of a round, mixtures of valid states).
 */
export function eveState(data: Float64Array): DensityMatrix {
  return { dims: EVE_DIMS, matrix: { rows: 4, cols: 4, data } } as unknown as DensityMatrix;
}

const EVE_DIMS: readonly number[] = Object.freeze([2, 2]);

/** `sum_t (weight(t) / total) state(t)` over a non-empty list. */
export function mixStates<T>(items: readonly T[], weight: (t: T) => number, state: (t: T) => DensityMatrix, total: number): DensityMatrix {
  const first = state(items[0]);
  const out = freshFloat64(first.matrix.data.length);
  for (const t of items) {
    const p = weight(t) / total, data = state(t).matrix.data;
    for (let k = 0; k < out.length; k++) out[k] += p * data[k];
  }
  return { dims: first.dims, matrix: { rows: first.matrix.rows, cols: first.matrix.cols, data: out } } as unknown as DensityMatrix;
}
