/**
 * Local application (strided, model/kernel/internal/local.ts) equals the application of the
 * full operator `P_out^T (A (x) I) P_in` built with an explicit Kronecker product and
 * permutation matrices, for arbitrary target orders and mixed dims 2..4.
 */
import { describe, test } from "vitest";
import * as fc from "fast-check";
import {
  ATOL, applyChannel, evolve, evolveKet, expectation, maxAbsDiff, matmul, measure, povm, sandwich, type CMatrix, type DensityMatrix,
} from "../../model/kernel/index.js";
import { arbDensityMatrix, arbDims, arbHaarUnitary, arbHermitian, arbKet, arbKrausChannel, arbPovm, arbSubsystems } from "../../properties/arbitraries/index.js";
import { conjugate, fullOperator, prod } from "./support/oracles.js";
import { params } from "./support/runs.js";
import { expectFalsified } from "./support/controls.js";

/** A state on random mixed dims, a target list in random order, and a Haar unitary on it. */
const arbStateAndGate = arbDims({ maxTotal: 36 }).chain((dims) =>
  arbSubsystems(dims, { maxLength: Math.min(dims.length, 2) }).chain((targets) =>
    fc.record({
      dims: fc.constant(dims),
      targets: fc.constant(targets),
      rho: arbDensityMatrix(dims),
      u: arbHaarUnitary(prod(targets.map((t) => dims[t]))),
    })));

type Evolver = (rho: DensityMatrix, u: CMatrix, targets: readonly number[]) => DensityMatrix;

const localEqualsFull = (apply: Evolver) =>
  fc.property(arbStateAndGate, ({ dims, targets, rho, u }) =>
    maxAbsDiff(apply(rho, u, targets).matrix, conjugate(fullOperator(u, dims, targets), rho.matrix)) <= ATOL);

describe("local application = full Kronecker operator", () => {
  test("evolve on 1-2 targets in any order, dims 2..4", () => {
    fc.assert(localEqualsFull((rho, u, t) => evolve(rho, u, t)), params(150));
  });
  test("evolve on up to all targets (three-subsystem gates included)", () => {
    const arb = arbDims({ minLength: 3, maxLength: 3, maxDim: 3, maxTotal: 18 }).chain((dims) =>
      arbSubsystems(dims, { minLength: 3 }).chain((targets) =>
        fc.record({ dims: fc.constant(dims), targets: fc.constant(targets), rho: arbDensityMatrix(dims), u: arbHaarUnitary(prod(dims)) })));
    fc.assert(fc.property(arb, ({ dims, targets, rho, u }) =>
      maxAbsDiff(evolve(rho, u, targets).matrix, conjugate(fullOperator(u, dims, targets), rho.matrix)) <= ATOL), params(30));
  });
  test("evolveKet on random targets", () => {
    const arb = arbDims({ maxTotal: 48 }).chain((dims) => arbSubsystems(dims, { maxLength: 2 }).chain((targets) =>
      fc.record({ dims: fc.constant(dims), targets: fc.constant(targets), psi: arbKet(dims), u: arbHaarUnitary(prod(targets.map((t) => dims[t]))) })));
    fc.assert(fc.property(arb, ({ dims, targets, psi, u }) =>
      maxAbsDiff(evolveKet(psi, u, targets).vector, matmul(fullOperator(u, dims, targets), psi.vector)) <= ATOL), params(150));
  });
  test("applyChannel, including dimension-changing channels (dIn -> dOut)", () => {
    const arb = arbDims({ maxTotal: 24 }).chain((dims) => arbSubsystems(dims, { maxLength: 1 }).chain((targets) => {
      const din = dims[targets[0]];
      return fc.integer({ min: 1, max: 4 }).chain((dout) => fc.record({
        dims: fc.constant(dims), targets: fc.constant(targets), dout: fc.constant(dout),
        rho: arbDensityMatrix(dims), ch: arbKrausChannel(din, dout),
      }));
    }));
    fc.assert(fc.property(arb, ({ dims, targets, dout, rho, ch }) => {
      const out = applyChannel(rho, ch, targets);
      const expected = ch.kraus.map((k) => conjugate(fullOperator(k, dims, targets, [dout]), rho.matrix))
        .reduce((a, b) => ({ rows: a.rows, cols: a.cols, data: a.data.map((v, i) => v + b.data[i]) }));
      const outDims = dims.slice();
      outDims[targets[0]] = dout;
      return out.dims.join() === outDims.join() && maxAbsDiff(out.matrix, expected) <= ATOL;
    }), params(100));
  });
  test("two-subsystem channels on targets in any order", () => {
    const arb = arbDims({ minLength: 2, maxLength: 3, maxDim: 3, maxTotal: 27 }).chain((dims) => arbSubsystems(dims, { minLength: 2, maxLength: 2 }).chain((targets) => {
      const tdims = targets.map((t) => dims[t]);
      return fc.record({ dims: fc.constant(dims), targets: fc.constant(targets), rho: arbDensityMatrix(dims), ch: arbKrausChannel(tdims, tdims, { count: 3 }) });
    }));
    fc.assert(fc.property(arb, ({ dims, targets, rho, ch }) => {
      const expected = ch.kraus.map((k) => conjugate(fullOperator(k, dims, targets), rho.matrix))
        .reduce((a, b) => ({ rows: a.rows, cols: a.cols, data: a.data.map((v, i) => v + b.data[i]) }));
      return maxAbsDiff(applyChannel(rho, ch, targets).matrix, expected) <= ATOL;
    }), params(40));
  });
  test("expectation = tr(O_full rho) and measurement branches = M_full rho M_full^dagger", () => {
    const arb = arbDims({ maxTotal: 24 }).chain((dims) => arbSubsystems(dims, { maxLength: 2 }).chain((targets) => {
      const dT = prod(targets.map((t) => dims[t]));
      return fc.record({ dims: fc.constant(dims), targets: fc.constant(targets), rho: arbDensityMatrix(dims), o: arbHermitian(dT, 2), effects: arbPovm(dT, 2) });
    }));
    fc.assert(fc.property(arb, ({ dims, targets, rho, o, effects }) => {
      const full = matmul(fullOperator(o.matrix, dims, targets), rho.matrix);
      let tr = 0;
      for (let i = 0; i < full.rows; i++) tr += full.data[2 * (i * full.cols + i)];
      const kraus = povm(effects);
      const outcomes = measure(rho, kraus, targets);
      return Math.abs(expectation(rho, o.matrix, targets) - tr) <= ATOL && outcomes.every((out, k) => {
        const branch = conjugate(fullOperator(kraus[k], dims, targets), rho.matrix);
        return out.state === null || maxAbsDiff(out.state.matrix, { ...branch, data: branch.data.map((v) => v / out.probability) }) <= ATOL;
      });
    }), params(80));
  });
  test("sandwich of a non-square operator (isometry into a larger space)", () => {
    const arb = arbDims({ minLength: 2, maxTotal: 16 }).chain((dims) => arbSubsystems(dims, { maxLength: 1 }).chain((targets) =>
      fc.record({ dims: fc.constant(dims), targets: fc.constant(targets), rho: arbDensityMatrix(dims), ch: arbKrausChannel(dims[targets[0]], 5, { count: 1 }) })));
    fc.assert(fc.property(arb, ({ dims, targets, rho, ch }) =>
      maxAbsDiff(sandwichMatrix(rho, ch.kraus[0], targets, [5]), conjugate(fullOperator(ch.kraus[0], dims, targets, [5]), rho.matrix)) <= ATOL), params(40));
  });
});

