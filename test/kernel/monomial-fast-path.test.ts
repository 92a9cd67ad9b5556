/**
 * The one-pass path for partial monomial operators (`applyMonomialConjugate` in
 * model/kernel/internal/local.ts: permutations such as X, CNOT, SWAP; diagonal gates such as Z,
 * S, T, CZ; computational-basis projectors): equal to the general left-then-right composition
 * (up to one rounding of the phase product) and to the explicit Kronecker-product operator, on
 * mixed dims and matrices that are neither Hermitian nor normalised; it declines dense operators,
 * non-injective patterns and non-finite matrices; inputs are never written. Through the public
 * API: evolve with the named sparse gates and computational-basis measurement agree with the
 * oracle. Negative control: a "fast path" that forgets the phase of the column index is falsified.
 */
import { describe, expect, test } from "vitest";
import * as fc from "fast-check";
import {
  CNOT, CZ, S_GATE, SWAP, T_GATE, X, Y, Z, evolve, maxAbsDiff, measureComputational, type CMatrix,
} from "../../model/kernel/index.js";
import { applyLeft, applyMonomialConjugate, applyRightAdjoint } from "../../model/kernel/internal/local.js";
import { product } from "../../model/kernel/internal/dims.js";
import { arbDensityMatrix, arbDims } from "../../properties/arbitraries/index.js";
import { conjugate, fullOperator } from "./support/oracles.js";
import { params } from "./support/runs.js";
import { expectFalsified } from "./support/controls.js";

/** The general path: left multiplication, then right multiplication by the adjoint. */
function general(m: CMatrix, dims: readonly number[], a: CMatrix, targets: readonly number[]): Float64Array {
  const tdims = targets.map((t) => dims[t]);
  const left = applyLeft(m, dims, a, targets, tdims);
  return applyRightAdjoint({ rows: m.rows, cols: m.cols, data: left.data }, dims, a, targets, tdims).data;
}

/** A partial monomial d x d: a permutation, some columns zeroed, phases from {1, -1, i, e^{i phi}}. */
const arbMonomial = (d: number): fc.Arbitrary<CMatrix> => fc.record({
  perm: fc.shuffledSubarray(Array.from({ length: d }, (_, i) => i), { minLength: d, maxLength: d }),
  keep: fc.array(fc.boolean(), { minLength: d, maxLength: d }),
  phases: fc.array(fc.oneof(fc.constant(0), fc.constant(Math.PI), fc.constant(Math.PI / 2), fc.double({ min: 0, max: 2 * Math.PI, noNaN: true })), { minLength: d, maxLength: d }),
  magnitude: fc.array(fc.oneof(fc.constant(1), fc.double({ min: 0.1, max: 2, noNaN: true })), { minLength: d, maxLength: d }),
}).map(({ perm, keep, phases, magnitude }) => {
  const data = new Float64Array(2 * d * d);
  perm.forEach((row, col) => {
    if (!keep[col] && keep.some(Boolean)) return;
    data[2 * (row * d + col)] = magnitude[col] * Math.cos(phases[col]);
    data[2 * (row * d + col) + 1] = magnitude[col] * Math.sin(phases[col]);
  });
  return { rows: d, cols: d, data };
});

const arbCase = arbDims({ maxTotal: 48 }).chain((dims) =>
  fc.integer({ min: 1, max: Math.min(2, dims.length) }).chain((k) => fc.record({
    dims: fc.constant(dims),
    targets: fc.shuffledSubarray(dims.map((_, i) => i), { minLength: k, maxLength: k }),
    m: fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 2 * product(dims) ** 2, maxLength: 2 * product(dims) ** 2 }),
  })).chain(({ dims, targets, m }) => {
    const D = product(dims), d = product(targets.map((t) => dims[t]));
    return fc.record({ dims: fc.constant(dims), targets: fc.constant(targets), m: fc.constant<CMatrix>({ rows: D, cols: D, data: Float64Array.from(m) }), a: arbMonomial(d) });
  }));

type Conj = (m: CMatrix, dims: readonly number[], a: CMatrix, targets: readonly number[]) => Float64Array | null;
const agreesWithOracle = (f: Conj) => fc.property(arbCase, ({ dims, targets, m, a }) => {
  const got = f(m, dims, a, targets);
  if (got === null) return false;
  const want = conjugate(fullOperator(a, dims, targets), m);
  return maxAbsDiff({ rows: m.rows, cols: m.cols, data: got }, want) <= 1e-12;
});
const fast: Conj = (m, dims, a, targets) => applyMonomialConjugate(m, dims, a, targets, targets.map((t) => dims[t]))?.data ?? null;

