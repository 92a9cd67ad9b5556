import * as fc from "fast-check";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { runProperty, type RunSettings } from "../../properties/engine.js";
import { checkClaims, claimText, evidenceText, mismatchText } from "../../properties/evidence.js";
import type { PropertyDefinition, PropertyResult } from "../../properties/types.js";
import { resultsToJson } from "../../reports/json.js";
import { resultsToJunit } from "../../reports/junit.js";
import { buildResultsDocument } from "../../scenarios/document.js";
import { parseScenario } from "../../scenarios/load.js";
import { matrixOf } from "../../scenarios/matrix.js";
import { runCell } from "../../scenarios/run.js";
import { cli } from "../cli/capture.js";
import { goodScenario, tempDir, testDefinitions, writeScenario } from "../scenarios/fixtures.js";

const trust = { trusted: ["test harness"], adversary: "picks x" };

/**
 * "x <= limit": fast-check draws x from [0, reach], so it can only falsify when reach > limit;
 * the objective search climbs towards `searchTo` in steps (a stand-in for the optimising search
 * of issue 11, deterministic in seed and budget).
 */
const limited: PropertyDefinition<{ limit: number; reach: number; searchTo: number }, number> = {
  id: "fake.limited",
  protocol: "fake",
  title: "x is at most the limit",
  statement: "x <= limit",
  trust,
  params: z.object({ limit: z.number(), reach: z.number(), searchTo: z.number() }),
  arbitrary: (p) => fc.double({ min: 0, max: p.reach, noNaN: true }),
  check: (p, x) => ({ ok: x <= p.limit, margin: p.limit - x, metrics: { x, limit: p.limit }, message: `x = ${x} > ${p.limit}` }),
  trace: (_p, x) => [{ step: "pick", detail: `x = ${x}` }],
  objective: {
    name: "x",
    description: "x itself",
    search: (p, { seed, budget }) => {
      const evaluations = Math.min(budget, 10);
      const x = (p.searchTo * evaluations) / 10 + 0 * seed;
      return { input: x, value: x, evaluations, metrics: { x, steps: evaluations } };
    },
  },
};

const settings = (expected: "holds" | "violated", extra: Partial<RunSettings> = {}): RunSettings => ({
  runs: 30,
  seed: 7,
  scenario: "fake",
  variant: "default",
  expected,
  ...extra,
});

describe("evidence on every result", () => {
  it("a holds on generated inputs is sampled and reads 'not falsified', never verified", () => {
    const r = runProperty({ ...limited, objective: undefined }, { limit: 1, reach: 1, searchTo: 0 }, settings("holds"));
    expect(r.verdict).toBe("holds");
    expect(r.evidence).toEqual({ kind: "sampled", inputs: 30 });
    expect(evidenceText(r)).toBe("not falsified in 30 generated inputs (not verified)");
    expect(evidenceText(r)).not.toMatch(/^verified/);
    expect(r.kind).toBe("claim");
  });

  it("a declared analytic or exact evidence is kept, and no search runs for a holds", () => {
    let searches = 0;
    const def: typeof limited = {
      ...limited,
      evidence: () => ({ kind: "exact", detail: "one input, computed exactly" }),
      objective: { ...limited.objective!, search: (p, o) => (searches++, limited.objective!.search(p, o)) },
    };
    const r = runProperty(def, { limit: 1, reach: 1, searchTo: 2 }, settings("holds", { searchBudget: 10 }));
    expect(r.evidence).toEqual({ kind: "exact", detail: "one input, computed exactly" });
    expect(evidenceText(r)).toBe("verified exactly: one input, computed exactly");
    expect(searches).toBe(0);
  });

  it("a holds that survives the search is optimised: inputs, budget, evaluations and best objective", () => {
    const r = runProperty(limited, { limit: 1, reach: 1, searchTo: 0.9 }, settings("holds", { searchBudget: 50 }));
    expect(r.verdict).toBe("holds");
    expect(r.evidence).toEqual({ kind: "optimised", inputs: 30, budget: 50, evaluations: 10, objective: "x", bestObjective: 0.9 });
    expect(evidenceText(r)).toBe("not falsified in 30 generated inputs and an optimising search (budget 50, 10 evaluations, best x = 0.900000)");
    expect(r.damaging).toBeUndefined();
  });

  it("no search without a budget (library calls) or with budget 0", () => {
    for (const extra of [{}, { searchBudget: 0 }]) {
      const r = runProperty(limited, { limit: 1, reach: 1, searchTo: 2 }, settings("holds", extra));
      expect(r.verdict).toBe("holds");
      expect(r.evidence?.kind).toBe("sampled");
    }
  });

  it("a search that throws is an error naming the search, never a pass", () => {
    const def: typeof limited = { ...limited, objective: { ...limited.objective!, search: () => { throw new Error("no gradient"); } } };
    const r = runProperty(def, { limit: 1, reach: 1, searchTo: 0 }, settings("holds", { searchBudget: 5 }));
    expect(r.verdict).toBe("error");
    expect(r.error).toBe("optimising search (x, budget 5): no gradient");
    expect(r.evidence?.kind).toBe("sampled");
  });
});

