/**
 * The six states of the six-state protocol (Bruß 1998; Bechmann-Pasquinucci & Gisin 1999):
 * the eigenstates of the three Pauli operators, i.e. the three mutually unbiased qubit bases
 * X, Y and Z, with bit 0 the +1 eigenstate. Any two of them have `|<u|v>|^2 = 1/2`.
 * @module
 */
import { basisFromColumns, densityOf, qubitKet, type CMatrix, type DensityMatrix, type QubitStateName } from "qkd-harness/kernel";

/** A six-state basis: the eigenbasis of Pauli X, Y or Z. */
export type Basis = "X" | "Y" | "Z";

/** All three bases, in the order used for per-basis results. */
export const SIX_STATE_BASES: readonly Basis[] = ["X", "Y", "Z"];

const stateNames: Readonly<Record<Basis, readonly [QubitStateName, QubitStateName]>> = {
  X: ["+", "-"],
  Y: ["+i", "-i"],
  Z: ["0", "1"],
};

/**
 * The signal `|psi_{b,a}><psi_{b,a}|` Alice sends for bit `a` in basis `b`
 * (`X: |+>,|->`; `Y: |+i>,|-i>`; `Z: |0>,|1>`).
 * @example signalState("Y", 0) // |+i><+i|
 */
export function signalState(basis: Basis, bit: 0 | 1): DensityMatrix {
  return densityOf(qubitKet(stateNames[basis][bit]));
}

/**
 * The measurement basis of `b` as matrix columns (column k is the state of bit k), for the
 * kernel's `measureInBasis`.
 * @example measureInBasis(signalState("X", 1), basisMatrix("X"), [0])[1].probability // 1
 */
export function basisMatrix(basis: Basis): CMatrix {
  const [zero, one] = stateNames[basis];
  return basisFromColumns([qubitKet(zero).vector, qubitKet(one).vector]);
}
