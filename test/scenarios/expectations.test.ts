/**
 * The shipped scenarios' expectations are structured: every violated expectation says whether
 * it is a finding or a negative control, and the kind agrees with the reason's wording.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { findScenarioFiles } from "../../scenarios/discover.js";
import { parseScenarioText } from "../../scenarios/parse-text.js";
import type { ScenarioFile } from "../../scenarios/schema.js";

const dir = fileURLToPath(new URL("../../scenarios", import.meta.url));
const files = findScenarioFiles([dir]);

describe("shipped scenario expectations", () => {
  it.each(files.map((f) => [f.slice(dir.length + 1), f] as const))("%s: kind agrees with expect and reason", (_name, file) => {
    const s = parseScenarioText(file, readFileSync(file, "utf8")) as ScenarioFile;
    for (const p of s.properties) {
      if (p.expect === "violated") expect(["finding", "control"], p.id).toContain(p.kind);
      if (p.kind === "control" && p.expect === "violated") expect(p.reason, p.id).toMatch(/^negative control/);
      if (p.kind === "finding") expect(p.reason, p.id).toMatch(/^finding/);
    }
  });
});