describe("both attacks in a violated result", () => {
  const violated = runProperty(limited, { limit: 0.5, reach: 1, searchTo: 1 }, settings("violated", {
    searchBudget: 20,
    kind: "finding",
    replayCommand: (seed, path) => `replay --seed ${seed} --path ${path}`,
    searchReplayCommand: (seed, budget) => `search --seed ${seed} --budget ${budget}`,
  }));

  it("keeps the shrunk counterexample and adds the most damaging attack, whose metrics lead", () => {
    expect(violated.verdict).toBe("violated");
    expect(violated.counterexample!.replay).toMatch(/^replay --seed 7 --path /);
    expect(violated.counterexample!.metrics.x as number).toBeLessThan(0.51); // shrunk towards the limit
    expect(violated.damaging).toMatchObject({ objective: "x", value: 1, evaluations: 10, budget: 20, seed: 7, input: 1, replay: "search --seed 7 --budget 20", message: "x = 1 > 0.5" });
    expect(violated.damaging!.trace).toEqual([{ step: "pick", detail: "x = 1" }]);
    expect(violated.metrics).toEqual(violated.damaging!.metrics);
    expect(violated.metrics).toMatchObject({ x: 1, steps: 10, limit: 0.5 });
    expect(violated.kind).toBe("finding");
    expect(violated.matches).toBe(true);
  });

  it("a holds on generated inputs that the search falsifies becomes violated with the search's input", () => {
    const r = runProperty(limited, { limit: 0.5, reach: 0.4, searchTo: 0.8 }, settings("holds", { searchBudget: 10, searchReplayCommand: (s, b) => `search ${s} ${b}` }));
    expect(r.verdict).toBe("violated");
    expect(r.matches).toBe(false);
    expect(r.counterexample).toMatchObject({ input: 0.8, shrinks: 0, path: "", replay: "search 7 10" });
    expect(r.damaging?.value).toBe(0.8);
    expect(mismatchText(r)).toBe("expected holds, got violated: x = 0.8 > 0.5");
  });

  it("is deterministic: the same settings give the same result", () => {
    const again = runProperty(limited, { limit: 0.5, reach: 1, searchTo: 1 }, settings("violated", {
      searchBudget: 20,
      kind: "finding",
      replayCommand: (seed, path) => `replay --seed ${seed} --path ${path}`,
      searchReplayCommand: (seed, budget) => `search --seed ${seed} --budget ${budget}`,
    }));
    expect(again).toEqual(violated);
  });

  it("JSON and JUnit carry the evidence text, the claims and the damaging attack", () => {
    const r = runProperty(limited, { limit: 0.5, reach: 1, searchTo: 1 }, settings("violated", { searchBudget: 20, kind: "finding", claims: { atLeast: { x: 0.99 }, atMost: { nope: 1 } } }));
    const doc = buildResultsDocument({ version: "0", results: [r], figures: [], run: { startedAt: "t", durationMs: 0, durations: {}, environment: {} } });
    const json = JSON.parse(resultsToJson(doc));
    expect(json.results[0].evidenceText).toBe(evidenceText(r));
    expect(json.results[0].damaging.value).toBe(1);
    const junit = resultsToJunit(doc);
    expect(junit).toContain('<property name="evidence.kind" value="optimised"/>');
    expect(junit).toContain('<property name="kind" value="finding"/>');
    expect(junit).toContain('<property name="claim.atLeast.x" value="x = 1 &gt;= 0.99"/>');
    expect(junit).toContain('<property name="claim.atMost.nope" value="nope &lt;= 1: FAILED, the result has no finite number &quot;nope&quot;"/>');
    expect(junit).toContain('<property name="damaging.replay" value="--seed 7 --budget 20"/>');
    expect(junit).toContain('type="verdict-mismatch"');
  });
});

