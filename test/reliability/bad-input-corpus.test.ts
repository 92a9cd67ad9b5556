/**
 * Issues 7 and 15's bad-input corpus against the shipped protocols: every malformed scenario,
 * parameter, strategy file or flag gets a message naming the field and the problem, exit code
 * 2, no stack trace, no raw control character, and no output directory. Issue 15's examples are
 * here as written (hostile expressions, limits, parser bombs, duplicate and `__proto__` keys,
 * unknown variants, an empty path). (test/cli/bad-input.test.ts covers the loader's own cases
 * with test-only properties; this corpus exercises the real parameter schemas of bb84, auth
 * and kdc.)
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
const files: (readonly [string, string, string, RegExp])[] = [
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
  // sizes bounded in properties/limits.ts (each ran for minutes or died out of memory before)
  ["kdc 10^8 groups", kdc('{ groups: "10^8" }', "kdc.relay-confidentiality"), "yaml", /groups: must be <= 256/],
  ["kdc 10^8 members", kdc('{ universe: "10^8" }', "kdc.forward-secrecy"), "yaml", /universe: must be <= 256/],
  ["kdc 257 initial members", kdc("{ maxInitial: 257 }"), "yaml", /maxInitial: must be <= 256/],
  ["kdc 10^8 membership events", kdc('{ maxEvents: "10^8" }', "kdc.backward-secrecy"), "yaml", /maxEvents: must be <= 256/],
  ["reconciled key of 10^9 bits", bb84('{ minKeyBits: 2000, maxKeyBits: "10^9" }', "bb84.error-correction"), "yaml", /maxKeyBits: must be <= 10\^6/],
  ["reconciled key of 10^6 + 1 bits at least", bb84('{ minKeyBits: 1000001 }', "bb84.error-correction"), "yaml", /minKeyBits: must be <= 10\^6/],
  ["10^9 hash samples", bb84('{ samples: "10^9" }', "bb84.toeplitz-universal"), "yaml", /samples: must be <= 10\^6/],
  ["10^11 finite-key pulses", bb84('{ maxPulses: "10^11" }', "bb84.finite-key-ledger"), "yaml", /maxPulses: must be <= 10\^7/],
  ["10^8 finite-key pulses at least", bb84('{ minPulses: "10^8" }', "bb84.finite-key-ledger"), "yaml", /minPulses: must be <= 10\^7/],
  ["finite-key test size 10^9", bb84('{ testSize: "10^9" }', "bb84.finite-key-ledger"), "yaml", /testSize: must be <= 10\^7/],
];

const measure = (k: number) => `{ op: measure, target: ${["transit", "e0", "e1"][k % 3]}, theta: ${k % 2}, phi: 0 }`;
const authStrategy = (steps: string) => `{ kind: strategy, strategy: { mode: mitm, rounds: [ { toMember: [${steps}], toKdc: [] } ] } }`;
const deepJson = (depth: number) => `{"name": "deep", "parameters": {"x": ${"[".repeat(depth)}${"]".repeat(depth)}}}`;
const aliasBomb = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]",
  "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]",
  "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]",
  "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]",
  "f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]",
].join("\n");
const goodJson = (extra: string) =>
  `{"name": "bad", "description": "bad input", "protocol": "kdc", ${extra} "settings": {"runs": 2, "seed": 1}, "properties": [{"id": "kdc.correctness", "expect": "holds"}]}`;

/** Hostile or careless values for a numeric parameter: each must be refused naming the parameter. */
const hostileNumbers: readonly (readonly [string, string])[] = [
  ["createUnit (issue 15)", `"createUnit('km','2 m',{override:true})"`],
  ["count(range) (issue 15)", '"count(range(1,1e9))"'],
  ["an assignment", '"x = 0.1"'],
  ["a function definition", '"f(x) = x"'],
  ["a matrix", '"[0.1, 0.2]"'],
  ["a range", '"1:3"'],
  ["a unit", '"0.1 km"'],
  ["a string constant", "\"'a'\""],
  ["import", '"import({})"'],
  ["evaluate", '"evaluate(\'1\')"'],
  ["an accessor", '"pi.constructor"'],
  ["a comparison", '"1 > 0"'],
  ["a factorial", '"3!"'],
  ["an unknown function", '"cube(0.1)"'],
  ["an expression of 300 characters", `"${"0.0001+".repeat(42)}0"`],
  ["2^2^2^2^2 (overflows)", '"2^2^2^2^2"'],
  ["1e400", '"1e400"'],
  ["log(0)", '"log(0)"'],
  ["sqrt(-1) (complex)", '"sqrt(-1)"'],
  ["true", "true"],
  ["null", "null"],
  ["a list", "[0.1]"],
  ["an object", "{ value: 0.1 }"],
  ["an empty string", '""'],
  ["text with escape codes", '"\\e]0;owned\\a0.1"'],
];
const numericParameters: readonly (readonly [string, (v: string) => string, string])[] = [
  ["bb84 threshold", (v) => bb84(`{ threshold: ${v} }`), "threshold"],
  ["bb84 depolarizing", (v) => bb84(`{ depolarizing: ${v} }`), "depolarizing"],
  ["auth noise", (v) => auth(`{ noise: ${v} }`), "noise"],
  ["kdc groups", (v) => kdc(`{ groups: ${v} }`, "kdc.relay-confidentiality"), "groups"],
];
for (const [param, text, field] of numericParameters) {
  for (const [what, value] of hostileNumbers) files.push([`${param} as ${what}`, text(value), "yaml", new RegExp(field)]);
}

