/**
 * The WebAssembly 1- and 2-qubit kernels (model/kernel/wasm/local.as through
 * model/kernel/internal/wasmLocal.ts), which `evolve` and `applyChannel` use on matrices of at
 * least WASM_MIN_DIM rows:
 * - localWasm.ts was generated from the current local.as (hash; bytes with QKD_WASM_REBUILD=1);
 * - a dense complex 4x4 gate equals the JavaScript composition `applyLeft` then
 *   `applyRightAdjoint` bit for bit (the same expressions), in every chunking mode (whole row
 *   groups, ranges of y, ranges of z) and for either target order; so does a dense complex 2x2
 *   gate (`conj2`), in every chunking mode and on every qubit;
 * - a 2x2 gate on a matrix of signed zeros and subnormals: the same bits, -0 included;
 * - the superoperator kernel, for a 2x2 gate (complex or real: `evolve` sends dense complex 2x2
 *   gates through `conj2` and real ones through JavaScript, see local.ts, but the kernel takes any superoperator) and 1-qubit channels
 *   (depolarizing, amplitude damping, random Kraus sets), equals the JavaScript paths within rounding (the superoperator `sum K (x) conj(K)`
 *   sums in another order), byte-identical in every chunking mode, against the Kronecker-product oracle too;
 * - a non-finite entry sends them back to the JavaScript paths (results as before);
 * - inputs are not written; the instance's memory stays one chunk at 10 qubits.
 * Negative controls: the superoperator without the conjugate, a swapped target order, a
 * transposed 2x2 gate and one on another qubit are told apart by the same comparisons.
 */
import { expect, test } from "vitest";
import {
  amplitudeDamping, applyChannel, channel, depolarizing, evolve, sandwich, unsafeDensity, type CMatrix, type DensityMatrix,
} from "../../model/kernel/index.js";
import { applyLeft, applyRightAdjoint, conjugate2Blocks } from "../../model/kernel/internal/local.js";
import { conjugate2, conjugate4, superoperator2, WASM_MIN_DIM } from "../../model/kernel/internal/wasmLocal.js";
import { CHUNK_BYTES, dropLocalWasm, localWasm } from "../../model/kernel/wasm/localInstance.js";
import { LOCAL_WASM_BASE64, LOCAL_WASM_SOURCE_SHA256 } from "../../model/kernel/wasm/localWasm.js";
import { drawFloats, seeded } from "../../model/random.js";
import { conjugate, fullOperator, maxDiff, sameBits } from "./support/oracles.js";
import { wasmDriftTests } from "./support/wasmDrift.js";

wasmDriftTests("local", { base64: LOCAL_WASM_BASE64, sourceSha256: LOCAL_WASM_SOURCE_SHA256 });

/** Entries uniform in [-1, 1) from a seed. */
function floats(seed: number, count: number): Float64Array {
  return Float64Array.from(drawFloats(seeded(seed), count)[0], (u) => 2 * u - 1);
}
function matrixOf(seed: number, d: number): CMatrix {
  return { rows: d, cols: d, data: floats(seed, 2 * d * d) };
}
/** (A (x) I) M (A (x) I)^dagger by the JavaScript left and right products. */
function composed(m: CMatrix, dims: readonly number[], a: CMatrix, targets: readonly number[]): Float64Array {
  const tdims = targets.map((t) => dims[t]);
  const left = applyLeft(m, dims, a, targets, tdims);
  return applyRightAdjoint({ rows: m.rows, cols: m.cols, data: left.data }, dims, a, targets, tdims).data;
}
/** The superoperator `sum K (x) conj(K)` (or without the conjugate: the negative control). */
function superOf(ops: readonly CMatrix[], conj = true): Float64Array {
  const S = new Float64Array(32);
  for (const K of ops) for (let i = 0; i < 2; i++) for (let j = 0; j < 2; j++) for (let k = 0; k < 2; k++) for (let l = 0; l < 2; l++) {
    const ar = K.data[2 * (2 * i + k)], ai = K.data[2 * (2 * i + k) + 1], br = K.data[2 * (2 * j + l)], bi = (conj ? 1 : -1) * K.data[2 * (2 * j + l) + 1];
    const e = 2 * (4 * (2 * i + j) + 2 * k + l);
    S[e] += ar * br + ai * bi;
    S[e + 1] += ai * br - ar * bi;
  }
  return S;
}

// registers where the chunk sizes below force each chunking mode: dims with spectators of
// dimension 3 (not only qubits), D = 96, 144 and 128 (>= WASM_MIN_DIM)
const REGISTERS: readonly (readonly number[])[] = [[2, 3, 2, 2, 2, 2], [3, 2, 2, 2, 3, 2], [2, 2, 2, 2, 2, 2, 2]];
/** Chunk sizes in bytes: one row group at a time up to the whole matrix. */
const CHUNKS = [1, 4 * 16 * 144, 16 * 16 * 144, CHUNK_BYTES];

