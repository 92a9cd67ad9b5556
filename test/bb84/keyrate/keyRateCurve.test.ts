import { describe, expect, it } from "vitest";
import { keyRateAt, keyRateCurve, maximumDistance } from "../../../model/bb84/keyrate/keyRateCurve.js";
import { infiniteDecoyInputs, vacuumWeakDecoyInputs } from "../../../model/bb84/keyrate/decoy.js";
import { secureKeyRatePerPulse, singlePhotonBb84Rate } from "../../../model/bb84/keyrate/rate.js";
import { binaryEntropy } from "../../../model/bb84/keyrate/entropy.js";
import { MAX_DISTANCES, parseDistances } from "../../../model/bb84/keyrate/distances.js";
import { goldenSectionMaximize, nelderMead } from "../../../model/bb84/keyrate/optimize.js";
import { gys } from "../../../model/bb84/keyrate/presets.js";

describe("rate formulas", () => {
  it("eq. 13 is GLLP plus q Q_0", () => {
    const inputs = infiniteDecoyInputs(gys, 50, 0.5);
    const settings = { fEC: 1.22, siftingFactor: 0.5 } as const;
    const gllp = secureKeyRatePerPulse(inputs, { ...settings, formula: "gllp" });
    const eq13 = secureKeyRatePerPulse(inputs, { ...settings, formula: "eq13" });
    expect(eq13.raw - gllp.raw).toBeCloseTo(0.5 * gys.darkCountYield * Math.exp(-0.5), 18);
    expect(gllp.raw).toBeCloseTo(0.5 * (inputs.Q1 * (1 - binaryEntropy(inputs.e1)) - 1.22 * inputs.Q * binaryEntropy(inputs.E)), 18);
  });

  it("single-photon BB84 rate: 1 - 2h(e) vanishes at 11 %", () => {
    expect(singlePhotonBb84Rate(0, 0)).toBe(1);
    expect(singlePhotonBb84Rate(0.05, 0.05)).toBeCloseTo(1 - 2 * binaryEntropy(0.05), 14);
    expect(singlePhotonBb84Rate(0.111, 0.111)).toBe(0);
  });

  it("the vacuum + weak estimates bound the true values and tend to them as nu -> 0", () => {
    for (const L of [0, 60, 120]) {
      const exact = infiniteDecoyInputs(gys, L, 0.48);
      const est = vacuumWeakDecoyInputs(gys, L, 0.48, 0.1);
      expect(est.Y1).toBeLessThanOrEqual(exact.Y1);
      expect(est.e1).toBeGreaterThanOrEqual(exact.e1);
      const tight = vacuumWeakDecoyInputs(gys, L, 0.48, 1e-4);
      expect(tight.Y1 / exact.Y1).toBeGreaterThan(0.999);
    }
    expect(() => vacuumWeakDecoyInputs(gys, 10, 0.2, 0.3)).toThrow(/nu must be < mu/);
  });
});

