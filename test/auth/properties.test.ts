import { describe, expect, it } from "vitest";
import { runProperty } from "../../properties/engine.js";
import type { PropertyDefinition, PropertyResult } from "../../properties/types.js";
import {
  accumulation,
  authProperties,
  completeness,
  impersonation,
  passiveSecrecy,
  updateAgreement,
  updateSecrecy,
} from "../../properties/auth/index.js";

const RUNS = Math.max(1, Math.round(10 * Number(process.env.QKD_RUNS ?? 1)));

function run(def: PropertyDefinition, overrides: Record<string, unknown>, runs = RUNS): PropertyResult {
  const variant = String(overrides.variant ?? "parity");
  return runProperty(def, def.params.parse(overrides), { runs, seed: 20240601, scenario: "test", variant, expected: "holds" });
}

const honest = { kind: "named", name: "honest" };

describe("auth properties: contract", () => {
  it("every property has an id, a trust statement and an equation", () => {
    expect(authProperties.map((p) => p.id)).toEqual([
      "auth.completeness",
      "auth.impersonation",
      "auth.passive-secrecy",
      "auth.update-secrecy",
      "auth.update-agreement",
      "auth.accumulation",
    ]);
    for (const p of authProperties) {
      expect(p.protocol).toBe("auth");
      expect(p.trust.trusted.length).toBeGreaterThan(0);
      expect(p.equation).toBeTruthy();
    }
  });
});

describe("auth.completeness", () => {
  it("holds on both readings, noiseless and at p = 0.1 (analytic value)", () => {
    for (const variant of ["parity", "basis-encoded"]) {
      expect(run(completeness, { variant }).verdict).toBe("holds");
      const noisy = run(completeness, { variant, noise: 0.1 });
      expect(noisy.verdict).toBe("holds");
      expect(Number(noisy.metrics.acceptance)).toBeLessThan(1);
    }
  });
  it("negative control kdc-no-cnot (eq. 11 dropped) FAILS: honest acceptance 2^-(n/2)", () => {
    const r = run(completeness, { variant: "kdc-no-cnot" });
    expect(r.verdict).toBe("violated");
    expect(Number(r.metrics.acceptance)).toBeCloseTo(0.25, 10);
  });
});

describe("auth.impersonation", () => {
  it("parity: holds and is tight (acceptance 2^-(n/2) = lambda_max bound)", () => {
    const r = run(impersonation, { variant: "parity" });
    expect(r.verdict).toBe("holds");
    expect(Number(r.metrics.acceptance)).toBeCloseTo(Number(r.metrics.lambdaMaxBound), 10);
  });
  it("basis-encoded: violated — the check uses n key bits but any strategy passes with 2^-(n/2) (finding)", () => {
    const r = run(impersonation, { variant: "basis-encoded" });
    expect(r.verdict).toBe("violated");
    expect(Number(r.metrics.acceptance)).toBeCloseTo(0.25, 10);
    expect(Number(r.metrics.claimedBound)).toBeCloseTo(0.0625, 12);
    expect(r.counterexample?.trace.length).toBeGreaterThan(5);
  });
  it("negative control no-check FAILS with acceptance 1", () => {
    const r = run(impersonation, { variant: "no-check" });
    expect(r.verdict).toBe("violated");
    expect(Number(r.metrics.acceptance)).toBeCloseTo(1, 10);
  });
});

describe("auth.passive-secrecy", () => {
  it("parity holds; basis-encoded is violated with 1/2 bit per pair (finding)", () => {
    expect(run(passiveSecrecy, { variant: "parity" }).verdict).toBe("holds");
    const b = run(passiveSecrecy, { variant: "basis-encoded" });
    expect(b.verdict).toBe("violated");
    expect(Number(b.metrics.holevoUniformPerRound)).toBeCloseTo(0.5, 10);
  });
  it("negative control plain-f (f sent unentangled) FAILS with 1 bit per pair", () => {
    const r = run(passiveSecrecy, { variant: "plain-f" });
    expect(r.verdict).toBe("violated");
    expect(Number(r.metrics.holevoUniformPerRound)).toBeCloseTo(1, 10);
  });
});

describe("auth.update-secrecy (the paper's 'unconditionally' protected update)", () => {
  it("is violated by generated men in the middle on both readings, with a replayable trace", () => {
    for (const variant of ["parity", "basis-encoded"]) {
      const r = run(updateSecrecy, { variant });
      expect(r.verdict).toBe("violated");
      expect(r.counterexample?.replay).toContain("--seed");
      const values = r.counterexample?.trace.find((s) => s.step.includes("round 1: start"))?.values ?? {};
      expect(Object.keys(values)).toEqual(expect.arrayContaining(["s.z", "m.z", "f.z", "e0.z", "e1.z", "probability"]));
      expect(r.counterexample?.trace.some((s) => s.values?.holevo !== undefined)).toBe(true);
    }
  });
  it("the hand-written GHZ tap: acceptance 1 and the whole updated key (parity)", () => {
    const r = run(updateSecrecy, { variant: "parity", adversary: { kind: "named", name: "ghz-tap-parity-read" } }, 1);
    expect(r.verdict).toBe("violated");
    expect(Number(r.metrics.acceptance)).toBeCloseTo(1, 10);
    expect(Number(r.metrics.holevo)).toBeCloseTo(4, 8);
  });
  it("the honest run is distinguishable: it holds", () => {
    for (const variant of ["parity", "basis-encoded"]) expect(run(updateSecrecy, { variant, adversary: honest }, 1).verdict).toBe("holds");
  });
  it("negative control announced-update FAILS on the honest run", () => {
    expect(run(updateSecrecy, { variant: "announced-update", adversary: honest }, 1).verdict).toBe("violated");
  });
});

describe("auth.update-agreement", () => {
  it("is violated by generated men in the middle on both readings; the honest run holds", () => {
    for (const variant of ["parity", "basis-encoded"]) {
      expect(run(updateAgreement, { variant }).verdict).toBe("violated");
      expect(run(updateAgreement, { variant, adversary: honest }, 1).verdict).toBe("holds");
    }
  });
  it("negative control member-x-update FAILS on the honest run", () => {
    const r = run(updateAgreement, { variant: "member-x-update", adversary: honest }, 1);
    expect(r.verdict).toBe("violated");
  });
});

describe("auth.accumulation", () => {
  it("is violated on both readings; the honest run holds with chi_r = 0 for every r", () => {
    for (const variant of ["parity", "basis-encoded"]) {
      expect(run(accumulation, { variant }).verdict).toBe("violated");
      const h = run(accumulation, { variant, adversary: honest, sessions: 3 }, 1);
      expect(h.verdict).toBe("holds");
      expect(Number(h.metrics.holevo_r3)).toBeLessThan(1e-9);
    }
  });
  it("negative control announced-update FAILS on the honest run", () => {
    const r = run(accumulation, { variant: "announced-update", adversary: honest }, 1);
    expect(r.verdict).toBe("violated");
    expect(Number(r.metrics.holevo_r1)).toBeCloseTo(2, 8);
  });
});
