/**
 * Haar-random unitaries.
 * @module
 */
import * as fc from "fast-check";
import type { CMatrix } from "../../model/kernel/index.js";
import { arbGaussians } from "./internal/gaussian.js";
import { phaseFixedQ } from "./internal/householder.js";

/**
 * A Haar-distributed d x d unitary: the phase-fixed Q of the QR decomposition of a complex
 * Gaussian matrix, `U = Q diag(R_jj / |R_jj|)` (Mezzadri, Notices AMS 54 (2007) 592).
 *
 * Deterministic given fast-check's seed; shrinks towards the identity (the Gaussian entries
 * shrink towards 0, and the QR of the zero matrix is I). Unitary to machine precision for every
 * draw (Householder QR), so nothing is filtered out.
 * @example fc.sample(arbHaarUnitary(2), { seed: 1, numRuns: 1 })[0] // a 2x2 unitary CMatrix
 */
export function arbHaarUnitary(d: number): fc.Arbitrary<CMatrix> {
  return arbHaarIsometry(d, d);
}

/**
 * A Haar-distributed isometry `V: C^k -> C^rows` (`V^dagger V = I_k`): the first k columns of a
 * Haar unitary on C^rows. The building block of random channels, POVMs and pure states.
 */
export function arbHaarIsometry(rows: number, k: number): fc.Arbitrary<CMatrix> {
  if (!Number.isInteger(rows) || !Number.isInteger(k) || rows < 1 || k < 1 || k > rows) {
    throw new RangeError(`arbHaarIsometry: need integers 1 <= k <= rows, got rows=${rows}, k=${k}`);
  }
  return arbGaussians(2 * rows * k).map((g) => phaseFixedQ(rows, k, g));
}
