import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ResultsDocument } from "../../properties/types.js";
import { goodScenario, tempDir, writeScenario } from "../scenarios/fixtures.js";
import { cli } from "./capture.js";

const dir = tempDir();

describe("verify exit codes", () => {
  it("0 when every verdict matches its expectation (one holds, one known violation)", async () => {
    const file = writeScenario(dir, "ok.json", goodScenario("ok"));
    const out = join(dir, "out-ok");
    const run = await cli(["verify", file, "--out", out]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("2 results: 2 matched (1 finding falsified, 1 holds, 0 controls failed as designed), 0 mismatched, 0 errors");
    for (const f of ["index.html", "results.json", "junit.xml"]) expect(existsSync(join(out, f))).toBe(true);
  });

  it("1 when a verdict differs, naming it with its replay command", async () => {
    const file = writeScenario(
      dir,
      "mismatch.json",
      goodScenario("mismatch", { properties: [{ id: "test.threshold-violated", expect: "holds" }], parameters: { threshold: 0.3 } }),
    );
    const run = await cli(["verify", file, "--out", join(dir, "out-mismatch")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^MISMATCH\s+mismatch::test\.threshold-violated {2}expected holds, got violated: /m);
    expect(run.stdout).toMatch(/replay: qkd-harness replay \S+mismatch\.json --property test\.threshold-violated --seed 42 --path \d/);
  });

  it("1 when a check throws (an error, never a silent pass)", async () => {
    const file = writeScenario(dir, "throws.json", goodScenario("throws", { properties: [{ id: "test.throws", expect: "holds" }], parameters: {} }));
    const run = await cli(["verify", file, "--out", join(dir, "out-throws")]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^ERROR\s+throws::test\.throws {2}model exploded$/m);
  });

  it("2 on bad input, before anything runs", async () => {
    const file = writeScenario(dir, "bad.json", goodScenario("bad", { settings: { runs: -1, seed: 0 } }));
    expect((await cli(["verify", file, "--out", join(dir, "out-bad")])).code).toBe(2);
  });

  it("--json prints the results document; --seed and --runs override the file", async () => {
    const file = writeScenario(dir, "json.json", goodScenario("json"));
    const run = await cli(["verify", file, "--json", "--seed", "7", "--runs", "20", "--format", "json", "--out", join(dir, "out-json")]);
    const doc = JSON.parse(run.stdout) as ResultsDocument;
    expect(doc.summary).toEqual({ total: 2, matched: 2, mismatched: 0, errors: 0, violated: 1 });
    expect(doc.results.map((r) => [r.scenario, r.property, r.seed, r.variant])).toEqual([
      ["json", "test.always-holds", 7, "plain"],
      ["json", "test.threshold-violated", 7, "plain"],
    ]);
    expect(doc.results[0]!.runs).toBe(20);
    expect(Object.keys(doc.run.durations)).toEqual(["json::test.always-holds", "json::test.threshold-violated"]);
    expect(doc.run.environment.node).toBe(process.version);
    expect(existsSync(join(dir, "out-json", "index.html"))).toBe(false);
  });

  it("progress: plain lines off a terminal or under CI=true, a redrawn bar on a terminal", async () => {
    const file = writeScenario(dir, "progress.json", goodScenario("progress"));
    const args = ["verify", file, "--format", "json", "--out", join(dir, "out-progress")];
    const plain = await cli(args, {}, { stderrIsTTY: true, env: { CI: "true" } });
    expect(plain.stderr).toMatch(/^\[1\/2\] progress::test\.always-holds: holds \(expected holds\) ok/m);
    const bar = await cli(args, {}, { stderrIsTTY: true, env: {} });
    expect(bar.stderr).toContain("\r\x1b[K[");
    expect(bar.stderr).toContain("2/2 progress::test.threshold-violated ok");
  });
});

describe("determinism and replay", () => {
  const file = writeScenario(dir, "det.json", goodScenario("det"));

  it("the same seed gives a byte-identical results section", async () => {
    const texts: string[] = [];
    for (const out of ["det-a", "det-b"]) {
      expect((await cli(["verify", file, "--format", "json", "--out", join(dir, out)])).code).toBe(0);
      texts.push(readFileSync(join(dir, out, "results.json"), "utf8"));
    }
    const deterministic = texts.map((t) => t.slice(0, t.indexOf('\n  "run":')));
    expect(deterministic[0]).toContain('"results"');
    expect(deterministic[1]).toBe(deterministic[0]);
  });

  it("a counterexample's replay command reproduces the same verdict, input and trace", async () => {
    const doc = JSON.parse((await cli(["verify", file, "--json", "--format", "json", "--out", join(dir, "det-r")])).stdout) as ResultsDocument;
    const violated = doc.results.find((r) => r.verdict === "violated")!;
    const replay = violated.counterexample!.replay;
    expect(replay).toMatch(/^qkd-harness replay \S+ --property test\.threshold-violated --seed 42 --path [\d:]+$/);
    const argv = replay.split(" ").slice(1);
    const text = await cli(argv);
    expect(text.code).toBe(0); // the verdict matches the expectation "violated"
    expect(text.stdout).toContain("verdict:  violated");
    expect(text.stdout).toContain(`1. draw: the adversary picks n = ${violated.counterexample!.metrics.n}`);
    const again = JSON.parse((await cli([...argv, "--json"])).stdout);
    expect(again.verdict).toBe("violated");
    expect(again.counterexample.input).toEqual(violated.counterexample!.input);
    expect(again.counterexample.trace).toEqual(violated.counterexample!.trace);
    expect(again.counterexample.message).toBe(violated.counterexample!.message);
    expect(again.counterexample.replay).toBe(replay);
  });
});

describe("run and list", () => {
  const file = writeScenario(dir, "one.yaml", `name: one\ndescription: d\nprotocol: test\nparameters: { bound: 0.5, threshold: 0.3 }\nsettings: { runs: 10, seed: 3 }\nproperties:\n  - { id: test.always-holds, expect: holds }\n  - { id: test.threshold-violated, expect: violated, kind: finding, reason: known }\n`);

  it("run SCENARIO --property runs one property", async () => {
    const run = await cli(["run", file, "--property", "test.always-holds", "--json", "--format", "json", "--out", join(dir, "out-run")]);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as ResultsDocument).results.map((r) => r.property)).toEqual(["test.always-holds"]);
  });

  it("list shows scenarios and their properties", async () => {
    const run = await cli(["list", file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("one  (test, variant default; 10 runs, seed 3)");
    expect(run.stdout).toContain("- test.threshold-violated: expect violated (known)");
  });

  it("--version prints the package version", async () => {
    const version = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")).version;
    expect(await cli(["--version"])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
});
