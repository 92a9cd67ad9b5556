/**
 * A generated fuzzer of the CLI's inputs (issue 15): fast-check mutations of shipped scenario
 * files and of a real results.json (deletions, type changes, huge and non-finite numbers, deep
 * nesting, hostile keys and strings with control characters, markup and expressions), each run
 * through the CLI in-process. For every mutant: exit 0, 1 or 2 only; no stack trace and no
 * "internal error"; no raw control character in what reaches the terminal; on exit 2 the
 * previous report set is untouched; a bounded time; and any string that reaches the HTML comes
 * out escaped (checked in the parsed DOM).
 *
 * CI runs a modest budget; `QKD_FUZZ_RUNS=200 npx vitest run test/reliability/fuzz.test.ts`
 * runs more.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as fc from "fast-check";
import { parse as parseHtml } from "parse5";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml, stringify as toYaml } from "yaml";
import { cli, type CliRun } from "../cli/capture.js";
import { tempDir } from "../scenarios/fixtures.js";
import { hostileElements } from "./dom.js";

const RUNS = Number(process.env.QKD_FUZZ_RUNS ?? 6);
/** Most time one mutant may take (a valid mutant runs its properties with --runs 1). */
const MUTANT_MS = 30_000;
/** The time a whole fuzz test may take: the budget's worth of typical mutants, never less than the default. */
const TEST_MS = Math.max(120_000, RUNS * 4_000);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const hostileStrings = [
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  "\u001b[2J\u001b]0;owned\u0007",
  "\u001b]52;c;ZXZpbA==\u0007",
  "\u009b31m\u0085\u202e",
  "pi/8",
  "count(range(1,1e9))",
  "createUnit('km','2 m',{override:true})",
  "1/0",
  "x".repeat(5000),
  "holds",
  "violated",
  "1/100000000",
  // the names fast-check 4.10's string arbitraries mix in ("dangerous strings"), and two inside others
  ...["__defineGetter__", "__defineSetter__", "__lookupGetter__", "__lookupSetter__", "__proto__", "constructor", "hasOwnProperty", "isPrototypeOf"],
  ...["propertyIsEnumerable", "toLocaleString", "toString", "valueOf", "apply", "arguments", "bind", "call", "caller", "length", "name", "prototype"],
  ...["key", "ref", "x__proto__", "lengthx"],
];
/**
 * Any code point, lone surrogates included (fast-check's "binary" unit leaves them out). Not
 * `fc.string({ unit: "binary" })`: building that arbitrary maps all 1.1 million code points back
 * to indices (about 1.5 s of CPU per process, 2026-11-28), only to seed it with the names listed
 * above.
 */
const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((c) => String.fromCodePoint(c));
const hostileString = fc.oneof(fc.constantFrom(...hostileStrings), fc.string({ unit: anyCodePoint, maxLength: 20 }));
const hostileKey = fc.constantFrom("__proto__", "constructor", "onclick", "<b>x</b>", "\u001b[2J", "variant", "runs", "matches", "shard");
const nested = (depth: number, leaf: Json): Json => {
  let v = leaf;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
  return v;
};
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(1e308, -1e308, 5e-324, -0, 2 ** 53 + 1, 1e12, -1, 0, 0.5, 1, true, false, null, "", [], {}),
  fc.constantFrom(NaN, Infinity, -Infinity) as fc.Arbitrary<Json>,
  hostileString,
  fc.integer({ min: 60, max: 400 }).map((d) => nested(d, 1)),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

/** One mutation: where (choices down the tree) and what. */
type Mutation =
  | { readonly at: readonly number[]; readonly kind: "delete" }
  | { readonly at: readonly number[]; readonly kind: "replace"; readonly value: Json }
  | { readonly at: readonly number[]; readonly kind: "add"; readonly key: string; readonly value: Json };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ at: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), kind: fc.constant("delete" as const) }),
  fc.record({ at: fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), kind: fc.constant("replace" as const), value: hostileValue }),
  fc.record({ at: fc.array(fc.nat(), { maxLength: 5 }), kind: fc.constant("add" as const), key: hostileKey, value: hostileValue }),
);

