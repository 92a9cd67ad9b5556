/**
 * Partial trace and permutation: the partial trace of a product state returns its factor;
 * traceOut agrees with an explicit sum `sum_k (I (x) <k|) rho (I (x) |k>)` of full operators;
 * keepSubsystems is traceOut of the complement; permute agrees with a permutation matrix, composes
 * and inverts; reduced states are valid. Negative controls: the keep/remove confusion (QuTiP's
 * `ptrace` keeps, Qiskit's `partial_trace` removes) and a wrong permutation are detected.
 */
import { describe, test } from "vitest";
import * as fc from "fast-check";
import { ATOL, keepSubsystems, maxAbsDiff, permute, tensor, traceOut, type CMatrix, type DensityMatrix } from "../../model/kernel/index.js";
import { arbDensityMatrix, arbDims, arbSubsystems } from "../../properties/arbitraries/index.js";
import { conjugate, digitsOf, fullOperator, indexOf, isValidStateMatrix, permutationMatrix, prod } from "./support/oracles.js";
import { params } from "./support/runs.js";
import { expectFalsified } from "./support/controls.js";

/** A product state of 2..4 random factors, and a subset of factor positions. */
const arbProduct = arbDims({ minLength: 2, maxLength: 4, maxTotal: 72 }).chain((dims) =>
  fc.record({
    dims: fc.constant(dims),
    factors: fc.tuple(...dims.map((d) => arbDensityMatrix([d]))),
    keep: arbSubsystems(dims, { maxLength: dims.length - 1 }),
  }));

const arbStateAndSubset = arbDims({ minLength: 2, maxLength: 4, maxTotal: 48 }).chain((dims) =>
  fc.record({ rho: arbDensityMatrix(dims), subset: arbSubsystems(dims, { maxLength: dims.length - 1 }) }));

/** Oracle: `tr_T rho = sum_k B_k rho B_k^dagger` with `B_k = <k|_T (x) I` built as a full operator. */
function traceOutOracle(rho: DensityMatrix, traced: readonly number[]): CMatrix {
  const dT = prod(traced.map((t) => rho.dims[t]));
  let acc: CMatrix | undefined;
  for (let k = 0; k < dT; k++) {
    const bra: CMatrix = { rows: 1, cols: dT, data: new Float64Array(2 * dT) };
    bra.data[2 * k] = 1;
    const term = conjugate(fullOperator(bra, rho.dims, traced, traced.map(() => 1)), rho.matrix);
    acc = acc === undefined ? term : { ...acc, data: acc.data.map((v, i) => v + term.data[i]) };
  }
  return acc!;
}

/** Oracle by digits: `(tr_q rho)[i, j] = sum_k rho[i with digit k at q, j with digit k at q]`. */
function digitSumOracle(rho: DensityMatrix, q: number): CMatrix {
  const kept = rho.dims.filter((_, k) => k !== q), d = prod(kept), D = rho.matrix.rows;
  const data = new Float64Array(2 * d * d);
  const full = (i: number, k: number) => { const digits = digitsOf(i, kept); digits.splice(q, 0, k); return indexOf(digits, rho.dims); };
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      for (let k = 0; k < rho.dims[q]; k++) {
        const s = 2 * (full(i, k) * D + full(j, k));
        data[2 * (i * d + j)] += rho.matrix.data[s];
        data[2 * (i * d + j) + 1] += rho.matrix.data[s + 1];
      }
    }
  }
  return { rows: d, cols: d, data };
}

/** The product state, and the tensor product of the kept factors in subsystem order. */
const productAndExpected = ({ factors, keep }: { factors: readonly DensityMatrix[]; keep: readonly number[] }) => ({
  rho: tensor(...factors),
  expected: tensor(...keep.slice().sort((a, b) => a - b).map((k) => factors[k])),
});

