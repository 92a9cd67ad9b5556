/**
 * Small quantum operations shared by the round and the interpreter: slot indices, measurement
 * bases from Bloch angles, the reset channel, Bloch vectors.
 * @internal
 */
import {
  applyChannel,
  blochKet,
  channel,
  expectation,
  keepSubsystems,
  matrix,
  measureInBasis,
  X,
  Y,
  Z,
  type Channel,
  type CMatrix,
  type DensityMatrix,
} from "../../kernel/index.js";
import type { Target } from "../strategy.js";

/** Subsystem indices of a round's state `s (x) m (x) f (x) e0 (x) e1` (dims [2,2,2,2,2]). */
export const SLOT = { s: 0, m: 1, f: 2, e0: 3, e1: 4 } as const;

/** Names of the slots, by index. */
export const SLOT_NAMES = ["s", "m", "f", "e0", "e1"] as const;

/** The basis `{|n>, |-n>}` of Bloch angles (theta, phi), as matrix columns. */
export function blochBasis(theta: number, phi: number): CMatrix {
  const c = Math.cos(theta / 2), s = Math.sin(theta / 2);
  const er = Math.cos(phi), ei = Math.sin(phi);
  return matrix([
    [c, s],
    [[er * s, ei * s], [-er * c, -ei * c]],
  ]);
}

/** Reset a qubit to the Bloch state (theta, phi): Kraus `{|psi><0|, |psi><1|}`. */
export function resetChannel(theta: number, phi: number): Channel {
  const psi = blochKet(theta, phi).vector.data;
  const k0 = matrix([[[psi[0], psi[1]], 0], [[psi[2], psi[3]], 0]]);
  const k1 = matrix([[0, [psi[0], psi[1]]], [0, [psi[2], psi[3]]]]);
  return channel(`reset(${theta.toFixed(3)},${phi.toFixed(3)})`, [k0, k1]);
}

/** Reset one slot of a state to a Bloch state. */
export function resetSlot(rho: DensityMatrix, slot: number, theta: number, phi: number): DensityMatrix {
  return applyChannel(rho, resetChannel(theta, phi), [slot]);
}

/** Outcomes of a measurement of one slot in the basis (theta, phi): `[p, state][]`, outcome 0 first. */
export function measureSlot(rho: DensityMatrix, slot: number, theta: number, phi: number): readonly (readonly [number, DensityMatrix | null])[] {
  return measureInBasis(rho, blochBasis(theta, phi), [slot]).map((o) => [o.probability, o.state] as const);
}

/** The Bloch vector (x, y, z) of one slot's reduced state. */
export function blochVector(rho: DensityMatrix, slot: number): readonly [number, number, number] {
  const r = keepSubsystems(rho, [slot]);
  return [expectation(r, X, [0]), expectation(r, Y, [0]), expectation(r, Z, [0])];
}

/** The slot index of a step target, given the particle on the wire (null: none). */
export function slotOf(fn: string, target: Target, transit: number | null): number {
  if (target === "transit") {
    if (transit === null) throw new RangeError(`${fn}: step targets "transit", but no particle is in transit here (after-update steps act on e0/e1 only)`);
    return transit;
  }
  return SLOT[target];
}
