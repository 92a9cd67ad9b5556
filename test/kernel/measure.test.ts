/**
 * Exact measurement: outcome probabilities sum to 1 and equal `tr(E_k rho)` computed with full
 * operators; post-measurement states are valid; projective measurements in Haar bases and the
 * computational basis agree with `probabilities`. Negative control: an incomplete measurement
 * (one Kraus operator dropped, the kernel's completeness check bypassed) is falsified, and the
 * kernel refuses it.
 */
import { describe, expect, test } from "vitest";
import * as fc from "fast-check";
import {
  ATOL, measure, measureComputational, measureInBasis, povm, probabilities, sandwich, matmul, type CMatrix, type DensityMatrix,
} from "../../model/kernel/index.js";
import { arbDensityMatrix, arbDims, arbHaarUnitary, arbPovm, arbSubsystems } from "../../properties/arbitraries/index.js";
import { fullOperator, isValidStateMatrix, prod } from "./support/oracles.js";
import { params } from "./support/runs.js";
import { expectFalsified } from "./support/controls.js";

const arbMeasurement = arbDims({ maxTotal: 36 }).chain((dims) => arbSubsystems(dims, { maxLength: 2 }).chain((targets) => {
  const dT = prod(targets.map((t) => dims[t]));
  return fc.record({ rho: arbDensityMatrix(dims), targets: fc.constant(targets), effects: fc.integer({ min: 1, max: 5 }).chain((k) => arbPovm(dT, k)) });
}));

type Probabilities = (rho: DensityMatrix, kraus: readonly CMatrix[], targets: readonly number[]) => number[];

/** Outcome probabilities without the completeness check: `tr(M_k rho M_k^dagger)`. */
const uncheckedProbabilities: Probabilities = (rho, kraus, targets) => kraus.map((m) => {
  const { data } = sandwich(rho.matrix, rho.dims, m, targets);
  const d = rho.matrix.rows;
  let p = 0;
  for (let i = 0; i < d; i++) p += data[2 * (i * d + i)];
  return p;
});

const sumToOne = (P: Probabilities, drop: number) => fc.property(arbMeasurement, ({ rho, targets, effects }) => {
  const kraus = povm(effects).slice(drop);
  const p = P(rho, kraus, targets);
  return p.every((x) => x >= -ATOL) && Math.abs(p.reduce((a, b) => a + b, 0) - 1) <= ATOL;
});

describe("measurement", () => {
  test("POVM probabilities sum to 1, equal tr(E_k rho), and post-measurement states are valid", () => {
    fc.assert(fc.property(arbMeasurement, ({ rho, targets, effects }) => {
      const out = measure(rho, povm(effects), targets);
      const total = out.reduce((a, o) => a + o.probability, 0);
      return Math.abs(total - 1) <= ATOL && out.every((o, k) => {
        const full = matmul(fullOperator(effects[k], rho.dims, targets), rho.matrix);
        let tr = 0;
        for (let i = 0; i < full.rows; i++) tr += full.data[2 * (i * full.cols + i)];
        return Math.abs(o.probability - tr) <= ATOL && (o.state === null ? o.probability < 1e-12 : isValidStateMatrix(o.state.matrix) && o.state.dims.join() === rho.dims.join());
      });
    }), params(120));
  });
  test("projective measurement in a Haar-random basis: valid branches, probabilities sum to 1", () => {
    const arb = arbDims({ maxTotal: 36 }).chain((dims) => arbSubsystems(dims, { maxLength: 2 }).chain((targets) =>
      fc.record({ rho: arbDensityMatrix(dims), targets: fc.constant(targets), basis: arbHaarUnitary(prod(targets.map((t) => dims[t]))) })));
    fc.assert(fc.property(arb, ({ rho, targets, basis }) => {
      const out = measureInBasis(rho, basis, targets);
      return Math.abs(out.reduce((a, o) => a + o.probability, 0) - 1) <= ATOL && out.every((o) => o.state === null || isValidStateMatrix(o.state.matrix));
    }), params(100));
  });
  test("computational-basis measurement agrees with probabilities(), in the targets' order", () => {
    const arb = arbDims({ maxTotal: 36 }).chain((dims) => fc.record({ rho: arbDensityMatrix(dims), targets: arbSubsystems(dims) }));
    fc.assert(fc.property(arb, ({ rho, targets }) => {
      const out = measureComputational(rho, targets), p = probabilities(rho, targets);
      return out.length === p.length && out.every((o, k) => Math.abs(o.probability - p[k]) <= ATOL);
    }), params(100));
  });
});

describe("negative controls", () => {
  test("an incomplete measurement (first Kraus operator dropped) does not sum to 1", () => {
    fc.assert(sumToOne(uncheckedProbabilities, 0), params(60)); // the control's control: complete sets pass
    expectFalsified(fc.check(sumToOne(uncheckedProbabilities, 1), params(120)));
  });
  test("the kernel's measure refuses the incomplete set", () => {
    const [{ rho, targets, effects }] = fc.sample(arbMeasurement.filter((m) => m.effects.length > 1), { seed: 9, numRuns: 1 });
    expect(() => measure(rho, povm(effects).slice(1), targets)).toThrow(/not complete/);
  });
});
