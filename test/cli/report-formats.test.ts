import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { PropertyResult, ResultsDocument } from "../../properties/types.js";
import { parseResultsJson, resultsToJson } from "../../reports/json.js";
import { resultsToJunit } from "../../reports/junit.js";
import { goodScenario, tempDir, writeScenario } from "../scenarios/fixtures.js";
import { cli } from "./capture.js";

async function sampleDocument(): Promise<ResultsDocument> {
  const dir = tempDir();
  const file = writeScenario(
    dir,
    "s.json",
    goodScenario("sample", {
      properties: [
        { id: "test.always-holds", expect: "holds" },
        { id: "test.threshold-violated", expect: "holds" },
      ],
    }),
  );
  return JSON.parse((await cli(["verify", file, "--json", "--format", "json", "--out", join(dir, "out")])).stdout) as ResultsDocument;
}

describe("reports/json", () => {
  it("orders keys stably: sections fixed, nested keys sorted, run last", async () => {
    const doc = await sampleDocument();
    const text = resultsToJson(doc);
    expect(Object.keys(JSON.parse(text))).toEqual(["schemaVersion", "tool", "summary", "results", "figures", "run"]);
    const keys = Object.keys(JSON.parse(text).results[0]);
    expect(keys).toEqual([...keys].sort());
    const shuffled = { ...doc, run: doc.run, results: doc.results.map((r) => Object.fromEntries(Object.entries(r).reverse()) as PropertyResult) };
    expect(resultsToJson(shuffled as ResultsDocument)).toBe(text);
    expect(parseResultsJson(text, "x.json")).toEqual(JSON.parse(text));
    expect(() => parseResultsJson("{}", "x.json")).toThrow("x.json: schemaVersion: expected 1");
  });
});

describe("reports/junit", () => {
  it("one testcase per (scenario, property), a failure with message and replay command, XML-escaped", async () => {
    const doc = await sampleDocument();
    const xml = resultsToJunit(doc);
    expect(xml.match(/<testcase /g)).toHaveLength(2);
    expect(xml).toContain('<testsuites name="qkd-harness" tests="2" failures="1" errors="0"');
    expect(xml).toContain('<testsuite name="sample" tests="2" failures="1" errors="0"');
    const failure = /<failure message="([^"]*)" type="verdict-mismatch">([^<]*)<\/failure>/.exec(xml)!;
    expect(failure[1]).toContain("expected holds, got violated: n/100 = ");
    expect(failure[1]).toContain("exceeds &lt;threshold&gt; &amp; &quot;0.3&quot;");
    expect(failure[2]).toContain("replay: qkd-harness replay ");
    expect(failure[2]).toContain("Threshold &lt;br&gt; &amp; \"quotes\"");
    expect(xml).not.toMatch(/<br>|& /);
  });

  it("an errored check is an <error>", async () => {
    const dir = tempDir();
    const file = writeScenario(dir, "e.json", goodScenario("err", { properties: [{ id: "test.throws", expect: "holds" }], parameters: {} }));
    const doc = JSON.parse((await cli(["verify", file, "--json", "--format", "json", "--out", join(dir, "out")])).stdout) as ResultsDocument;
    expect(resultsToJunit(doc)).toContain('<error message="model exploded" type="error">');
  });
});
