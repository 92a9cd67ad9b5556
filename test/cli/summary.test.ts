/**
 * The closing block of `verify`, `run` and `report --merge`: one line per cell, mismatches and
 * errors first, findings with their attack and replay, holds with their evidence, controls
 * apart; counts that keep findings and controls apart; colour only when asked; `--quiet`.
 */
import { describe, expect, it } from "vitest";
import { cellClass, summaryText, useColour } from "../../cli/summary-text.js";
import type { PropertyResult, ResultsDocument } from "../../properties/types.js";
import { goodScenario, tempDir, writeScenario } from "../scenarios/fixtures.js";
import { cli } from "./capture.js";

const base: PropertyResult = {
  scenario: "s",
  protocol: "bb84",
  variant: "v",
  property: "p",
  title: "t",
  statement: "st",
  trust: { trusted: [], adversary: "a" },
  expected: "holds",
  verdict: "holds",
  matches: true,
  runs: 200,
  seed: 1,
  metrics: {},
};
const counterexample = (message: string, replay: string) => ({ seed: 1, path: "0", shrinks: 0, input: null, message, metrics: {}, trace: [], replay });

const holdsSampled: PropertyResult = { ...base, scenario: "paper", property: "bb84.qber" };
const holdsExact: PropertyResult = { ...base, scenario: "otp", property: "kdc.otp", evidence: { kind: "exact", detail: "all 256 keys" } };
const finding: PropertyResult = {
  ...base,
  scenario: "paper",
  property: "bb84.secrecy",
  expected: "violated",
  verdict: "violated",
  expectedReason: "finding: no privacy amplification",
  kind: "finding",
  counterexample: counterexample("Eve holds 0.2 bit per key bit\nsecond line", "qkd-harness replay a.yaml --property bb84.secrecy --seed 1 --path 0"),
};
const damaging: PropertyResult = {
  ...finding,
  property: "auth.update-secrecy",
  damaging: {
    objective: "eveBits",
    value: 8,
    evaluations: 200,
    budget: 200,
    seed: 3,
    input: null,
    message: "a man in the middle learns all 8 updated bits",
    metrics: {},
    trace: [],
    replay: "qkd-harness replay b.yaml --property auth.update-secrecy --seed 3 --path 2",
  },
};
const control: PropertyResult = { ...finding, scenario: "controls", expectedReason: "negative control: z-only", kind: undefined };
const mismatch: PropertyResult = {
  ...finding,
  scenario: "broken",
  expected: "holds",
  matches: false,
  kind: "claim",
  counterexample: counterexample("QBER 0.3 accepted", "qkd-harness replay c.yaml --property p --seed 1 --path 0"),
};
const error: PropertyResult = { ...base, scenario: "bad", verdict: "error", matches: false, error: "model exploded" };

function doc(results: readonly PropertyResult[]): ResultsDocument {
  return {
    schemaVersion: 1,
    tool: { name: "qkd-harness", version: "0" },
    results,
    figures: [],
    summary: { total: results.length, matched: 0, mismatched: 0, errors: 0, violated: 0 },
    run: { startedAt: "", durationMs: 0, durations: {}, environment: {} },
  };
}