files.push(
  // limits (issue 15, class 3)
  ["settings.runs 1e12 (issue 15)", head("bb84").replace("runs: 2", "runs: 1e12") + "properties:\n  - { id: bb84.secrecy, expect: holds }\n", "yaml", /settings\.runs/],
  ["settings.runs 10000001", head("bb84").replace("runs: 2", "runs: 10000001") + "properties:\n  - { id: bb84.secrecy, expect: holds }\n", "yaml", /settings\.runs/],
  ["auth strategy with a dozen measurements per transit (issue 15)", auth("{ keyBits: 8 }", authStrategy(Array.from({ length: 12 }, (_, k) => measure(k)).join(", "))), "yaml", /rounds.*measurements/],
  ["auth strategy with three measurements in a round", auth("{ keyBits: 4 }", authStrategy([0, 1, 2].map(measure).join(", "))), "yaml", /rounds.*measurements/],
  // parser failures (issue 15, class 4)
  ["YAML alias bomb (issue 15)", aliasBomb, "yaml", /alias/],
  ["JSON nested 100,000 deep (issue 15)", deepJson(100_000), "json", /nested too deeply/],
  ["JSON nested 65 deep", deepJson(65), "json", /parameters\.x.*nested too deeply/],
  ["YAML flow nested 100,000 deep", `x: ${"[".repeat(100_000)}${"]".repeat(100_000)}\n`, "yaml", /nested too deeply/],
  ["YAML block sequence 50,000 deep", `x:\n${"- ".repeat(50_000)}1\n`, "yaml", /nested too deeply/],
  ["YAML block sequence 50,000 deep after a key", `x: ${"- ".repeat(50_000)}1\n`, "yaml", /YAML/],
  ["YAML indented 300 columns", `name: x\n${" ".repeat(300)}y: 1\n`, "yaml", /indented|nested|YAML/],
  ["YAML unterminated quote", 'name: "bad\n', "yaml", /YAML/],
  ["YAML tab indentation", "name: bad\nsettings:\n\truns: 2\n", "yaml", /YAML/],
  ["JSON with a trailing comma", goodJson("").replace("}]}", "},]}"), "json", /JSON/],
  ["JSON with control bytes, never echoed", "\u001b]52;c;ZXZpbA==\u0007{", "json", /JSON/],
  ["JSON top-level array", "[1, 2]", "json", /object/],
  ["JSON top-level string", '"scenario"', "json", /object/],
  ["YAML top-level list", "- a\n- b\n", "yaml", /object/],
  // silent acceptance (issue 15, class 5)
  ["JSON duplicate key (issue 15)", goodJson('"variant": "protocol", "variant": "negative-control",'), "json", /variant.*duplicate/],
  ["JSON duplicate nested key", goodJson('"parameters": {"scope": "member-scope", "scope": "group-scope"},'), "json", /parameters\.scope.*duplicate/],
  ["YAML duplicate key", `${head("kdc")}variant: protocol\nvariant: protocol\nproperties:\n  - { id: kdc.correctness, expect: holds }\n`, "yaml", /YAML|unique|key/i],
  ["JSON __proto__ key (issue 15)", goodJson('"__proto__": {"polluted": true},'), "json", /__proto__/],
  ["YAML __proto__ key", `${head("kdc")}__proto__: { polluted: true }\nproperties:\n  - { id: kdc.correctness, expect: holds }\n`, "yaml", /__proto__/],
  ["__proto__ among parameters", kdc("{ __proto__: { scope: group-scope } }"), "yaml", /parameters.*__proto__/],
  ["unknown kdc variant (issue 15)", `${head("kdc")}variant: quantum-safe\nproperties:\n  - { id: kdc.rekey-leave-cost, expect: holds }\n`, "yaml", /variant.*known: /],
  ["unknown auth variant", `${head("auth")}variant: parrity\nproperties:\n  - { id: auth.completeness, expect: holds }\n`, "yaml", /variant/],
  ["unknown bb84 variant at the top", `${head("bb84")}variant: paper-ish\nproperties:\n  - { id: bb84.secrecy, expect: holds }\n`, "yaml", /variant/],
  ["variant with escape codes", `${head("kdc")}variant: "\\e[2Jx"\nproperties:\n  - { id: kdc.rekey-leave-cost, expect: holds }\n`, "yaml", /variant/],
  ["variant of another protocol", `${head("kdc")}variant: with-pa\nproperties:\n  - { id: kdc.correctness, expect: holds }\n`, "yaml", /variant/],
  // terminal injection (issue 15, class 7): refused, and the message shows the escapes visibly
  ["name with escape codes", head("kdc").replace("name: bad", 'name: "bad\\e]0;title\\a"') + "properties:\n  - { id: kdc.correctness, expect: holds }\n", "yaml", /name/],
  ["property id with escape codes", `${head("kdc")}properties:\n  - { id: "kdc.\\e[2Jx", expect: holds }\n`, "yaml", /properties\[0\]\.id/],
  ["reason over two lines with escape codes", `${head("kdc")}properties:\n  - { id: kdc.correctness, expect: violated, reason: "a\\nb\\e[2J" }\n`, "yaml", /reason/],
  ["expect with a C1 control", `${head("kdc")}properties:\n  - { id: kdc.correctness, expect: "holds\\x9b" }\n`, "yaml", /expect/],
);

