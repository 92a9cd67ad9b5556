/**
 * The arbitraries of properties/arbitraries/ produce what they promise: unitaries, normalised
 * kets, valid density matrices of the requested rank, CPTP channels, POVMs, dims and target
 * lists; deterministically given the seed; Haar-distributed (moments), shrinking to simple values.
 */
import { describe, expect, test } from "vitest";
import * as fc from "fast-check";
import {
  ATOL, PSD_ATOL, adjoint, eigvalsh, identity, isUnitary, matmul, maxAbsDiff, zeros, type CMatrix,
} from "../../model/kernel/index.js";
import {
  arbDensityMatrix, arbDims, arbHaarIsometry, arbHaarUnitary, arbHermitian, arbKet, arbKrausChannel, arbPovm, arbSubsystems,
} from "../../properties/arbitraries/index.js";
import { arbGaussians, inverseNormalCdf } from "../../properties/arbitraries/internal/gaussian.js";
import { phaseFixedQ } from "../../properties/arbitraries/internal/householder.js";
import { isValidStateMatrix, prod } from "./support/oracles.js";
import { params } from "./support/runs.js";

const sumOfGrams = (ops: readonly CMatrix[], d: number): CMatrix =>
  ops.reduce((acc, k) => ({ rows: d, cols: d, data: acc.data.map((v, i) => v + matmul(adjoint(k), k).data[i]) }), zeros(d, d));

describe("arbHaarUnitary / arbHaarIsometry", () => {
  test("unitary to the kernel's tolerance for d = 1..16", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 16 }).chain((d) => arbHaarUnitary(d)), (u) => isUnitary(u)), params(60));
  });
  test("isometries satisfy V^dagger V = I_k", () => {
    const arb = fc.integer({ min: 1, max: 12 }).chain((rows) => fc.integer({ min: 1, max: rows }).chain((k) => arbHaarIsometry(rows, k)));
    fc.assert(fc.property(arb, (v) => maxAbsDiff(matmul(adjoint(v), v), identity(v.cols)) <= ATOL), params(60));
  });
  test("deterministic given the seed", () => {
    const a = fc.sample(arbHaarUnitary(3), { seed: 42, numRuns: 5 });
    const b = fc.sample(arbHaarUnitary(3), { seed: 42, numRuns: 5 });
    expect(a.map((u) => Array.from(u.data))).toEqual(b.map((u) => Array.from(u.data)));
    const c = fc.sample(arbHaarUnitary(3), { seed: 43, numRuns: 5 });
    expect(maxAbsDiff(a[0], c[0])).toBeGreaterThan(1e-3);
  });
  test("shrinks to the identity (the QR of the zero matrix), which is still unitary", () => {
    const out = fc.check(fc.property(arbHaarUnitary(3), (u) => u.rows !== 3), { seed: 1 });
    expect(out.failed).toBe(true);
    expect(maxAbsDiff(out.counterexample![0], identity(3))).toBe(0);
  });
  // Haar moments: E[U_00] = 0, E|U_00|^2 = 1/d, E|U_00|^4 = 2/(d(d+1)) (Weingarten calculus).
  const moments = (us: readonly CMatrix[]) => {
    const n = us.length;
    let mr = 0, mi = 0, m2 = 0, m4 = 0;
    for (const u of us) {
      const a2 = u.data[0] ** 2 + u.data[1] ** 2;
      mr += u.data[0] / n; mi += u.data[1] / n; m2 += a2 / n; m4 += (a2 * a2) / n;
    }
    return { mean: Math.hypot(mr, mi), m2, m4 };
  };
  test("Haar moments of U_00 for d = 3 within 5 standard errors", () => {
    const d = 3, n = 3000;
    const m = moments(fc.sample(arbHaarUnitary(d), { seed: 7, numRuns: n }));
    const se = (v: number) => 5 * Math.sqrt(v / n);
    expect(m.mean).toBeLessThan(se(1 / d));
    expect(Math.abs(m.m2 - 1 / d)).toBeLessThan(se(2 / (d * (d + 1))));
    expect(Math.abs(m.m4 - 2 / (d * (d + 1)))).toBeLessThan(se(24 / (d * (d + 1) * (d + 2) * (d + 3))));
  });
  test("negative control: without Mezzadri's phase fix the mean of U_00 is far from 0", () => {
    const d = 3, n = 3000;
    const raw = fc.sample(arbGaussians(2 * d * d).map((g) => phaseFixedQ(d, d, g, false)), { seed: 7, numRuns: n });
    expect(raw.every((u) => isUnitary(u))).toBe(true); // still unitary: only the distribution is wrong
    expect(moments(raw).mean).toBeGreaterThan(10 * Math.sqrt(1 / d / n));
  });
  test("inverse normal CDF: symmetric, 0 at 1/2, quantiles of the standard normal", () => {
    expect(inverseNormalCdf(0.5)).toBe(0);
    expect(inverseNormalCdf(0.975)).toBeCloseTo(1.959964, 5);
    expect(inverseNormalCdf(0.001)).toBeCloseTo(-3.090232, 5);
    expect(inverseNormalCdf(0.2) + inverseNormalCdf(0.8)).toBeCloseTo(0, 12);
  });
});

