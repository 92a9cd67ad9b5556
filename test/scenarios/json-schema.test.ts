import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { scenarioJsonSchemaText } from "../../scenarios/json-schema.js";

const committed = fileURLToPath(new URL("../../scenarios/scenario.schema.json", import.meta.url));

describe("scenarios/scenario.schema.json", () => {
  it("is in sync with the zod schema (regenerate: UPDATE_SCENARIO_SCHEMA=1 npx vitest run test/scenarios/json-schema.test.ts)", () => {
    const expected = scenarioJsonSchemaText();
    if (process.env.UPDATE_SCENARIO_SCHEMA === "1") writeFileSync(committed, expected);
    expect(existsSync(committed)).toBe(true);
    expect(readFileSync(committed, "utf8")).toBe(expected);
  });

  it("describes the required fields and the expectation enum", () => {
    const schema = JSON.parse(scenarioJsonSchemaText());
    expect(schema.required).toEqual(expect.arrayContaining(["name", "description", "protocol", "settings", "properties"]));
    expect(schema.additionalProperties).toBe(false);
    expect(JSON.stringify(schema)).toContain('"holds","violated"');
  });
});