const flags: readonly (readonly [string, readonly string[], RegExp])[] = [
  ["unknown flag", ["verify", "--fast"], /--fast/],
  ["negative runs", ["verify", "--runs", "-3"], /--runs/],
  ["non-numeric seed", ["verify", "--seed", "abc"], /--seed/],
  ["unknown format", ["verify", "--format", "pdf"], /pdf/],
  ["shard beyond its count", ["verify", "--shard", "3/2"], /shard/],
  ["unknown command", ["prove"], /prove/],
  ["keyrate descending range", ["keyrate", "--distance", "10:0:5"], /distance|range|step/],
  ["keyrate range of 100,000 distances", ["keyrate", "--preset", "gys", "--distance", "0:99999:1", "--method", "finite-decoy", "--block", "1e10", "--eps-sec", "1e-10"], /^qkd-harness: keyrate --distance: range "0:99999:1" expands to more than 10000 distances/],
  ["analyze with a non-numeric fraction", ["analyze", "bb84", "--adversary", "intercept-resend", "--fraction", "abc"], /fraction/],
  ["replay without a path", ["replay", "scenarios/bb84/paper-protocol.yaml", "--property", "bb84.secrecy", "--seed", "1"], /--path/],
  // issue 15 as written
  ["verify with an empty path (issue 15)", ["verify", ""], /empty path/],
  ["verify with a blank path", ["verify", "  "], /empty path/],
  ["shard 1/100000000 (issue 15)", ["verify", "--shard", "1/100000000"], /--shard.*1000/],
  ["shard 1/1001", ["verify", "--shard", "1/1001"], /--shard.*1000/],
  ["shard 0/0", ["verify", "--shard", "0/0"], /--shard/],
  ["shard with 20 digits", ["verify", "--shard", "1/99999999999999999999"], /--shard/],
  ["runs 1e12 as a flag", ["verify", "--runs", "1000000000000"], /--runs/],
  ["runs 10000001 as a flag", ["verify", "--runs", "10000001"], /--runs/],
  ["analyze --fraction count(range) (issue 15)", ["analyze", "bb84", "--adversary", "intercept-resend", "--fraction", "count(range(1,1e9))"], /fraction/],
  ["analyze --fraction createUnit", ["analyze", "bb84", "--adversary", "intercept-resend", "--fraction", "createUnit('km','2 m',{override:true})"], /fraction/],
  ["analyze --fraction 1e400", ["analyze", "bb84", "--adversary", "intercept-resend", "--fraction", "1e400"], /fraction/],
  ["analyze --fraction of 300 characters", ["analyze", "bb84", "--adversary", "intercept-resend", "--fraction", `${"0+".repeat(150)}0`], /fraction/],
  ["analyze --distance as a matrix", ["analyze", "bb84", "--adversary", "none", "--distance", "[1,2]"], /distance/],
  ["analyze auth --variant unknown", ["analyze", "auth", "--variant", "parrity"], /variant/],
  ["merge of a missing folder", ["report", "--merge", "/nonexistent/shard"], /cannot read/],
  ["merge with no folder", ["report"], /--merge/],
  ["unknown command with escape codes", ["\u001b]0;x\u0007"], /unknown command/],
];

