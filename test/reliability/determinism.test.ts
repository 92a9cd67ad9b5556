/**
 * Determinism (issue 7): the same scenario and seed produce byte-identical JSON results; only
 * the `run` section (dates, durations, environment) may differ. `npm test` reruns six shipped
 * scenarios in one process (test/reliability/quickScenarios.ts: one scenario of findings, of
 * controls and of holds per protocol, about 6 s); with `QKD_DETERMINISM=all` (set by `npm run
 * test:heavy`, which `.ci/run` runs) every shipped scenario (about 25 s).
 */
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { main } from "../../cli/main.js";
import { QUICK_RERUNS, RERUN_BUDGET } from "./quickScenarios.js";

function scenarioFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return scenarioFiles(path);
    return /\.(ya?ml)$/.test(name) ? [path] : [];
  });
}

async function resultsOf(file: string): Promise<string> {
  const out: string[] = [];
  const err: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), "qkd-det-"));
  const code = await main(["verify", file, "--json", ...RERUN_BUDGET, "--format", "json", "--out", join(dir, "out")], { stdout: (t) => out.push(t), stderr: (t) => err.push(t), env: {} });
  expect([0, 1], err.join("")).toContain(code); // claims sized for the scenario's own budget may not hold at 20
  const { run, ...deterministic } = JSON.parse(out.join("")) as Record<string, unknown>;
  expect(run).toBeDefined();
  return JSON.stringify(deterministic);
}

const shipped = scenarioFiles("scenarios").sort();
const files: readonly string[] = process.env.QKD_DETERMINISM === "all" ? shipped : QUICK_RERUNS;

describe("every shipped scenario is deterministic", () => {
  test("there are shipped scenarios for every protocol; the quick set is among them", () => {
    expect(new Set(shipped.map((f) => f.split("/")[1]))).toEqual(new Set(["auth", "bb84", "kdc"]));
    const quick: readonly string[] = QUICK_RERUNS;
    expect(quick.filter((f) => !shipped.includes(f))).toEqual([]);
    expect(new Set(quick).size).toBe(6); // README: "`npm test` checks six"
  });
  test.each(files)("%s: two runs give byte-identical results", async (file) => {
    const a = await resultsOf(file);
    const b = await resultsOf(file);
    expect(b).toBe(a);
    expect(a.length).toBeGreaterThan(100);
  }, 300_000);
});

describe("negative control: the comparison catches a nondeterministic property", () => {
  test("a property whose metrics come from Math.random differs between two runs", async () => {
    const { z } = await import("zod");
    const fc = await import("fast-check");
    const { writeFileSync } = await import("node:fs");
    const noisy = {
      id: "test.noisy",
      protocol: "test",
      title: "noisy",
      statement: "reports an unseeded random number",
      trust: { trusted: [], adversary: "none" },
      params: z.object({}),
      arbitrary: () => fc.constant(0),
      check: () => ({ ok: true, margin: Math.random() }),
    };
    const dir = mkdtempSync(join(tmpdir(), "qkd-det-"));
    const file = join(dir, "noisy.yaml");
    writeFileSync(file, "name: noisy\ndescription: d\nprotocol: test\nsettings: { runs: 1, seed: 1 }\nproperties:\n  - { id: test.noisy, expect: holds }\n");
    const once = async () => {
      const out: string[] = [];
      await main(["verify", file, "--json", "--format", "json", "--out", join(dir, "out")], { stdout: (t) => out.push(t), stderr: () => undefined, env: {} }, { definitions: [noisy] });
      const { run: _run, ...rest } = JSON.parse(out.join(""));
      return JSON.stringify(rest);
    };
    expect(await once()).not.toBe(await once());
  });
});
