/**
 * The WebAssembly Toeplitz hash (model/bb84/postprocessing/internal/toeplitz.as): the committed
 * module was generated from the current source (its recorded hash; with QKD_WASM_REBUILD=1, as in
 * `npm run test:heavy`, the source is compiled again and the bytes compared). What it computes is
 * checked against the definition in toeplitz.test.ts. Negative control: another source compiles
 * to other bytes.
 */
import { TOEPLITZ_WASM_BASE64, TOEPLITZ_WASM_SOURCE_SHA256 } from "../../../model/bb84/postprocessing/internal/toeplitzWasm.js";
import { wasmDriftTests } from "../../kernel/support/wasmDrift.js";

wasmDriftTests("toeplitz", { base64: TOEPLITZ_WASM_BASE64, sourceSha256: TOEPLITZ_WASM_SOURCE_SHA256 });
