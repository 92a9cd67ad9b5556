/**
 * No WebAssembly memory of the kernel ever grows (model/kernel/wasm/module.ts): a layout too
 * large for an instance gets a new instance of the size it needs. Growing a memory detaches
 * the ArrayBuffer JavaScript holds of it, and V8 then checks every typed-array access in code
 * optimised afterwards, in the whole process (a JavaScript loop over Float64Arrays took
 * 228-242 us against 158-162 us, module.ts). So: a buffer taken from an instance before larger
 * work stays attached, and no module's source grows its memory.
 */
import { readFileSync } from "node:fs";
import { expect, test } from "vitest";
import { MODULES } from "../../model/kernel/wasm/compile.mjs";
import { eigenWasm } from "../../model/kernel/wasm/eigenInstance.js";
import { localWasm } from "../../model/kernel/wasm/localInstance.js";
import { applyChannel, controlled, depolarizing, eigh, eigvalsh, evolve, H, unsafeDensity } from "../../model/kernel/index.js";

const attached = (buffer: ArrayBuffer): boolean => buffer.byteLength > 0;

test("the local kernels: a buffer of the thread's instance stays attached through larger states (a new instance serves them)", () => {
  const first = localWasm();
  const buffer = first.memory.buffer;
  for (const n of [3, 6, 9, 11]) {
    const D = 2 ** n;
    const data = new Float64Array(2 * D * D);
    for (let i = 0; i < D; i++) data[2 * (i * D + i)] = 1 / D;
    const rho = unsafeDensity({ rows: D, cols: D, data }, Array<number>(n).fill(2));
    evolve(evolve(rho, H, [n - 1]), controlled(H), [0, n - 1]);
    applyChannel(rho, depolarizing(0.1), [1]);
  }
  expect(attached(buffer)).toBe(true);
  expect(localWasm()).not.toBe(first); // the larger layouts did need a larger instance
});

test("the eigensolver: buffers of the thread's instance and of a per-call instance stay attached", () => {
  const hermitian = (n: number) => {
    const data = new Float64Array(2 * n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) {
      const re = Math.sin(i + 2 * j), im = i === j ? 0 : Math.cos(3 * i - j);
      data[2 * (i * n + j)] = re; data[2 * (i * n + j) + 1] = im;
      data[2 * (j * n + i)] = re; data[2 * (j * n + i) + 1] = -im;
    }
    return { rows: n, cols: n, data };
  };
  const small = eigenWasm("test", 3).wasm.memory.buffer;
  eigvalsh(hermitian(40));
  eigh(hermitian(120));
  const big = eigenWasm("test", 300).wasm.memory.buffer; // an instance of its own, laid out for d = 300
  eigvalsh(hermitian(300));
  expect([attached(small), attached(big)]).toEqual([true, true]);
});

test("no module's source grows its memory", () => {
  for (const module of Object.values(MODULES)) expect(readFileSync(module.source, "utf8"), module.source).not.toMatch(/memory\.grow\s*\(/);
});
