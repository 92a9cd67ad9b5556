/**
 * The density-matrix kernel: complex matrices, states, evolution, measurement, entropies.
 *
 * ## Subsystem (qubit) ordering — the one convention of the whole code base
 * A state's `dims` list its subsystems left to right. **Subsystem 0 is the leftmost Kronecker
 * factor and the most significant digit of a basis index** (big-endian, as in Nielsen & Chuang
 * and numpy's `reshape`; the opposite of Qiskit's little-endian bit order).
 *
 * Worked example, two qubits with dims `[2, 2]`: the basis index of `|q0 q1>` is `2*q0 + q1`,
 * so `bitsKet("01")` — qubit 0 in `|0>`, qubit 1 in `|1>` — has its amplitude at index 1, and
 * `evolve(rho, X, [0])` maps `|00>` (index 0) to `|10>` (index 2). `evolve(rho, CNOT, [0, 1])`
 * uses qubit 0 as control. `test/kernel/ordering.test.ts` guards this.
 *
 * Every function here is pure: values in, new values out; nothing is mutated.
 * @module
 */
export * from "./tolerances.js";
export * from "./matrix.js";
export * from "./eigen.js";
export * from "./state.js";
export * from "./states.js";
export * from "./gates.js";
export * from "./evolve.js";
export * from "./channels.js";
export * from "./measure.js";
export * from "./partialTrace.js";
export * from "./entropy.js";
export * from "./distance.js";
