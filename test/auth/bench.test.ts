/**
 * bench/auth.ts runs each build in a child process of its own (bench/authChild.ts): the rows and
 * their shape at 10 strategies a batch, an A/A comparison (this build as its own baseline: both
 * children evaluate, are timed, and compute the same results), the CPU a child spends after an
 * answer given back to the request it followed, and the failures named: a baseline that cannot
 * be loaded, one whose evaluation throws mid-run, an odd number of rounds. Runs the compiled bench
 * (the children are compiled files); rates are npm run bench's.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, expect, test } from "vitest";
import type { attributedCpu as AttributedCpu, runAuthBench as RunAuthBench } from "../../bench/auth.js";
import { compiledPackage } from "../setup/compiled.js";

let dist = "", runAuthBench: typeof RunAuthBench, attributedCpu: typeof AttributedCpu;
beforeAll(async () => {
  dist = join(await compiledPackage(), "dist");
  ({ runAuthBench, attributedCpu } = (await import(pathToFileURL(join(dist, "bench", "auth.js")).href)) as { runAuthBench: typeof RunAuthBench; attributedCpu: typeof AttributedCpu });
}, 300_000);

test("auth bench: both readings timed in child processes, an A/A baseline beside them, the same results", async () => {
  const lines: string[] = [];
  const rows = await runAuthBench({ batches: 2, strategiesPerBatch: 10, baseline: dist, log: (l) => lines.push(l) });
  const names = rows.map((r) => r.name);
  for (const variant of ["parity", "basis-encoded"]) {
    expect(names.some((n) => n.startsWith(`auth ${variant}: fresh generated strategies per CPU-second of the process after a warm-up of 10 per reading`))).toBe(true);
    expect(names.some((n) => n.startsWith(`auth ${variant}: cold process, the warm-up's 10 strategies per CPU-second`))).toBe(true);
    expect(names).toContain(`auth ${variant}: baseline build, strategies per CPU-second (median of the first 2 batches)`);
    expect(names).toContain(`auth ${variant}: speed-up per CPU-second over the baseline build (median of all 2 per-round ratios)`);
  }
  expect(names.some((n) => n.startsWith("auth parity: honest session over all 256 keys (n=8), per CPU-second"))).toBe(true);
  for (const r of rows) expect(r.value).toBeGreaterThan(0);
  expect(rows.filter((r) => "target" in r).map((r) => r.name.split(":")[0])).toEqual(["auth parity", "auth basis-encoded"]);
  expect(lines[0]).toBe("auth: the builds' results on the warm-up's 20 evaluations: identical");
  expect(lines[1]).toMatch(/^auth: 10 fresh generated strategies per batch, 2 batches, each build in a child process/);
});

test("auth bench: the CPU after an answer counts for the request it followed, the warm-up's leftovers are dropped", () => {
  const t = (cpu: number, spill: number) => ({ cpu, spill, wall: 0 });
  // request k's answer carried spill s_k (spent after request k-1): cpu_k - s_k + s_(k+1)
  expect(attributedCpu([t(1.5, 0.5), t(2.25, 0.25), t(3.125, 0.125)])).toEqual([1.25, 2.125, 3]);
  expect(attributedCpu([])).toEqual([]);
});

test("auth bench: a baseline without a build, one that fails mid-run, and an odd number of rounds reject, named", async () => {
  await expect(runAuthBench({ batches: 2, strategiesPerBatch: 10, baseline: join(dist, "no-such-build") })).rejects.toThrow(/^--baseline: cannot load .*no-such-build/);
  const broken = mkdtempSync(join(tmpdir(), "qkd-auth-bench-"));
  mkdirSync(join(broken, "properties", "auth"), { recursive: true });
  writeFileSync(join(broken, "properties", "auth", "evaluate.js"), "let calls = 0;\nexport function evaluateStrategy() { if (++calls > 25) throw new Error('broken on purpose'); return { calls }; }\n");
  await expect(runAuthBench({ batches: 2, strategiesPerBatch: 10, baseline: broken })).rejects.toThrow(/^--baseline: broken on purpose/);
  await expect(runAuthBench({ batches: 3, strategiesPerBatch: 10 })).rejects.toThrow(/batches must be an even integer >= 2/);
});
