/**
 * Entropy inequalities (Nielsen & Chuang §11.3): 0 <= S(rho) <= log2 d with equality at pure
 * and maximally mixed states, additivity on product states, subadditivity, Araki-Lieb
 * |S(A) - S(B)| <= S(AB), strong subadditivity S(ABC) + S(B) <= S(AB) + S(BC) on three parties;
 * Holevo 0 <= chi <= min(H(X), log2 d), and chi = I(X:B) of the classical-quantum state.
 * Negative controls: natural-log entropy, a marginal that loses its coherences, the keep/remove
 * marginal confusion, and a Holevo quantity without its subtraction are each falsified.
 */
import { describe, test } from "vitest";
import * as fc from "fast-check";
import {
  ATOL, holevo, keepSubsystems, maximallyMixed, mixture, mutualInformation, shannonEntropy, subsystemEntropy, tensor,
  traceOut, vonNeumannEntropy, eigvalsh, densityOf, basisKet, type DensityMatrix,
} from "../../model/kernel/index.js";
import { arbDensityMatrix, arbDims } from "../../properties/arbitraries/index.js";
import { prod } from "./support/oracles.js";
import { params } from "./support/runs.js";
import { expectFalsified } from "./support/controls.js";

type Entropy = (rho: DensityMatrix) => number;
type Marginal = (rho: DensityMatrix, keep: readonly number[]) => DensityMatrix;

const natural: Entropy = (rho) => Array.from(eigvalsh(rho.matrix)).reduce((s, x) => (x > 1e-300 ? s - x * Math.log(x) : s), 0);
const keepMarginal: Marginal = (rho, keep) => (keep.length === rho.dims.length ? rho : keepSubsystems(rho, keep));
/** The confusion of names: "trace out" where "keep" was meant. */
const confusedMarginal: Marginal = (rho, keep) => (keep.length === rho.dims.length ? rho : traceOut(rho, keep));

/** A broken partial trace: the right marginal with its off-diagonal entries dropped. */
const dephasedMarginal: Marginal = (rho, keep) => {
  const m = keepMarginal(rho, keep);
  const d = m.matrix.rows;
  return mixture(Array.from({ length: d }, (_, i) => [m.matrix.data[2 * (i * d + i)], densityOf(basisKet(i, [d]))] as const));
};

/** A state, mixed towards I/d with weight t; t = 0 and t = 1 (the extremes) come up often. */
const arbStateWithEdges = arbDims({ maxTotal: 32 }).chain((dims) =>
  fc.record({
    rho: fc.oneof(arbDensityMatrix(dims), arbDensityMatrix(dims, { rank: 1 })),
    t: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
  }).map(({ rho, t }) => mixture([[1 - t, rho], [t, maximallyMixed(dims)]])));

const boundsHold = (S: Entropy) => fc.property(arbStateWithEdges, (rho) => {
  const d = prod(rho.dims), s = S(rho), ev = eigvalsh(rho.matrix);
  const isPure = ev[ev.length - 1] > 1 - 1e-12, isMaximallyMixed = ev[0] > 1 / d - 1e-12;
  return s >= -ATOL && s <= Math.log2(d) + ATOL &&
    (!isPure || Math.abs(s) <= 1e-6) && (!isMaximallyMixed || Math.abs(s - Math.log2(d)) <= 1e-6);
});

const arbBipartite = arbDims({ minLength: 2, maxLength: 2, maxTotal: 16 }).chain((dims) => arbDensityMatrix(dims));
const arbTripartite = arbDims({ minLength: 3, maxLength: 3, maxDim: 3, maxTotal: 27 }).chain((dims) =>
  fc.oneof(arbDensityMatrix(dims), arbDensityMatrix(dims, { rank: 1 })));

const arakiLieb = (S: Entropy, marginal: Marginal) => fc.property(arbBipartite, (rho) => {
  const sa = S(marginal(rho, [0])), sb = S(marginal(rho, [1])), sab = S(rho);
  return Math.abs(sa - sb) <= sab + ATOL && sab <= sa + sb + ATOL;
});

const strongSubadditivity = (S: Entropy, marginal: Marginal) => fc.property(arbTripartite, (rho) =>
  S(rho) + S(marginal(rho, [1])) <= S(marginal(rho, [0, 1])) + S(marginal(rho, [1, 2])) + ATOL);

