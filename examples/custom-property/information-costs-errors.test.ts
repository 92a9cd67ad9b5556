// #region test
import { describe, expect, test } from "vitest";
import { IDEAL_LINK, pulseStatistics } from "qkd-harness/bb84";
import { binaryEntropy } from "qkd-harness/kernel";
import { expectProperty, paramsOf, propertyTest } from "qkd-harness/vitest";
import { informationCostsErrors } from "./information-costs-errors.js";

describe("custom property over the shipped BB84 model", () => {
  // the claim, over 200 generated single-photon attacks (intercept-resend, cloners, probes, mixtures)
  propertyTest(informationCostsErrors, paramsOf(informationCostsErrors, {}), { runs: 200 });

  // the negative control: bounding by the same basis's errors must fail
  propertyTest(informationCostsErrors, paramsOf(informationCostsErrors, { bound: "same-basis" }), { expect: "violated" });

  test("the counterexample of the naive bound is an attack that learns bits without errors in their basis", () => {
    const { counterexample } = expectProperty(informationCostsErrors, paramsOf(informationCostsErrors, { bound: "same-basis" })).toBeViolated();
    expect(Number(counterexample!.metrics.chi)).toBeGreaterThan(Number(counterexample!.metrics.bound));
    expect(counterexample!.trace[0].step).toBe("Eve");
  });

  test("the bound is tight for intercept-resend in Z: Eve learns f bits of Z, and X errs f/2", () => {
    for (const fraction of [0.2, 0.5, 1]) {
      const s = pulseStatistics(IDEAL_LINK, { kind: "intercept-resend", fraction, basis: "Z" });
      expect(s.holevoByBasis[0]).toBeCloseTo(fraction, 9);
      expect(s.qberByBasis[0]).toBeCloseTo(0, 12);
      expect(s.qberByBasis[1]).toBeCloseTo(fraction / 2, 12);
      expect(s.holevoByBasis[0]).toBeLessThanOrEqual(binaryEntropy(s.qberByBasis[1]) + 1e-12);
    }
  });
});
// #endregion test
