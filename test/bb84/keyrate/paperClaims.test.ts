import { describe, expect, it } from "vitest";
import { runProperty } from "../../../properties/engine.js";
import { paperClaimsProperty } from "../../../properties/bb84/paperClaims.js";
import { decoyBoundProperty, keyRateFigure, keyRateProperties } from "../../../properties/bb84/keyrate.js";
import { auditClaims, inconsistencySummary, paperClaimsAudit, paperClaimSet, secureFractionCeiling, syntheticClaimSet, tamperedClaimSet } from "../../../model/bb84/keyrate/paperClaims.js";
import { interceptResendQber } from "../../../model/bb84/keyrate/interceptResend.js";
import { binaryEntropy } from "../../../model/bb84/keyrate/entropy.js";
import { runs } from "./runs.js";

const settings = (variant: string, expected: "holds" | "violated", n = 1) => ({ runs: n, seed: 42, scenario: "test", variant, expected });

describe("intercept-resend QBER (section 3.2)", () => {
  it("is f/4 for any basis bias when Eve resends what she measured", () => {
    expect(interceptResendQber()).toBeCloseTo(0.25, 15);
    expect(interceptResendQber(0.4)).toBeCloseTo(0.1, 15);
    expect(interceptResendQber(1, 1)).toBeCloseTo(0.25, 15);
    expect(() => interceptResendQber(1.5)).toThrow(/interceptFraction must be in \[0, 1\]/);
  });
});

describe("paper-claims audit", () => {
  const audit = paperClaimsAudit();
  const byId = (id: string) => audit.find((v) => v.id === id)!;

  it("prints every verdict", () => {
    for (const v of audit) console.log(`${v.verdict.padEnd(12)} ${v.id}: ${v.reason}`);
    expect(audit.length).toBeGreaterThanOrEqual(10);
  });

  it("Fig. 12: errors / QBER equals the secure rate, so secure/sifted exceeds 1 - 2h(E) (and even 1 - h(E))", () => {
    for (const c of paperClaimSet.qberVsRate) {
      const fraction = c.secureKbps / (c.errorsKbps / c.qber);
      expect(fraction).toBeGreaterThan(1 - binaryEntropy(c.qber));
      expect(byId(`fig12-secure-fraction-${c.secureKbps}kbps`).verdict).toBe("inconsistent");
    }
  });

  it("Fig. 10: secure/sifted exceeds the best BB84 fraction 1 - 2h(E) at 35 km and 80 km (one curve: counted once)", () => {
    expect(993 / 1395.64).toBeGreaterThan(1 - 2 * binaryEntropy(0.03));
    expect(993 / 1395.64).toBeLessThan(1 - binaryEntropy(0.03)); // only the looser reference is met
    expect(82 / 121.36).toBeGreaterThan(1 - binaryEntropy(0.062));
    expect(byId("fig10-secure-fraction-35km").verdict).toBe("inconsistent");
    expect(byId("fig10-secure-fraction-80km").verdict).toBe("inconsistent");
    expect(secureFractionCeiling(0.03)).toBeCloseTo(1 - 2 * binaryEntropy(0.03), 15);
    expect(byId("fig10-secure-fraction-80km").borrowed[0]).toMatch(/borrowed from Fig. 11 at 50 km \(a lower bound at 80 km/);
  });

  it("counts consequences of one slip once: 4 independent inconsistencies, 4 derived, 8 of 10 checks failing", () => {
    const s = inconsistencySummary(audit);
    expect(s.checks).toBe(10);
    expect(s.inconsistent).toBe(8);
    expect(s.independent.map((i) => i.id)).toEqual([
      "fig10-secure-fraction-35km",
      "fig11-errors-vs-sifted-35km",
      "fig11-error-trend",
      "fig12-secure-fraction-1500kbps",
    ]);
    expect(s.independent.find((i) => i.id === "fig11-errors-vs-sifted-35km")!.derived).toEqual(["fig11-errors-vs-sifted-50km", "fig10-11-joint-fit"]);
    expect(s.derivedCount).toBe(4);
    expect(byId("fig11-errors-vs-sifted-50km").borrowed[0]).toMatch(/interpolated log-linearly/);
  });

  it("Fig. 11: errors rise with distance; 28.24/0.03 differs from Fig. 10's 1395.64", () => {
    expect(byId("fig11-error-trend").verdict).toBe("inconsistent");
    expect(Math.abs(28.24 / 0.03 / 1395.64 - 1)).toBeGreaterThan(0.1);
    expect(byId("fig11-errors-vs-sifted-35km").verdict).toBe("inconsistent");
    expect(byId("sec3.2-intercept-resend").verdict).toBe("consistent");
  });

  it("controls: the synthetic set passes every check, the tampered set fails Fig. 12", () => {
    const synthetic = auditClaims(syntheticClaimSet());
    expect(synthetic.filter((v) => v.verdict === "inconsistent").map((v) => v.id)).toEqual([]);
    const tampered = auditClaims(tamperedClaimSet());
    expect(tampered.filter((v) => v.verdict === "inconsistent").length).toBeGreaterThan(0);
  });

  it("property bb84.paper-claims: violated on the paper, holds on synthetic, violated on tampered", () => {
    const paper = runProperty(paperClaimsProperty, paperClaimsProperty.params.parse({ variant: "paper" }), settings("paper", "violated"));
    expect(paper.verdict).toBe("violated");
    expect(paper.counterexample?.trace.length).toBeGreaterThan(5);
    const synthetic = runProperty(paperClaimsProperty, paperClaimsProperty.params.parse({ variant: "synthetic" }), settings("synthetic", "holds"));
    expect(synthetic.verdict).toBe("holds");
    const tampered = runProperty(paperClaimsProperty, paperClaimsProperty.params.parse({ variant: "tampered" }), settings("tampered", "violated"));
    expect(tampered.verdict).toBe("violated");
  });
});

describe("property bb84.keyrate-decoy-bound", () => {
  it("holds for the vacuum + weak decoy estimator", () => {
    const r = runProperty(decoyBoundProperty, decoyBoundProperty.params.parse({}), settings("vacuum-weak-decoy", "holds", runs(300)));
    expect(r.error).toBeUndefined();
    expect(r.verdict).toBe("holds");
  });
  it("is violated by the estimator that ignores the vacuum decoy", () => {
    const r = runProperty(
      decoyBoundProperty,
      decoyBoundProperty.params.parse({ variant: "no-vacuum-estimator" }),
      settings("no-vacuum-estimator", "violated", runs(300)),
    );
    expect(r.verdict).toBe("violated");
    expect(Number(r.counterexample!.metrics.Y1Estimate)).toBeGreaterThan(Number(r.counterexample!.metrics.Y1));
  });
  it("exports both properties and a figure", () => {
    expect(keyRateProperties.map((p) => p.id)).toEqual(["bb84.keyrate-decoy-bound", "bb84.paper-claims"]);
    const fig = keyRateFigure();
    expect(fig.series.map((s) => s.mark)).toEqual(["line", "line", "point", "point"]);
    expect(fig.series[0].points.length).toBeGreaterThan(60);
    for (const [, y] of fig.series[0].points) expect(y).toBeGreaterThan(0);
    expect(fig.series[2].points).toEqual([
      [35, 993000],
      [80, 82000],
    ]);
  });
});
