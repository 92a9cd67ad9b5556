/**
 * Protocol circuits: BB84 encode/measure and the EPR/CNOT authentication round, as data,
 * drawn and exported with `quantum-circuit`.
 * @module
 */
export type { CircuitSpec, CircuitStep, ClassicalCondition, CregAssignment } from "./circuit-spec.js";
export { authenticationRoundCircuit, type AuthenticationVariant } from "./authentication-round.js";
export { bb84RoundCircuit } from "./bb84-round.js";
export { protocolCircuitSpecs } from "./protocol-circuits.js";
export { circuitSvg, circuitQasm, renderCircuit, type RenderedCircuit } from "./export.js";
export { finalStateProbabilities, probabilityOfOne } from "./simulate.js";
