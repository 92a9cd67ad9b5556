/** Types of compile.mjs (the build script of the WebAssembly modules; not part of the library). */
export interface WasmModule {
  readonly source: string;
  readonly generated: string;
  readonly prefix: string;
}
export declare const MODULES: { readonly eigen: WasmModule; readonly local: WasmModule; readonly toeplitz: WasmModule };
export declare function compileWasm(module: WasmModule, source?: string): Promise<Uint8Array>;
/** The AssemblyScript compiler options. */
export declare const OPTIONS: Readonly<Record<string, unknown>>;
export declare function sourceHash(source: string, options?: Readonly<Record<string, unknown>>): string;
export declare function generatedModule(binary: Uint8Array, source: string, module: WasmModule): string;
