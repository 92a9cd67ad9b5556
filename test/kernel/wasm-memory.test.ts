/**
 * No WebAssembly memory of the kernel ever grows (model/kernel/wasm/module.ts): a layout too
 * large for an instance returns 0 with the pages it needs, and a new instance that large does the
 * work. Growing a memory detaches the ArrayBuffer JavaScript holds of it, and V8 then checks
 * every typed-array access in code optimised afterwards, in the whole process. Checked three
 * ways: each module on its own (a layout too large leaves the memory as it was); the local
 * kernels' coefficients land in the instance that runs them when a call needs a larger one; and
 * a process running all three modules at growing sizes under V8's
 * `--trace-protector-invalidation` never invalidates the ArrayBuffer-detaching protector (and
 * a process that detaches one buffer on purpose does, so the check can fail).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, expect, onTestFinished, test } from "vitest";
import { TOEPLITZ_WASM_BASE64 } from "../../model/bb84/postprocessing/internal/toeplitzWasm.js";
import { conjugate2, conjugate4, superoperator2 } from "../../model/kernel/internal/wasmLocal.js";
import { EIGEN_WASM_BASE64 } from "../../model/kernel/wasm/eigenWasm.js";
import { dropLocalWasm } from "../../model/kernel/wasm/localInstance.js";
import { LOCAL_WASM_BASE64 } from "../../model/kernel/wasm/localWasm.js";
import { instantiator } from "../../model/kernel/wasm/module.js";
import { compiledPackage } from "../setup/compiled.js";

type Laid = { readonly memory: { readonly buffer: ArrayBuffer }; layout(...args: number[]): number; neededPages(): number };

test.each([
  ["eigen", EIGEN_WASM_BASE64, [100]],
  ["local", LOCAL_WASM_BASE64, [100_000]],
  ["toeplitz", TOEPLITZ_WASM_BASE64, [100_000, 100_000]],
] as const)("%s: a layout too large for the memory returns 0, leaves the memory as it was, and fits an instance of the pages it asks for", (_, base64, args) => {
  const instance = instantiator<Laid>(base64)(1);
  const buffer = instance.memory.buffer;
  expect(instance.layout(...args)).toBe(0);
  expect(buffer.byteLength).toBe(65_536); // not detached, not grown
  expect(instantiator<Laid>(base64)(instance.neededPages()).layout(...args)).not.toBe(0);
});

test("the local kernels: a call that needs a larger instance writes its coefficients into it", () => {
  // the thread's instance starts at one page whatever ran before, and the large one made here
  // is dropped after (test files share threads: local-wasm.test.ts bounds the instance's size)
  dropLocalWasm();
  onTestFinished(() => dropLocalWasm());
  const n = 8, D = 2 ** n, dims = Array<number>(n).fill(2);
  const src = Float64Array.from({ length: 2 * D * D }, (_, k) => Math.sin(k));
  const S = Float64Array.from({ length: 32 }, (_, k) => Math.cos(k)), A = Float64Array.from({ length: 8 }, (_, k) => Math.cos(k + 1)), U = Float64Array.from({ length: 32 }, (_, k) => Math.sin(k + 2));
  let chunk = 2 * D * D * 8; // the whole matrix in one chunk: larger than the thread's instance so far
  const calls = [
    ["super2", (c: number) => superoperator2(src, D, dims, 3, S, c)],
    ["conj2", (c: number) => conjugate2(src, D, dims, 3, A, c)],
    ["conj4", (c: number) => conjugate4(src, D, dims, 2, 5, U, c)],
  ] as const;
  for (const [name, call] of calls) {
    call(64 * 1024); // leaves this op's coefficients in the current instance
    const reference = call(64 * 1024)!;
    chunk += 4 * 65_536; // each call below needs a larger instance than any before
    expect(Buffer.from(call(chunk)!.buffer).equals(Buffer.from(reference.buffer)), name).toBe(true);
  }
});

let pkg = "";
beforeAll(async () => {
  pkg = await compiledPackage();
}, 300_000);

/** `script` (ES module text) in a child process under --trace-protector-invalidation: its stdout and stderr. */
function traced(script: string): string {
  const r = spawnSync(process.execPath, ["--trace-protector-invalidation", "--input-type=module", "-e", script], { encoding: "utf8" });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout + r.stderr;
}

test("a process running the three modules at growing sizes never detaches an ArrayBuffer (and the trace shows one detached on purpose)", () => {
  const at = (file: string) => JSON.stringify(pathToFileURL(join(pkg, "dist", file)).href);
  const kernelRun = `
    const K = await import(${at("entries/kernel.js")});
    const { toeplitzWords } = await import(${at("model/bb84/postprocessing/internal/toeplitzWords.js")});
    for (const n of [3, 6, 9, 11]) {
      const rho = K.maximallyMixed(Array(n).fill(2));
      K.applyChannel(K.evolve(K.evolve(rho, K.H, [n - 1]), K.controlled(K.H), [0, n - 1]), K.depolarizing(0.1), [1]);
    }
    for (const d of [3, 40, 120, 300]) K.eigh(K.eigh({ rows: d, cols: d, data: Float64Array.from({ length: 2 * d * d }, (_, k) => (k % 2 ? 0 : (k % (2 * d + 2) === 0 ? 1 : 0))) }).vectors);
    for (const [n, l] of [[300, 40], [50_000, 20_000], [3_000_000, 10]]) toeplitzWords(new Uint8Array(n + l - 1).fill(1), new Uint8Array(n).fill(1), l);
    console.log("ran");`;
  const kernelTrace = traced(kernelRun);
  expect(kernelTrace).toContain("ran");
  expect(kernelTrace).not.toContain("ArrayBufferDetaching");
  expect(traced(`const b = new ArrayBuffer(8); structuredClone(b, { transfer: [b] });`)).toContain("ArrayBufferDetaching");
}, 60_000);
