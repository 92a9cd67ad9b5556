import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { goodScenario, tempDir, writeScenario } from "../scenarios/fixtures.js";
import { cli } from "./capture.js";

const dir = tempDir();
const out = join(dir, "out");

/** [case, file name, content (object → JSON), expected fragment naming the field and the problem]. */
const malformed: readonly [string, string, Record<string, unknown> | string, string][] = [
  ["invalid JSON", "bad.json", '{ "name": "x", ', "bad.json: invalid JSON"],
  ["invalid YAML", "bad.yaml", "name: [unclosed\nprotocol: test\n", "bad.yaml: invalid YAML: line"],
  ["duplicate YAML key", "dup.yaml", "name: a\nname: b\n", "dup.yaml: invalid YAML: line 2"],
  ["not an object", "list.yaml", "- a\n- b\n", "list.yaml: must be an object"],
  ["unknown protocol", "proto.json", goodScenario("p", { protocol: "six-state" }), 'proto.json: protocol: unknown protocol "six-state"'],
  [
    "unknown property id",
    "prop.json",
    goodScenario("p", { properties: [{ id: "test.nope", expect: "holds" }] }),
    'prop.json: properties[0].id: unknown property "test.nope"; known: test.always-holds',
  ],
  [
    "bad expectation",
    "expect.json",
    goodScenario("p", { properties: [{ id: "test.always-holds", expect: "holds" }, { id: "test.threshold-violated", expect: "fails" }] }),
    'expect.json: properties[1].expect: must be "holds" or "violated"',
  ],
  [
    "violated without reason",
    "reason.json",
    goodScenario("p", { properties: [{ id: "test.threshold-violated", expect: "violated" }], parameters: { threshold: 0.3 } }),
    'reason.json: properties[0].reason: required when expect is "violated"',
  ],
  [
    "multi-line reason",
    "reason2.json",
    goodScenario("p", { properties: [{ id: "test.threshold-violated", expect: "violated", reason: "a\nb" }], parameters: { threshold: 0.3 } }),
    "reason2.json: properties[0].reason: must be one line",
  ],
  ["runs of the wrong type", "runs.json", goodScenario("p", { settings: { runs: "many", seed: 1 } }), "runs.json: settings.runs: expected a number, got a string"],
  ["zero runs", "runs0.json", goodScenario("p", { settings: { runs: 0, seed: 1 } }), "runs0.json: settings.runs: must be > 0"],
  ["fractional seed", "seed.json", goodScenario("p", { settings: { runs: 5, seed: 1.5 } }), "seed.json: settings.seed: must be an integer"],
  ["missing settings", "nosettings.json", goodScenario("p", { settings: undefined }), "nosettings.json: settings: required"],
  ["NaN parameter (YAML .nan)", "nan.yaml", yamlScenario("bound: .nan"), "nan.yaml: parameters.bound: must be a finite number, got NaN"],
  ["infinite parameter (YAML .inf)", "inf.yaml", yamlScenario("bound: .inf"), "inf.yaml: parameters.bound: must be a finite number, got Infinity"],
  ["expression evaluating to Infinity", "div.yaml", yamlScenario('bound: "1/0"'), "div.yaml: parameters.bound: must be a finite number, got Infinity (test.always-holds)"],
  ["expression that fails to parse", "expr.yaml", yamlScenario('bound: "2^^"'), 'expr.yaml: parameters.bound: cannot evaluate expression "2^^"'],
  ["expression out of range", "range.yaml", yamlScenario('bound: "3/2"'), "range.yaml: parameters.bound: must be <= 1 (test.always-holds)"],
  ["unknown (typo) parameter", "typo.yaml", yamlScenario("bound: 0.5\n  boundd: 0.5"), "typo.yaml: parameters.boundd: not used by any property of this scenario"],
  [
    "unknown per-property override",
    "override.json",
    goodScenario("p", { properties: [{ id: "test.always-holds", expect: "holds", parameters: { treshold: 1 } }], parameters: { bound: 0.5 } }),
    "override.json: properties[0].parameters.treshold: not a parameter of test.always-holds",
  ],
  [
    "missing required parameter",
    "missing.json",
    goodScenario("p", { parameters: { bound: 0.5 } }),
    "missing.json: parameters.threshold: required by test.threshold-violated",
  ],
  ["unknown top-level field", "field.json", goodScenario("p", { descripton: "typo" }), "field.json: descripton: unknown field"],
  [
    "property of another protocol",
    "other.json",
    goodScenario("p", { properties: [{ id: "other.thing", expect: "holds" }], parameters: {} }),
    'other.json: properties[0].id: property "other.thing" belongs to protocol "other", not "test"',
  ],
  [
    "property listed twice",
    "twice.json",
    goodScenario("p", { properties: [{ id: "test.always-holds", expect: "holds" }, { id: "test.always-holds", expect: "holds" }], parameters: { bound: 0.5 } }),
    'twice.json: properties[1].id: "test.always-holds" is listed twice',
  ],
  ["adversary nobody reads", "adv.json", goodScenario("p", { adversary: { fraction: 0.5 }, properties: [{ id: "test.always-holds", expect: "holds" }], parameters: { bound: 0.5 } }), "adv.json: adversary: not used by any property"],
  ["adversary of the wrong shape", "adv2.json", goodScenario("p", { adversary: { fraction: "lots" } }), 'adv2.json: adversary.fraction: cannot evaluate expression "lots"'],
  ["bad scenario name", "name.json", goodScenario("has space"), "name.json: name: must be letters, digits"],
];