function sandwichMatrix(rho: DensityMatrix, a: CMatrix, targets: readonly number[], outDims: readonly number[]): CMatrix {
  const { data, dims } = sandwich(rho.matrix, rho.dims, a, targets, outDims);
  const d = prod(dims);
  return { rows: d, cols: d, data };
}

describe("negative controls: the Kronecker comparison detects wrong local applications", () => {
  test("little-endian reading of the targets (subsystem k taken as n-1-k)", () => {
    const littleEndian: Evolver = (rho, u, t) => evolve(rho, u, t.map((k) => rho.dims.length - 1 - k));
    // restricted to targets whose mirrored subsystems have the same dimension, so that the wrong
    // code runs without throwing and only the comparison can catch it
    const out = fc.check(fc.property(arbStateAndGate.filter(({ dims, targets }) =>
      targets.every((t) => dims[t] === dims[dims.length - 1 - t])), ({ dims, targets, rho, u }) =>
      maxAbsDiff(littleEndian(rho, u, targets).matrix, conjugate(fullOperator(u, dims, targets), rho.matrix)) <= ATOL), params(150));
    expectFalsified(out);
  });
  test("targets taken in the wrong order (reversed)", () => {
    const reversed: Evolver = (rho, u, t) => evolve(rho, u, t.slice().reverse());
    expectFalsified(fc.check(localEqualsFull(reversed), params(150)));
  });
  test("a left-only application (forgetting U^dagger on the right)", () => {
    const leftOnly: Evolver = (rho, u, t) => ({ ...rho, matrix: sandwichLeft(rho, u, t) });
    expectFalsified(fc.check(localEqualsFull(leftOnly), params(150)));
  });
});

function sandwichLeft(rho: DensityMatrix, u: CMatrix, targets: readonly number[]): CMatrix {
  return matmul(fullOperator(u, rho.dims, targets), rho.matrix);
}
