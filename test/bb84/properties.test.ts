import { describe, expect, test } from "vitest";
import * as fc from "fast-check";
import { runProperty, type RunSettings } from "../../properties/engine.js";
import type { PropertyDefinition, PropertyResult } from "../../properties/types.js";
import {
  completeness, interceptResendDetected, interceptResendQber, secrecy, thresholdAbort, bb84Properties, privateKeyProperties,
} from "../../properties/bb84/index.js";

const runs = Number(process.env.QKD_RUNS ?? 40);

function run(def: PropertyDefinition, raw: Record<string, unknown>, expected: "holds" | "violated", seed = 1): PropertyResult {
  const params = def.params.parse(raw);
  const settings: RunSettings = { runs, seed, scenario: "test", variant: String(raw.variant ?? "paper"), expected };
  return runProperty(def, params, settings);
}

function expectVerdict(r: PropertyResult, verdict: "holds" | "violated"): void {
  expect(r.error, r.error).toBeUndefined();
  expect(r.verdict, JSON.stringify(r.counterexample?.metrics ?? r.metrics)).toBe(verdict);
}

const wcpLink = {
  source: "weak-coherent", meanPhotonNumber: 0.5, fibreLossDbPerKm: 0.2, distanceKm: 50,
  detectorEfficiency: 0.5, darkCountProbability: 1e-6, misalignment: 0.01,
};