function yamlScenario(parameters: string): string {
  return `name: y\ndescription: yaml scenario\nprotocol: test\nparameters:\n  ${parameters}\nsettings: { runs: 5, seed: 1 }\nproperties:\n  - id: test.always-holds\n    expect: holds\n`;
}

describe("malformed scenario files: a message naming the file, field and problem; exit code 2; nothing written", () => {
  it.each(malformed)("%s", async (_, file, content, fragment) => {
    const path = writeScenario(dir, file, content);
    const run = await cli(["verify", path, "--out", out]);
    expect(run.stderr).toContain(fragment);
    expect(run.stderr).not.toMatch(/\n\s+at /); // never a stack trace
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });

  it("a missing file", async () => {
    const run = await cli(["verify", join(dir, "absent.yaml"), "--out", out]);
    expect(run.stderr).toContain("absent.yaml: cannot read: no such file");
    expect(run.code).toBe(2);
  });

  it("two scenarios with the same name", async () => {
    const sub = join(dir, "same");
    writeScenario(tempDirIn(sub), "a.json", goodScenario("twin"));
    writeScenario(sub, "b.json", goodScenario("twin"));
    const run = await cli(["verify", sub, "--out", out]);
    expect(run.stderr).toMatch(/b\.json: name: "twin" is also the name of .*a\.json/);
    expect(run.code).toBe(2);
  });
});

function tempDirIn(path: string): string {
  mkdirSync(path, { recursive: true });
  return path;
}

describe("bad flags and usage: a message naming the flag and the problem; exit code 2", () => {
  const good = writeScenario(dir, "good.json", goodScenario());
  const cases: readonly [string, readonly string[], string][] = [
    ["unknown flag", ["verify", good, "--sed", "3"], "verify: unknown flag --sed"],
    ["unknown short flag", ["verify", good, "-x"], "verify: unknown flag -x"],
    ["non-integer runs", ["verify", good, "--runs", "lots"], '--runs: must be an integer, got "lots"'],
    ["zero runs", ["verify", good, "--runs", "0"], "--runs: must be between 1 and"],
    ["seed out of range", ["verify", good, "--seed", "99999999999"], "--seed: must be between"],
    ["missing value", ["verify", good, "--seed"], "--seed: missing value"],
    ["unknown format", ["verify", good, "--format", "html,pdf"], '--format: unknown format "pdf"'],
    ["bad shard", ["verify", good, "--shard", "3/2"], "--shard: shard index must be between 1 and 2, got 3"],
    ["malformed shard", ["verify", good, "--shard", "half"], '--shard: must be i/n, e.g. 1/4, got "half"'],
    ["flag given twice", ["verify", good, "--runs", "2", "--runs", "3"], "--runs: given twice"],
    ["boolean flag with a value", ["verify", good, "--json=yes"], "--json: takes no value"],
    ["unknown command", ["verfy"], 'unknown command "verfy"'],
    ["unknown top-level flag", ["--verbose"], "unknown flag --verbose"],
    ["replay without --path", ["replay", good, "--property", "test.always-holds", "--seed", "1"], "replay: --path is required"],
    ["replay with a bad path", ["replay", good, "--property", "test.always-holds", "--seed", "1", "--path", "a:b"], '--path: must look like 3:1:0, got "a:b"'],
    ["replay of a property the scenario lacks", ["replay", good, "--property", "test.throws", "--seed", "1", "--path", "0"], '--property: "test.throws" is not in'],
    ["run with two files", ["run", good, good], "run: expected one scenario file, got 2"],
    ["merge of nothing", ["report", "--merge", join(dir, "nowhere")], "--merge: cannot read"],
    ["an empty directory", ["verify", tempDirIn(join(dir, "empty"))], "no scenario files"],
  ];
  it.each(cases)("%s", async (_, argv, fragment) => {
    const run = await cli([...argv, ...(argv[0] === "verify" ? ["--out", out] : [])]);
    expect(run.stderr).toContain(fragment);
    expect(run.code).toBe(2);
  });

  it("an --out that cannot be a directory", async () => {
    const blocker = join(dir, "blocker");
    writeFileSync(blocker, "a file, not a directory");
    const run = await cli(["verify", good, "--out", join(blocker, "out")]);
    expect(run.stderr).toContain(`--out ${join(blocker, "out")}: cannot write reports there`);
    expect(run.code).toBe(2);
  });
});
