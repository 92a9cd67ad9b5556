/**
 * Run a protocol circuit with `quantum-circuit` for given key bits and bases: the pure state
 * before readout, as probabilities per basis state.
 * @module
 */
import type { CircuitSpec, CregAssignment } from "./circuit-spec.js";
import { buildCircuit } from "./internal/build.js";

/**
 * Probabilities of the computational basis states at the end of the circuit (measurements left
 * out), keyed by bit string with wire 0 rightmost (`quantum-circuit` and Qiskit order):
 * for three wires s, m, f the key `"100"` means f = 1, m = 0, s = 0.
 * Only non-zero entries (above 1e-12) are listed.
 * @example finalStateProbabilities(bb84RoundCircuit(), { bit: 1, basis: 0, rbasis: 0, result: 0 }) // { "1": 1 }
 */
export function finalStateProbabilities(spec: CircuitSpec, assignment: CregAssignment): Readonly<Record<string, number>> {
  const circuit = buildCircuit(spec, { assignment, withoutMeasurements: true });
  circuit.run();
  const entries = circuit
    .stateAsArray(false)
    .map((a) => [a.indexBinStr, a.amplitude.re ** 2 + a.amplitude.im ** 2] as const)
    .filter(([, p]) => p > 1e-12);
  return Object.fromEntries(entries);
}

/**
 * Probability that wire `wire` reads 1 in Z at the end of the circuit, for given register values.
 */
export function probabilityOfOne(spec: CircuitSpec, assignment: CregAssignment, wire: number): number {
  const probabilities = finalStateProbabilities(spec, assignment);
  return Object.entries(probabilities)
    .filter(([bits]) => bits[bits.length - 1 - wire] === "1")
    .reduce((sum, [, p]) => sum + p, 0);
}
