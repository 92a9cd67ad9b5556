/**
 * Generated adversaries: fast-check arbitraries over Eve's strategies (data: serialisable,
 * printable, shrinkable). Angles mix the named bases (Z, X, Y, the Breidbart angle) with
 * arbitrary doubles; each round may use up to `maxSteps` steps per transit and at most two
 * measurements, so the exact computation stays small (each outcome is a branch).
 * @module
 */
import * as fc from "fast-check";
import type { EveStep, Mode, RoundStrategy, Strategy, Target } from "../../model/auth/index.js";
import { namedStrategies } from "./namedStrategies.js";
import type { AuthAdversary } from "./params.js";
import { MAX_MEASUREMENTS_PER_ROUND } from "../limits.js";
import { measurementCount } from "./strategySchema.js";

const angle = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(0, Math.PI / 2, Math.PI, Math.PI / 4, (3 * Math.PI) / 2) },
  { weight: 1, arbitrary: fc.double({ min: 0, max: 2 * Math.PI, noNaN: true, noDefaultInfinity: true }) },
);

/** One of Eve's steps; `transit` false for steps after the update (registers only). */
export function arbStep(transit: boolean): fc.Arbitrary<EveStep> {
  const targets: Target[] = transit ? ["transit", "e0", "e1"] : ["e0", "e1"];
  const target = fc.constantFrom(...targets);
  const pair = fc.constantFrom(...targets.flatMap((c) => targets.filter((t) => t !== c).map((t) => [c, t] as const)));
  const reg = fc.constantFrom("e0" as const, "e1" as const);
  const kinds: fc.Arbitrary<EveStep>[] = [
    pair.map(([control, t]): EveStep => ({ op: "cnot", control, target: t })),
    fc.record({ target, theta: angle, phi: angle }).map((r): EveStep => ({ op: "measure", ...r })),
    ...(transit ? [reg.map((r): EveStep => ({ op: "swap", reg: r }))] : []),
    fc.record({ reg, theta: angle, phi: angle }).map((r): EveStep => ({ op: "prepare", ...r })),
    target.map((t): EveStep => ({ op: "h", target: t })),
    pair.map(([control, t]): EveStep => ({ op: "cz", control, target: t })),
    fc.record({ target, theta: angle, phi: angle, lambda: angle }).map((r): EveStep => ({ op: "u3", ...r })),
    fc.record({ pair, theta: angle, phi: angle, lambda: angle }).map(({ pair: [control, t], ...a }): EveStep => ({ op: "cu3", control, target: t, ...a })),
  ];
  return fc.oneof(...kinds);
}

/** Eve's steps in one round. */
export function arbRoundStrategy(maxSteps: number): fc.Arbitrary<RoundStrategy> {
  return fc
    .record({
      toMember: fc.array(arbStep(true), { maxLength: maxSteps }),
      toKdc: fc.array(arbStep(true), { maxLength: maxSteps }),
      message: fc.constantFrom("pass" as const, "continue" as const, "abort" as const, "replay" as const),
      after: fc.array(arbStep(false), { maxLength: maxSteps }),
    })
    .filter((r) => measurementCount([...r.toMember, ...r.toKdc, ...r.after]) <= MAX_MEASUREMENTS_PER_ROUND);
}

/** A whole strategy in one of the given modes. */
export function arbStrategy(modes: readonly Mode[], maxRounds: number, maxSteps: number): fc.Arbitrary<Strategy> {
  return fc.record({
    mode: fc.constantFrom(...modes),
    rounds: fc.array(arbRoundStrategy(maxSteps), { minLength: 1, maxLength: maxRounds }),
  });
}

/**
 * The input space of a property: the generated strategies (in `defaultModes` unless the
 * adversary names its modes), or the one fixed strategy.
 */
export function adversaryArbitrary(adversary: AuthAdversary, defaultModes: readonly Mode[]): fc.Arbitrary<Strategy> {
  switch (adversary.kind) {
    case "generated": return arbStrategy(adversary.modes ?? defaultModes, adversary.maxRounds, adversary.maxSteps);
    case "named": return fc.constant(namedStrategies[adversary.name]);
    case "strategy": return fc.constant(adversary.strategy);
  }
}