describe("bb84 private-key properties", () => {
  test("every property states its trust and has a bb84 id", () => {
    for (const p of privateKeyProperties) {
      expect(p.id.startsWith("bb84.")).toBe(true);
      expect(p.trust.trusted.length).toBeGreaterThan(0);
      expect(p.trust.adversary.length).toBeGreaterThan(0);
    }
    expect(bb84Properties.length).toBeGreaterThanOrEqual(privateKeyProperties.length);
  });

  describe("bb84.intercept-resend-qber", () => {
    test("holds on BB84 for every fraction and basis", () => expectVerdict(run(interceptResendQber, {}, "holds"), "holds"));
    test("negative control: without basis switching (z-only) Z-basis intercept-resend shows QBER 0", () => {
      const r = run(interceptResendQber, { variant: "z-only", adversary: { kind: "named", name: "intercept-resend", fraction: 1, basis: "Z" } }, "violated");
      expectVerdict(r, "violated");
      expect(r.metrics.qber).toBe(0);
    });
    test("negative control found by generation on z-only", () => expectVerdict(run(interceptResendQber, { variant: "z-only" }, "violated"), "violated"));
  });

  describe("bb84.secrecy", () => {
    test("holds with privacy amplification sized from e_X, over generated single-photon attacks", () =>
      expectVerdict(run(secrecy, { variant: "with-pa" }, "holds"), "holds"));
    test("holds with privacy amplification on a noisy lossy link with dark counts", () =>
      expectVerdict(run(secrecy, { variant: "with-pa", depolarizing: 0.02, detectorEfficiency: 0.1, darkCountProbability: 1e-4, misalignment: 0.01 }, "holds"), "holds"));
    test("the uncertainty bound chi(Z:E) <= h(e_X) holds for every generated attack even on the paper's variant", () => {
      const params = secrecy.params.parse({ variant: "paper", adversary: { kind: "generated", space: "any" } });
      fc.assert(fc.property(secrecy.arbitrary(params), (a) => {
        if ((a as { kind: string }).kind === "pns") return true; // PNS breaks it by design: tested below
        return (secrecy.check(params, a).metrics!.uncertaintyMargin as number) >= 0;
      }), { numRuns: runs, seed: 3 });
    });
    test("FINDING: the paper's protocol (no privacy amplification) is violated: an accepted key keeps Eve's information", () => {
      const r = run(secrecy, { variant: "paper" }, "violated");
      expectVerdict(r, "violated");
      expect(r.counterexample!.metrics.acceptance as number).toBeGreaterThan(1e-6);
      expect(r.counterexample!.metrics.leakPerBit as number).toBeGreaterThan(1e-6);
    });
    test("negative control: z-only (bound from e_Z) broken by Z-basis intercept-resend", () => {
      const r = run(secrecy, { variant: "z-only", adversary: { kind: "named", name: "intercept-resend", fraction: 1, basis: "Z" } }, "violated");
      expectVerdict(r, "violated");
      expect(r.metrics.holevoZ).toBeCloseTo(1, 12);
      expect(r.metrics.qber).toBe(0);
    });
    test("negative control: PNS on weak coherent pulses without decoy estimation", () => {
      const r = run(secrecy, { ...wcpLink, variant: "with-pa", adversary: { kind: "named", name: "pns" } }, "violated");
      expectVerdict(r, "violated");
      expect(r.metrics.uncertaintyMargin as number).toBeLessThan(0);
    });
    test("negative control: generated PNS attacks on weak coherent pulses", () =>
      expectVerdict(run(secrecy, { ...wcpLink, variant: "with-pa", adversary: { kind: "generated", space: "pns" } }, "violated"), "violated"));
  });

  describe("bb84.threshold-abort", () => {
    test("holds for every generated attack above p_o + delta (paper variant)", () => expectVerdict(run(thresholdAbort, {}, "holds"), "holds"));
    test("holds with a small test sample too (n = 50)", () => expectVerdict(run(thresholdAbort, { testSize: 50, delta: 0.05 }, "holds"), "holds"));
    test("negative control: test sample silently truncated to n/8 bits", () =>
      expectVerdict(run(thresholdAbort, { variant: "truncated-test" }, "violated"), "violated"));
    test("negative control: estimation on positions Eve knew and left alone", () =>
      expectVerdict(run(thresholdAbort, { variant: "predictable-test", depolarizing: 0.04 }, "violated"), "violated"));
    test("a fixed attack below p_o + delta is an error, not a pass", () => {
      const r = run(thresholdAbort, { adversary: { kind: "named", name: "intercept-resend", fraction: 0.2 } }, "holds");
      expect(r.verdict).toBe("error");
      expect(r.error).toMatch(/below p_o \+ delta/);
    });
  });

  describe("bb84.completeness", () => {
    test("holds for honest noise within the default budget", () => expectVerdict(run(completeness, {}, "holds"), "holds"));
    test("negative control: a threshold tighter than the noise", () => {
      const r = run(completeness, { threshold: 0.02 }, "violated");
      expectVerdict(r, "violated");
      expect(r.counterexample!.metrics.completion as number).toBeLessThan(1 - 1e-6);
    });
  });

  describe("bb84.intercept-resend-detected (paper §3.2)", () => {
    test("the claim holds exactly for full random-basis interception: QBER 25 %, acceptance < 1e-20", () => {
      const r = run(interceptResendDetected, { adversary: { kind: "named", name: "intercept-resend", fraction: 1, basis: "random" } }, "holds");
      expectVerdict(r, "holds");
      expect(r.metrics.qber).toBeCloseTo(0.25, 12);
      expect(r.metrics.acceptance as number).toBeLessThan(1e-20);
    });
    test("FINDING: partial interception (f < 4 p_o) passes the threshold with high probability while Eve holds information", () => {
      const r = run(interceptResendDetected, {}, "violated");
      expectVerdict(r, "violated");
      const m = r.counterexample!.metrics;
      expect(m.qber as number).toBeLessThan(0.11);
      expect(m.acceptance as number).toBeGreaterThan(1e-6);
      expect(m.holevo as number).toBeGreaterThan(1e-6);
    });
    test("f = 0.4: QBER 0.10 < 0.11 accepted with probability ~0.86 while Eve holds 0.2 bits per key bit", () => {
      const r = run(interceptResendDetected, { adversary: { kind: "named", name: "intercept-resend", fraction: 0.4, basis: "random" } }, "violated");
      expectVerdict(r, "violated");
      expect(r.metrics.qber).toBeCloseTo(0.1, 12);
      expect(r.metrics.holevo).toBeCloseTo(0.2, 12);
      expect(r.metrics.acceptance as number).toBeGreaterThan(0.8);
    });
  });
});
