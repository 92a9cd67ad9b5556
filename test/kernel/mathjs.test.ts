/**
 * The kernel's dense complex arithmetic agrees with mathjs on small random complex matrices:
 * matmul = math.multiply, kron = math.kron (left factor most significant), trace = math.trace,
 * adjoint = math.ctranspose. These are the building blocks of the other tests' oracles.
 * Negative control: a Kronecker product with its factors swapped is falsified.
 */
import { describe, test } from "vitest";
import * as fc from "fast-check";
import type { Complex as MathComplex } from "mathjs";
import { mathjs } from "../setup/mathjs.js";
import { ATOL, adjoint, kron, matmul, trace, type CMatrix } from "../../model/kernel/index.js";
import { maxDiff } from "./support/oracles.js";
import { params } from "./support/runs.js";
import { expectFalsified } from "./support/controls.js";

const { create, all } = mathjs;
const math = create(all);

const toMath = (m: CMatrix) => math.matrix(Array.from({ length: m.rows }, (_, i) =>
  Array.from({ length: m.cols }, (_, j) => math.complex(m.data[2 * (i * m.cols + j)], m.data[2 * (i * m.cols + j) + 1]))));

const fromMath = (x: unknown): number[] => {
  const rows = (math.isMatrix(x) ? (x as { toArray(): unknown[] }).toArray() : x) as unknown[];
  return (rows.flat(2) as (number | MathComplex)[]).flatMap((e) => (typeof e === "number" ? [e, 0] : [e.re, e.im]));
};

const arbMatrix = (rows: number, cols: number): fc.Arbitrary<CMatrix> =>
  fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 2 * rows * cols, maxLength: 2 * rows * cols })
    .map((v) => ({ rows, cols, data: Float64Array.from(v) }));
const size = fc.integer({ min: 1, max: 4 });

const kronAgrees = (k: (a: CMatrix, b: CMatrix) => CMatrix) =>
  fc.property(fc.tuple(size, size, size, size).chain(([a, b, c, d]) => fc.tuple(arbMatrix(a, b), arbMatrix(c, d))), ([a, b]) =>
    maxDiff(k(a, b).data, fromMath(math.kron(toMath(a), toMath(b)))) <= ATOL);

describe("dense complex arithmetic vs mathjs", () => {
  test("matmul = math.multiply", () => {
    const arb = fc.tuple(size, size, size).chain(([n, k, m]) => fc.tuple(arbMatrix(n, k), arbMatrix(k, m)));
    fc.assert(fc.property(arb, ([a, b]) => maxDiff(matmul(a, b).data, fromMath(math.multiply(toMath(a), toMath(b)))) <= ATOL), params(100));
  });
  test("kron = math.kron", () => {
    fc.assert(kronAgrees(kron), params(100));
  });
  test("trace = math.trace and adjoint = math.ctranspose", () => {
    fc.assert(fc.property(size.chain((n) => arbMatrix(n, n)), (a) => {
      const t = math.trace(toMath(a)) as unknown as MathComplex | number;
      const [re, im] = typeof t === "number" ? [t, 0] : [t.re, t.im];
      const [tr, ti] = trace(a);
      return Math.abs(tr - re) <= ATOL && Math.abs(ti - im) <= ATOL && maxDiff(adjoint(a).data, fromMath(math.ctranspose(toMath(a)))) <= ATOL;
    }), params(100));
  });
});

describe("negative control", () => {
  test("kron with swapped factors (little-endian Kronecker) is falsified", () => {
    expectFalsified(fc.check(kronAgrees((a, b) => kron(b, a)), params(100)));
  });
});
