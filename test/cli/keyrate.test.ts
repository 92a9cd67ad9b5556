import { describe, expect, test } from "vitest";
import { cli } from "./capture.js";

describe("qkd-harness keyrate", () => {
  test("--json prints one row per distance with the documented fields; rate falls with distance", async () => {
    const r = await cli(["keyrate", "--preset", "gys", "--distance", "0,40,100", "--json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { distanceKm: number; ratePerPulse: number; ratePerSecond: number; qber: number }[];
    expect(rows.map((x) => x.distanceKm)).toEqual([0, 40, 100]);
    expect(rows[0].ratePerPulse).toBeGreaterThan(rows[1].ratePerPulse);
    expect(rows[1].ratePerPulse).toBeGreaterThan(rows[2].ratePerPulse);
    expect(rows[2].ratePerPulse).toBeGreaterThan(0);
    for (const x of rows) expect(x.ratePerSecond).toBeCloseTo(x.ratePerPulse * 2e6, 6);
  });
  test("a range gives evenly spaced distances; a fixed --mu is used as given", async () => {
    const r = await cli(["keyrate", "--distance", "0:150:50", "--mu", "0.48", "--json"]);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { distanceKm: number; mu: number }[];
    expect(rows.map((x) => x.distanceKm)).toEqual([0, 50, 100, 150]);
    expect(rows.every((x) => x.mu === 0.48)).toBe(true);
  });
  test.each([
    [["keyrate", "--distance", "-5"], /distance/],
    [["keyrate", "--preset", "nope", "--distance", "0"], /nope/],
    [["keyrate", "--mu", "abc", "--distance", "0"], /--mu/],
    [["keyrate"], /--distance is required/],
  ])("bad input %j exits 2 naming the problem", async (argv, pattern) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
  });
});
