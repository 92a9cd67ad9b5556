/**
 * Eigensolvers: eigvalsh (Householder + QL) and eigh (Jacobi) agree with each other, with the
 * spectrum known by construction, with ml-matrix's EigenvalueDecomposition on the real embedding
 * `[[Re, -Im], [Im, Re]]` (whose spectrum is the complex one, each value twice) for d = 2..64,
 * and with mathjs's eigs on small real-symmetric matrices; eigh's vectors are unitary and
 * reconstruct the matrix. Degenerate spectra, block-diagonal matrices (the Householder skip
 * branch), diagonal, zero and badly scaled matrices included. Negative control: a solver that
 * returns the sorted diagonal is falsified by the ml-matrix oracle.
 */
import { describe, expect, test } from "vitest";
import * as fc from "fast-check";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import { mathjs } from "../setup/mathjs.js";
import {
  ATOL, adjoint, eigh, eigvalsh, identity, matmul, maxAbsDiff, zeros, type CMatrix,
} from "../../model/kernel/index.js";
import { arbHermitian } from "../../properties/arbitraries/index.js";
import { maxDiff, realEmbedding } from "./support/oracles.js";
import { params } from "./support/runs.js";
import { expectFalsified } from "./support/controls.js";

const { create, all } = mathjs;
const math = create(all);

/** Eigenvalues of the real embedding by ml-matrix, ascending (each complex eigenvalue twice). */
function mlEigenvalues(h: CMatrix): number[] {
  const e = new EigenvalueDecomposition(new Matrix(realEmbedding(h)), { assumeSymmetric: true });
  return e.realEigenvalues.slice().sort((a, b) => a - b);
}
const doubled = (v: ArrayLike<number>): number[] => Array.from(v).flatMap((x) => [x, x]);
const norm = (h: CMatrix): number => Math.max(1, ...Array.from(h.data, Math.abs)) * h.rows;

/** V diag(values) V^dagger. */
function reconstruct(values: Float64Array, v: CMatrix): CMatrix {
  const n = v.rows, s = Float64Array.from(v.data);
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) { s[2 * (r * n + c)] *= values[c]; s[2 * (r * n + c) + 1] *= values[c]; }
  return matmul({ rows: n, cols: n, data: s }, adjoint(v));
}

/** A Hermitian matrix of dimension 2..64 with a known spectrum, sometimes rescaled by 1e-6 or 1e6. */
const arbCase = fc.record({ d: fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 2, max: 64 })), scale: fc.constantFrom(1, 1, 1, 1e-6, 1e6) })
  .chain(({ d, scale }) => arbHermitian(d, scale).map((h) => ({ ...h, scale })));

type Eigvals = (h: CMatrix) => ArrayLike<number>;
const agreesWithMlMatrix = (eig: Eigvals) => fc.property(arbCase, ({ matrix }) =>
  maxDiff(doubled(eig(matrix)), mlEigenvalues(matrix)) <= ATOL * norm(matrix));

