/**
 * The only place that touches the mutable `quantum-circuit` objects: builds one from a
 * {@link CircuitSpec}, either symbolic (classical conditions kept) or instantiated for given
 * register values (conditions resolved, measurements optionally dropped).
 * @module
 */
import { createRequire } from "node:module";
import type QuantumCircuit from "quantum-circuit";
import type { CircuitSpec, CircuitStep, CregAssignment } from "../circuit-spec.js";

/** How to build: symbolic for drawing and QASM, instantiated for simulation. */
export interface BuildOptions {
  /** Resolve every condition with these values (a step whose condition fails is left out). */
  readonly assignment?: CregAssignment;
  /** Leave measurements out, so that the final state is the pure state before readout. */
  readonly withoutMeasurements?: boolean;
}

/**
 * The `quantum-circuit` constructor, loaded on first use: the package and its own mathjs take
 * seconds of CPU to load. Reports read the drawings from `rendered.generated.ts`; only
 * `npm run circuits`, the simulation cross-checks and the tests build circuits.
 */
let constructor: typeof QuantumCircuit | undefined;
function quantumCircuit(): typeof QuantumCircuit {
  return (constructor ??= createRequire(import.meta.url)("quantum-circuit") as typeof QuantumCircuit);
}

/** Build a fresh `quantum-circuit` object for a spec; the caller owns and discards it. */
export function buildCircuit(spec: CircuitSpec, options: BuildOptions = {}): QuantumCircuit {
  const QC = quantumCircuit();
  const circuit = new QC(spec.wires.length);
  for (const creg of spec.cregs) circuit.createCreg(creg, 1);
  const steps = spec.steps.filter((step) => keeps(step, options));
  steps.forEach((step, column) => {
    if (step.kind === "measure") circuit.addMeasure(step.wire, step.creg, 0);
    else if (step.when && !options.assignment) circuit.addGate(step.gate, column, step.wires, { condition: step.when });
    else circuit.addGate(step.gate, column, step.wires);
  });
  return circuit;
}

function keeps(step: CircuitStep, options: BuildOptions): boolean {
  if (step.kind === "measure") return !options.withoutMeasurements;
  if (!step.when || !options.assignment) return true;
  const value = options.assignment[step.when.creg];
  if (value === undefined) throw new Error(`buildCircuit: no value for register "${step.when.creg}"`);
  return value === step.when.value;
}