describe("partial trace", () => {
  test("of a product state returns the kept factors (keepSubsystems and traceOut)", () => {
    fc.assert(fc.property(arbProduct, ({ dims, factors, keep }) => {
      const { rho, expected } = productAndExpected({ factors, keep });
      const removed = dims.map((_, k) => k).filter((k) => !keep.includes(k));
      return maxAbsDiff(keepSubsystems(rho, keep).matrix, expected.matrix) <= ATOL &&
        maxAbsDiff(traceOut(rho, removed).matrix, expected.matrix) <= ATOL &&
        keepSubsystems(rho, keep).dims.join() === expected.dims.join();
    }), params(100));
  });
  test("traceOut equals the explicit sum of (I (x) <k|) rho (I (x) |k>)", () => {
    fc.assert(fc.property(arbStateAndSubset, ({ rho, subset }) =>
      maxAbsDiff(traceOut(rho, subset).matrix, traceOutOracle(rho, subset)) <= ATOL), params(80));
  });
  test("keepSubsystems(S) = traceOut(complement of S), in any order of S; reduced states are valid", () => {
    fc.assert(fc.property(arbStateAndSubset, ({ rho, subset }) => {
      const complement = rho.dims.map((_, k) => k).filter((k) => !subset.includes(k));
      const kept = keepSubsystems(rho, subset);
      return maxAbsDiff(kept.matrix, traceOut(rho, complement).matrix) <= ATOL && isValidStateMatrix(kept.matrix);
    }), params(100));
  });
  test("one qubit at every position (the fast paths: last qubit, even and odd runs) equals the sum over its digit", () => {
    // qubits only (runs of 1, 2, 4, ... entries) and qubits beside odd dimensions (odd runs)
    const dimsList = [[2, 2], [2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2], [2, 3], [3, 2, 3], [2, 5, 2], [2, 2, 3, 2]];
    const arb = fc.constantFrom(...dimsList).chain((dims) =>
      fc.record({ rho: arbDensityMatrix(dims), q: fc.constantFrom(...dims.flatMap((d, k) => (d === 2 ? [k] : []))) }));
    fc.assert(fc.property(arb, ({ rho, q }) => maxAbsDiff(traceOut(rho, [q]).matrix, digitSumOracle(rho, q)) <= ATOL), params(60));
  });
  test("tracing out in two steps equals tracing out at once", () => {
    const arb = arbDims({ minLength: 3, maxLength: 4, maxTotal: 48 }).chain((dims) =>
      fc.record({ rho: arbDensityMatrix(dims), order: fc.shuffledSubarray(dims.map((_, k) => k), { minLength: 2, maxLength: dims.length - 1 }) }));
    fc.assert(fc.property(arb, ({ rho, order }) => {
      const [first, ...others] = order;
      const step1 = traceOut(rho, [first]);
      const renumbered = others.map((k) => (k > first ? k - 1 : k));
      return maxAbsDiff(traceOut(step1, renumbered).matrix, traceOut(rho, order).matrix) <= ATOL;
    }), params(80));
  });
});

describe("permute", () => {
  const arbStateAndOrder = arbDims({ minLength: 1, maxLength: 4, maxTotal: 48 }).chain((dims) =>
    fc.record({ rho: arbDensityMatrix(dims), order: fc.shuffledSubarray(dims.map((_, k) => k), { minLength: dims.length, maxLength: dims.length }) }));
  test("equals conjugation by the permutation matrix, with permuted dims", () => {
    fc.assert(fc.property(arbStateAndOrder, ({ rho, order }) => {
      const out = permute(rho, order);
      return out.dims.join() === order.map((k) => rho.dims[k]).join() &&
        maxAbsDiff(out.matrix, conjugate(permutationMatrix(rho.dims, order), rho.matrix)) <= ATOL;
    }), params(100));
  });
  test("the inverse order undoes it", () => {
    fc.assert(fc.property(arbStateAndOrder, ({ rho, order }) => {
      const inverse = order.map((_, k) => order.indexOf(k));
      return maxAbsDiff(permute(permute(rho, order), inverse).matrix, rho.matrix) === 0;
    }), params(100));
  });
  test("keeping a subset in a chosen order = permuting then tracing out the tail", () => {
    fc.assert(fc.property(arbStateAndSubset, ({ rho, subset }) => {
      const rest = rho.dims.map((_, k) => k).filter((k) => !subset.includes(k));
      const moved = traceOut(permute(rho, [...subset, ...rest]), rest.map((_, i) => subset.length + i));
      const sorted = subset.slice().sort((a, b) => a - b);
      const keptInOrder = permute(keepSubsystems(rho, subset), subset.map((k) => sorted.indexOf(k)));
      return maxAbsDiff(moved.matrix, keptInOrder.matrix) <= ATOL;
    }), params(100));
  });
});

describe("negative controls", () => {
  test("keep/remove confusion: traceOut(S) where keepSubsystems(S) was meant", () => {
    expectFalsified(fc.check(fc.property(arbProduct, ({ factors, keep }) => {
      const { rho, expected } = productAndExpected({ factors, keep });
      const wrong = traceOut(rho, keep);
      return wrong.dims.join() === expected.dims.join() && maxAbsDiff(wrong.matrix, expected.matrix) <= ATOL;
    }), params(100)));
  });
  test("a permutation read the other way round (order used as its inverse)", () => {
    const arb = arbDims({ minLength: 3, maxLength: 4, maxTotal: 48 }).chain((dims) =>
      fc.record({ rho: arbDensityMatrix(dims), order: fc.shuffledSubarray(dims.map((_, k) => k), { minLength: dims.length, maxLength: dims.length }) }));
    expectFalsified(fc.check(fc.property(arb, ({ rho, order }) => {
      const inverse = order.map((_, k) => order.indexOf(k));
      const wrong = permute(rho, inverse);
      return wrong.dims.join() === order.map((k) => rho.dims[k]).join() &&
        maxAbsDiff(wrong.matrix, conjugate(permutationMatrix(rho.dims, order), rho.matrix)) <= ATOL;
    }), params(100)));
  });
});
