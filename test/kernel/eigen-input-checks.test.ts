/**
 * eigvalsh / eigh refuse malformed input by name (review of the WebAssembly eigensolver: data
 * shorter than 2 n^2 reused the previous call's matrix left in WebAssembly memory), and the
 * closed form at d = 2 keeps values near the overflow finite (it added the diagonal unscaled).
 */
import { expect, test } from "vitest";
import { eigh, eigvalsh, type CMatrix } from "../../model/kernel/index.js";
import { MAX_DIMENSION } from "../../model/kernel/wasm/eigenInstance.js";

test("data of the wrong length is refused, naming the length, for every d", () => {
  for (const n of [2, 3, 8]) {
    for (const length of [2 * n * n - 2, 2 * n * n + 2]) {
      const h: CMatrix = { rows: n, cols: n, data: new Float64Array(length) };
      expect(() => eigvalsh(h)).toThrow(`eigvalsh: data holds ${length} numbers; a ${n}x${n} complex matrix has ${2 * n * n}`);
      expect(() => eigh(h)).toThrow(`eigh: data holds ${length} numbers`);
    }
  }
});

test("a dimension past the eigensolver's 32-bit reach is refused before any memory is asked for", () => {
  const n = MAX_DIMENSION + 1;
  // the length check runs first, so give the shape without the data: a RangeError either way, never a wrap-around
  expect(() => eigvalsh({ rows: n, cols: n, data: new Float64Array(0) })).toThrow(RangeError);
});

test("d = 2 near the overflow: diag(1.7e308, 1.7e308) has eigenvalues 1.7e308 twice (not Infinity), like eigh", () => {
  const h: CMatrix = { rows: 2, cols: 2, data: Float64Array.of(1.7e308, 0, 0, 0, 0, 0, 1.7e308, 0) };
  expect([...eigvalsh(h)]).toEqual([1.7e308, 1.7e308]);
  expect([...eigh(h).values]).toEqual([1.7e308, 1.7e308]);
  const tiny: CMatrix = { rows: 2, cols: 2, data: Float64Array.of(3e-320, 0, 0, 0, 0, 0, 1e-320, 0) };
  expect([...eigvalsh(tiny)]).toEqual([...eigh(tiny).values]);
});
