import { describe, expect, test } from "vitest";
import { expectProperty, paramsOf, propertyTest } from "qkd-harness/vitest";
import { informationBound, interceptResendQber, rateThreshold, sixStateRate, thresholdPositiveRate } from "./index.js";

// #region suite
describe("six-state properties hold", () => {
  propertyTest(interceptResendQber, paramsOf(interceptResendQber, {}), { runs: 200 });
  propertyTest(informationBound, paramsOf(informationBound, {}), { runs: 300 });
  propertyTest(thresholdPositiveRate, paramsOf(thresholdPositiveRate, { threshold: "0.12" }), { runs: 200 });
});

describe("negative controls: each property fails where it must", () => {
  propertyTest(interceptResendQber, paramsOf(interceptResendQber, { bases: ["X", "Z"] }), { expect: "violated" });
  propertyTest(informationBound, paramsOf(informationBound, { bases: ["Z"] }), { expect: "violated", runs: 300 });
  propertyTest(thresholdPositiveRate, paramsOf(thresholdPositiveRate, { threshold: 0.13 }), { expect: "violated" });
});
// #endregion suite

describe("negative controls: what their counterexamples show", () => {
  test("BB84's bases: the counterexample is Eve measuring in X or Z", () => {
    const { counterexample } = expectProperty(interceptResendQber, paramsOf(interceptResendQber, { bases: ["X", "Z"] })).toBeViolated();
    expect(counterexample?.input).toMatchObject({ kind: "intercept-resend" });
    expect(["X", "Z"]).toContain((counterexample?.input as { basis: string }).basis);
    expect(counterexample?.metrics.qber).toBeCloseTo(((counterexample?.input as { fraction: number }).fraction) / 4, 12);
  });

  test("one basis: Eve learns more than h(QBER), and the trace names the attack", () => {
    const { counterexample } = expectProperty(informationBound, paramsOf(informationBound, { bases: ["Z"] }), { runs: 300 }).toBeViolated();
    expect(Number(counterexample?.metrics.eveInformation)).toBeGreaterThan(Number(counterexample?.metrics.bound));
    expect(counterexample?.trace.map((s) => s.step)).toEqual(["Alice", "Eve", "Bob, basis Z", "Sifting"]);
  });

  test("threshold 13 %: the shrunk counterexample lies between e* and the threshold", () => {
    const { counterexample } = expectProperty(thresholdPositiveRate, paramsOf(thresholdPositiveRate, { threshold: 0.13 })).toBeViolated();
    const e = Number(counterexample?.metrics.qber);
    expect(e).toBeGreaterThanOrEqual(rateThreshold(sixStateRate) - 1e-9);
    expect(e).toBeLessThanOrEqual(0.13);
  });
});