/** Apply mutations to a deep copy of `base` (keys are defined, never assigned: `__proto__` stays a key). */
function mutate(base: Json, mutations: readonly Mutation[]): Json {
  const root = { root: structuredClone(base) } as { [k: string]: Json };
  for (const m of mutations) {
    let parent: { [k: string]: Json } | Json[] = root;
    let key: string | number = "root";
    for (const choice of m.at) {
      const node: Json | undefined = (parent as Record<string | number, Json>)[key];
      if (node === null || node === undefined || typeof node !== "object") break;
      const keys: (string | number)[] = Array.isArray(node) ? node.map((_, i) => i) : Object.keys(node);
      if (keys.length === 0) break;
      if (m.kind === "add" && choice === m.at[m.at.length - 1]) break;
      parent = node;
      key = keys[choice % keys.length]!;
    }
    const node = (parent as Record<string | number, Json>)[key];
    if (m.kind === "add" && node !== null && typeof node === "object" && !Array.isArray(node)) {
      Object.defineProperty(node, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
    } else if (m.kind === "delete" && key !== "root") {
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (m.kind === "replace") {
      Object.defineProperty(parent, key, { value: m.value, enumerable: true, writable: true, configurable: true });
    }
  }
  return root.root!;
}

// eslint-disable-next-line no-control-regex
const rawControl = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

function expectClean(run: CliRun, elapsedMs: number): void {
  expect([0, 1, 2]).toContain(run.code);
  const printed = run.stdout + run.stderr;
  expect(printed).not.toMatch(/\n\s+at |internal error/);
  // the progress lines and summary carry no raw controls either (none is a TTY here)
  expect(printed).not.toMatch(rawControl);
  expect(elapsedMs).toBeLessThan(MUTANT_MS);
}

function snapshot(out: string): string {
  return ["index.html", "results.json", "junit.xml"].map((f) => readFileSync(join(out, f), "utf8")).join("\u0000");
}

async function timed(argv: readonly string[]): Promise<[CliRun, number]> {
  const started = performance.now();
  const run = await cli(argv, { definitions: [] });
  return [run, performance.now() - started];
}

function expectEscapedHtml(out: string): void {
  expect(hostileElements(parseHtml(readFileSync(join(out, "index.html"), "utf8")))).toEqual([]);
}

const dir = tempDir("qkd-fuzz-");
const out = join(dir, "out");
let before = "";

describe("fuzzer: mutated inputs through the CLI", () => {
  beforeAll(async () => {
    const run = await cli(["verify", "scenarios/kdc/trust.yaml", "--runs", "1", "--out", out], { definitions: [] });
    expect(run.code).toBe(0);
    before = snapshot(out);
  });

  const shipped = ["scenarios/kdc/trust.yaml", "scenarios/kdc/relay-and-ciphers.yaml", "scenarios/auth/noisy-channel.yaml", "scenarios/bb84/with-privacy-amplification.yaml"];
  const bases = shipped.map((f) => parseYaml(readFileSync(f, "utf8")) as Json);

  it("mutated shipped scenarios (YAML and JSON): exit 0/1/2, clean output, nothing changed on exit 2", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(bases.length - 1), fc.array(mutation, { minLength: 1, maxLength: 3 }), fc.boolean(), async (which, mutations, asJson) => {
        const mutant = mutate(bases[which]!, mutations);
        const file = join(dir, asJson ? "mutant.json" : "mutant.yaml");
        writeFileSync(file, asJson ? JSON.stringify(mutant) : toYaml(mutant, { aliasDuplicateObjects: false }));
        const [run, ms] = await timed(["verify", file, "--runs", "1", "--format", "html,json,junit", "--out", out]);
        expectClean(run, ms);
        if (run.code === 2) expect(snapshot(out)).toBe(before);
        else {
          expectEscapedHtml(out);
          before = snapshot(out);
        }
      }),
      { numRuns: RUNS },
    );
  }, TEST_MS);

  it("mutated results.json merged: exit 0/1/2, clean output, nothing changed on exit 2, strings escaped in the DOM", async () => {
    const base = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as Json;
    const merged = join(dir, "merged");
    await cli(["report", "--merge", out, "--out", merged], { definitions: [] });
    let previous = snapshot(merged);
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        writeFileSync(join(dir, "results.json"), JSON.stringify(mutate(base, mutations)));
        const [run, ms] = await timed(["report", "--merge", join(dir, "results.json"), "--out", merged]);
        expectClean(run, ms);
        if (run.code === 2) expect(snapshot(merged)).toBe(previous);
        else {
          expectEscapedHtml(merged);
          previous = snapshot(merged);
        }
      }),
      { numRuns: RUNS * 2 },
    );
  }, TEST_MS);
});
