import { expect, test } from "vitest";
import { eigh, eigvalsh, type CMatrix } from "../../model/kernel/index.js";

// found by a random search over 4x4 Hermitian matrices with subnormal entries next to exact
// zeros (the auth model hit the same through traceDistance): the QL iteration never deflated
const cases = [
  [-1e-314, 0, 0, -2e-320, 0, -1e-310, 1e-314, -0.5, 0, 2e-320, 1e-310, 0, 0, -1e-314, 0, 1e-314, 0, 1e-310, 0, 1e-314, 0, 0, 1e-310, 1e-314, 1e-314, 0.5, 0, -1e-314, 1e-310, -1e-314, 0, 0],
  [0.25, 0, 0, 0, 0.25, -0.25, 0, 0, 0, 0, 2e-320, 0, 1e-310, -2e-320, 1e-310, -1e-310, 0.25, 0.25, 1e-310, 2e-320, -1e-314, 0, -1e-314, -1e-314, 0, 0, 1e-310, 1e-310, -1e-314, 1e-314, 1e-310, 0],
];

test.each(cases.map((c, i) => [i, c] as const))("eigvalsh converges on subnormal couplings (case %i) and agrees with Jacobi", (_, data) => {
  const m: CMatrix = { rows: 4, cols: 4, data: Float64Array.from(data) };
  const a = eigvalsh(m);
  const b = eigh(m).values;
  a.forEach((v, k) => expect(v).toBeCloseTo(b[k], 12));
});