describe("quantitative claims", () => {
  it("checks atLeast and atMost; an absent or non-numeric metric fails with actual null", () => {
    const checks = checkClaims({ atLeast: { a: 1, s: 0 }, atMost: { a: 2, gone: 3 } }, { a: 1.5, s: "text" });
    expect(checks).toEqual([
      { metric: "a", bound: "atLeast", value: 1, actual: 1.5, ok: true },
      { metric: "s", bound: "atLeast", value: 0, actual: null, ok: false },
      { metric: "a", bound: "atMost", value: 2, actual: 1.5, ok: true },
      { metric: "gone", bound: "atMost", value: 3, actual: null, ok: false },
    ]);
    expect(claimText(checks[1]!)).toBe('s >= 0: FAILED, the result has no finite number "s"');
  });

  it("a failing claim makes a result with the expected verdict a mismatch, with a clear message", () => {
    const r = runProperty(limited, { limit: 1, reach: 1, searchTo: 0 }, settings("holds", { claims: { atLeast: { limit: 2 }, atMost: { missing: 0 } } }));
    expect(r.verdict).toBe("holds");
    expect(r.matches).toBe(false);
    expect(r.claims).toEqual([
      { metric: "limit", bound: "atLeast", value: 2, actual: 1, ok: false },
      { metric: "missing", bound: "atMost", value: 0, actual: null, ok: false },
    ]);
    expect(mismatchText(r)).toBe('claims failed: limit = 1 >= 2: FAILED; missing <= 0: FAILED, the result has no finite number "missing"');
  });
});

describe("scenario expectations: kind, claims, searchBudget", () => {
  const parse = (overrides: Record<string, unknown>) =>
    () => parseScenario("s.json", JSON.stringify(goodScenario("s", overrides)), { definitions: testDefinitions });

  it("loads kind (default claim for holds), claims and the default search budget", () => {
    const s = parseScenario("s.json", JSON.stringify(goodScenario("s", {
      properties: [
        { id: "test.always-holds", expect: "holds", atMost: { x: 1 } },
        { id: "test.threshold-violated", expect: "violated", kind: "control", reason: "r", atLeast: { n: 31 } },
      ],
    })), { definitions: testDefinitions });
    expect(s.properties.map((p) => [p.kind, p.claims])).toEqual([["claim", { atMost: { x: 1 } }], ["control", { atLeast: { n: 31 } }]]);
    expect(s.settings.searchBudget).toBe(200);
  });

  it.each([
    ["violated without kind", { properties: [{ id: "test.threshold-violated", expect: "violated", reason: "r" }] }, /properties\[0\]\.kind: required when expect is "violated"/],
    ["violated as a claim", { properties: [{ id: "test.threshold-violated", expect: "violated", kind: "claim", reason: "r" }] }, /properties\[0\]\.kind: must not be "claim"/],
    ["unknown kind", { properties: [{ id: "test.always-holds", expect: "holds", kind: "theorem" }] }, /properties\[0\]\.kind: must be "claim", "finding" or "control"/],
    ["a claim bound that is not a number", { properties: [{ id: "test.always-holds", expect: "holds", atLeast: { x: "high" } }] }, /properties\[0\]\.atLeast\.x: expected a number/],
    ["an empty claim", { properties: [{ id: "test.always-holds", expect: "holds", atMost: {} }] }, /properties\[0\]\.atMost: must name at least one metric/],
    ["a negative search budget", { settings: { runs: 5, seed: 1, searchBudget: -1 } }, /settings\.searchBudget: must be >= 0/],
    ["an absurd search budget", { settings: { runs: 5, seed: 1, searchBudget: 1e9 } }, /settings\.searchBudget: must be <= 100000/],
  ])("rejects %s, naming the field", (_name, overrides, message) => {
    expect(parse(overrides)).toThrow(message);
  });
});

