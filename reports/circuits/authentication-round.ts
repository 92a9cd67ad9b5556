/**
 * The EPR/CNOT authentication round of docs/protocol/05-authentication.md (eqs. 8-11), with the key
 * update measurement of section 3.1 (eq. 12), in both readings of Ambiguity B.
 * @module
 */
import type { CircuitSpec, CircuitStep } from "./circuit-spec.js";

/** The two readings of what the information particle f encodes (docs/protocol/05-authentication.md#ambiguities, Ambiguity B). */
export type AuthenticationVariant = "parity" | "basis-encoded";

const registers =
  " Registers: k1 = K_{2i-1}, k2 = K_{2i}; r is the KDC's reading of f; ks and km are the key-update outcomes K'_{2i-1} of the KDC and the member.";

const S = 0;
const M = 1;
const F = 2;

const eprSteps: readonly CircuitStep[] = [
  { kind: "gate", gate: "h", wires: [S], note: "KDC: H on s (eq. 8)" },
  { kind: "gate", gate: "cx", wires: [S, M], note: "KDC: CNOT s -> m makes (|00> + |11>)/sqrt 2; m is sent to the member (eq. 8)" },
];

const parityPreparation: readonly CircuitStep[] = [
  { kind: "gate", gate: "x", wires: [F], when: { creg: "k1", value: 1 }, note: "member: X on f if K_{2i-1} = 1" },
  { kind: "gate", gate: "x", wires: [F], when: { creg: "k2", value: 1 }, note: "member: X on f if K_{2i} = 1, so f = |K_{2i-1} XOR K_{2i}> (eq. 9)" },
];

const basisPreparation: readonly CircuitStep[] = [
  { kind: "gate", gate: "x", wires: [F], when: { creg: "k2", value: 1 }, note: "member: X on f if K_{2i} = 1 (the value)" },
  { kind: "gate", gate: "h", wires: [F], when: { creg: "k1", value: 1 }, note: "member: H on f if K_{2i-1} = 1 (the basis: Z for 0, X for 1)" },
];

const cnotSteps: readonly CircuitStep[] = [
  { kind: "gate", gate: "cx", wires: [M, F], note: "member: CNOT m -> f, then f is sent to the KDC (eq. 10)" },
  { kind: "gate", gate: "cx", wires: [S, F], note: "KDC: CNOT s -> f (eq. 11)" },
];

const parityReadout: readonly CircuitStep[] = [
  { kind: "measure", wire: F, creg: "r", note: "KDC: measure f in Z; accept iff r = K_{2i-1} XOR K_{2i}" },
];

const basisReadout: readonly CircuitStep[] = [
  { kind: "gate", gate: "h", wires: [F], when: { creg: "k1", value: 1 }, note: "KDC: H on f if K_{2i-1} = 1 (measure in the basis K_{2i-1} selects)" },
  { kind: "measure", wire: F, creg: "r", note: "KDC: measure f; accept iff r = K_{2i}" },
];

const keyUpdate: readonly CircuitStep[] = [
  { kind: "measure", wire: S, creg: "ks", note: "KDC: measure s in Z; ks = K'_{2i-1} (eq. 12)" },
  { kind: "measure", wire: M, creg: "km", note: "member: measure m in Z; km = K'_{2i-1} (eq. 12)" },
];

/**
 * One authentication round between the KDC and a member, for key pair (K_{2i-1}, K_{2i}) held
 * in the classical registers `k1`, `k2`. The honest round leaves f in the state the KDC expects
 * (the CNOTs from s and m cancel because s and m are perfectly correlated), so `r` equals the
 * parity (variant `parity`) or `K_{2i}` (variant `basis-encoded`) with probability 1.
 * @example authenticationRoundCircuit("parity").wires // ["s (KDC)", "m (member)", "f (information)"]
 */
export function authenticationRoundCircuit(variant: AuthenticationVariant): CircuitSpec {
  const parity = variant === "parity";
  return {
    id: `auth.round.${variant}`,
    title: `EPR/CNOT authentication round, ${variant} variant`,
    caption: (parity
      ? "docs/protocol/05-authentication.md#eq-9, literal eq. 9: f is prepared as |K_{2i-1} XOR K_{2i}> in Z. Honest round: the two CNOTs cancel (s and m agree), so the KDC measures f = K_{2i-1} XOR K_{2i} with probability 1. s and m stay entangled and are measured for the key update (eq. 12)."
      : "docs/protocol/05-authentication.md#ambiguities, step 3's reading: K_{2i-1} selects the basis of f (Z or X), K_{2i} its value; the KDC measures f in the basis K_{2i-1} selects. In X the CNOTs kick back the phase (-1)^(s XOR m) = 1, so the honest round returns K_{2i} with probability 1.") + registers,
    wires: ["s (KDC)", "m (member)", "f (information)"],
    cregs: ["k1", "k2", "r", "ks", "km"],
    steps: [
      ...eprSteps,
      ...(parity ? parityPreparation : basisPreparation),
      ...cnotSteps,
      ...(parity ? parityReadout : basisReadout),
      ...keyUpdate,
    ],
  };
}
