/**
 * The WebAssembly eigensolver (model/kernel/wasm): the committed module was generated from the
 * current source (its recorded hash; with QKD_WASM_REBUILD=1, as in `npm run test:heavy`, the
 * source is compiled again and the bytes compared), results are byte-identical however the thread's instance was used before
 * (a larger instance for larger calls, a fresh instance above KEEP_INSTANCE_UP_TO), and the memory
 * kept per thread stays within the bound stated in eigenInstance.ts. Accuracy against the
 * oracles is in eigen.test.ts and eigen-accuracy.test.ts (every call of d >= 3 runs here).
 * Negative controls: another source compiles to other bytes; a matrix differing in one
 * entry by 1e-9 gives other output bytes (the byte comparison can fail).
 */
import { expect, test } from "vitest";
import { eigh, eigvalsh, trace, type CMatrix } from "../../model/kernel/index.js";
import { EIGEN_WASM_BASE64, EIGEN_WASM_SOURCE_SHA256 } from "../../model/kernel/wasm/eigenWasm.js";
import { eigenWasm, KEEP_INSTANCE_UP_TO } from "../../model/kernel/wasm/eigenInstance.js";
import { drawFloats, seeded } from "../../model/random.js";
import { wasmDriftTests } from "./support/wasmDrift.js";

wasmDriftTests("eigen", { base64: EIGEN_WASM_BASE64, sourceSha256: EIGEN_WASM_SOURCE_SHA256 });

/** A Hermitian n x n matrix with entries uniform in [-0.5, 0.5), from `seed` and n. */
function hermitian(seed: number, n: number): CMatrix {
  const [u] = drawFloats(seeded(seed * 1000 + n), 2 * n * n);
  const data = new Float64Array(2 * n * n);
  for (let i = 0; i < n; i++) {
    data[2 * (i * n + i)] = u[2 * (i * n + i)] - 0.5;
    for (let j = 0; j < i; j++) {
      const re = u[2 * (i * n + j)] - 0.5, im = u[2 * (i * n + j) + 1] - 0.5;
      data[2 * (i * n + j)] = re; data[2 * (i * n + j) + 1] = im;
      data[2 * (j * n + i)] = re; data[2 * (j * n + i) + 1] = -im;
    }
  }
  return { rows: n, cols: n, data };
}

/** eigvalsh and eigh of h, as the bytes of their outputs. */
function outputBytes(h: CMatrix): Buffer {
  const { values, vectors } = eigh(h);
  return Buffer.concat([eigvalsh(h), values, vectors.data].map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)));
}

test("byte-identical output after the instance served other sizes and was replaced by larger ones; a change of 1e-9 in one entry changes the bytes", () => {
  const matrices = [3, 8, 17, 33, 64].map((n) => hermitian(1, n));
  const first = matrices.map(outputBytes);
  for (const n of [120, 5, KEEP_INSTANCE_UP_TO]) eigvalsh(hermitian(2, n)); // a larger shared instance
  matrices.forEach((h, k) => expect(outputBytes(h).equals(first[k])).toBe(true));
  // control: the comparison sees a small change of one lower-triangle entry (one ulp can leave
  // every output double as it was)
  const nudged = Float64Array.from(matrices[3].data);
  nudged[2 * (20 * 33 + 7)] += 1e-9;
  expect(outputBytes({ rows: 33, cols: 33, data: nudged }).equals(first[3])).toBe(false);
});

test(`above d = ${KEEP_INSTANCE_UP_TO} a call gets its own instance: the thread's memory does not grow, results stay right`, () => {
  const small = hermitian(3, 12);
  const before = outputBytes(small);
  const kept = eigenWasm("test", 12).wasm;
  const bytesKept = kept.memory.buffer.byteLength;
  const n = KEEP_INSTANCE_UP_TO + 3;
  const big = hermitian(3, n);
  const values = eigvalsh(big);
  // the trace is the sum of the eigenvalues; ascending order
  expect(Math.abs(values.reduce((a, b) => a + b, 0) - trace(big)[0])).toBeLessThan(1e-10 * n);
  for (let i = 1; i < n; i++) expect(values[i]).toBeGreaterThanOrEqual(values[i - 1]);
  expect(eigenWasm("test", 12).wasm).toBe(kept);
  expect(kept.memory.buffer.byteLength).toBe(bytesKept);
  expect(outputBytes(small).equals(before)).toBe(true);
});

test(`the thread's instance stays within 4 d^2 + 14 d doubles (+ two pages) at d = ${KEEP_INSTANCE_UP_TO}`, () => {
  const n = KEEP_INSTANCE_UP_TO;
  eigh(hermitian(4, n));
  const bound = (4 * n * n + 14 * n + 16) * 8 + 65_536 * 2; // planes, vectors, alignment; the static page and rounding up to pages
  expect(eigenWasm("test", n).wasm.memory.buffer.byteLength).toBeLessThanOrEqual(bound);
});
