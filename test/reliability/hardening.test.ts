/**
 * Issue 15's classes that are about accepting what is legitimate and ending cleanly: a BOM in
 * JSON as in YAML, a small file reusing one anchor many times, symlinked scenario files,
 * report folders inside scenario folders, expressions that cannot leak between scenarios,
 * the terminal sanitiser, stdout failures (EPIPE, ENOSPC), and signals held while a report set
 * is replaced.
 */
import { EventEmitter } from "node:events";
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { processIo, sanitizeForTerminal } from "../../cli/io.js";
import { evaluateNumber } from "../../properties/params.js";
import { withSignalsHeld, writeReports } from "../../reports/write.js";
import { findScenarioFiles } from "../../scenarios/discover.js";
import { parseScenarioText } from "../../scenarios/parse-text.js";
import { readResultsDocument } from "../../scenarios/results-schema.js";
import { cli } from "../cli/capture.js";
import { goodScenario, tempDir, writeScenario } from "../scenarios/fixtures.js";

describe("legitimate input is accepted", () => {
  it("a BOM is dropped in JSON as in YAML", async () => {
    const dir = tempDir();
    const json = writeScenario(dir, "bom.json", `\uFEFF${JSON.stringify(goodScenario("bom-json"))}`);
    const yaml = writeScenario(dir, "bom.yaml", `\uFEFFname: bom-yaml\ndescription: d\nprotocol: test\nparameters: { bound: 0.5 }\nsettings: { runs: 5, seed: 1 }\nproperties:\n  - { id: test.always-holds, expect: holds }\n`);
    const run = await cli(["verify", json, yaml, "--format", "json", "--out", join(dir, "out")]);
    expect(run.stderr).not.toContain("qkd-harness:");
    expect(run.code).toBe(0);
  });

  it("a small file using one anchor 150 times is read; an alias bomb is not", () => {
    const text = `v: &v 0.5\nl: [${Array(150).fill("*v").join(", ")}]\n`;
    expect((parseScenarioText("a.yaml", text) as { l: number[] }).l).toHaveLength(150);
  });

  it("symlinked scenario files and folders are followed; a report folder inside a scenario folder is skipped", async () => {
    const dir = tempDir();
    const real = join(dir, "real");
    mkdirSync(real);
    writeScenario(real, "a.json", goodScenario("linked-a"));
    const scenarios = join(dir, "scenarios");
    mkdirSync(scenarios);
    symlinkSync(join(real, "a.json"), join(scenarios, "link.json"));
    symlinkSync(real, join(scenarios, "linked-folder"));
    expect(findScenarioFiles([scenarios])).toEqual([join(scenarios, "link.json"), join(scenarios, "linked-folder", "a.json")]);

    const only = join(dir, "only");
    mkdirSync(only);
    writeScenario(only, "b.json", goodScenario("b"));
    const out = join(only, "out");
    expect((await cli(["verify", only, "--out", out])).code).toBe(0);
    expect(existsSync(join(out, "results.json"))).toBe(true);
    expect(findScenarioFiles([only])).toEqual([join(only, "b.json")]);
    expect((await cli(["verify", only, "--out", out])).code).toBe(0);
  });

  it("a symlink loop and a dangling scenario link are named, not skipped", () => {
    const dir = tempDir();
    symlinkSync(dir, join(dir, "loop"));
    expect(() => findScenarioFiles([dir])).toThrow(/loop: a symbolic link back/);
    const other = tempDir();
    symlinkSync(join(other, "missing.yaml"), join(other, "dangling.yaml"));
    expect(() => findScenarioFiles([other])).toThrow(/dangling\.yaml: cannot read/);
  });

  it("expressions use a private, limited evaluator: nothing one defines reaches the next", () => {
    expect(evaluateNumber("pi/8")).toBeCloseTo(Math.PI / 8);
    expect(evaluateNumber("2^-20")).toBe(2 ** -20);
    expect(evaluateNumber("sqrt(2)/2 + log2(8) - max(1, 2)")).toBeCloseTo(Math.SQRT1_2 + 1);
    expect(() => evaluateNumber("createUnit('km','2 m',{override:true})")).toThrow(/createUnit/);
    expect(() => evaluateNumber("1 km")).toThrow(/unknown symbol "km"/);
    expect(() => evaluateNumber("count(range(1,1e9))")).toThrow(/count/);
    expect(() => evaluateNumber("1e301 * 10")).toThrow(/out of range/);
    expect(evaluateNumber("1/0")).toBe(Infinity); // the caller's finite check names the field
  });
});

