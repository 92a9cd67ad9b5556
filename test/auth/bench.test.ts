/**
 * bench/auth.ts runs each build in a child process of its own (bench/authChild.ts): the rows and
 * their shape at 10 strategies a batch, an A/A comparison (this build as its own baseline: both
 * children evaluate and are timed), and a baseline that cannot be loaded rejects naming
 * `--baseline`. Runs the compiled bench (the children are compiled files); rates are npm run bench's.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { beforeAll, expect, test } from "vitest";
import type { runAuthBench as RunAuthBench } from "../../bench/auth.js";
import { compiledPackage } from "../setup/compiled.js";

let dist = "", runAuthBench: typeof RunAuthBench;
beforeAll(async () => {
  dist = join(await compiledPackage(), "dist");
  ({ runAuthBench } = (await import(pathToFileURL(join(dist, "bench", "auth.js")).href)) as { runAuthBench: typeof RunAuthBench });
}, 300_000);

test("auth bench: both readings timed in child processes, an A/A baseline beside them", async () => {
  const lines: string[] = [];
  const rows = await runAuthBench({ batches: 2, strategiesPerBatch: 10, baseline: dist, log: (l) => lines.push(l) });
  const names = rows.map((r) => r.name);
  for (const variant of ["parity", "basis-encoded"]) {
    expect(names.some((n) => n.startsWith(`auth ${variant}: fresh generated strategies per CPU-second`))).toBe(true);
    expect(names).toContain(`auth ${variant}: baseline build, strategies per CPU-second (median of the first 2 batches)`);
    expect(names).toContain(`auth ${variant}: speed-up per CPU-second over the baseline build (median of all 2 per-round ratios)`);
  }
  for (const r of rows) expect(r.value).toBeGreaterThan(0);
  expect(rows.filter((r) => "target" in r).map((r) => r.name.split(":")[0])).toEqual(["auth parity", "auth basis-encoded"]);
  expect(lines[0]).toMatch(/^auth: 10 fresh generated strategies per batch, 2 batches, each build in a child process/);
});

test("auth bench: a baseline without a build rejects naming --baseline", async () => {
  await expect(runAuthBench({ batches: 2, strategiesPerBatch: 10, baseline: join(dist, "no-such-build") })).rejects.toThrow(/^--baseline: cannot load .*no-such-build/);
});
