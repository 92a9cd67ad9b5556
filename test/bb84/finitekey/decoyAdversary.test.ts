import { describe, expect, it } from "vitest";
import { runProperty } from "../../../properties/engine.js";
import { decoyAdversaryProperty } from "../../../properties/bb84/decoyAdversary.js";
import { observedGains, validateAttack, gain, gys, vacuumWeakDecoyBounds, vacuumWeakDecoyInputs } from "../../../model/bb84/keyrate/index.js";

const settings = (variant: string, expected: "holds" | "violated", n: number) => ({ runs: n, seed: 1315, scenario: "test", variant, expected });

describe("decoy bounds against a photon-number adversary", () => {
  it("honest Poisson yields reproduce the channel model's gain", () => {
    const eta = 0.045 * 10 ** (-0.21 * 40 / 10);
    const yields = Array.from({ length: 9 }, (_, n) => gys.darkCountYield + 1 - (1 - eta) ** n);
    const attack = { yields, errorYields: yields.map(() => 0), tailYield: yields[8], tailErrorYield: 0 };
    expect(observedGains(attack, 0.5).Q).toBeCloseTo(gain(gys, 40, 0.5), 7);
    expect(() => validateAttack({ ...attack, errorYields: yields.map((y) => 2 * y + 0.1) })).toThrow(/error yield must be in \[0, yield/);
  });
  it("the refactored vacuum + weak estimate equals the observation-based bounds", () => {
    const i = vacuumWeakDecoyInputs(gys, 50, 0.5, 0.1);
    expect(vacuumWeakDecoyBounds({ mu: 0.5, nu: 0.1, Qmu: gain(gys, 50, 0.5), Qnu: gain(gys, 50, 0.1), EQnu: 0, Y0: gys.darkCountYield, E0Y0: 0 }).Y1Lower).toBeCloseTo(i.Y1, 15);
  });
  it("PNS (Y_1 = 0, Y_n>=2 = 1): the lower bound is <= 0", () => {
    const yields = [0, 0, 1, 1, 1, 1, 1, 1, 1];
    const o = decoyAdversaryProperty.check(decoyAdversaryProperty.params.parse({}), {
      attack: { yields, errorYields: yields.map(() => 0), tailYield: 1, tailErrorYield: 0 },
      intensities: { mu: [0.5, 0.1, 0], p: [0.8, 0.1, 0.1], qx: 0.5 },
    });
    expect(o.ok).toBe(true);
    expect(Number(o.metrics!.y1Lower)).toBeLessThanOrEqual(0);
  });
  it.each(["vacuum-weak", "lim-two-decoy"])("holds for the %s estimator", (variant) => {
    const r = runProperty(decoyAdversaryProperty, decoyAdversaryProperty.params.parse({ variant }), settings(variant, "holds", 300));
    expect(r.error).toBeUndefined();
    expect(r.verdict).toBe("holds");
  });
  it("negative control: ignoring the vacuum decoy is violated", () => {
    const r = runProperty(decoyAdversaryProperty, decoyAdversaryProperty.params.parse({ variant: "ignores-vacuum" }), settings("ignores-vacuum", "violated", 100));
    expect(r.verdict).toBe("violated");
    expect(r.counterexample!.message).toMatch(/exceeds Eve's true value|below Eve's true errors/);
  });
});
