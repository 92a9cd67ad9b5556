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

test("eigvalsh: a subnormal leading entry of a Householder column does not break unitarity (seed 690278824)", () => {
  // a permuted block-diagonal matrix: a 4x4 block with a known spectrum and a 3x3 block of
  // subnormals; the phase x0/|x0| of a subnormal x0 is not of unit modulus
  const h1 = [1, 0, -1.5488457315761626e-20, 5.5505587045418584e-17, -4.2984056181412666e-10, -1.3054781612797555e-10, 2.542047991038314e-16, 1.383584419436647e-16, -1.5488457315761626e-20, -5.5505587045418584e-17, 4.3047075903719254e-12, 0, -1.8294712819162022e-11, 9.160816770277049e-13, 3.7092012898629e-11, 1.032486984472294e-10, -4.2984056181412666e-10, 1.3054781612797555e-10, -1.8294712819162022e-11, -9.160816770277049e-13, 0.5, 0, -1.3566623766659862e-10, -4.4669343040294445e-10, 2.542047991038314e-16, -1.383584419436647e-16, 3.7092012898629e-11, -1.032486984472294e-10, -1.3566623766659862e-10, 4.4669343040294445e-10, 2.7960345503697862e-9, 0];
  const h2 = [6e-323, 0, 0, -0, -5e-324, -5e-324, 0, 0, 0, 0, 0, -0, -5e-324, 5e-324, 0, 0, 0, 0];
  const order = [3, 6, 2, 4, 5, 0, 1], n = 7;
  const data = new Float64Array(2 * n * n);
  for (const [h, d, off] of [[h1, 4, 0], [h2, 3, 4]] as const) {
    for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) {
      const di = order.indexOf(i + off), dj = order.indexOf(j + off);
      data[2 * (di * n + dj)] = h[2 * (i * d + j)];
      data[2 * (di * n + dj) + 1] = h[2 * (i * d + j) + 1];
    }
  }
  // spectrum from numpy.linalg.eigvalsh of the same matrix: four zeros (to 1e-16), 2.8e-9, 0.5, 1
  const expected = [0, 0, 0, 0, 2.80033934e-9, 0.5, 1];
  const ev = eigvalsh({ rows: n, cols: n, data });
  ev.forEach((v, k) => expect(Math.abs(v - expected[k])).toBeLessThan(1e-12));
});
