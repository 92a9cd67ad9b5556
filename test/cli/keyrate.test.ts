import { describe, expect, test } from "vitest";
import { cli } from "./capture.js";

interface Row { distanceKm: number; ratePerPulse: number; ratePerSecond: number; qber: number; mu: number; epsilons: string }

describe("qkd-harness keyrate", () => {
  test("--json prints the preset's parameters, the units and one row per distance; rate falls with distance", async () => {
    const r = await cli(["keyrate", "--preset", "gys", "--distance", "0,40,100", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { parameters: { repetitionRateHz: number }; units: { ratePerPulse: string; ratePerSecond: string }; rows: Row[] };
    expect(doc.units.ratePerPulse).toBe("bit/pulse");
    expect(doc.units.ratePerSecond).toMatch(/2000000 Hz/);
    const rows = doc.rows;
    expect(rows.map((x) => x.distanceKm)).toEqual([0, 40, 100]);
    expect(rows[0].ratePerPulse).toBeGreaterThan(rows[1].ratePerPulse);
    expect(rows[1].ratePerPulse).toBeGreaterThan(rows[2].ratePerPulse);
    expect(rows[2].ratePerPulse).toBeGreaterThan(0);
    for (const x of rows) expect(x.ratePerSecond).toBeCloseTo(x.ratePerPulse * doc.parameters.repetitionRateHz, 6);
    expect(rows[0].epsilons).toBe("none (asymptotic)");
  });
  test("a range gives evenly spaced distances; a fixed --mu is used as given", async () => {
    const r = await cli(["keyrate", "--distance", "0:150:50", "--mu", "0.48", "--json"]);
    expect(r.code).toBe(0);
    const rows = (JSON.parse(r.stdout) as { rows: Row[] }).rows;
    expect(rows.map((x) => x.distanceKm)).toEqual([0, 50, 100, 150]);
    expect(rows.every((x) => x.mu === 0.48)).toBe(true);
  });
  test("--method finite-decoy: rows carry the block, the ε's and the intensities; below the asymptotic rate", async () => {
    const r = await cli(["keyrate", "--preset", "gys", "--method", "finite-decoy", "--block", "1e10", "--eps-sec", "1e-10", "--distance", "25,50", "--json"]);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { security: { epsilonSec: number; epsilonCor: number }; rows: (Row & { blockPulses: number; mu1: number; mu2: number; mu3: number; qx: number })[] };
    expect(doc.security).toEqual({ blockPulses: 1e10, epsilonSec: 1e-10, epsilonCor: 1e-15 });
    expect(doc.rows[0].epsilons).toMatch(/eps_sec = 1e-10 .*eps_cor = 1e-15/);
    expect(doc.rows[0].ratePerPulse).toBeGreaterThan(doc.rows[1].ratePerPulse);
    expect(doc.rows[1].ratePerPulse).toBeGreaterThan(0);
    for (const x of doc.rows) expect(x.mu1).toBeGreaterThan(x.mu2 + x.mu3);
  });
  test.each([
    [["keyrate", "--distance", "-5"], /distance/],
    [["keyrate", "--preset", "nope", "--distance", "0"], /nope/],
    [["keyrate", "--mu", "abc", "--distance", "0"], /--mu/],
    [["keyrate"], /--distance is required/],
    [["keyrate", "--method", "finite-decoy", "--block", "1e10", "--eps-sec", "0", "--distance", "10"], /--eps-sec.*\(0, 1\)/],
    [["keyrate", "--method", "finite-decoy", "--block", "1e10", "--eps-sec", "1", "--distance", "10"], /--eps-sec/],
    [["keyrate", "--method", "finite-decoy", "--block", "1e10", "--eps-sec", "1e-10", "--eps-cor", "-1", "--distance", "10"], /--eps-cor/],
    [["keyrate", "--method", "finite-decoy", "--block", "1234.5", "--eps-sec", "1e-10", "--distance", "10"], /--block.*integer/],
    [["keyrate", "--method", "finite-decoy", "--block", "100", "--eps-sec", "1e-10", "--distance", "10"], /--block.*>= 1000/],
    [["keyrate", "--method", "finite-decoy", "--eps-sec", "1e-10", "--distance", "10"], /--block/],
    [["keyrate", "--method", "finite-decoy", "--block", "1e10", "--distance", "10"], /--eps-sec/],
    [["keyrate", "--method", "finite-decoy", "--block", "1e10", "--eps-sec", "1e-10", "--mu", "0.2", "--nu", "0.3", "--distance", "10"], /--mu .* must be > --nu \+ --vacuum/],
    [["keyrate", "--method", "finite-decoy", "--block", "1e10", "--eps-sec", "1e-10", "--nu", "0.001", "--vacuum", "0.01", "--distance", "10"], /--nu .* must be > --vacuum/],
    [["keyrate", "--block", "1e10", "--distance", "10"], /--block needs --method finite-decoy/],
  ])("bad input %j exits 2 naming the problem", async (argv, pattern) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});
