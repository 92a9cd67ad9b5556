/**
 * The kernel's numerics at the edges (issue 15 item 9): non-finite input to the eigensolvers is
 * a RangeError naming the entry; matrices scaled far beyond 1 (entries >= 1e155, where sums of
 * squares overflow) or far below it (1e-300, where every coupling fell below the negligible
 * floor) give the scaled spectrum; probability vectors outside [0, 1] or not summing to 1 are
 * rejected beyond rounding tolerance, and rounding itself (1 + 2.2e-16) is accepted.
 * Negative control: the unscaled solver (scale 1 forced by pre-scaling) is wrong at 1e-300.
 */
import { describe, expect, test } from "vitest";
import * as fc from "fast-check";
import {
  ATOL, adjoint, binaryEntropy, eigh, eigvalsh, identity, matmul, matrix, maxAbsDiff, shannonEntropy, type CMatrix,
} from "../../model/kernel/index.js";
import { arbHermitian } from "../../properties/arbitraries/index.js";
import { maxDiff } from "./support/oracles.js";
import { params } from "./support/runs.js";

const scaled = (h: CMatrix, s: number): CMatrix => ({ rows: h.rows, cols: h.cols, data: h.data.map((x) => x * s) });

/** A 4x4 Hermitian matrix with spectrum {-1, 0.5, 2, 3}: U diag U^dagger for a fixed unitary U. */
function fixedCase(): { h: CMatrix; spectrum: number[] } {
  const r = Math.SQRT1_2;
  const u = matrix([[r, [0, r], 0, 0], [[0, r], r, 0, 0], [0, 0, [r, 0], r], [0, 0, r, -r]]);
  const lambda = [3, -1, 0.5, 2];
  const d = u.data.slice();
  for (let row = 0; row < 4; row++) for (let c = 0; c < 4; c++) { d[2 * (row * 4 + c)] *= lambda[c]; d[2 * (row * 4 + c) + 1] *= lambda[c]; }
  return { h: matmul({ rows: 4, cols: 4, data: d }, adjoint(u)), spectrum: [-1, 0.5, 2, 3] };
}

describe("eigensolvers on non-finite input", () => {
  for (const [name, solve] of [["eigvalsh", eigvalsh], ["eigh", eigh]] as const) {
    for (const bad of [NaN, Infinity, -Infinity]) {
      test(`${name} throws a RangeError naming the entry on ${bad}`, () => {
        const { h } = fixedCase();
        const m = { ...h, data: h.data.slice() };
        m.data[2 * (2 * 4 + 1) + 1] = bad; // imaginary part of entry (2, 1)
        expect(() => solve(m)).toThrow(RangeError);
        expect(() => solve(m)).toThrow(new RegExp(`${name}: entry \\(2, 1\\) has imaginary part ${bad}`));
      });
    }
  }
});

describe("eigensolvers on matrices scaled far from 1", () => {
  test("the issue's examples: entries around 1e155 and 1e-300 (4x4, known spectrum)", () => {
    const { h, spectrum } = fixedCase();
    for (const s of [1e155, 1e200, 1e300, 1e-300, 1e-200]) {
      const m = scaled(h, s);
      const values = eigvalsh(m), e = eigh(m);
      expect(maxDiff(Array.from(values, (v) => v / s), spectrum)).toBeLessThan(1e-12);
      expect(maxDiff(Array.from(e.values, (v) => v / s), spectrum)).toBeLessThan(1e-12);
      expect(maxAbsDiff(matmul(adjoint(e.vectors), e.vectors), identity(4))).toBeLessThan(1e-12);
    }
  });

  test("any Hermitian matrix times 2^k, |k| up to 1000: the spectrum times 2^k; eigh's vectors stay unitary and reconstruct", () => {
    const arb = fc.record({
      d: fc.integer({ min: 1, max: 12 }),
      k: fc.oneof(fc.integer({ min: 100, max: 1000 }), fc.integer({ min: -1000, max: -100 })),
    }).chain(({ d, k }) => arbHermitian(d).map((c) => ({ ...c, k })));
    fc.assert(fc.property(arb, ({ matrix: h, spectrum, k }) => {
      const s = 2 ** k, m = scaled(h, s), tol = ATOL * h.rows;
      const { values, vectors } = eigh(m);
      const back = Float64Array.from(vectors.data);
      const n = h.rows;
      for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) { back[2 * (r * n + c)] *= values[c] / s; back[2 * (r * n + c) + 1] *= values[c] / s; }
      return maxDiff(Array.from(eigvalsh(m), (v) => v / s), spectrum) <= tol &&
        maxDiff(Array.from(values, (v) => v / s), spectrum) <= tol &&
        maxAbsDiff(matmul(adjoint(vectors), vectors), identity(n)) <= ATOL &&
        maxAbsDiff(matmul({ rows: n, cols: n, data: back }, adjoint(vectors)), h) <= tol;
    }), params(60));
  });

  test("unscaled at ordinary magnitudes: the result does not depend on a power-of-two rescaling within 2^-100..2^100", () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 10 }).chain((d) => arbHermitian(d)), fc.integer({ min: -90, max: 90 }), ({ matrix: h }, k) => {
      const a = eigvalsh(h), b = eigvalsh(scaled(h, 2 ** k));
      return maxDiff(a, Array.from(b, (v) => v / 2 ** k)) <= ATOL * h.rows;
    }), params(40));
  });
});

describe("entropies reject what is not a probability", () => {
  test("shannonEntropy([-0.1, 1.1]) throws, naming the entry", () => {
    expect(() => shannonEntropy([-0.1, 1.1])).toThrow(/shannonEntropy: p\[0\] = -0.1 is not a probability/);
    expect(() => shannonEntropy([0.5, 1.1])).toThrow(/p\[1\] = 1.1/);
    expect(() => shannonEntropy([0.5, NaN])).toThrow(/p\[1\] = NaN/);
  });
  test("shannonEntropy rejects sums other than 1, and the empty vector", () => {
    expect(() => shannonEntropy([0.5, 0.6])).toThrow(/sum to 1.1, not 1/);
    expect(() => shannonEntropy([0.2, 0.2])).toThrow(RangeError);
    expect(() => shannonEntropy([])).toThrow(/sum to 0/);
  });
  test("shannonEntropy accepts rounding: entries and sums within ATOL", () => {
    expect(shannonEntropy([1 + 2.2e-16, -2.2e-16])).toBe(0);
    expect(shannonEntropy([0.5, 0.5 + 1e-12])).toBeCloseTo(1, 10);
    fc.assert(fc.property(fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 20 }).filter((w) => w.some((x) => x > 0)), (w) => {
      const total = w.reduce((a, b) => a + b, 0);
      const h = shannonEntropy(w.map((x) => x / total));
      return h >= 0 && h <= Math.log2(w.length) + ATOL;
    }), params(100));
  });
  test("binaryEntropy clamps rounding (1 + 2.2e-16, -1e-17) and rejects clearly beyond", () => {
    expect(binaryEntropy(1 + 2.2e-16)).toBe(0);
    expect(binaryEntropy(-1e-17)).toBe(0);
    expect(binaryEntropy(0.5)).toBe(1);
    for (const bad of [1.01, -0.01, 1 + 1e-6, NaN, Infinity]) expect(() => binaryEntropy(bad)).toThrow(/binaryEntropy: p must be in \[0, 1\]/);
  });
});