describe("arbKet / arbDensityMatrix", () => {
  test("kets are normalised and carry their dims", () => {
    const arb = arbDims().chain((dims) => arbKet(dims).map((k) => ({ dims, k })));
    fc.assert(fc.property(arb, ({ dims, k }) => {
      let n2 = 0;
      for (const v of k.vector.data) n2 += v * v;
      return Math.abs(n2 - 1) <= ATOL && k.dims.join() === dims.join() && k.vector.rows === prod(dims);
    }), params(60));
  });
  test("density matrices are valid and of the requested rank", () => {
    const arb = arbDims({ maxTotal: 16 }).chain((dims) =>
      fc.integer({ min: 1, max: prod(dims) }).chain((rank) => arbDensityMatrix(dims, { rank }).map((rho) => ({ rank, rho }))));
    fc.assert(fc.property(arb, ({ rank, rho }) => {
      const ev = eigvalsh(rho.matrix);
      const numericalRank = Array.from(ev).filter((x) => x > 1e-10).length;
      return isValidStateMatrix(rho.matrix) && numericalRank === rank;
    }), params(60));
  });
  test("density matrices shrink to a pure state", () => {
    const out = fc.check(fc.property(arbDensityMatrix([2, 3]), (rho) => rho.dims.length !== 2), { seed: 3 });
    expect(out.failed).toBe(true);
    const ev = eigvalsh(out.counterexample![0].matrix);
    expect(ev[ev.length - 1]).toBeCloseTo(1, 12);
  });
});

describe("arbKrausChannel / arbPovm", () => {
  test("Kraus sets are trace preserving, of the requested count and dims, also dimension-changing", () => {
    const arb = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })).chain(([din, dout]) =>
      fc.integer({ min: Math.ceil(din / dout), max: din * dout }).chain((count) =>
        arbKrausChannel(din, dout, { count }).map((ch) => ({ din, dout, count, ch }))));
    fc.assert(fc.property(arb, ({ din, dout, count, ch }) =>
      ch.kraus.length === count && ch.inDims.join() === `${din}` && ch.outDims.join() === `${dout}` &&
      maxAbsDiff(sumOfGrams(ch.kraus, din), identity(din)) <= ATOL), params(60));
  });
  test("multi-subsystem channels carry their dims", () => {
    fc.assert(fc.property(arbKrausChannel([2, 2], [2, 2]), (ch) => ch.inDims.join() === "2,2" && ch.kraus[0].cols === 4), params(10));
  });
  test("infeasible counts are rejected with a message naming the constraint", () => {
    expect(() => arbKrausChannel(4, 2, { count: 1 })).toThrow(/count must be an integer in \[2,/);
  });
  test("POVM effects are PSD and sum to the identity", () => {
    const arb = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 })).chain(([d, k]) => arbPovm(d, k).map((e) => ({ d, k, e })));
    fc.assert(fc.property(arb, ({ d, k, e }) => {
      const sum = e.reduce((acc, m) => ({ rows: d, cols: d, data: acc.data.map((v, i) => v + m.data[i]) }), zeros(d, d));
      return e.length === k && maxAbsDiff(sum, identity(d)) <= ATOL && e.every((m) => eigvalsh(m)[0] >= -PSD_ATOL);
    }), params(60));
  });
});

describe("arbDims / arbSubsystems / arbHermitian", () => {
  test("dims respect their bounds", () => {
    const arb = fc.record({ minLength: fc.integer({ min: 1, max: 3 }), extra: fc.integer({ min: 0, max: 3 }), maxDim: fc.integer({ min: 2, max: 5 }), maxTotal: fc.integer({ min: 8, max: 200 }) })
      .chain((o) => arbDims({ minLength: o.minLength, maxLength: o.minLength + o.extra, maxDim: o.maxDim, maxTotal: o.maxTotal }).map((dims) => ({ o, dims })));
    fc.assert(fc.property(arb, ({ o, dims }) =>
      dims.length >= o.minLength && dims.length <= o.minLength + o.extra && dims.every((d) => d >= 2 && d <= o.maxDim) && prod(dims) <= o.maxTotal), params(100));
  });
  test("subsystem lists are distinct, in range, and come in unsorted orders too", () => {
    const dims = [2, 3, 2, 4];
    const samples = fc.sample(arbSubsystems(dims, { minLength: 2 }), { seed: 5, numRuns: 200 });
    expect(samples.every((s) => s.length >= 2 && new Set(s).size === s.length && s.every((k) => k >= 0 && k < dims.length))).toBe(true);
    expect(samples.some((s) => s.some((k, i) => i > 0 && k < s[i - 1]))).toBe(true);
  });
  test("Hermitian matrices have their stated spectrum (trace and trace of the square)", () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 10 }).chain((d) => arbHermitian(d)), ({ matrix, spectrum }) => {
      const d = matrix.rows;
      let tr = 0, tr2 = 0;
      for (let i = 0; i < d; i++) tr += matrix.data[2 * (i * d + i)];
      for (const v of matrix.data) tr2 += v * v; // tr(H^2) = sum |h_ij|^2 for Hermitian H
      const s1 = spectrum.reduce((a, b) => a + b, 0), s2 = spectrum.reduce((a, b) => a + b * b, 0);
      return Math.abs(tr - s1) <= ATOL && Math.abs(tr2 - s2) <= ATOL;
    }), params(60));
  });
});
