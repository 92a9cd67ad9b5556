/**
 * `qkd-harness/kernel`: the density-matrix kernel — complex matrices, validated states,
 * gates, local evolution, channels, exact measurement, partial trace, entropies, distances.
 *
 * ## Subsystem (qubit) ordering
 * Subsystem 0 is the leftmost Kronecker factor and the most significant digit of a basis
 * index (big-endian, as in Nielsen & Chuang): the index of `|q0 q1>` is `2*q0 + q1`.
 *
 * Every function is pure. States are branded: a {@link DensityMatrix} is made by
 * {@link densityMatrix} (which checks Hermitian, positive semidefinite, unit trace) or by a
 * kernel operation that preserves validity, never by casting a raw {@link CMatrix}.
 *
 * This barrel re-exports by name. The unchecked constructors the kernel uses internally
 * (`unsafeDensity`, `unsafeKet`) and everything under `model/kernel/internal/` stay private.
 *
 * @example
 * ```ts
 * import { densityOf, evolve, H, measureInBasis, qubitKet } from "qkd-harness/kernel";
 * const plus = evolve(densityOf(qubitKet("0")), H, [0]);      // |+><+|
 * measureInBasis(plus, H, [0])[0].probability;                 // 1: the X basis sees |+>
 * ```
 * @module qkd-harness/kernel
 */
export { ATOL, RTOL, PSD_ATOL, PROBABILITY_FLOOR, close, type Tolerance } from "../model/kernel/tolerances.js";
export {
  zeros,
  identity,
  matrix,
  get,
  column,
  matmul,
  adjoint,
  kron,
  combine,
  add,
  sub,
  scale,
  trace,
  maxAbsDiff,
  approxEqual,
  hermiticityError,
  unitarityError,
  isUnitary,
  hasNonFinite,
  type CMatrix,
  type Complex,
  type Entry,
} from "../model/kernel/matrix.js";
export { eigvalsh, eigh, matrixFunction, sqrtPsd, type EigenDecomposition } from "../model/kernel/eigen.js";
export {
  diagnose,
  densityMatrix,
  isValidDensity,
  ket,
  pure,
  dimension,
  type DensityMatrix,
  type Ket,
  type StateDiagnostics,
} from "../model/kernel/state.js";
export {
  basisKet,
  bitsKet,
  qubitKet,
  bellKet,
  blochKet,
  blochDensity,
  maximallyMixed,
  densityOf,
  tensor,
  tensorKets,
  mixture,
  type QubitStateName,
  type BellName,
} from "../model/kernel/states.js";
export { I2, X, Y, Z, H, S_GATE, T_GATE, CNOT, CZ, SWAP, rx, ry, rz, phase, u3, controlled } from "../model/kernel/gates.js";
export { evolve, evolveKet, channel, applyChannel, sandwich, type Channel } from "../model/kernel/evolve.js";
export { depolarizing, dephasing, bitFlip, amplitudeDamping, erasure, identityChannel } from "../model/kernel/channels.js";
export {
  measure,
  measureInBasis,
  measureComputational,
  projectorsOf,
  povm,
  probabilities,
  basisFromColumns,
  type Outcome,
} from "../model/kernel/measure.js";
export { traceOut, keepSubsystems, permute } from "../model/kernel/partialTrace.js";
export {
  binaryEntropy,
  shannonEntropy,
  vonNeumannEntropy,
  subsystemEntropy,
  conditionalEntropy,
  mutualInformation,
  holevo,
} from "../model/kernel/entropy.js";
export { traceDistance, traceNorm, fidelity, expectation, purity, helstromGuessing } from "../model/kernel/distance.js";