test("a dense complex 4x4 gate: bit for bit the JavaScript composition, every chunk size, both target orders, every pair", () => {
  let seed = 1;
  for (const dims of REGISTERS) {
    const D = dims.reduce((x, y) => x * y, 1);
    expect(D).toBeGreaterThanOrEqual(WASM_MIN_DIM);
    const m = matrixOf(seed++, D), before = Float64Array.from(m.data);
    const qubits = dims.flatMap((d, k) => (d === 2 ? [k] : []));
    for (const q1 of qubits) for (const q2 of qubits) {
      if (q1 === q2) continue;
      const u = matrixOf(seed++, 4);
      const ref = composed(m, dims, u, [q1, q2]);
      // through evolve's path (applyConjugate), and each chunking mode directly
      const viaEvolve = evolve(unsafeDensity(m, dims), u, [q1, q2], { atol: Infinity }).matrix.data;
      expect(sameBits(viaEvolve, ref)).toBe(true);
      for (const chunk of CHUNKS) expect(sameBits(conjugate4(m.data, D, dims, q1, q2, u.data, chunk), ref)).toBe(true);
      // negative control: the targets swapped are another operator
      expect(sameBits(conjugate4(m.data, D, dims, q2, q1, u.data), ref)).toBe(false);
    }
    expect(sameBits(m.data, before)).toBe(true);
  }
});

test("a dense complex 2x2 gate: bit for bit the JavaScript composition, every chunk size, every qubit", () => {
  let seed = 40;
  for (const dims of REGISTERS) {
    const D = dims.reduce((x, y) => x * y, 1);
    const m = matrixOf(seed++, D), before = Float64Array.from(m.data);
    dims.forEach((d, q) => {
      if (d !== 2) return;
      const u = matrixOf(seed++, 2);
      const ref = composed(m, dims, u, [q]);
      // through evolve's path (applyConjugate), and each chunking mode directly
      expect(sameBits(evolve(unsafeDensity(m, dims), u, [q], { atol: Infinity }).matrix.data, ref)).toBe(true);
      for (const chunk of CHUNKS) expect(sameBits(conjugate2(m.data, D, dims, q, u.data, chunk), ref)).toBe(true);
      // negative controls: A transposed, and A on the neighbouring qubit, are other operations
      const transposed = Float64Array.from([0, 1, 4, 5, 2, 3, 6, 7].map((k) => u.data[k]));
      expect(sameBits(conjugate2(m.data, D, dims, q, transposed), ref)).toBe(false);
      const other = dims.findIndex((e, k) => e === 2 && k !== q);
      expect(sameBits(conjugate2(m.data, D, dims, other, u.data), ref)).toBe(false);
    });
    expect(sameBits(m.data, before)).toBe(true);
  }
});

test("a dense complex 2x2 gate on a matrix of signed zeros and subnormals: bit for bit the JavaScript path, -0 included", () => {
  // entries from {+0, -0, +-5e-324, +-1}: the sums' `0 +` (which turns -0 + -0 into +0) and the
  // order of terms show in the signs of zeros, which uniform entries never produce
  const values = [0, -0, 5e-324, -5e-324, 1, -1];
  const pick = (seed: number, count: number): Float64Array => Float64Array.from(floats(seed, count), (x) => values[Math.floor(((x + 1) / 2) * values.length)]);
  let seed = 77;
  for (const dims of [[2, 2, 2, 2, 2, 2], [3, 2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2, 2]]) {
    const D = dims.reduce((x, y) => x * y, 1);
    const m = pick(seed++, 2 * D * D), u = pick(seed++, 8);
    dims.forEach((d, q) => {
      if (d !== 2) return;
      const a = dims.slice(0, q).reduce((x, y) => x * y, 1), b = dims.slice(q + 1).reduce((x, y) => x * y, 1);
      const js = new Float64Array(m.length);
      conjugate2Blocks(u, m, js, 2 * D, a, b);
      for (const chunk of CHUNKS) expect(sameBits(conjugate2(m, D, dims, q, u, chunk), js)).toBe(true);
      // control: the result holds zeros, and flipped signs of zeros are told apart. (That the data
      // catches a kernel without the sums' `0 +` was checked when written: conj2 rebuilt without
      // it fails this test and passed every other; a review found the same for conjugate2Blocks
      // without it in all 18 cases here.)
      const flipped = js.map((x) => (x === 0 ? -x : x));
      expect(sameBits(flipped, js)).toBe(false);
    });
  }
});

test("an operator with a NaN stays on the JavaScript path: the same bytes, NaN signs included (the WebAssembly path negates imaginary parts)", () => {
  const dims = [2, 2, 2, 2, 2, 2];
  const m = matrixOf(90, 64);
  const u = matrixOf(91, 4);
  u.data[9] = NaN;
  const bytes = (x: Float64Array) => Buffer.from(x.buffer, x.byteOffset, x.byteLength);
  expect(bytes(sandwich(m, dims, u, [1, 3]).data).equals(bytes(composed(m, dims, u, [1, 3])))).toBe(true);
  // control: through the WebAssembly kernel directly, some NaN comes out with its sign bit set
  expect(bytes(conjugate4(m.data, 64, dims, 1, 3, u.data)).equals(bytes(composed(m, dims, u, [1, 3])))).toBe(false);
  // the same for a 2x2 gate, whose JavaScript path is conjugate2Blocks (the composition's bits
  // but for NaN signs: it writes conj(a) products on A's own entries)
  const u2 = matrixOf(92, 2);
  u2.data[3] = NaN;
  const js = new Float64Array(m.data.length);
  conjugate2Blocks(u2.data, m.data, js, 2 * 64, 4, 8);
  expect(bytes(sandwich(m, dims, u2, [2]).data).equals(bytes(js))).toBe(true);
  expect(bytes(conjugate2(m.data, 64, dims, 2, u2.data)).equals(bytes(js))).toBe(false);
});

