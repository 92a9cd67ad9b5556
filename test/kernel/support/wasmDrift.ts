/**
 * The two drift tests every committed WebAssembly module gets (`<name>Wasm.ts`, generated from
 * `<name>.as` by `npm run build:wasm`): its recorded hash is that of the current source and
 * compiler options (a one-space edit, or the options without `importMemory`, change it: the
 * controls), and with QKD_WASM_REBUILD=1 (`npm run test:heavy`)
 * the source compiled again gives exactly the committed bytes while another source does not.
 */
import { readFile } from "node:fs/promises";
import { expect, test } from "vitest";
import { compileWasm, MODULES, OPTIONS, sourceHash } from "../../../model/kernel/wasm/compile.mjs";

export function wasmDriftTests(name: keyof typeof MODULES, committed: { readonly base64: string; readonly sourceSha256: string }): void {
  test(`${name}Wasm.ts was generated from the current ${name}.as (its recorded SHA-256; else: npm run build:wasm)`, async () => {
    const source = await readFile(MODULES[name].source, "utf8");
    expect(committed.sourceSha256).toBe(sourceHash(source));
    expect(sourceHash(`${source} `)).not.toBe(committed.sourceSha256);
    expect(sourceHash(source, { ...OPTIONS, importMemory: false })).not.toBe(committed.sourceSha256);
  });

  test.runIf(process.env.QKD_WASM_REBUILD === "1")(`QKD_WASM_REBUILD=1: ${name}Wasm.ts holds exactly what ${name}.as compiles to; another source compiles to other bytes`, async () => {
    const bytes = Buffer.from(committed.base64, "base64");
    expect(Buffer.from(await compileWasm(MODULES[name])).equals(bytes)).toBe(true);
    expect(Buffer.from(await compileWasm(MODULES[name], "export function drift(): i32 { return 1; }")).equals(bytes)).toBe(false);
  }, 60_000);
}
