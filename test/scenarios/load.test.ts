import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { numeric, probability } from "../../properties/params.js";
import type { PropertyDefinition } from "../../properties/types.js";
import { parseScenario, ScenarioError } from "../../scenarios/index.js";
import { matrixOf, parseShard, shardOf } from "../../scenarios/matrix.js";
import { parameterKeys } from "../../scenarios/param-keys.js";
import { goodScenario, holdsProperty, testDefinitions, violatedProperty } from "./fixtures.js";

/** A strict schema reading the variant and the adversary. */
const strictProperty: PropertyDefinition = {
  ...holdsProperty,
  id: "test.strict",
  params: z.strictObject({
    angle: numeric,
    variant: z.enum(["parity", "basis-encoded"]),
    adversary: z.strictObject({ kind: z.literal("fixed"), fraction: probability }),
  }),
};
const definitions = [...testDefinitions, strictProperty];

describe("parseScenario", () => {
  it("evaluates expressions through each property's schema and passes only the names it declares", () => {
    const yaml = [
      "name: s",
      "description: d",
      "protocol: test",
      "variant: parity",
      "parameters: { bound: 1/4, threshold: 2^-2, angle: pi/8 }",
      "adversary: { kind: fixed, fraction: 1/2 }",
      "settings: { runs: 5, seed: 1 }",
      "properties:",
      "  - { id: test.strict, expect: holds }",
      "  - { id: test.always-holds, expect: holds, parameters: { bound: 0.75, variant: own } }",
      "  - { id: test.threshold-violated, expect: violated, kind: finding, reason: found }",
    ].join("\n");
    const s = parseScenario("s.yaml", yaml, { definitions });
    expect(s.variant).toBe("parity");
    expect(s.properties.map((p) => p.params)).toEqual([
      { angle: Math.PI / 8, variant: "parity", adversary: { kind: "fixed", fraction: 0.5 } },
      { bound: 0.75, variant: "own" },
      { threshold: 0.25, adversary: { fraction: 0.5 } },
    ]);
    expect(s.properties[2]!.reason).toBe("found");
    expect(s.properties.map((p) => p.variant)).toEqual(["parity", "own", "parity"]);
  });

  it("JSON and YAML give the same scenario", () => {
    const json = parseScenario("g.json", JSON.stringify(goodScenario()), { definitions });
    const yaml = parseScenario("g.yaml", JSON.stringify(goodScenario()), { definitions }); // JSON is YAML
    expect({ ...yaml, file: "g.json" }).toEqual(json);
  });

  it("reports every problem at once, as ScenarioError issues", () => {
    const bad = goodScenario("b", { parameters: { bound: 2, threshold: "nope", extra: 1 } });
    try {
      parseScenario("b.json", JSON.stringify(bad), { definitions });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ScenarioError);
      expect((e as ScenarioError).issues.map((i) => i.path)).toEqual(["parameters.bound", "parameters.threshold", "parameters.extra"]);
    }
  });
});

describe("parameterKeys", () => {
  it("sees through pipes, transforms, wrappers, unions and intersections", () => {
    const obj = z.object({ a: z.number(), b: z.string() });
    expect([...parameterKeys(obj)!]).toEqual(["a", "b"]);
    expect([...parameterKeys(obj.transform((v) => v).optional())!]).toEqual(["a", "b"]);
    expect([...parameterKeys(z.union([obj, z.object({ c: z.number() })]))!].sort()).toEqual(["a", "b", "c"]);
    expect([...parameterKeys(z.intersection(obj, z.object({ d: z.number() })))!].sort()).toEqual(["a", "b", "d"]);
    expect(parameterKeys(z.record(z.string(), z.number()))).toBeUndefined();
    expect(parameterKeys(violatedProperty.params)).toEqual(new Set(["threshold", "adversary"]));
  });
});

describe("sharding", () => {
  const scenarios = ["a", "b", "c", "d"].map((n) => parseScenario(`${n}.json`, JSON.stringify(goodScenario(n)), { definitions }));
  const cells = matrixOf(scenarios);

  it("the shards of any split partition the matrix", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), (count) => {
        const parts = Array.from({ length: count }, (_, i) => shardOf(cells, { index: i + 1, count }).map((c) => c.key));
        expect(parts.flat().sort()).toEqual(cells.map((c) => c.key).sort());
        expect(new Set(parts.flat()).size).toBe(cells.length);
      }),
    );
  });

  it("parses i/n", () => {
    expect(parseShard("2/3")).toEqual({ index: 2, count: 3 });
    expect(parseShard("0/3")).toContain("between 1 and 3");
    expect(parseShard("1/0")).toContain("count must be >= 1");
  });
});