describe("partial monomial one-pass path", () => {
  test("equals the general composition and the Kronecker oracle; inputs untouched", () => {
    fc.assert(fc.property(arbCase, ({ dims, targets, m, a }) => {
      const before = Float64Array.from(m.data), aBefore = Float64Array.from(a.data);
      const got = applyMonomialConjugate(m, dims, a, targets, targets.map((t) => dims[t]));
      const ref = general(m, dims, a, targets);
      return got !== null && maxAbsDiff({ rows: m.rows, cols: m.cols, data: got.data }, { rows: m.rows, cols: m.cols, data: ref }) <= 1e-15 * 8 &&
        got.dims.join() === dims.join() && maxAbsDiff({ rows: 1, cols: before.length / 2, data: before }, { rows: 1, cols: before.length / 2, data: m.data }) === 0 &&
        aBefore.every((v, i) => Object.is(v, a.data[i]));
    }), params(120));
    fc.assert(agreesWithOracle(fast), params(60));
  });

  test("declines dense operators, two nonzeros in a row or column, dimension changes and non-finite matrices", () => {
    const m: CMatrix = { rows: 4, cols: 4, data: new Float64Array(32).fill(1) };
    const of = (...xs: number[]): CMatrix => ({ rows: 2, cols: 2, data: Float64Array.from(xs) });
    expect(applyMonomialConjugate(m, [2, 2], of(1, 0, 1, 0, 1, 0, -1, 0), [0], [2])).toBeNull(); // H-like
    expect(applyMonomialConjugate(m, [2, 2], of(1, 0, 1, 0, 0, 0, 0, 0), [0], [2])).toBeNull(); // one row twice
    expect(applyMonomialConjugate(m, [2, 2], of(0, 0, 1, 0, 1, 0, 0, 0), [0], [2])).not.toBeNull(); // X
    expect(applyMonomialConjugate(m, [2, 2], of(0, 0, 1, 0, 1, 0, 0, 0), [0], [3])).toBeNull();
    const bad = { ...m, data: m.data.map((v, i) => (i === 5 ? NaN : v)) };
    expect(applyMonomialConjugate(bad, [2, 2], of(0, 0, 1, 0, 1, 0, 0, 0), [0], [2])).toBeNull();
    expect(applyMonomialConjugate(bad, [2, 2], of(1, 0, 0, 0, 0, 0, 0, 0), [0], [2])).toBeNull(); // |0><0| with NaN in the annihilated block
  });

  test("evolve with X, Y, Z, S, T, CNOT, CZ, SWAP on valid states equals the oracle; computational measurement too", () => {
    const gates1 = [X, Y, Z, S_GATE, T_GATE], gates2 = [CNOT, CZ, SWAP];
    const arb = arbDims({ minLength: 2, maxLength: 4, maxDim: 2, maxTotal: 16 }).chain((dims) => fc.record({
      rho: arbDensityMatrix(dims),
      g1: fc.constantFrom(...gates1), g2: fc.constantFrom(...gates2),
      pair: fc.shuffledSubarray(dims.map((_, i) => i), { minLength: 2, maxLength: 2 }),
    }));
    fc.assert(fc.property(arb, ({ rho, g1, g2, pair }) => {
      const a = evolve(rho, g1, [pair[0]]), b = evolve(rho, g2, pair);
      const outcomes = measureComputational(rho, [pair[1]]);
      const p0 = outcomes[0].probability, p1 = outcomes[1].probability;
      let diag0 = 0;
      const D = rho.matrix.rows;
      for (let i = 0; i < D; i++) if (((i / 2 ** (rho.dims.length - 1 - pair[1])) | 0) % 2 === 0) diag0 += rho.matrix.data[2 * (i * D + i)];
      return maxAbsDiff(a.matrix, conjugate(fullOperator(g1, rho.dims, [pair[0]]), rho.matrix)) <= 1e-12 &&
        maxAbsDiff(b.matrix, conjugate(fullOperator(g2, rho.dims, pair), rho.matrix)) <= 1e-12 &&
        Math.abs(p0 - diag0) <= 1e-12 && Math.abs(p0 + p1 - 1) <= 1e-9;
    }), params(80));
  });

  test("negative control: dropping the conjugate phase of the column index is falsified", () => {
    const forgetful: Conj = (m, dims, a, targets) => {
      const phaseless = { ...a, data: a.data.map((v, i) => (i % 2 === 1 ? 0 : Math.hypot(v, a.data[i + 1]))) };
      const left = applyLeft(m, dims, a, targets, targets.map((t) => dims[t]));
      return applyRightAdjoint({ rows: m.rows, cols: m.cols, data: left.data }, dims, phaseless, targets, targets.map((t) => dims[t])).data;
    };
    expectFalsified(fc.check(agreesWithOracle(forgetful), params(80)));
  });
});
