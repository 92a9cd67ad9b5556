/**
 * Fidelity `F = (tr sqrt(sqrt(rho) sigma sqrt(rho)))^2` and trace distance `T = ||rho - sigma||_1 / 2`:
 * F symmetric, in [0, 1], 1 on equal states, `|<psi|phi>|^2` on pure states and `<psi|sigma|psi>`
 * on one pure state; T in [0, 1], 0 on equal states, `sqrt(1 - F)` on pure states; the
 * Fuchs-van de Graaf inequalities `1 - sqrt F <= T <= sqrt(1 - F)`; data processing under
 * random channels. Negative controls: the root fidelity (no square) and a trace distance without
 * its factor 1/2 are falsified.
 */
import { describe, test } from "vitest";
import * as fc from "fast-check";
import {
  ATOL, applyChannel, fidelity, matmul, adjoint, pure, traceDistance, type DensityMatrix, type Ket,
} from "../../model/kernel/index.js";
import { arbDensityMatrix, arbDims, arbKet, arbKrausChannel } from "../../properties/arbitraries/index.js";
import { params } from "./support/runs.js";
import { expectFalsified } from "./support/controls.js";

/** Loose tolerance for fidelities: sqrt of a PSD matrix loses about half the digits near rank deficiency. */
const FID_TOL = 1e-6;

const overlap2 = (a: Ket, b: Ket): number => {
  const ip = matmul(adjoint(a.vector), b.vector).data;
  return ip[0] ** 2 + ip[1] ** 2;
};

const arbPair = arbDims({ maxTotal: 16 }).chain((dims) =>
  fc.tuple(fc.oneof(arbDensityMatrix(dims), arbDensityMatrix(dims, { rank: 1 })), fc.oneof(arbDensityMatrix(dims), arbDensityMatrix(dims, { rank: 1 }))));
const arbKets = arbDims({ maxTotal: 16 }).chain((dims) => fc.tuple(arbKet(dims), arbKet(dims)));

type Fid = (a: DensityMatrix, b: DensityMatrix) => number;
type Dist = (a: DensityMatrix, b: DensityMatrix) => number;

const pureFidelity = (F: Fid) => fc.property(arbKets, ([a, b]) => Math.abs(F(pure(a), pure(b)) - overlap2(a, b)) <= FID_TOL);
const distanceInRange = (T: Dist) => fc.property(arbPair, ([a, b]) => {
  const t = T(a, b);
  return t >= -ATOL && t <= 1 + ATOL && T(a, a) <= ATOL;
});

describe("fidelity", () => {
  test("symmetric, in [0, 1], and 1 on equal states", () => {
    fc.assert(fc.property(arbPair, ([a, b]) => {
      const f = fidelity(a, b);
      return f >= 0 && f <= 1 && Math.abs(f - fidelity(b, a)) <= FID_TOL && Math.abs(fidelity(a, a) - 1) <= FID_TOL;
    }), params(120));
  });
  test("|<psi|phi>|^2 on pure states", () => {
    fc.assert(pureFidelity(fidelity), params(120));
  });
  test("<psi|sigma|psi> when one state is pure", () => {
    const arb = arbDims({ maxTotal: 16 }).chain((dims) => fc.tuple(arbKet(dims), arbDensityMatrix(dims)));
    fc.assert(fc.property(arb, ([psi, sigma]) => {
      const v = matmul(matmul(adjoint(psi.vector), sigma.matrix), psi.vector).data[0];
      return Math.abs(fidelity(pure(psi), sigma) - v) <= FID_TOL && Math.abs(fidelity(sigma, pure(psi)) - v) <= FID_TOL;
    }), params(120));
  });
});

describe("trace distance", () => {
  test("in [0, 1], 0 on equal states, symmetric", () => {
    fc.assert(distanceInRange(traceDistance), params(120));
    fc.assert(fc.property(arbPair, ([a, b]) => Math.abs(traceDistance(a, b) - traceDistance(b, a)) <= ATOL), params(60));
  });
  test("sqrt(1 - |<psi|phi>|^2) on pure states", () => {
    fc.assert(fc.property(arbKets, ([a, b]) => Math.abs(traceDistance(pure(a), pure(b)) - Math.sqrt(Math.max(0, 1 - overlap2(a, b)))) <= 1e-7), params(120));
  });
  test("Fuchs-van de Graaf: 1 - sqrt F <= T <= sqrt(1 - F)", () => {
    fc.assert(fc.property(arbPair, ([a, b]) => {
      const f = fidelity(a, b), t = traceDistance(a, b);
      return 1 - Math.sqrt(f) <= t + FID_TOL && t <= Math.sqrt(Math.max(0, 1 - f)) + FID_TOL;
    }), params(150));
  });
  test("data processing: a channel does not increase T nor decrease F", () => {
    const arb = arbDims({ maxLength: 2, maxTotal: 16 }).chain((dims) => fc.record({
      pair: fc.tuple(arbDensityMatrix(dims), arbDensityMatrix(dims)),
      ch: fc.integer({ min: 1, max: 4 }).chain((dout) => arbKrausChannel(dims[0], dout)),
    }));
    fc.assert(fc.property(arb, ({ pair: [a, b], ch }) => {
      const a2 = applyChannel(a, ch, [0]), b2 = applyChannel(b, ch, [0]);
      return traceDistance(a2, b2) <= traceDistance(a, b) + ATOL && fidelity(a2, b2) >= fidelity(a, b) - FID_TOL;
    }), params(100));
  });
});

describe("negative controls", () => {
  test("root fidelity tr sqrt(...) without the square fails |<psi|phi>|^2", () => {
    expectFalsified(fc.check(pureFidelity((a, b) => Math.sqrt(fidelity(a, b))), params(120)));
  });
  test("trace norm without the factor 1/2 leaves [0, 1]", () => {
    expectFalsified(fc.check(distanceInRange((a, b) => 2 * traceDistance(a, b)), params(120)));
  });
});

