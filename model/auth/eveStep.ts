/**
 * The interpreter of Eve's steps: a pure function from the arms of a round and one
 * {@link EveStep} to the new arms. Measurements split arms and append the outcome to Eve's
 * records.
 * @module
 */
import { applyChannel, controlled, CNOT, CZ, H, SWAP, evolve, u3 } from "../kernel/index.js";
import { mapArms, splitArms, type Arm } from "./arm.js";
import { measureSlot, resetChannel, slotOf, SLOT } from "./internal/ops.js";
import type { EveStep } from "./strategy.js";

/**
 * Apply one of Eve's steps to every arm. `transit` is the slot of the particle on the wire
 * (SLOT.m at the transit to the member, SLOT.f at the transit to the KDC, null after the update).
 * Unitary steps: `rho -> U rho U^dagger` on the named particles; `measure`: Born rule,
 * `p_k = tr(P_k rho)`, `rho_k = P_k rho P_k / p_k` (Nielsen & Chuang §2.2.3).
 * @throws RangeError naming the step when it targets a missing particle or one particle twice.
 */
export function applyEveStep(arms: readonly Arm[], step: EveStep, transit: number | null): Arm[] {
  const fn = `applyEveStep(${step.op})`;
  switch (step.op) {
    case "prepare":
      return mapArms(arms, (rho) => applyChannel(rho, resetChannel(step.theta, step.phi), [SLOT[step.reg]]));
    case "swap": {
      if (transit === null) throw new RangeError(`${fn}: no particle is in transit to swap with ${step.reg}`);
      return mapArms(arms, (rho) => evolve(rho, SWAP, [transit, SLOT[step.reg]]));
    }
    case "measure": {
      const slot = slotOf(fn, step.target, transit);
      return splitArms(arms, (rho) => measureSlot(rho, slot, step.theta, step.phi), (arm, k) => ({ records: arm.records + k }));
    }
    case "h":
      return mapArms(arms, (rho) => evolve(rho, H, [slotOf(fn, step.target, transit)]));
    case "u3":
      return mapArms(arms, (rho) => evolve(rho, u3(step.theta, step.phi, step.lambda), [slotOf(fn, step.target, transit)]));
    case "cnot":
    case "cz":
    case "cu3": {
      const c = slotOf(fn, step.control, transit), t = slotOf(fn, step.target, transit);
      if (c === t) throw new RangeError(`${fn}: control and target are the same particle (${step.control})`);
      const gate = step.op === "cnot" ? CNOT : step.op === "cz" ? CZ : controlled(u3(step.theta, step.phi, step.lambda));
      return mapArms(arms, (rho) => evolve(rho, gate, [c, t]));
    }
    default:
      throw new RangeError(`${fn}: unknown step op "${(step as { op: string }).op}"`);
  }
}
