/**
 * Standard gates as unitary matrices. Multi-qubit gates list their qubits in the order they
 * are named: `CNOT` acts on `[control, target]`, with control the more significant qubit.
 * @module
 */
import { matrix, zeros, type CMatrix } from "./matrix.js";

const S = Math.SQRT1_2;

/** Identity on one qubit. */
export const I2: CMatrix = matrix([[1, 0], [0, 1]]);
/** Pauli X (bit flip). */
export const X: CMatrix = matrix([[0, 1], [1, 0]]);
/** Pauli Y. */
export const Y: CMatrix = matrix([[0, [0, -1]], [[0, 1], 0]]);
/** Pauli Z (phase flip). */
export const Z: CMatrix = matrix([[1, 0], [0, -1]]);
/** Hadamard: maps the Z basis to the X basis. */
export const H: CMatrix = matrix([[S, S], [S, -S]]);
/** Phase gate S = diag(1, i). */
export const S_GATE: CMatrix = matrix([[1, 0], [0, [0, 1]]]);
/** T gate = diag(1, e^{i pi/4}). */
export const T_GATE: CMatrix = matrix([[1, 0], [0, [S, S]]]);
/** CNOT on [control, target]: |c, t> -> |c, t XOR c>. */
export const CNOT: CMatrix = matrix([
  [1, 0, 0, 0],
  [0, 1, 0, 0],
  [0, 0, 0, 1],
  [0, 0, 1, 0],
]);
/** Controlled-Z. */
export const CZ: CMatrix = matrix([
  [1, 0, 0, 0],
  [0, 1, 0, 0],
  [0, 0, 1, 0],
  [0, 0, 0, -1],
]);
/** SWAP of two qubits. */
export const SWAP: CMatrix = matrix([
  [1, 0, 0, 0],
  [0, 0, 1, 0],
  [0, 1, 0, 0],
  [0, 0, 0, 1],
]);

/** Rotation about X: `exp(-i theta X / 2)`. */
export function rx(theta: number): CMatrix {
  const c = Math.cos(theta / 2), s = Math.sin(theta / 2);
  return matrix([[c, [0, -s]], [[0, -s], c]]);
}

/** Rotation about Y: `exp(-i theta Y / 2)`. */
export function ry(theta: number): CMatrix {
  const c = Math.cos(theta / 2), s = Math.sin(theta / 2);
  return matrix([[c, -s], [s, c]]);
}

/** Rotation about Z: `exp(-i theta Z / 2)`. */
export function rz(theta: number): CMatrix {
  return matrix([[[Math.cos(theta / 2), -Math.sin(theta / 2)], 0], [0, [Math.cos(theta / 2), Math.sin(theta / 2)]]]);
}

/** Phase gate diag(1, e^{i phi}). */
export function phase(phi: number): CMatrix {
  return matrix([[1, 0], [0, [Math.cos(phi), Math.sin(phi)]]]);
}

/**
 * The general single-qubit unitary of OpenQASM:
 * `U(theta, phi, lambda) = [[cos(theta/2), -e^{i lambda} sin(theta/2)], [e^{i phi} sin(theta/2), e^{i(phi+lambda)} cos(theta/2)]]`.
 */
export function u3(theta: number, phi: number, lambda: number): CMatrix {
  const c = Math.cos(theta / 2), s = Math.sin(theta / 2);
  return matrix([
    [c, [-Math.cos(lambda) * s, -Math.sin(lambda) * s]],
    [[Math.cos(phi) * s, Math.sin(phi) * s], [Math.cos(phi + lambda) * c, Math.sin(phi + lambda) * c]],
  ]);
}

/**
 * The controlled version of `u` on [control, ...targets]: `|0><0| (x) I + |1><1| (x) u`.
 * @example controlled(X) // equals CNOT
 */
export function controlled(u: CMatrix): CMatrix {
  if (u.rows !== u.cols) throw new RangeError(`controlled: gate is ${u.rows}x${u.cols}, not square`);
  const d = u.rows, D = 2 * d;
  const m = zeros(D, D);
  for (let i = 0; i < d; i++) m.data[2 * (i * D + i)] = 1;
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      const t = 2 * ((d + i) * D + d + j), s = 2 * (i * d + j);
      m.data[t] = u.data[s];
      m.data[t + 1] = u.data[s + 1];
    }
  }
  return m;
}
