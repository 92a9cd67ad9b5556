import { describe, expect, test } from "vitest";
import { analyzeBB84 } from "../../properties/bb84/analyze.js";
import { bb84FigureProviders } from "../../properties/bb84/figures.js";
import { figureProviders } from "../../properties/figures.js";
import { binaryEntropy } from "../../model/kernel/index.js";

describe("analyzeBB84 (CLI support)", () => {
  test("full random-basis intercept-resend: QBER 1/4, Eve's information 1/2, aborted almost surely", () => {
    const a = analyzeBB84({ adversary: "intercept-resend", fraction: 1, basis: "random" });
    expect(a.qber).toBeCloseTo(0.25, 12);
    expect(a.eveInformation).toBeCloseTo(0.5, 12);
    expect(a.holevo).toBeCloseTo(0.5, 12);
    expect(a.acceptance).toBeLessThan(1e-20);
    expect(a.abortProbability).toBe(1 - a.acceptance);
    expect(a.hoeffdingBound).toBeCloseTo(Math.exp(-2 * 1000 * 0.14 ** 2), 15);
  });
  test("options given as strings and expressions", () => {
    const a = analyzeBB84({ adversary: "cloner", disturbance: "1/20", variant: "with-pa" });
    expect(a.qber).toBeCloseTo(0.05, 12);
    expect(a.holevoZ).toBeCloseTo(binaryEntropy(0.05), 10);
    expect(a.leakPerBit).toBeLessThan(1e-9);
  });
  test("messages name the option", () => {
    expect(() => analyzeBB84({ adversary: "intercept-resend", fraction: 2 })).toThrow(/--fraction must be <= 1/);
    expect(() => analyzeBB84({ adversary: "intercept-resend", basis: "Y" })).toThrow(/--basis must be one of/);
    expect(() => analyzeBB84({ adversary: "teleport" })).toThrow(/--adversary must be one of/);
    expect(() => analyzeBB84({ adversary: "none", bogus: 1 } as never)).toThrow(/analyzeBB84/);
  });
});

describe("bb84 figures", () => {
  // the shipped providers, memoised per process: the finite-decoy curves cost about 2 s of CPU,
  // which every other test file in this worker that builds a bb84 document would pay again
  const figures = bb84FigureProviders.map((b) => figureProviders.find((p) => p.id === b.id)!.compute());
  test("four figures with finite points", () => {
    expect(figures.map((f) => f.id)).toEqual(["bb84-qber-vs-fraction", "bb84-information-vs-disturbance", "bb84-acceptance-vs-qber", "bb84-finite-decoy-vs-distance"]);
    for (const f of figures) for (const s of f.series) for (const [x, y] of s.points) expect(Number.isFinite(x) && Number.isFinite(y)).toBe(true);
  });
  test("every intercept basis lies on f/4; the cloner meets h(D) and stays under it", () => {
    for (const s of figures[0].series.filter((s) => s.name.endsWith(" basis"))) for (const [f, q] of s.points) expect(q).toBeCloseTo(f / 4, 12);
    const cloner = figures[1].series.find((s) => s.name === "cloner chi")!;
    for (const [d, chi] of cloner.points) expect(chi).toBeLessThanOrEqual(binaryEntropy(d) + 1e-9);
  });
  test("exact acceptance never exceeds the Hoeffding bound", () => {
    const exact = new Map(figures[2].series[0].points.map(([q, p]) => [q, p]));
    for (const [q, bound] of figures[2].series[1].points) expect(exact.get(q)!).toBeLessThanOrEqual(bound);
  });
});
