import { describe, expect, test } from "vitest";
import { densityMatrixSteps } from "../../model/kdc/densityMatrixSteps.js";
import { seeded } from "../../model/random.js";
import { runProperty } from "../../properties/engine.js";
import { endToEndQuantum } from "../../properties/kdc/endToEndQuantum.js";

const settings = (expected: "holds" | "violated") => ({ runs: 8, seed: 77, scenario: "test", variant: "test", expected });

describe("KDC over the density-matrix BB84 and authentication models", () => {
  const steps = densityMatrixSteps();
  test("an untapped link yields a private key (>= 256 bits); a tapped one aborts at QBER about 1/4", () => {
    const ok = steps.establish({ eavesdropped: [] })("m0", seeded(1));
    expect(ok.ok).toBe(true);
    if (ok.ok) expect(ok.key.length).toBeGreaterThanOrEqual(32);
    const tapped = steps.establish({ eavesdropped: ["m0"] })("m0", seeded(1));
    expect(tapped.ok).toBe(false);
    expect(tapped.qber).toBeGreaterThan(0.2);
    expect(tapped.qber).toBeLessThan(0.3);
  });
  test("the honest member is authenticated (exact acceptance 1)", () => {
    expect(steps.authenticate("m0", seeded(2)).accepted).toBe(true);
  });
  test("end to end: holds with real aborts observed; violated on Z-only BB84 (negative control)", () => {
    const holds = runProperty(endToEndQuantum, endToEndQuantum.params.parse({}), settings("holds"));
    expect(holds.verdict).toBe("holds");
    const control = runProperty(endToEndQuantum, endToEndQuantum.params.parse({ variant: "z-only-bb84" }), settings("violated"));
    expect(control.verdict).toBe("violated");
    expect(control.counterexample?.message).toMatch(/eve holds/);
  });
});
