/**
 * The WebAssembly Toeplitz hash (model/bb84/postprocessing/internal/toeplitz.as): the committed
 * module was generated from the current source (its recorded hash; with QKD_WASM_REBUILD=1, as in
 * `npm run test:heavy`, the source is compiled again and the bytes compared). What it computes is
 * checked against the definition in toeplitz.test.ts. Negative control: another source compiles
 * to other bytes.
 */
import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { compileWasm, MODULES, sourceHash } from "../../../model/kernel/wasm/compile.mjs";
import { TOEPLITZ_WASM_BASE64, TOEPLITZ_WASM_SOURCE_SHA256 } from "../../../model/bb84/postprocessing/internal/toeplitzWasm.js";

const REBUILD = process.env.QKD_WASM_REBUILD === "1";

test("toeplitzWasm.ts was generated from the current toeplitz.as (its recorded SHA-256; else: npm run build:wasm)", async () => {
  const source = await readFile(MODULES.toeplitz.source, "utf8");
  expect(TOEPLITZ_WASM_SOURCE_SHA256).toBe(sourceHash(source));
  expect(sourceHash(`${source} `)).not.toBe(TOEPLITZ_WASM_SOURCE_SHA256);
});

test.runIf(REBUILD)("QKD_WASM_REBUILD=1: toeplitzWasm.ts holds exactly what toeplitz.as compiles to; another source compiles to other bytes", async () => {
  const committed = Buffer.from(TOEPLITZ_WASM_BASE64, "base64");
  expect(Buffer.from(await compileWasm(MODULES.toeplitz)).equals(committed)).toBe(true);
  expect(Buffer.from(await compileWasm(MODULES.toeplitz, "export function drift(): i32 { return 1; }")).equals(committed)).toBe(false);
}, 60_000);
