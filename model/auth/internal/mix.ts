/**
 * Mixing Eve's states where the weights are known to be positive and to sum to `total` (merged
 * branches, conditional states): the arithmetic of the kernel's `mixture` (term by term, in
 * order, so the same numbers) without its per-term checks, which took ~10 % of an evaluation
 * (bench/auth.ts profile, issue 12).
 * @internal
 */
import { unsafeDensity, type DensityMatrix } from "../../kernel/index.js";

/** `sum_t (weight(t) / total) state(t)` over a non-empty list. */
export function mixStates<T>(items: readonly T[], weight: (t: T) => number, state: (t: T) => DensityMatrix, total: number): DensityMatrix {
  const first = state(items[0]);
  const out = new Float64Array(first.matrix.data.length);
  for (const t of items) {
    const p = weight(t) / total, data = state(t).matrix.data;
    for (let k = 0; k < out.length; k++) out[k] += p * data[k];
  }
  return unsafeDensity({ rows: first.matrix.rows, cols: first.matrix.cols, data: out }, first.dims);
}
