/**
 * BB84 encode and measure (docs/protocol/02-bb84-private-keys.md): one photon, prepared in Z or X, measured
 * in Z or X.
 * @module
 */
import type { CircuitSpec } from "./circuit-spec.js";

/**
 * The BB84 round for one bit: the KDC prepares `bit` in basis `basis` (0 = Z, rectilinear;
 * 1 = X, diagonal), the receiver measures in basis `rbasis` and reads `result`. When the bases
 * agree `result = bit` with probability 1; otherwise `result` is uniform and the position is
 * discarded in sifting.
 * @example bb84RoundCircuit().cregs // ["bit", "basis", "rbasis", "result"]
 */
export function bb84RoundCircuit(): CircuitSpec {
  return {
    id: "bb84.round",
    title: "BB84 encode and measure",
    caption:
      "docs/protocol/02-bb84-private-keys.md, eqs. 3-5: the KDC encodes bit S_i^b as X^bit then H^basis; the receiver applies H^rbasis and measures in Z. Equal bases give result = bit with probability 1, different bases give a fair coin, discarded in sifting.",
    wires: ["photon"],
    cregs: ["bit", "basis", "rbasis", "result"],
    steps: [
      { kind: "gate", gate: "x", wires: [0], when: { creg: "bit", value: 1 }, note: "KDC: X if the bit is 1" },
      { kind: "gate", gate: "h", wires: [0], when: { creg: "basis", value: 1 }, note: "KDC: H if the basis is diagonal (X)" },
      { kind: "gate", gate: "h", wires: [0], when: { creg: "rbasis", value: 1 }, note: "receiver: H if measuring in the diagonal basis" },
      { kind: "measure", wire: 0, creg: "result", note: "receiver: measure in Z" },
    ],
  };
}