describe("terminal output", () => {
  it("control characters become visible \\u escapes; newline and tab stay; JSON stays JSON", () => {
    expect(sanitizeForTerminal("a\u001b[2Jb\u0007\r\n\tc\u009b\u202e")).toBe("a\\u001b[2Jb\\u0007\\u000d\n\tc\\u009b\\u202e");
    expect(sanitizeForTerminal("\r\u001b[K[## ] 1/2 \u001b]0;x")).toBe("\r\u001b[K[## ] 1/2 \\u001b]0;x");
    const json = JSON.stringify({ s: "\u009b\u0085x\u001b" });
    expect(JSON.parse(sanitizeForTerminal(json))).toEqual({ s: "\u009b\u0085x\u001b" });
  });

  it("a description, variant and reason with escape codes are printed escaped", async () => {
    const dir = tempDir();
    const file = writeScenario(dir, "esc.json", goodScenario("esc", { description: "clear\u001b[2J\u001b]52;c;ZXZpbA==\u0007", variant: "v\u001b[31m" }));
    const run = await cli(["list", file]);
    expect(run.code).toBe(0);
    expect(run.stdout + run.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
  });
});

describe("stdout failures end the run cleanly", () => {
  const stream = () => Object.assign(new EventEmitter(), { written: [] as string[], write(t: string) { this.written.push(t); return true; } });

  it("EPIPE (a reader that stopped): quiet, later output dropped, the command's exit code kept", () => {
    const out = stream();
    const err = stream();
    const p = processIo(out, err, {});
    p.io.stdout("first");
    out.emit("error", Object.assign(new Error("write EPIPE"), { code: "EPIPE" }));
    p.io.stdout("second");
    expect(out.written).toEqual(["first"]);
    expect(err.written).toEqual([]);
    expect(p.exitCode()).toBeUndefined();
  });

  it("ENOSPC (a full device): one line on stderr and exit code 2; a write that throws is the same", () => {
    const out = stream();
    const err = stream();
    const p = processIo(out, err, {});
    out.emit("error", Object.assign(new Error("ENOSPC"), { code: "ENOSPC" }));
    out.emit("error", Object.assign(new Error("ENOSPC"), { code: "ENOSPC" }));
    expect(err.written).toEqual(["qkd-harness: cannot write to standard output: no space left on device\n"]);
    expect(p.exitCode()).toBe(2);
    const throwing = Object.assign(new EventEmitter(), { write: () => { throw Object.assign(new Error("EIO"), { code: "EIO" }); } });
    const q = processIo(throwing, err, {});
    q.io.stdout("x");
    expect(q.exitCode()).toBe(2);
  });
});

describe("report sets", () => {
  it("a signal during the swap is held and delivered once the set is whole", async () => {
    const raised: string[] = [];
    const result = await withSignalsHeld(() => {
      process.emit("SIGINT", "SIGINT");
      return "done";
    }, (s) => raised.push(s));
    expect(result).toBe("done");
    expect(raised).toEqual(["SIGINT"]);
  });

  it("a folder holding other files is refused (exit 2) before anything runs; the set is replaced whole", async () => {
    const dir = tempDir();
    const file = writeScenario(dir, "s.json", goodScenario("s"));
    const run = await cli(["verify", file, "--out", dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/not reports/);
    expect(readdirSync(dir)).toEqual(["s.json"]);

    const out = join(dir, "out");
    expect((await cli(["verify", file, "--out", out])).code).toBe(0);
    expect((await cli(["verify", file, "--out", out, "--format", "json"])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual([".qkd-report", "results.json"]); // no stale html beside new json
    expect(readdirSync(dir).sort()).toEqual(["out", "s.json"]); // no hidden temp folders
  });

  it("a failing write leaves the old set and no temp folders", async () => {
    const dir = tempDir();
    const out = join(dir, "out");
    const file = writeScenario(dir, "s.json", goodScenario("s"));
    await cli(["verify", file, "--out", out, "--format", "json"]);
    const doc = readResultsDocument("results.json", readFileSync(join(out, "results.json"), "utf8"));
    const before = readFileSync(join(out, "results.json"), "utf8");
    writeFileSync(join(dir, "blocker"), "x");
    await expect(writeReports(doc, join(dir, "blocker", "out"), ["json"])).rejects.toThrow(/cannot write reports/);
    expect(readFileSync(join(out, "results.json"), "utf8")).toBe(before);
    expect(readdirSync(dir).sort()).toEqual(["blocker", "out", "s.json"]);
  });
});
