import { mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ResultsDocument } from "../../properties/types.js";
import { goodScenario, tempDir, writeScenario } from "../scenarios/fixtures.js";
import { cli } from "./capture.js";

const dir = tempDir();
const scenarios = join(dir, "scenarios");

function deterministic(doc: ResultsDocument): unknown {
  const { run: _run, ...rest } = doc;
  return rest;
}

describe("--shard i/n and report --merge", () => {
  writeScenario(tempSub(scenarios), "a.json", goodScenario("alpha"));
  writeScenario(scenarios, "b.json", goodScenario("beta", { settings: { runs: 30, seed: 9 } }));
  writeScenario(
    scenarios,
    "c.json",
    goodScenario("gamma", { properties: [{ id: "test.threshold-violated", expect: "holds" }], parameters: { threshold: 0.5 } }),
  );

  it("merged shards equal the unsplit run (results, summary, figures), and each cell runs once", async () => {
    const unsplit = await cli(["verify", scenarios, "--format", "json", "--out", join(dir, "all")]);
    expect(unsplit.code).toBe(1); // gamma's mismatch
    const whole = JSON.parse(readFileSync(join(dir, "all", "results.json"), "utf8")) as ResultsDocument;
    expect(whole.results).toHaveLength(5);

    const shardDirs = [1, 2, 3].map((i) => join(dir, `shard-${i}`));
    const sizes: number[] = [];
    for (const [i, out] of shardDirs.entries()) {
      await cli(["verify", scenarios, "--shard", `${i + 1}/3`, "--format", "json", "--out", out]);
      const shard = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as ResultsDocument;
      expect(shard.run.shard).toBe(`${i + 1}/3`);
      sizes.push(shard.results.length);
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(5);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);

    const merged = await cli(["report", "--merge", ...shardDirs.reverse(), "--out", join(dir, "merged")]);
    expect(merged.code).toBe(1);
    const doc = JSON.parse(readFileSync(join(dir, "merged", "results.json"), "utf8")) as ResultsDocument;
    expect(deterministic(doc)).toEqual(deterministic(whole));
    expect(Object.keys(doc.run.durations).sort()).toEqual(Object.keys(whole.run.durations).sort());
    expect(doc.run.shard).toBeUndefined();
  });

  it("refuses an incomplete or overlapping set of shards (exit 2)", async () => {
    const missing = await cli(["report", "--merge", join(dir, "shard-1"), join(dir, "shard-3"), "--out", join(dir, "m2")]);
    expect(missing.stderr).toContain("missing shard 2/3");
    expect(missing.code).toBe(2);
    const twice = await cli(["report", "--merge", join(dir, "shard-1"), join(dir, "shard-1", "results.json"), "--out", join(dir, "m3")]);
    expect(twice.code).toBe(2);
    const mixed = await cli(["report", "--merge", join(dir, "all"), join(dir, "shard-1"), "--out", join(dir, "m4")]);
    expect(mixed.stderr).toContain("is not a shard");
    expect(mixed.code).toBe(2);
  });
});

function tempSub(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}
