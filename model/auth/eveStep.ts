/**
 * The interpreter of Eve's steps: each {@link EveStep} compiles to a short list of round
 * instructions ({@link eveStepOps}); {@link applyEveStep} applies them to the arms of a round.
 * Measurements split arms and append the outcome to Eve's records.
 * @module
 */
import { controlled, CNOT, CZ, H, u3 } from "../kernel/index.js";
import type { Arm } from "./arm.js";
import { blochBasis, slotOf, SLOT } from "./internal/ops.js";
import { applyOps, type RoundOp } from "./internal/roundOp.js";
import type { EveStep } from "./strategy.js";

/**
 * The instructions of one of Eve's steps. `transit` is the slot of the particle on the wire
 * (SLOT.m at the transit to the member, SLOT.f at the transit to the KDC, null after the update).
 * Unitary steps: `rho -> U rho U^dagger` on the named particles; `measure`: Born rule,
 * `p_k = tr(P_k rho)`, `rho_k = P_k rho P_k / p_k` (Nielsen & Chuang §2.2.3).
 * @throws RangeError naming the step when it targets a missing particle or one particle twice.
 */
export function eveStepOps(step: EveStep, transit: number | null): RoundOp[] {
  const fn = `applyEveStep(${step.op})`;
  switch (step.op) {
    case "prepare":
      return [{ kind: "reset", slot: SLOT[step.reg], theta: step.theta, phi: step.phi }];
    case "swap": {
      if (transit === null) throw new RangeError(`${fn}: no particle is in transit to swap with ${step.reg}`);
      return [{ kind: "swap", slots: [transit, SLOT[step.reg]] }];
    }
    case "measure":
      return [{ kind: "measure", slot: slotOf(fn, step.target, transit), basis: blochBasis(step.theta, step.phi), label: (arm, k) => ({ records: arm.records + k }) }];
    case "h":
      return [{ kind: "unitary", gate: H, slots: [slotOf(fn, step.target, transit)] }];
    case "u3":
      return [{ kind: "unitary", gate: u3(step.theta, step.phi, step.lambda), slots: [slotOf(fn, step.target, transit)] }];
    case "cnot":
    case "cz":
    case "cu3": {
      const c = slotOf(fn, step.control, transit), t = slotOf(fn, step.target, transit);
      if (c === t) throw new RangeError(`${fn}: control and target are the same particle (${step.control})`);
      const gate = step.op === "cnot" ? CNOT : step.op === "cz" ? CZ : controlled(u3(step.theta, step.phi, step.lambda));
      return [{ kind: "unitary", gate, slots: [c, t] }];
    }
    default:
      throw new RangeError(`${fn}: unknown step op "${(step as { op: string }).op}"`);
  }
}

/** Apply one of Eve's steps to every arm (see {@link eveStepOps}). */
export function applyEveStep(arms: readonly Arm[], step: EveStep, transit: number | null): Arm[] {
  return applyOps(arms, eveStepOps(step, transit));
}