/** A raw control character (other than newline and tab) in what reaches a terminal. */
// eslint-disable-next-line no-control-regex
const controlCharacter = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** [name, strategy file text, what the message must name] for `analyze auth --strategy FILE`. */
const strategyFiles: readonly (readonly [string, string, RegExp])[] = [
  ["binary garbage (issue 15: never echoed)", "\u001b]52;c;ZXZpbA==\u0007\u0000\u0001 not json", /strategy\.json.*JSON/],
  ["a YAML file", "mode: mitm\nrounds: []\n", /strategy\.json.*JSON/],
  ["empty", "", /strategy\.json.*JSON/],
  ["nested 100,000 deep", `{"rounds": ${"[".repeat(100_000)}${"]".repeat(100_000)}}`, /strategy\.json.*nested too deeply/],
  ["duplicate keys", '{"mode": "mitm", "mode": "impersonate-kdc", "rounds": [{}]}', /strategy\.json.*mode.*duplicate/],
  ["a __proto__ key", '{"__proto__": {"mode": "mitm"}, "rounds": [{}]}', /__proto__/],
  ["no rounds", '{"mode": "mitm"}', /rounds/],
  ["a dozen measurements in one transit", JSON.stringify({ rounds: [{ toKdc: Array.from({ length: 12 }, () => ({ op: "measure", target: "transit", theta: 0, phi: 0 })) }] }), /rounds\.0.*measurements/],
  ["an angle as count(range)", JSON.stringify({ rounds: [{ toKdc: [{ op: "h", target: "transit" }, { op: "measure", target: "transit", theta: "count(range(1,1e9))", phi: 0 }] }] }), /theta/],
  ["an unknown op", JSON.stringify({ rounds: [{ toKdc: [{ op: "teleport", target: "transit" }] }] }), /op/],
];

describe("bad-input corpus: exit 2, the field named, no stack trace, nothing written", () => {
  test("the corpus has at least 150 cases", () => {
    expect(files.length + flags.length + strategyFiles.length + 1).toBeGreaterThanOrEqual(150);
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
    expect(message).not.toMatch(/\n\s+at |internal error/);
    expect(message).not.toMatch(controlCharacter);
    expect(existsSync(out)).toBe(false);
  });
  test.each(flags)("flag: %s", async (_name, argv, pattern) => {
    const out = join(mkdtempSync(join(tmpdir(), "qkd-bad-")), "out");
    const r = await cli(argv[0] === "verify" ? [...argv, "--out", out] : argv);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    expect(r.stderr).not.toMatch(controlCharacter);
    expect(existsSync(out)).toBe(false);
  });
  test.each(strategyFiles)("analyze auth --strategy: %s", async (_name, text, pattern) => {
    const file = join(mkdtempSync(join(tmpdir(), "qkd-bad-")), "strategy.json");
    writeFileSync(file, text);
    const r = await cli(["analyze", "auth", "--key-bits", "4", "--strategy", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(pattern);
    expect(r.stderr).not.toMatch(/\n\s+at |internal error/);
    expect(r.stderr).not.toMatch(controlCharacter);
    expect(r.stderr).not.toContain("ZXZpbA"); // never the file's bytes
  });
  test("unwritable output directory (a path below a regular file)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qkd-bad-"));
    writeFileSync(join(dir, "file"), "x");
    const r = await cli(["verify", "scenarios/kdc/trust.yaml", "--out", join(dir, "file", "out")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/out|writ|director/i);
  });
});
