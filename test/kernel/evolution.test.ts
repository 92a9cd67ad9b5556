/**
 * Unitary evolution and CPTP channels keep a valid state (Hermitian, PSD, unit trace within
 * ATOL / PSD_ATOL of model/kernel/tolerances.ts), also along sequences of operations.
 * Negative controls: a Kraus set with one operator dropped and a non-unitary gate, applied
 * without the kernel's guards, are caught by the same validity property.
 */
import { describe, expect, test } from "vitest";
import * as fc from "fast-check";
import {
  applyChannel, channel, evolve, sandwich, scale, type Channel, type CMatrix, type DensityMatrix,
} from "../../model/kernel/index.js";
import { arbDensityMatrix, arbDims, arbHaarUnitary, arbKrausChannel, arbSubsystems } from "../../properties/arbitraries/index.js";
import { isValidStateMatrix, prod } from "./support/oracles.js";
import { params } from "./support/runs.js";
import { expectFalsified } from "./support/controls.js";

/** Apply Kraus operators by hand (no CPTP check), as a wrong channel implementation would. */
function applyKrausUnchecked(rho: DensityMatrix, kraus: readonly CMatrix[], targets: readonly number[]): CMatrix {
  const d = rho.matrix.rows;
  const acc = new Float64Array(2 * d * d);
  for (const k of kraus) {
    const { data } = sandwich(rho.matrix, rho.dims, k, targets);
    for (let i = 0; i < acc.length; i++) acc[i] += data[i];
  }
  return { rows: d, cols: d, data: acc };
}

const arbStateGate = arbDims({ maxTotal: 48 }).chain((dims) => arbSubsystems(dims, { maxLength: 2 }).chain((targets) =>
  fc.record({ rho: arbDensityMatrix(dims), targets: fc.constant(targets), u: arbHaarUnitary(prod(targets.map((t) => dims[t]))) })));

const arbStateChannel = arbDims({ maxTotal: 36 }).chain((dims) => arbSubsystems(dims, { maxLength: 1 }).chain((targets) =>
  fc.record({ rho: arbDensityMatrix(dims), targets: fc.constant(targets), ch: arbKrausChannel(dims[targets[0]], dims[targets[0]], { count: Math.min(4, dims[targets[0]] ** 2) }) })));

describe("evolution keeps valid states", () => {
  test("unitary evolution on random targets", () => {
    fc.assert(fc.property(arbStateGate, ({ rho, u, targets }) => isValidStateMatrix(evolve(rho, u, targets).matrix)), params(150));
  });
  test("random CPTP channels, also dimension-changing ones", () => {
    fc.assert(fc.property(arbStateChannel, ({ rho, ch, targets }) => isValidStateMatrix(applyChannel(rho, ch, targets).matrix)), params(150));
    const changing = arbDims({ maxTotal: 24 }).chain((dims) => arbSubsystems(dims, { maxLength: 1 }).chain((targets) =>
      fc.integer({ min: 1, max: 4 }).chain((dout) =>
        fc.record({ rho: arbDensityMatrix(dims), targets: fc.constant(targets), ch: arbKrausChannel(dims[targets[0]], dout) }))));
    fc.assert(fc.property(changing, ({ rho, ch, targets }) => isValidStateMatrix(applyChannel(rho, ch, targets).matrix)), params(60));
  });
  test("sequences of gates and channels on three qubits", () => {
    const step = fc.oneof(
      fc.tuple(fc.constant("gate" as const), fc.shuffledSubarray([0, 1, 2], { minLength: 1, maxLength: 2 })).chain(([, t]) =>
        arbHaarUnitary(2 ** t.length).map((u) => ({ kind: "gate" as const, t, u }))),
      fc.integer({ min: 0, max: 2 }).chain((q) => arbKrausChannel(2, 2, { count: 3 }).map((ch) => ({ kind: "channel" as const, t: [q], ch }))),
    );
    fc.assert(fc.property(arbDensityMatrix([2, 2, 2]), fc.array(step, { minLength: 1, maxLength: 12 }), (rho0, steps) => {
      let rho = rho0;
      for (const s of steps) {
        rho = s.kind === "gate" ? evolve(rho, s.u, s.t) : applyChannel(rho, s.ch as Channel, s.t);
        if (!isValidStateMatrix(rho.matrix)) return false;
      }
      return true;
    }), params(40));
  });
});

describe("negative controls: the validity property detects invalid maps", () => {
  test("a Kraus set with one operator dropped (not trace preserving)", () => {
    const out = fc.check(fc.property(arbStateChannel, ({ rho, ch, targets }) =>
      isValidStateMatrix(applyKrausUnchecked(rho, ch.kraus.slice(1), targets))), params(150));
    expectFalsified(out);
  });
  test("the kernel's channel constructor refuses the same dropped set", () => {
    const [ch] = fc.sample(arbKrausChannel(2, 2, { count: 3 }), { seed: 11, numRuns: 1 });
    expect(() => channel("dropped", ch.kraus.slice(1))).toThrow(/not trace preserving/);
  });
  test("a non-unitary gate (a unitary scaled by 1.01)", () => {
    const out = fc.check(fc.property(arbStateGate, ({ rho, u, targets }) =>
      isValidStateMatrix(applyKrausUnchecked(rho, [scale(u, 1.01)], targets))), params(150));
    expectFalsified(out);
  });
});
