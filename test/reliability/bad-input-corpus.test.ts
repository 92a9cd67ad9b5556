/**
 * Issue 7's bad-input corpus against the shipped protocols: every malformed scenario, parameter
 * or flag gets a message naming the field and the problem, exit code 2, no stack trace, and no
 * output directory. (test/cli/bad-input.test.ts covers the loader's own cases with test-only
 * properties; this corpus exercises the real parameter schemas of bb84, auth and kdc.)
 */
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { cli } from "../cli/capture.js";

const head = (protocol: string, extra = "") => `name: bad\ndescription: bad input\nprotocol: ${protocol}\nsettings: { runs: 2, seed: 1 }\n${extra}`;
const bb84 = (params: string, prop = "bb84.secrecy") => `${head("bb84")}parameters: ${params}\nproperties:\n  - { id: ${prop}, expect: holds }\n`;
const auth = (params: string, adversary = "") => `${head("auth", adversary ? `adversary: ${adversary}\n` : "")}parameters: ${params}\nproperties:\n  - { id: auth.completeness, expect: holds }\n`;
const kdc = (params: string, prop = "kdc.correctness") => `${head("kdc")}parameters: ${params}\nproperties:\n  - { id: ${prop}, expect: holds }\n`;
const bb84Adv = (adversary: string) => `${head("bb84")}adversary: ${adversary}\nproperties:\n  - { id: bb84.secrecy, expect: holds }\n`;
const probe = (unitary: number[]) => bb84Adv(`{ kind: strategy, strategy: { kind: probe, ancillaDim: 2, origin: user, unitary: [${unitary.join(", ")}] } }`);

/** [name, scenario text, file extension, what the message must name] */
const files: readonly (readonly [string, string, string, RegExp])[] = [
  ["invalid YAML", "name: [unclosed\n", "yaml", /YAML|yaml/],
  ["invalid JSON", '{"name": "x",', "json", /JSON/],
  ["empty file", "", "yaml", /bad|empty|name|object/i],
  ["unknown protocol", `${head("quantum-money")}properties:\n  - { id: bb84.secrecy, expect: holds }\n`, "yaml", /protocol/],
  ["unknown property", `${head("bb84")}properties:\n  - { id: bb84.telepathy, expect: holds }\n`, "yaml", /bb84\.telepathy/],
  ["runs of the wrong type", head("bb84").replace("runs: 2", "runs: many") + "properties:\n  - { id: bb84.secrecy, expect: holds }\n", "yaml", /settings\.runs/],
  ["runs zero", head("bb84").replace("runs: 2", "runs: 0") + "properties:\n  - { id: bb84.secrecy, expect: holds }\n", "yaml", /settings\.runs/],
  ["seed beyond 32 bits", head("bb84").replace("seed: 1", "seed: 1099511627776") + "properties:\n  - { id: bb84.secrecy, expect: holds }\n", "yaml", /settings\.seed/],
  ["unknown top-level field", `${head("bb84")}colour: blue\nproperties:\n  - { id: bb84.secrecy, expect: holds }\n`, "yaml", /colour/],
  ["expect maybe", `${head("bb84")}properties:\n  - { id: bb84.secrecy, expect: maybe }\n`, "yaml", /expect/],
  ["violated without reason", `${head("bb84")}properties:\n  - { id: bb84.secrecy, expect: violated }\n`, "yaml", /reason/],
  ["property listed twice", `${head("bb84")}properties:\n  - { id: bb84.secrecy, expect: holds }\n  - { id: bb84.secrecy, expect: holds }\n`, "yaml", /twice/],
  ["misspelt parameter", bb84("{ treshold: 0.1 }"), "yaml", /treshold/],
  ["threshold NaN", bb84("{ threshold: .nan }"), "yaml", /threshold/],
  ["threshold Infinity", bb84("{ threshold: .inf }"), "yaml", /threshold/],
  ["threshold above 0.5", bb84("{ threshold: 0.7 }"), "yaml", /threshold.*0\.5/],
  ["threshold negative", bb84("{ threshold: -0.1 }"), "yaml", /threshold/],
  ["threshold as a broken expression", bb84('{ threshold: "pi/" }'), "yaml", /threshold/],
  ["threshold as an unknown symbol", bb84('{ threshold: "p_o" }'), "yaml", /threshold/],
  ["negative distance", bb84("{ distanceKm: -5 }"), "yaml", /distanceKm/],
  ["depolarizing above 1", bb84("{ depolarizing: 1.5 }"), "yaml", /depolarizing/],
  ["dark counts negative", bb84("{ darkCountProbability: -0.1 }"), "yaml", /darkCountProbability/],
  ["detector efficiency 2", bb84("{ detectorEfficiency: 2 }"), "yaml", /detectorEfficiency/],
  ["mean photon number 0", bb84("{ meanPhotonNumber: 0 }"), "yaml", /meanPhotonNumber/],
  ["mean photon number 1/0", bb84('{ meanPhotonNumber: "1/0" }'), "yaml", /meanPhotonNumber/],
  ["huge test sample", bb84('{ testSize: "10^9" }'), "yaml", /testSize/],
  ["fractional test sample", bb84("{ testSize: 1.5 }"), "yaml", /testSize/],
  ["unknown bb84 variant", bb84("{ variant: quantum-safe }"), "yaml", /variant/],
  ["unknown adversary space", bb84Adv("{ kind: generated, space: telepathy }"), "yaml", /adversary/],
  ["named attack with fraction 1.5", bb84Adv("{ kind: named, name: intercept-resend, fraction: 1.5 }"), "yaml", /fraction/],
  ["non-unitary probe matrix", probe([2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0]), "yaml", /not unitary/],
  ["probe matrix of the wrong dimension", probe([1, 0, 0, 0, 0, 0, 1, 0]), "yaml", /unitary must have 32 numbers/],
  ["odd auth key length", auth("{ keyBits: 3 }"), "yaml", /keyBits/],
  ["huge auth key", auth("{ keyBits: 64 }"), "yaml", /keyBits/],
  ["too many auth sessions", auth("{ sessions: 100 }"), "yaml", /sessions/],
  ["auth noise 2", auth("{ noise: 2 }"), "yaml", /noise/],
  ["auth key of the wrong length", auth('{ keyBits: 4, key: "101" }'), "yaml", /key/],
  ["auth adversary of unknown kind", auth("{ keyBits: 4 }", "{ kind: wormhole }"), "yaml", /adversary/],
  ["auth named strategy unknown", auth("{ keyBits: 4 }", "{ kind: named, name: nobody }"), "yaml", /adversary/],
  ["auth strategy without rounds", auth("{ keyBits: 4 }", "{ kind: strategy, strategy: { mode: mitm } }"), "yaml", /rounds/],
  ["kdc scope unknown", kdc("{ scope: everyone }"), "yaml", /scope/],
  ["kdc rekey strategy unknown", kdc("{ strategy: tree }"), "yaml", /strategy/],
  ["kdc zero groups", kdc("{ groups: 0 }", "kdc.relay-confidentiality"), "yaml", /groups/],
];

