import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { main } from "../../cli/main.js";

const dir = "test/cli/fixtures/plugin";
function capture() {
  const out: string[] = [], err: string[] = [];
  return { io: { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t), env: {} }, out, err };
}

describe("--plugin: properties and figures from a user's module", () => {
  test("verify runs the plugin's property, includes its figure, and repeats --plugin in replay commands", async () => {
    const c = capture();
    const out = mkdtempSync(join(tmpdir(), "qkd-plugin-"));
    const code = await main(["verify", "--plugin", `${dir}/plugin.mjs`, `${dir}/holds.yaml`, `${dir}/violated.yaml`, "--json", "--out", out, "--format", "json"], c.io);
    expect(code).toBe(0);
    const doc = JSON.parse(c.out.join(""));
    expect(doc.results.map((r: { verdict: string }) => r.verdict).sort()).toEqual(["holds", "violated"]);
    expect(doc.figures.map((f: { id: string }) => f.id)).toContain("toy.figure");
    const violated = doc.results.find((r: { verdict: string }) => r.verdict === "violated");
    expect(violated.counterexample.replay).toContain(`--plugin ${dir}/plugin.mjs`);
    // the printed replay command reproduces the counterexample
    const argv = violated.counterexample.replay.split(" ").slice(1);
    const r = capture();
    expect(await main([...argv, "--json"], r.io)).toBe(0);
    expect(JSON.parse(r.out.join("")).counterexample.input).toEqual(violated.counterexample.input);
  });
  test("without the plugin the protocol is unknown (exit 2)", async () => {
    const c = capture();
    expect(await main(["list", `${dir}/holds.yaml`], c.io)).toBe(2);
    expect(c.err.join("")).toMatch(/unknown protocol "toy"/);
  });
  test.each([
    [["list", "--plugin", `${dir}/missing.mjs`, `${dir}/holds.yaml`], /no such file/],
    [["list", "--plugin", `${dir}/holds.yaml`, `${dir}/holds.yaml`], /cannot load|must export/],
    [["list", "--plugin", "examples/six-state/index.ts", `${dir}/holds.yaml`], /compile it first/],
  ])("a bad plugin %j exits 2 naming the problem", async (argv, pattern) => {
    const c = capture();
    expect(await main(argv, c.io)).toBe(2);
    expect(c.err.join("")).toMatch(pattern);
  });
});
