/**
 * The instruction set of a round: every step of the protocol and of Eve is written once as a
 * short list of {@link RoundOp}s on the round's slots (s, m, f, e0, e1). Two interpreters read
 * the same lists: {@link applyOps} here, on the five-qubit state through the kernel (the
 * reference, used for traces), and the compiler of `krausRound.ts`, to Kraus operators on Eve's registers
 * (used for evaluation). Their agreement is tested to 1e-12.
 * @internal
 */
import { applyChannel, evolve, measureInBasis, SWAP, type Channel, type CMatrix } from "../../kernel/index.js";
import { mapArms, splitArms, type Arm } from "../arm.js";
import { resetChannel } from "./ops.js";

/** The classical facts of an arm (everything but its weight and state). */
export type ArmFacts = Omit<Arm, "rho" | "weight">;

/** One instruction of a round. */
export type RoundOp =
  /** `rho -> U rho U^dagger` with U on the slots (one or two; the first slot is U's leading factor). */
  | { readonly kind: "unitary"; readonly gate: CMatrix; readonly slots: readonly number[] }
  /** Exchange the contents of two slots (the SWAP gate). */
  | { readonly kind: "swap"; readonly slots: readonly [number, number] }
  /** Discard a slot's qubit and put a fresh one in the Bloch state (theta, phi) there. */
  | { readonly kind: "reset"; readonly slot: number; readonly theta: number; readonly phi: number }
  /** A one-qubit channel on a slot. */
  | { readonly kind: "channel"; readonly channel: Channel; readonly slot: number }
  /**
   * Projective measurement of a slot in the orthonormal basis given as matrix columns, on the
   * arms for which `when` holds (all when omitted); `label` sets the facts of outcome k's arm.
   */
  | {
      readonly kind: "measure";
      readonly slot: number;
      readonly basis: CMatrix;
      readonly when?: (arm: ArmFacts) => boolean;
      readonly label: (arm: ArmFacts, outcome: 0 | 1) => Partial<ArmFacts>;
    }
  /** A classical decision: new facts from the old ones, the state untouched. */
  | { readonly kind: "decide"; readonly decide: (arm: ArmFacts) => Partial<ArmFacts> };

/** The slots an instruction reads or writes. */
export function opSlots(op: RoundOp): readonly number[] {
  switch (op.kind) {
    case "unitary": case "swap": return op.slots;
    case "reset": case "channel": case "measure": return [op.slot];
    case "decide": return [];
  }
}

/** The reference interpreter: apply the instructions in order to every arm, through the kernel. */
export function applyOps(arms: readonly Arm[], ops: readonly RoundOp[]): Arm[] {
  let out = arms as Arm[];
  for (const op of ops) out = applyOp(out, op);
  return out;
}

function applyOp(arms: readonly Arm[], op: RoundOp): Arm[] {
  switch (op.kind) {
    case "unitary": return mapArms(arms, (rho) => evolve(rho, op.gate, op.slots));
    case "swap": return mapArms(arms, (rho) => evolve(rho, SWAP, op.slots));
    case "reset": return mapArms(arms, (rho) => applyChannel(rho, resetChannel(op.theta, op.phi), [op.slot]));
    case "channel": return mapArms(arms, (rho) => applyChannel(rho, op.channel, [op.slot]));
    case "decide": return arms.map((a) => ({ ...a, ...op.decide(a) }));
    case "measure": {
      const outcomes = (rho: Arm["rho"]) => measureInBasis(rho, op.basis, [op.slot]).map((o) => [o.probability, o.state] as const);
      if (op.when === undefined) return splitArms(arms, outcomes, op.label);
      const when = op.when;
      return arms.flatMap((a) => (when(a) ? splitArms([a], outcomes, op.label) : [a]));
    }
  }
}
