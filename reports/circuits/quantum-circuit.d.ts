/**
 * Minimal types for the untyped `quantum-circuit` package: only what `reports/circuits/` uses.
 * The library's objects are mutable; they never leave `reports/circuits/internal/`.
 */
declare module "quantum-circuit" {
  interface GateOptions {
    readonly params?: Readonly<Record<string, number | string>>;
    readonly condition?: { readonly creg: string; readonly value: number };
  }
  interface AmplitudeEntry {
    readonly index: number;
    readonly indexBinStr: string;
    readonly amplitude: { readonly re: number; readonly im: number };
    readonly magnitude: number;
  }
  class QuantumCircuit {
    constructor(numQubits?: number);
    numQubits: number;
    createCreg(name: string, length: number): void;
    addGate(name: string, column: number, wires: number | readonly number[], options?: GateOptions): string;
    addMeasure(wire: number, creg: string, cbit: number): void;
    run(initialValues?: readonly number[], options?: Readonly<Record<string, unknown>>): void;
    stateAsArray(onlyPossible?: boolean): readonly AmplitudeEntry[];
    probabilities(): readonly number[];
    exportQASM(comment?: string): string;
    exportSVG(embedded?: boolean, options?: Readonly<Record<string, unknown>>): string;
  }
  export = QuantumCircuit;
}
