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
  it.each(["vacuum-weak", "lim-two-decoy", "lim-hoeffding", "lim-chernoff", "lim-kl"])("holds for the %s estimator", (variant) => {
    const r = runProperty(decoyAdversaryProperty, decoyAdversaryProperty.params.parse({ variant }), settings(variant, "holds", 300));
    expect(r.error).toBeUndefined();
    expect(r.verdict).toBe("holds");
  });
  it("the finite-statistics variants bound the count of a block of N pulses: below the no-fluctuation estimate, which is below Eve's truth", () => {
    const yields = Array.from({ length: 9 }, (_, n) => 1e-5 + 1 - 0.99 ** n);
    const x = {
      attack: { yields, errorYields: yields.map((y) => 0.03 * y), tailYield: yields[8], tailErrorYield: 0.03 * yields[8] },
      intensities: { mu: [0.5, 0.1, 2e-4] as const, p: [0.7, 0.2, 0.1] as const, qx: 0.5 },
      blockPulses: 1e9,
    };
    const y1 = (variant: string) => Number(decoyAdversaryProperty.check(decoyAdversaryProperty.params.parse({ variant }), x).metrics!.y1Lower);
    expect(y1("lim-chernoff")).toBeGreaterThan(0);
    expect(y1("lim-chernoff")).toBeLessThan(y1("lim-two-decoy"));
    expect(y1("lim-hoeffding")).toBeLessThan(y1("lim-chernoff"));
    // Hoeffding's relative-entropy bound lies inside both intervals: between Chernoff's and the exact estimate
    expect(y1("lim-kl")).toBeGreaterThanOrEqual(y1("lim-chernoff"));
    expect(y1("lim-kl")).toBeLessThan(y1("lim-two-decoy"));
    expect(y1("lim-two-decoy")).toBeLessThanOrEqual(Number(decoyAdversaryProperty.check(decoyAdversaryProperty.params.parse({ variant: "lim-chernoff" }), x).metrics!.y1True));
  });
  it("negative control: ignoring the vacuum decoy is violated", () => {
    const r = runProperty(decoyAdversaryProperty, decoyAdversaryProperty.params.parse({ variant: "ignores-vacuum" }), settings("ignores-vacuum", "violated", 100));
    expect(r.verdict).toBe("violated");
    expect(r.counterexample!.message).toMatch(/exceeds Eve's true value|below Eve's true errors/);
  });
});