describe("von Neumann entropy", () => {
  test("0 <= S <= log2 d, with equality at pure and maximally mixed states", () => {
    fc.assert(boundsHold(vonNeumannEntropy), params(150));
  });
  test("additive on products: S(rho (x) I/2) = S(rho) + 1", () => {
    fc.assert(fc.property(arbDims({ maxTotal: 16 }).chain((d) => arbDensityMatrix(d)), (rho) =>
      Math.abs(vonNeumannEntropy(tensor(rho, maximallyMixed([2]))) - vonNeumannEntropy(rho) - 1) <= 1e-9), params(80));
  });
  test("subadditivity and Araki-Lieb: |S(A) - S(B)| <= S(AB) <= S(A) + S(B)", () => {
    fc.assert(arakiLieb(vonNeumannEntropy, keepMarginal), params(150));
  });
  test("pure bipartite states have S(A) = S(B) (Schmidt decomposition)", () => {
    fc.assert(fc.property(arbDims({ minLength: 2, maxLength: 2, maxTotal: 16 }).chain((d) => arbDensityMatrix(d, { rank: 1 })), (rho) =>
      Math.abs(subsystemEntropy(rho, [0]) - subsystemEntropy(rho, [1])) <= 1e-8), params(80));
  });
  test("strong subadditivity on three parties", () => {
    fc.assert(strongSubadditivity(vonNeumannEntropy, keepMarginal), params(100));
  });
});

describe("Holevo quantity", () => {
  const arbEnsemble = arbDims({ maxTotal: 8 }).chain((dims) =>
    fc.integer({ min: 1, max: 4 }).chain((n) => fc.record({
      dims: fc.constant(dims),
      weights: fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.01, max: 1, noNaN: true })), { minLength: n, maxLength: n }).filter((w) => w.some((x) => x > 0)),
      states: fc.array(fc.oneof(arbDensityMatrix(dims), arbDensityMatrix(dims, { rank: 1 })), { minLength: n, maxLength: n }),
    })).map(({ dims, weights, states }) => {
      const total = weights.reduce((a, b) => a + b, 0);
      return { dims, ensemble: states.map((s, i) => [weights[i] / total, s] as const) };
    }));
  type Holevo = (e: readonly (readonly [number, DensityMatrix])[]) => number;
  const holevoBounds = (chi: Holevo) => fc.property(arbEnsemble, ({ dims, ensemble }) => {
    const h = shannonEntropy(ensemble.map(([p]) => p)), c = chi(ensemble);
    return c >= -ATOL && c <= Math.min(h, Math.log2(prod(dims))) + ATOL;
  });
  test("0 <= chi <= min(H(X), log2 d)", () => {
    fc.assert(holevoBounds(holevo), params(120));
  });
  test("chi = I(X:B) of the classical-quantum state sum_x p_x |x><x| (x) rho_x", () => {
    fc.assert(fc.property(arbEnsemble, ({ dims, ensemble }) => {
      const n = ensemble.length;
      const cq = mixture(ensemble.map(([p, rho], x) => [p, tensor(densityOf(basisKet(x, [n])), rho)] as const));
      const b = dims.map((_, k) => k + 1);
      return Math.abs(holevo(ensemble) - mutualInformation(cq, [0], b)) <= 1e-8;
    }), params(60));
  });
  test("negative control: S(average) without subtracting the average entropy exceeds the bound", () => {
    expectFalsified(fc.check(holevoBounds((e) => vonNeumannEntropy(mixture(e))), params(120)));
  });
});

describe("negative controls", () => {
  test("entropy in nats (natural log) misses the tight bound S(I/d) = log2 d", () => {
    expectFalsified(fc.check(boundsHold(natural), params(150)));
  });
  test("Araki-Lieb with a partial trace that loses the coherences of the marginal", () => {
    expectFalsified(fc.check(arakiLieb(vonNeumannEntropy, dephasedMarginal), params(150)));
  });
  test("strong subadditivity with the keep/remove confusion", () => {
    expectFalsified(fc.check(strongSubadditivity(vonNeumannEntropy, confusedMarginal), params(200)));
  });
});
