/**
 * The one-qubit partial-trace loops of model/kernel/partialTrace.ts (last qubit by one and by
 * four entries, runs of two, power-of-two runs by four entries, even and odd runs) give the
 * same values, zero signs included, as the general sum `acc = 0; acc += rho[.., k, .., k, ..]`
 * over the traced digit, on matrices with signed zeros, infinities and NaN (neither Hermitian
 * nor normalised), at every position, on qubit registers up to 7 qubits (at 7 the outputs are
 * large enough to be allocated without zero-filling, so an entry a loop forgot would show the
 * allocator's leftovers; smaller ones are carved zeroed, model/kernel/internal/carve.ts) and beside
 * other dimensions. Entries are compared with `Object.is` (NaN payloads
 * are not compared). Negative control: a loop that drops the `0 +` (so -0 + -0 stays -0) is
 * falsified.
 */
import { describe, test } from "vitest";
import * as fc from "fast-check";
import { traceOut } from "../../model/kernel/index.js";
import { unsafeDensity, type DensityMatrix } from "../../model/kernel/state.js";
import { digitsOf, indexOf, prod, sameBits } from "./support/oracles.js";
import { params } from "./support/runs.js";
import { expectFalsified } from "./support/controls.js";

/** dims whose one-qubit traces reach every loop: b = 1 (a % 4 = 0 or not), 2, 4..64, 12 (even), 3, 5 (odd). */
const DIMS: readonly (readonly number[])[] = [
  [2, 2], [2, 2, 2], [2, 2, 2, 2], [2, 2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2, 2],
  [3, 2, 2], [3, 2, 2, 2], [2, 3, 4], [4, 2, 4], [2, 12], [2, 2, 3], [3, 2, 5], [5, 2, 2, 2],
];

/** An entry: mostly ordinary, often a signed zero, sometimes non-finite. */
const arbEntry = fc.oneof(
  { weight: 6, arbitrary: fc.double({ min: -2, max: 2, noNaN: true }) },
  { weight: 3, arbitrary: fc.constantFrom(0, -0) },
  { weight: 1, arbitrary: fc.constantFrom(Infinity, -Infinity, NaN) },
);

/** A square matrix on `dims` from a pool of entries (cycled: a 7-qubit matrix has 32,768 doubles). */
const arbCase = fc.constantFrom(...DIMS).chain((dims) => fc.record({
  dims: fc.constant(dims),
  pool: fc.array(arbEntry, { minLength: 61, maxLength: 61 }),
  stride: fc.integer({ min: 1, max: 60 }),
  q: fc.constantFrom(...dims.flatMap((d, k) => (d === 2 ? [k] : []))),
})).map(({ dims, pool, stride, q }) => {
  const D = prod(dims), data = new Float64Array(2 * D * D);
  for (let i = 0, p = 0; i < data.length; i++, p = (p + stride) % pool.length) data[i] = pool[p];
  return { rho: unsafeDensity({ rows: D, cols: D, data }, dims), q };
});

/** The general sum over the traced digit, `acc = 0; acc += x` (with `add` as the addition). */
function digitSum(rho: DensityMatrix, q: number, add: (acc: number, x: number) => number = (acc, x) => acc + x): Float64Array {
  const kept = rho.dims.filter((_, k) => k !== q), d = prod(kept), D = rho.matrix.rows;
  const out = new Float64Array(2 * d * d);
  const full = (i: number, k: number) => { const digits = digitsOf(i, kept); digits.splice(q, 0, k); return indexOf(digits, rho.dims); };
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let re = 0, im = 0;
      for (let k = 0; k < rho.dims[q]; k++) {
        const s = 2 * (full(i, k) * D + full(j, k));
        re = k === 0 ? add(0, rho.matrix.data[s]) : re + rho.matrix.data[s];
        im = k === 0 ? add(0, rho.matrix.data[s + 1]) : im + rho.matrix.data[s + 1];
      }
      out[2 * (i * d + j)] = re;
      out[2 * (i * d + j) + 1] = im;
    }
  }
  return out;
}


describe("one-qubit partial trace loops", () => {
  test("equal the general digit sum entry for entry, signed zeros and non-finite entries included", () => {
    fc.assert(fc.property(arbCase, ({ rho, q }) => sameBits(traceOut(rho, [q]).matrix.data, digitSum(rho, q))), params(60));
  });
  test("negative control: a sum without the leading 0 + (-0 + -0 = -0) is falsified", () => {
    const dropsZero = (_acc: number, x: number) => x;
    expectFalsified(fc.check(fc.property(arbCase, ({ rho, q }) => sameBits(traceOut(rho, [q]).matrix.data, digitSum(rho, q, dropsZero))), params(60)));
  });
});