describe("GYS key rate vs distance (compare Ma-Qi-Zhao-Lo 2005: optimal mu ~ 0.48, cut-off ~ 142 km)", () => {
  it("infinite-decoy GLLP: optimal mu near 0.48, positive to about 142 km", () => {
    const p0 = keyRateAt(gys, 0, { method: "infinite-decoy", formula: "gllp" });
    expect(p0.mu).toBeGreaterThan(0.45);
    expect(p0.mu).toBeLessThan(0.52);
    const dmax = maximumDistance(gys, { method: "infinite-decoy", formula: "gllp" });
    expect(dmax).toBeGreaterThan(138);
    expect(dmax).toBeLessThan(146);
    console.log(`GYS max distance: infinite decoy GLLP ${dmax.toFixed(2)} km`);
  });

  it("rates per pulse at 0, 40, 100 km: vacuum + weak below infinite decoy; eq. 13 above GLLP", () => {
    const rows = (["infinite-decoy", "vacuum-weak-decoy"] as const).flatMap((method) =>
      (["gllp", "eq13"] as const).map((formula) => ({ method, formula, pts: keyRateCurve({ preset: "gys", distancesKm: [0, 40, 100], method, formula }) })),
    );
    for (const r of rows) console.log(`${r.method} ${r.formula}: ` + r.pts.map((p) => `${p.distanceKm} km ${p.ratePerPulse.toExponential(3)}/pulse (${p.ratePerSecond.toFixed(1)} bit/s, mu ${p.mu.toFixed(3)})`).join("; "));
    const get = (m: string, f: string) => rows.find((r) => r.method === m && r.formula === f)!.pts;
    for (let i = 0; i < 3; i++) {
      expect(get("vacuum-weak-decoy", "eq13")[i].ratePerPulse).toBeLessThanOrEqual(get("infinite-decoy", "eq13")[i].ratePerPulse);
      expect(get("infinite-decoy", "eq13")[i].ratePerPulse).toBeGreaterThanOrEqual(get("infinite-decoy", "gllp")[i].ratePerPulse);
      const p = get("infinite-decoy", "eq13")[i];
      expect(p.ratePerSecond).toBeCloseTo(p.ratePerPulse * 2e6, 9);
    }
    // rate falls with distance
    const inf = get("infinite-decoy", "gllp");
    expect(inf[0].ratePerPulse).toBeGreaterThan(inf[1].ratePerPulse);
    expect(inf[1].ratePerPulse).toBeGreaterThan(inf[2].ratePerPulse);
  });

  it("the golden-section mu is a maximum", () => {
    const pt = keyRateAt(gys, 40, { method: "vacuum-weak-decoy" });
    for (const d of [-0.05, 0.05]) {
      expect(keyRateAt(gys, 40, { method: "vacuum-weak-decoy", mu: pt.mu + d }).ratePerPulse).toBeLessThanOrEqual(pt.ratePerPulse);
    }
  });

  it("keyRateCurve validates its inputs", () => {
    expect(() => keyRateCurve({ preset: "gys", distancesKm: [0, -5] })).toThrow("keyRateCurve: distancesKm[1] must be a finite number >= 0, got -5");
    expect(() => keyRateCurve({ preset: "gys", distancesKm: [1], channel: { etaBob: 2 } })).toThrow("gys.etaBob must be in [0, 1], got 2");
    expect(() => keyRateCurve({ preset: "gys", distancesKm: [1], mu: -1 })).toThrow(/mu must be a finite number > 0/);
  });
});

describe("parseDistances", () => {
  it("parses lists and inclusive ranges", () => {
    expect(parseDistances("0,40,100")).toEqual([0, 40, 100]);
    expect(parseDistances("0:150:50")).toEqual([0, 50, 100, 150]);
    expect(parseDistances(" 5 , 0:0.3:0.1")).toEqual([5, 0, 0.1, 0.2, 0.3]);
  });
  it("throws naming the problem", () => {
    expect(() => parseDistances("0,-4")).toThrow('parseDistances: negative distance -4 km in item "-4"');
    expect(() => parseDistances("0,abc")).toThrow(/"abc" in item "abc" is not a finite number/);
    expect(() => parseDistances("0:10:0")).toThrow(/step must be > 0/);
    expect(() => parseDistances("10:0:1")).toThrow(/stop 0 < start 10/);
    expect(() => parseDistances("1:2")).toThrow(/must be a number or start:stop:step/);
    expect(() => parseDistances("")).toThrow(/empty distance list/);
    expect(() => parseDistances("1,,2")).toThrow(/empty item/);
  });
  it("expands to at most MAX_DISTANCES (10,000) distances, by ranges or by items", () => {
    expect(MAX_DISTANCES).toBe(10_000);
    expect(parseDistances("0:9999:1")).toHaveLength(10_000); // the bound itself passes
    expect(parseDistances("0:9998:1,5")).toHaveLength(10_000); // by a range and an item too
    expect(() => parseDistances("0:10000:1")).toThrow(/range "0:10000:1" expands to more than 10000 distances/);
    expect(() => parseDistances("0:9998:1,5,6")).toThrow(/the list has more than 10000 distances/);
    expect(() => parseDistances(Array.from({ length: 10_001 }, (_, k) => k).join(","))).toThrow(/the list has more than 10000 distances/);
  });
});

describe("optimisers", () => {
  it("golden section finds an interior and a boundary maximum", () => {
    expect(goldenSectionMaximize((x) => -((x - 0.3) ** 2), 0, 1).x).toBeCloseTo(0.3, 5);
    expect(goldenSectionMaximize((x) => x, 0, 1).x).toBe(1);
  });
  it("Nelder-Mead minimises the Rosenbrock function", () => {
    const m = nelderMead((v) => (1 - v[0]) ** 2 + 100 * (v[1] - v[0] ** 2) ** 2, [-1.2, 1], { maxIterations: 5000, step: 0.5 });
    expect(m.x[0]).toBeCloseTo(1, 3);
    expect(m.x[1]).toBeCloseTo(1, 3);
  });
});
