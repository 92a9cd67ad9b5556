/**
 * Random POVMs.
 * @module
 */
import * as fc from "fast-check";
import type { CMatrix } from "../../model/kernel/index.js";
import { adjoint, matmul } from "../../model/kernel/index.js";
import { arbHaarIsometry } from "./arbHaarUnitary.js";
import { checkIntegerArgument } from "./internal/checks.js";

/**
 * A random POVM on C^d with k effects `E_j = V_j^dagger V_j >= 0`, where the `V_j` are the
 * d-row blocks of a Haar isometry `V: C^d -> C^{k d}`; hence `sum_j E_j = V^dagger V = I`
 * (Naimark dilation). Returns the effects; the kernel's `povm` turns them into Kraus operators.
 * @example fc.sample(arbPovm(2, 3), 1)[0].length // 3
 */
export function arbPovm(d: number, k: number): fc.Arbitrary<readonly CMatrix[]> {
  checkIntegerArgument("arbPovm", "d", d, 1, Number.MAX_SAFE_INTEGER);
  checkIntegerArgument("arbPovm", "k", k, 1, Number.MAX_SAFE_INTEGER);
  return arbHaarIsometry(k * d, d).map((v) => {
    const width = 2 * d * d;
    return Array.from({ length: k }, (_, j) => {
      const block: CMatrix = { rows: d, cols: d, data: v.data.slice(j * width, (j + 1) * width) };
      return matmul(adjoint(block), block);
    });
  });
}