describe("eigvalsh and eigh", () => {
  test("eigvalsh: the spectrum known by construction, ascending", () => {
    fc.assert(fc.property(arbCase, ({ matrix, spectrum }) => maxDiff(eigvalsh(matrix), spectrum) <= ATOL * norm(matrix)), params(80));
  });
  test("eigvalsh agrees with ml-matrix on the real embedding (d = 2..64)", () => {
    fc.assert(agreesWithMlMatrix(eigvalsh), params(60));
  });
  test("eigh: values agree with eigvalsh and ml-matrix; vectors unitary and reconstruct the matrix", () => {
    fc.assert(fc.property(arbCase, ({ matrix }) => {
      const { values, vectors } = eigh(matrix);
      const tol = ATOL * norm(matrix);
      return maxDiff(values, eigvalsh(matrix)) <= tol && maxDiff(doubled(values), mlEigenvalues(matrix)) <= tol &&
        maxAbsDiff(matmul(adjoint(vectors), vectors), identity(matrix.rows)) <= ATOL &&
        maxAbsDiff(reconstruct(values, vectors), matrix) <= tol;
    }), params(60));
  });
  test("block-diagonal matrices, permuted (the Householder 'already reduced' branch): spectrum is the union", () => {
    const arb = fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 })).chain(([a, b]) =>
      fc.record({ h1: arbHermitian(a), h2: arbHermitian(b), order: fc.shuffledSubarray(Array.from({ length: a + b }, (_, i) => i), { minLength: a + b, maxLength: a + b }) }));
    fc.assert(fc.property(arb, ({ h1, h2, order }) => {
      const n = h1.matrix.rows + h2.matrix.rows;
      const m = zeros(n, n);
      for (const [h, off] of [[h1.matrix, 0], [h2.matrix, h1.matrix.rows]] as const) {
        for (let i = 0; i < h.rows; i++) for (let j = 0; j < h.rows; j++) {
          m.data[2 * ((i + off) * n + j + off)] = h.data[2 * (i * h.rows + j)];
          m.data[2 * ((i + off) * n + j + off) + 1] = h.data[2 * (i * h.rows + j) + 1];
        }
      }
      const perm = zeros(n, n); // the index permutation i -> order[i]
      order.forEach((src, dst) => (perm.data[2 * (dst * n + src)] = 1));
      const permuted = matmul(matmul(perm, m), adjoint(perm));
      const union = Float64Array.from([...h1.spectrum, ...h2.spectrum]).sort();
      return maxDiff(eigvalsh(permuted), union) <= ATOL * n && maxDiff(eigh(permuted).values, union) <= ATOL * n;
    }), params(80));
  });
  test("edge cases: 0x0, 1x1, zero, identity multiples, diagonal", () => {
    expect(eigvalsh(zeros(0, 0)).length).toBe(0);
    fc.assert(fc.property(fc.integer({ min: 1, max: 12 }), fc.double({ min: -5, max: 5, noNaN: true }), (d, c) => {
      const m = identity(d).data.map((v) => v * c);
      return maxDiff(eigvalsh({ rows: d, cols: d, data: m }), Array(d).fill(c)) <= ATOL && maxDiff(eigh({ rows: d, cols: d, data: m }).values, Array(d).fill(c)) <= ATOL;
    }), params(60));
    fc.assert(fc.property(fc.array(fc.double({ min: -5, max: 5, noNaN: true }), { minLength: 1, maxLength: 12 }), (diag) => {
      const d = diag.length, m = zeros(d, d);
      diag.forEach((x, i) => (m.data[2 * (i * d + i)] = x));
      const sorted = diag.slice().sort((a, b) => a - b);
      return maxDiff(eigvalsh(m), sorted) <= ATOL && maxDiff(eigh(m).values, sorted) <= ATOL;
    }), params(60));
  });
  test("mathjs eigs agrees on small real-symmetric matrices", () => {
    const arb = fc.integer({ min: 2, max: 6 }).chain((d) => arbHermitian(d)).map(({ matrix }) => {
      const d = matrix.rows;
      return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => matrix.data[2 * (i * d + j)])); // Re H is real symmetric
    });
    fc.assert(fc.property(arb, (rows) => {
      const d = rows.length, m = zeros(d, d);
      rows.forEach((r, i) => r.forEach((x, j) => (m.data[2 * (i * d + j)] = x)));
      const ref = (math.eigs(rows, { eigenvectors: false }).values as number[]).slice().sort((a, b) => a - b);
      return maxDiff(eigvalsh(m), ref) <= ATOL && maxDiff(eigh(m).values, ref) <= ATOL;
    }), params(60));
  });
});

describe("negative control", () => {
  test("a 'solver' returning the sorted diagonal is falsified by ml-matrix", () => {
    const diagonal: Eigvals = (h) => Array.from({ length: h.rows }, (_, i) => h.data[2 * (i * h.rows + i)]).sort((a, b) => a - b);
    expectFalsified(fc.check(agreesWithMlMatrix(diagonal), params(60)));
  });
});
