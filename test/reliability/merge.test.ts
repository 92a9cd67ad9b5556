/**
 * `report --merge` against hostile and careless shards (issue 15, class 1): every results.json
 * is validated field by field (exit 2 naming the file and the field, nothing written), `matches`
 * is recomputed rather than believed, shard counts are bounded, and the merged report of any
 * sharding equals the unsharded one byte for byte in every format, timing aside.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "parse5";
import { beforeAll, describe, expect, it } from "vitest";
import type { ResultsDocument } from "../../properties/types.js";
import { defaultRenderers, REPORT_FILES, type ReportRenderers } from "../../reports/write.js";
import { cli } from "../cli/capture.js";
import { tempDir } from "../scenarios/fixtures.js";
import { hostileElements } from "./dom.js";

const dir = tempDir("qkd-merge-");
const scenarios = ["scenarios/kdc/trust.yaml", "scenarios/kdc/relay-and-ciphers.yaml", "scenarios/kdc/integrity-aes.yaml"];
const common = ["--runs", "2", "--seed", "7"];

/** The run's environment without the command line, which names each shard's own invocation. */
function withoutCommand(environment: Readonly<Record<string, string>>): Record<string, string> {
  const { command: _command, ...rest } = environment;
  return rest;
}

/** The renderers with the run's timing facts (and command line) fixed, so that only what must be equal is compared. */
const timingAside: ReportRenderers = Object.fromEntries(
  Object.entries(defaultRenderers).map(([format, render]) => [
    format,
    (doc: ResultsDocument) =>
      render({ ...doc, run: { ...doc.run, startedAt: "2026-01-01T00:00:00.000Z", durationMs: 0, durations: Object.fromEntries(Object.keys(doc.run.durations).map((k) => [k, 0])), environment: withoutCommand(doc.run.environment) } }),
  ]),
) as unknown as ReportRenderers;

const read = (out: string, format: keyof typeof REPORT_FILES) => readFileSync(join(out, REPORT_FILES[format]), "utf8");

describe("report --merge: byte-identical to the unsharded run, timing aside", () => {
  const whole = join(dir, "whole");
  beforeAll(async () => {
    expect([0, 1]).toContain((await cli(["verify", ...scenarios, ...common, "--out", whole], { definitions: [], renderers: timingAside })).code);
  });

  it.each([2, 3])("%i shards merge into the same HTML, JSON and JUnit", async (n) => {
    const shards = Array.from({ length: n }, (_, i) => join(dir, `of${n}-${i + 1}`));
    for (const [i, out] of shards.entries()) {
      const run = await cli(["verify", ...scenarios, ...common, "--shard", `${i + 1}/${n}`, "--format", "json", "--out", out], { definitions: [] });
      expect([0, 1]).toContain(run.code);
    }
    const merged = join(dir, `merged-${n}`);
    const run = await cli(["report", "--merge", ...shards.reverse(), "--out", merged], { definitions: [], renderers: timingAside });
    expect([0, 1]).toContain(run.code);
    expect(read(merged, "junit")).toBe(read(whole, "junit"));
    expect(read(merged, "html")).toBe(read(whole, "html"));
    const strip = (text: string) => ({ ...(JSON.parse(text) as ResultsDocument), run: undefined });
    expect(strip(read(merged, "json"))).toEqual(strip(read(whole, "json")));
  });
});

