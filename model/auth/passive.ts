/**
 * What the particle f carries in transit (member -> KDC) about the key pair, for a passive
 * eavesdropper: the ensemble `{p(a,b), rho_f(a,b)}` of f's reduced state after eqs. 8-10 and its
 * Holevo quantity `chi = S(sum p rho_f) - sum p S(rho_f)`.
 * @module
 */
import { holevo, keepSubsystems, densityOf, bitsKet, type DensityMatrix } from "../kernel/index.js";
import { startArm } from "./arm.js";
import { SLOT } from "./internal/ops.js";
import { initialRoundState, roundPhases, type RoundContext } from "./round.js";
import { passRound } from "./strategy.js";
import { variantSpec, type AuthVariant } from "./variant.js";

/** The pairs (a, b) in the order of a prior vector: 00, 01, 10, 11 (a = K_{2i-1}, b = K_{2i}). */
const PAIRS = [
  { first: 0, second: 0 },
  { first: 0, second: 1 },
  { first: 1, second: 0 },
  { first: 1, second: 1 },
] as const;

/**
 * f's reduced state in transit for each pair value (honest run; optional depolarizing noise on m).
 * @example fInTransit("parity")[0] // I/2
 */
export function fInTransit(variant: AuthVariant, noise = 0): readonly DensityMatrix[] {
  const spec = variantSpec(variant);
  const eve = densityOf(bitsKet("00"));
  return PAIRS.map((pair) => {
    const ctx: RoundContext = { spec, mode: "mitm", kdcPair: pair, memberPair: pair, noise, strategy: passRound, firstRound: true };
    let arms = [startArm(initialRoundState(ctx, eve))];
    for (const phase of roundPhases(ctx)) {
      if (phase.name.startsWith("channel on f")) break;
      if (phase.name.startsWith("KDC")) break;
      arms = phase.apply(arms);
    }
    return keepSubsystems(arms[0].rho, [SLOT.f]);
  });
}

/**
 * Holevo quantity (bits) of f in transit about the pair, for a prior over the pair values
 * (00, 01, 10, 11; uniform by default). Per round; the n/2 rounds are independent, so over K_c
 * it adds up.
 * @throws RangeError when the prior is not 4 non-negative weights with a positive sum.
 */
export function passiveHolevo(variant: AuthVariant, prior: readonly number[] = [1, 1, 1, 1], noise = 0): number {
  if (prior.length !== 4 || prior.some((w) => !(w >= 0)) || !(prior.reduce((s, w) => s + w, 0) > 0)) {
    throw new RangeError(`passiveHolevo: prior must be 4 non-negative weights with a positive sum, got [${prior.join(", ")}]`);
  }
  const total = prior.reduce((s, w) => s + w, 0);
  const states = fInTransit(variant, noise);
  return holevo(states.map((rho, k) => [prior[k] / total, rho] as const));
}
