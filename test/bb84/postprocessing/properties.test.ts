import { describe, expect, it } from "vitest";
import { runProperty } from "../../../properties/engine.js";
import { errorCorrectionProperties, errorCorrectionProperty, toeplitzUniversalProperty } from "../../../properties/bb84/errorCorrection.js";
import { runs } from "./runs.js";

const settings = (variant: string, expected: "holds" | "violated", n: number) => ({ runs: n, seed: 2024, scenario: "test", variant, expected });

describe("property bb84.error-correction", () => {
  it("holds for Cascade (4 passes) + 64-bit verification, reporting the efficiency", () => {
    const r = runProperty(errorCorrectionProperty, errorCorrectionProperty.params.parse({}), settings("cascade-verified", "holds", runs(25)));
    expect(r.error).toBeUndefined();
    expect(r.verdict).toBe("holds");
    expect(r.metrics.efficiency === null || Number(r.metrics.efficiency) >= 1 || Number.isNaN(Number(r.metrics.efficiency))).toBe(true);
  });
  it("is violated by one pass without verification (undetected errors)", () => {
    const r = runProperty(
      errorCorrectionProperty,
      errorCorrectionProperty.params.parse({ variant: "single-pass-unverified" }),
      settings("single-pass-unverified", "violated", runs(25)),
    );
    expect(r.verdict).toBe("violated");
    // the shrunk counterexample may be either failure: undetected errors, or (one error, one block)
    // fewer parities than n h(QBER); a typical input shows the undetected errors
    expect(r.counterexample!.message).toMatch(/errors remain|below the Shannon limit/);
    const params = errorCorrectionProperty.params.parse({ variant: "single-pass-unverified" });
    const typical = errorCorrectionProperty.check(params, { qber: 0.06, keyBits: 20_000, seed: 3 });
    expect(typical.ok).toBe(false);
    expect(typical.message).toMatch(/errors remain after reconciliation and the keys were accepted/);
    expect(errorCorrectionProperty.check(errorCorrectionProperty.params.parse({}), { qber: 0.06, keyBits: 20_000, seed: 3 }).ok).toBe(true);
  });
});

describe("property bb84.toeplitz-universal", () => {
  it("holds for Toeplitz hashing", () => {
    const r = runProperty(toeplitzUniversalProperty, toeplitzUniversalProperty.params.parse({}), settings("toeplitz", "holds", runs(20)));
    expect(r.error).toBeUndefined();
    expect(r.verdict).toBe("holds");
  });
  it("is violated by truncation (inputs differing only after the first l bits always collide)", () => {
    const r = runProperty(
      toeplitzUniversalProperty,
      toeplitzUniversalProperty.params.parse({ variant: "truncation" }),
      settings("truncation", "violated", runs(20)),
    );
    expect(r.verdict).toBe("violated");
    expect(Number(r.counterexample!.metrics.collisionRate)).toBe(1);
  });
  it("exports both properties", () => {
    expect(errorCorrectionProperties.map((p) => p.id)).toEqual(["bb84.error-correction", "bb84.toeplitz-universal"]);
  });
});