describe("the closing block", () => {
  const all = [holdsSampled, control, finding, holdsExact, damaging, error, mismatch];
  const text = summaryText(doc(all), ["reports/out/index.html"]);
  const lines = text.trimEnd().split("\n");

  it("classifies each cell: mismatch, error, finding, holds, control (kind, else a 'negative control' reason)", () => {
    expect(all.map(cellClass)).toEqual(["holds", "control", "falsified", "holds", "falsified", "error", "mismatch"]);
    expect(cellClass({ ...finding, kind: "control", expectedReason: "x" })).toBe("control");
    // a control expected to hold (a positive control, e.g. a consistent synthetic claim set) that holds is a hold, as in the report
    expect(cellClass({ ...holdsSampled, kind: "control" })).toBe("holds");
  });

  it("one line per cell, loudest first, with the attack and its replay, the evidence, the control's reason", () => {
    const pad = (label: string) => label.padEnd("CONTROL FAILED AS DESIGNED".length);
    expect(lines).toEqual([
      `${pad("MISMATCH")}  broken::bb84.secrecy  expected holds, got violated: QBER 0.3 accepted`,
      `${pad("")}  replay: qkd-harness replay c.yaml --property p --seed 1 --path 0`,
      `${pad("ERROR")}  bad::p  model exploded`,
      `${pad("FALSIFIED")}  paper::bb84.secrecy  Eve holds 0.2 bit per key bit`,
      `${pad("")}  replay: qkd-harness replay a.yaml --property bb84.secrecy --seed 1 --path 0`,
      `${pad("FALSIFIED")}  paper::auth.update-secrecy  a man in the middle learns all 8 updated bits (most damaging: eveBits = 8)`,
      `${pad("")}  replay: qkd-harness replay b.yaml --property auth.update-secrecy --seed 3 --path 2`,
      `${pad("HOLDS")}  paper::bb84.qber  not falsified in 200 inputs`,
      `${pad("HOLDS")}  otp::kdc.otp  verified exactly: all 256 keys`,
      `${pad("CONTROL FAILED AS DESIGNED")}  controls::bb84.secrecy  negative control: z-only`,
      "7 results: 5 matched (2 findings falsified, 2 hold, 1 control failed as designed), 1 mismatched, 1 error",
      "reports: reports/out/index.html",
    ]);
  });

  it("--quiet keeps only mismatches, errors and the counts", () => {
    const quiet = summaryText(doc(all), ["reports/out/index.html"], { quiet: true }).trimEnd().split("\n");
    expect(quiet.map((l) => l.split(/\s{2,}/)[0])).toEqual(["MISMATCH", "", "ERROR", lines[10]]);
    expect(summaryText(doc([holdsSampled]), [], { quiet: true })).toBe("1 result: 1 matched (0 findings falsified, 1 holds, 0 controls failed as designed), 0 mismatched, 0 errors\n");
  });

  it("colour only on a terminal, never with NO_COLOR or TERM=dumb; no escape codes otherwise", () => {
    expect(useColour(true, {})).toBe(true);
    expect(useColour(false, {})).toBe(false);
    expect(useColour(undefined, {})).toBe(false);
    expect(useColour(true, { NO_COLOR: "1" })).toBe(false);
    expect(useColour(true, { TERM: "dumb" })).toBe(false);
    expect(text).not.toContain("\x1b[");
    expect(summaryText(doc(all), [], { colour: true })).toContain("\x1b[");
  });
});

describe("verify and run print the closing block", () => {
  const dir = tempDir();
  const file = writeScenario(dir, "ok.json", goodScenario("ok"));

  it("verify: a line per cell, counts apart; colour on a terminal only", async () => {
    const run = await cli(["verify", file, "--format", "json", "--out", `${dir}/out`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^HOLDS\s+ok::test\.always-holds {2}not falsified in \d+ generated inputs \(not verified\)$/m);
    expect(run.stdout).toMatch(/^FALSIFIED\s+ok::test\.threshold-violated {2}n\/100 = /m);
    expect(run.stdout).toMatch(/^\s+replay: qkd-harness replay \S+ok\.json --property test\.threshold-violated --seed 42 --path \S+$/m);
    expect(run.stdout).not.toContain("\x1b[");
    const tty = await cli(["verify", file, "--format", "json", "--out", `${dir}/out-tty`], {}, { stdoutIsTTY: true, env: {} });
    expect(tty.stdout).toContain("\x1b[");
    const noColour = await cli(["verify", file, "--format", "json", "--out", `${dir}/out-nc`], {}, { stdoutIsTTY: true, env: { NO_COLOR: "1" } });
    expect(noColour.stdout).not.toContain("\x1b[");
  });

  it("run --property prints its cell, not only a count", async () => {
    const run = await cli(["run", file, "--property", "test.always-holds", "--format", "json", "--out", `${dir}/out-run`]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^HOLDS\s+ok::test\.always-holds {2}not falsified in \d+ generated inputs \(not verified\)$/m);
    expect(run.stdout).toContain("1 result: 1 matched (0 findings falsified, 1 holds, 0 controls failed as designed), 0 mismatched, 0 errors");
  });

  it("--quiet: no progress, no per-cell lines, the counts", async () => {
    const run = await cli(["verify", file, "--quiet", "--format", "json", "--out", `${dir}/out-quiet`]);
    expect(run.stderr).toBe("");
    expect(run.stdout).toBe("2 results: 2 matched (1 finding falsified, 1 holds, 0 controls failed as designed), 0 mismatched, 0 errors\n");
  });
});
