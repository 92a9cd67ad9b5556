/**
 * Protocol circuits as data: wires, classical registers and gate steps, serialisable and
 * printable. The `quantum-circuit` package only draws, exports and simulates them.
 * @module
 */

/** A classical condition: the step acts only when register `creg` holds `value`. */
export interface ClassicalCondition {
  readonly creg: string;
  readonly value: number;
}

/** One gate of a protocol circuit, in protocol order (each step is drawn in its own column). */
export type CircuitStep =
  | {
      readonly kind: "gate";
      /** A `quantum-circuit` gate name: `h`, `x`, `cx`, ... */
      readonly gate: string;
      /** Wire indices; for controlled gates the control(s) first, then the target. */
      readonly wires: readonly number[];
      readonly when?: ClassicalCondition;
      /** Who applies the gate and why, in words (shown in the report's step list). */
      readonly note: string;
    }
  | {
      readonly kind: "measure";
      readonly wire: number;
      readonly creg: string;
      readonly note: string;
    };

/** A static protocol circuit: the drawing and the OpenQASM of one protocol step. */
export interface CircuitSpec {
  readonly id: string;
  readonly title: string;
  /** How to read the circuit, with the paper's section and equation numbers. */
  readonly caption: string;
  /** One label per qubit wire, e.g. `s (KDC)`; wire 0 is the least significant qubit. */
  readonly wires: readonly string[];
  /** Classical registers (one bit each): key bits, bases, measurement results. */
  readonly cregs: readonly string[];
  readonly steps: readonly CircuitStep[];
}

/** Values of the classical registers used to instantiate a circuit's conditions. */
export type CregAssignment = Readonly<Record<string, number>>;