describe("verify --seeds K", () => {
  const dir = tempDir();

  it("runs every cell on K consecutive seeds and reports the fraction matched", () => {
    const scenario = parseScenario("s.json", JSON.stringify(goodScenario("s", { settings: { runs: 1, seed: 100 } })), { definitions: testDefinitions });
    const outcomes = matrixOf([scenario]).map((cell) => runCell(cell, { seeds: 20, replayCommand: () => "r" }).result);
    const always = outcomes.find((r) => r.property === "test.always-holds")!;
    expect(always.seedSweep).toEqual({ seeds: 20, matched: 20, mismatchedSeeds: [] });
    expect(always.matches).toBe(true);
    // one input per seed: n/100 > 0.3 on most seeds but not all, so the sweep shows the misses
    const threshold = outcomes.find((r) => r.property === "test.threshold-violated")!;
    const sweep = threshold.seedSweep!;
    expect(sweep.seeds).toBe(20);
    expect(sweep.matched + sweep.mismatchedSeeds.length).toBe(20);
    expect(sweep.mismatchedSeeds.every((s) => s >= 100 && s < 120)).toBe(true);
    expect(threshold.matches).toBe(sweep.matched >= 19);
    for (const seed of sweep.mismatchedSeeds) {
      const single = runCell(matrixOf([scenario]).find((c) => c.property.definition.id === "test.threshold-violated")!, { seed, replayCommand: () => "r" });
      expect(single.result.matches).toBe(false);
    }
  });

  it.each(["0", "1.5", "1001", "many"])("--seeds %s is a usage error naming the flag (exit 2)", async (value) => {
    const file = writeScenario(dir, "ok.json", goodScenario("ok"));
    const r = await cli(["verify", file, "--seeds", value, "--format", "json", "--out", join(dir, "out")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--seeds");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("the terminal, JSON and JUnit show the fraction per cell", async () => {
    const file = writeScenario(dir, "sweep.json", goodScenario("sweep", { settings: { runs: 20, seed: 5 } }));
    const out = join(dir, "sweep-out");
    const r = await cli(["verify", file, "--seeds", "3", "--format", "junit", "--out", out]);
    expect(r.stdout).toMatch(/^HOLDS\s+sweep::test\.always-holds .*\n\s+seeds: 3\/3 seeds matched \(1\.00, needs >= 0\.95\)$/m);
    const { readFileSync } = await import("node:fs");
    // read before the next run: a report folder is replaced as a whole
    expect(readFileSync(join(out, "junit.xml"), "utf8")).toContain('<property name="seeds.fraction" value="1"/>');
    const json = await cli(["verify", file, "--seeds", "3", "--json", "--format", "json", "--out", out]);
    const doc = JSON.parse(json.stdout) as { results: (PropertyResult & { seedSweep: { fraction: number } })[] };
    expect(doc.results.map((x) => x.seedSweep.fraction)).toEqual([1, 1]);
  });
});
