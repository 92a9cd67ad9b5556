/** Types of compile.mjs (the build script of the WebAssembly eigensolver; not part of the library). */
export declare const SOURCE: string;
export declare const GENERATED: string;
export declare function compileEigenWasm(source?: string): Promise<Uint8Array>;
export declare function sourceHash(source: string): string;
export declare function generatedModule(binary: Uint8Array, source: string): string;