test("a 2x2 gate and 1-qubit channels: the JavaScript paths within rounding, every chunk size; the oracle too", () => {
  let seed = 100;
  const kraus = (s: number): CMatrix[] => [matrixOf(s, 2), matrixOf(s + 1, 2), matrixOf(s + 2, 2)];
  for (const dims of REGISTERS) {
    const D = dims.reduce((x, y) => x * y, 1);
    const m = matrixOf(seed++, D), before = Float64Array.from(m.data);
    const scale = Math.max(...m.data.map(Math.abs));
    dims.forEach((d, q) => {
      if (d !== 2) return;
      const ops = [[matrixOf(seed++, 2)], [{ rows: 2, cols: 2, data: Float64Array.from([0.6, 0, 0.8, 0, 0.8, 0, -0.6, 0]) }], kraus(seed++)];
      for (const set of ops) {
        const js = set.map((k) => composed(m, dims, k, [q])).reduce((acc, t) => acc.map((x, i) => x + t[i]));
        // the Kronecker-product oracle (dense D x D products): on the first qubit of each register only
        const oracle = q !== dims.indexOf(2) ? js : set.map((k) => conjugate(fullOperator(k, dims, [q]), m).data).reduce((acc, t) => acc.map((x, i) => x + t[i]));
        const whole = superoperator2(m.data, D, dims, q, superOf(set))!;
        expect(maxDiff(whole, js)).toBeLessThan(1e-14 * scale * 16);
        // the chunk size changes where rows go, never the arithmetic of an entry
        for (const chunk of CHUNKS) expect(sameBits(superoperator2(m.data, D, dims, q, superOf(set), chunk)!, whole)).toBe(true);
        expect(maxDiff(superoperator2(m.data, D, dims, q, superOf(set))!, oracle)).toBeLessThan(1e-14 * scale * 16);
        // negative control (complex operators): without the conjugate the comparison fails
        if (set[0].data[1] !== 0) expect(maxDiff(superoperator2(m.data, D, dims, q, superOf(set, false))!, js)).toBeGreaterThan(1e-3);
      }
    });
    expect(sameBits(m.data, before)).toBe(true);
  }
});

test("evolve and applyChannel on 7 qubits take the WebAssembly path and agree with sandwiches; a non-finite entry falls back", () => {
  const dims = Array<number>(7).fill(2), D = 128;
  const h = matrixOf(7, D);
  const rho: DensityMatrix = unsafeDensity(h, dims);
  for (const ch of [depolarizing(0.1), amplitudeDamping(0.3)]) {
    for (const q of [0, 3, 6]) {
      const got = applyChannel(rho, ch, [q]).matrix.data;
      const ref = ch.kraus.map((k) => sandwich(rho.matrix, dims, k, [q], [2]).data).reduce((acc, t) => acc.map((x, i) => x + t[i]));
      expect(maxDiff(got, ref)).toBeLessThan(1e-14);
    }
  }
  // a NaN entry: the JavaScript path's result (NaN where it spreads), not the wasm one
  const bad = Float64Array.from(h.data); bad[2 * (5 * D + 9)] = NaN;
  const badRho = unsafeDensity({ rows: D, cols: D, data: bad }, dims);
  expect(superoperator2(bad, D, dims, 2, superOf(depolarizing(0.1).kraus))).toBeNull();
  const got = applyChannel(badRho, depolarizing(0.1), [2]).matrix.data;
  const ref = depolarizing(0.1).kraus.map((k) => sandwich(badRho.matrix, dims, k, [2], [2]).data).reduce((acc, t) => acc.map((x, i) => x + t[i]));
  expect(sameBits(got, ref)).toBe(true);
});

test(`the instance's memory stays about one chunk (${CHUNK_BYTES} bytes) at 10 qubits`, () => {
  dropLocalWasm(); // from one page: test files share threads, and another file's instance may be larger
  const dims = Array<number>(10).fill(2), D = 1024;
  const rho = unsafeDensity({ rows: D, cols: D, data: new Float64Array(2 * D * D) }, dims);
  evolve(rho, { rows: 4, cols: 4, data: Float64Array.from({ length: 32 }, (_, k) => (k % 2 ? 0.5 : 0.5)) }, [0, 9], { atol: Infinity });
  applyChannel(rho, depolarizing(0.2), [4]);
  expect(localWasm().memory.buffer.byteLength).toBeLessThanOrEqual(CHUNK_BYTES + 2 * 65_536);
});
