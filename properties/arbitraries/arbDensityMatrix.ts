/**
 * Random mixed states of a chosen or arbitrary rank.
 * @module
 */
import * as fc from "fast-check";
import { densityMatrix, type DensityMatrix } from "../../model/kernel/index.js";
import { arbHaarIsometry } from "./arbHaarUnitary.js";
import { checkDimsArgument, checkIntegerArgument } from "./internal/checks.js";

/** Options of {@link arbDensityMatrix}. */
export interface DensityMatrixOptions {
  /** Exact rank r in [1, d]; when absent, the rank is drawn from [1, d] (shrinking towards 1, a pure state). */
  readonly rank?: number;
}

/**
 * A random density matrix on the given dims: the partial trace over an r-dimensional
 * environment of a Haar-random pure state on `C^d (x) C^r`, i.e. `rho = G G^dagger` with G the
 * d x r reshaping of the pure state (the induced measure of Zyczkowski & Sommers, J. Phys. A 34
 * (2001) 7111). Rank r (generically exactly r); trace exactly 1 up to round-off because the
 * pure state is normalised, so no draw is degenerate. Validated by the kernel's `densityMatrix`.
 * @example fc.sample(arbDensityMatrix([2, 2], { rank: 1 }), 1)[0] // a pure two-qubit state
 */
export function arbDensityMatrix(dims: readonly number[], options: DensityMatrixOptions = {}): fc.Arbitrary<DensityMatrix> {
  const d = checkDimsArgument("arbDensityMatrix", dims);
  if (options.rank !== undefined) checkIntegerArgument("arbDensityMatrix", "rank", options.rank, 1, d);
  const rank = options.rank !== undefined ? fc.constant(options.rank) : fc.integer({ min: 1, max: d });
  return rank.chain((r) => arbHaarIsometry(d * r, 1).map((psi) => densityMatrix(gramOfReshaped(psi.data, d, r), dims)));
}

/** `G G^dagger` for the d x r row-major reshaping G of a d*r vector (interleaved complex). */
function gramOfReshaped(v: Float64Array, d: number, r: number): { rows: number; cols: number; data: Float64Array } {
  const out = new Float64Array(2 * d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j <= i; j++) {
      let re = 0, im = 0;
      for (let k = 0; k < r; k++) {
        const ar = v[2 * (i * r + k)], ai = v[2 * (i * r + k) + 1], br = v[2 * (j * r + k)], bi = v[2 * (j * r + k) + 1];
        re += ar * br + ai * bi;
        im += ai * br - ar * bi;
      }
      out[2 * (i * d + j)] = re;
      out[2 * (i * d + j) + 1] = im;
      out[2 * (j * d + i)] = re;
      out[2 * (j * d + i) + 1] = -im;
    }
  }
  return { rows: d, cols: d, data: out };
}