describe("report --merge: a shard's results.json is untrusted input", () => {
  let good: ResultsDocument;
  beforeAll(async () => {
    const out = join(dir, "good");
    await cli(["verify", "scenarios/kdc/trust.yaml", "--runs", "2", "--format", "json", "--out", out], { definitions: [] });
    good = JSON.parse(read(out, "json")) as ResultsDocument;
  });

  const merge = async (name: string, content: string | ((doc: any) => unknown)) => {
    const shard = join(dir, "bad", name);
    mkdirSync(shard, { recursive: true });
    const text = typeof content === "string" ? content : JSON.stringify(content(structuredClone(good)));
    writeFileSync(join(shard, "results.json"), text);
    const out = join(dir, "bad-out", name);
    const run = await cli(["report", "--merge", shard, "--out", out], { definitions: [] });
    return { ...run, out };
  };

  const rejected: readonly (readonly [string, (doc: any) => unknown, RegExp])[] = [
    ["results[0].runs as markup", (d) => ((d.results[0].runs = "<img src=x onerror=alert(1)>"), d), /results\[0\]\.runs/],
    ["results[0].seed as markup", (d) => ((d.results[0].seed = "<script>alert(1)</script>"), d), /results\[0\]\.seed/],
    ["results[0] null", (d) => ((d.results[0] = null), d), /results\[0\]/],
    ["results[0].trust missing", (d) => (delete d.results[0].trust, d), /results\[0\]\.trust/],
    ["results[0].metrics missing", (d) => (delete d.results[0].metrics, d), /results\[0\]\.metrics/],
    ["run missing", (d) => (delete d.run, d), /\brun\b/],
    ["run.shard 1/100000000", (d) => ((d.run.shard = "1/100000000"), d), /run\.shard.*1000/],
    ["run.shard 0/2", (d) => ((d.run.shard = "0/2"), d), /run\.shard/],
    ["results[0].runs 1e12", (d) => ((d.results[0].runs = 1e12), d), /results\[0\]\.runs/],
    ["results[0].verdict unknown", (d) => ((d.results[0].verdict = "maybe"), d), /results\[0\]\.verdict/],
    ["an unknown field", (d) => ((d.results[0].onclick = "x"), d), /results\[0\]\.onclick/],
    ["figures[0].series[0].points as strings", (d) => ((d.figures = [{ id: "f", title: "t", caption: "c", xLabel: "x", yLabel: "y", series: [{ name: "s", mark: "line", points: [["<b>", 1]] }] }]), d), /figures\[0\]\.series\[0\]\.points/],
    ["schemaVersion 2", (d) => ((d.schemaVersion = 2), d), /schemaVersion/],
  ];
  it.each(rejected)("%s: exit 2 naming the field, nothing written", async (name, mutate, field) => {
    const run = await merge(name.replace(/\W+/g, "-"), mutate);
    expect(run.stderr).toMatch(field);
    expect(run.stderr).toContain("results.json");
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(run.code).toBe(2);
    expect(existsSync(run.out)).toBe(false);
  });

  it.each([
    ["nested 100,000 deep", `{"a":${"[".repeat(100_000)}${"]".repeat(100_000)}}`],
    ["duplicate keys", '{"schemaVersion":1,"schemaVersion":1}'],
    ["not JSON", "\u001b]52;c;ZXZpbA==\u0007 garbage"],
    ["a __proto__ key", '{"__proto__":{"polluted":true}}'],
  ])("%s: exit 2 naming the file, never echoing it", async (name, text) => {
    const run = await merge(name.replace(/\W+/g, "-"), text);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("results.json");
    expect(run.stderr).not.toContain("\u001b");
    expect(run.stderr).not.toContain("ZXZpbA");
    expect(run.stderr).not.toMatch(/internal error|\n\s+at /);
  });

  it("a shard's own matches is never believed: it is recomputed from verdict and expectation", async () => {
    const run = await merge("lying-matches", (d) => {
      d.results[0].expected = d.results[0].verdict === "holds" ? "violated" : "holds";
      d.results[0].expectedReason = "lie";
      d.results[0].matches = true;
      d.summary.mismatched = 0;
      return d;
    });
    expect(run.code).toBe(1);
    const merged = JSON.parse(read(run.out, "json")) as ResultsDocument;
    expect(merged.results[0]!.matches).toBe(false);
    expect(merged.summary.mismatched).toBeGreaterThanOrEqual(1);
  });

  it("strings from a shard reach the HTML escaped (checked in the parsed DOM)", async () => {
    const payload = `"><script>alert(1)</script><img src=x onerror=alert(2)>\u001b[2J`;
    const run = await merge("hostile-strings", (d) => {
      for (const r of d.results) {
        Object.assign(r, { title: payload, statement: payload, scenario: `s${payload}`, variant: payload, expectedReason: payload });
        r.trust.trusted = [payload];
        r.metrics = { [payload]: payload };
      }
      d.run.environment = { [payload]: payload };
      d.run.durations = {};
      return d;
    });
    expect([0, 1]).toContain(run.code);
    const html = read(run.out, "html");
    expect(hostileElements(parse(html))).toEqual([]);
    expect(run.stdout + run.stderr).not.toContain("\u001b");
  });
});