const flags: readonly (readonly [string, readonly string[], RegExp])[] = [
  ["unknown flag", ["verify", "--fast"], /--fast/],
  ["negative runs", ["verify", "--runs", "-3"], /--runs/],
  ["non-numeric seed", ["verify", "--seed", "abc"], /--seed/],
  ["unknown format", ["verify", "--format", "pdf"], /pdf/],
  ["shard beyond its count", ["verify", "--shard", "3/2"], /shard/],
  ["unknown command", ["prove"], /prove/],
  ["keyrate descending range", ["keyrate", "--distance", "10:0:5"], /distance|range|step/],
  ["analyze with a non-numeric fraction", ["analyze", "bb84", "--adversary", "intercept-resend", "--fraction", "abc"], /fraction/],
  ["replay without a path", ["replay", "scenarios/bb84/paper-protocol.yaml", "--property", "bb84.secrecy", "--seed", "1"], /--path/],
];

describe("bad-input corpus: exit 2, the field named, no stack trace, nothing written", () => {
  test("the corpus has at least 40 cases", () => {
    expect(files.length + flags.length + 1).toBeGreaterThanOrEqual(40);
  });
  test.each(files)("scenario: %s", async (_name, text, ext, pattern) => {
    const dir = mkdtempSync(join(tmpdir(), "qkd-bad-"));
    const file = join(dir, `bad.${ext}`);
    writeFileSync(file, text);
    const out = join(dir, "out");
    const r = await cli(["verify", file, "--out", out]);
    expect(r.code).toBe(2);
    const message = r.stderr;
    expect(message).toMatch(pattern);
    expect(message).toContain("bad.");
    expect(message).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
  test.each(flags)("flag: %s", async (_name, argv, pattern) => {
    const out = join(mkdtempSync(join(tmpdir(), "qkd-bad-")), "out");
    const r = await cli(argv[0] === "verify" ? [...argv, "--out", out] : argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });
  test("unwritable output directory (a path below a regular file)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qkd-bad-"));
    writeFileSync(join(dir, "file"), "x");
    const r = await cli(["verify", "scenarios/kdc/trust.yaml", "--out", join(dir, "file", "out")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/out|writ|director/i);
  });
});
