import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { cli } from "./capture.js";

const dir = "test/cli/fixtures/plugin";

describe("--plugin: properties and figures from a user's module", () => {
  test("verify runs the plugin's property, includes its figure, and repeats --plugin in replay commands", async () => {
    const out = mkdtempSync(join(tmpdir(), "qkd-plugin-"));
    const run = await cli(["verify", "--plugin", `${dir}/plugin.mjs`, `${dir}/holds.yaml`, `${dir}/violated.yaml`, "--json", "--out", out, "--format", "json"]);
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.stdout);
    expect(doc.results.map((r: { verdict: string }) => r.verdict).sort()).toEqual(["holds", "violated"]);
    expect(doc.figures.map((f: { id: string }) => f.id)).toContain("toy.figure");
    const violated = doc.results.find((r: { verdict: string }) => r.verdict === "violated");
    expect(violated.counterexample.replay).toContain(`--plugin ${dir}/plugin.mjs`);
    // the printed replay command reproduces the counterexample
    const argv = violated.counterexample.replay.split(" ").slice(1);
    const replay = await cli([...argv, "--json"]);
    expect(replay.code).toBe(0);
    expect(JSON.parse(replay.stdout).counterexample.input).toEqual(violated.counterexample.input);
  });
  test("without the plugin the protocol is unknown (exit 2)", async () => {
    const r = await cli(["list", `${dir}/holds.yaml`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown protocol "toy"/);
  });
  test.each([
    [["list", "--plugin", `${dir}/missing.mjs`, `${dir}/holds.yaml`], /no such file/],
    [["list", "--plugin", `${dir}/holds.yaml`, `${dir}/holds.yaml`], /cannot load|must export/],
    [["list", "--plugin", "examples/six-state/index.ts", `${dir}/holds.yaml`], /compile it first/],
  ])("a bad plugin %j exits 2 naming the problem", async (argv, pattern) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
  });
});
