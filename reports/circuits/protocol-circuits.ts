/**
 * The static protocol circuits every report shows in its "Protocols" section.
 * @module
 */
import { authenticationRoundCircuit } from "./authentication-round.js";
import { bb84RoundCircuit } from "./bb84-round.js";
import type { CircuitSpec } from "./circuit-spec.js";

/** Every protocol circuit, in the order of the paper: BB84 (2.2), then authentication (2.6). */
export function protocolCircuitSpecs(): readonly CircuitSpec[] {
  return [bb84RoundCircuit(), authenticationRoundCircuit("parity"), authenticationRoundCircuit("basis-encoded")];
}
