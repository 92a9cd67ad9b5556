import { describe, expect, test } from "vitest";
import { main } from "../../cli/main.js";

function capture() {
  const out: string[] = [], err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env: {} }, out, err };
}

describe("qkd-harness keyrate", () => {
  test("--json prints one row per distance with the documented fields; rate falls with distance", async () => {
    const c = capture();
    const code = await main(["keyrate", "--preset", "gys", "--distance", "0,40,100", "--json"], c.io);
    expect(code).toBe(0);
    const rows = JSON.parse(c.out.join("")) as { distanceKm: number; ratePerPulse: number; ratePerSecond: number; qber: number }[];
    expect(rows.map((r) => r.distanceKm)).toEqual([0, 40, 100]);
    expect(rows[0].ratePerPulse).toBeGreaterThan(rows[1].ratePerPulse);
    expect(rows[1].ratePerPulse).toBeGreaterThan(rows[2].ratePerPulse);
    expect(rows[2].ratePerPulse).toBeGreaterThan(0);
    for (const r of rows) expect(r.ratePerSecond).toBeCloseTo(r.ratePerPulse * 2e6, 6);
  });
  test("a range gives evenly spaced distances; a fixed --mu is used as given", async () => {
    const c = capture();
    expect(await main(["keyrate", "--distance", "0:150:50", "--mu", "0.48", "--json"], c.io)).toBe(0);
    const rows = JSON.parse(c.out.join("")) as { distanceKm: number; mu: number }[];
    expect(rows.map((r) => r.distanceKm)).toEqual([0, 50, 100, 150]);
    expect(rows.every((r) => r.mu === 0.48)).toBe(true);
  });
  test.each([
    [["keyrate", "--distance", "-5"], /distance/],
    [["keyrate", "--preset", "nope", "--distance", "0"], /nope/],
    [["keyrate", "--mu", "abc", "--distance", "0"], /--mu/],
    [["keyrate"], /--distance is required/],
  ])("bad input %j exits 2 naming the problem", async (argv, pattern) => {
    const c = capture();
    expect(await main(argv, c.io)).toBe(2);
    expect(c.err.join("")).toMatch(pattern);
  });
});
