/**
 * Every shipped property states its trust assumptions and its equation, and is exercised by a
 * shipped scenario both where it is expected to hold or be a finding and as a negative control.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { allProperties } from "../../properties/registry.js";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : /\.ya?ml$/.test(n) ? [join(dir, n)] : []));
}
const entries = files("scenarios").flatMap((f) => (parse(readFileSync(f, "utf8")).properties as { id: string; expect: string; reason?: string }[]));

describe("the property registry", () => {
  test("ids are unique", () => {
    expect(new Set(allProperties.map((p) => p.id)).size).toBe(allProperties.length);
  });
  test.each(allProperties.map((p) => [p.id, p] as const))("%s states who is trusted, what the adversary controls, and its equation", (_, p) => {
    expect(p.trust.trusted.length + p.trust.adversary.length).toBeGreaterThan(0);
    expect(p.trust.adversary.length).toBeGreaterThan(10);
    expect(p.statement.length).toBeGreaterThan(20);
    expect(p.equation ?? "").not.toBe("");
  });
  test.each(allProperties.map((p) => [p.id] as const))("%s runs in a shipped scenario and has a shipped negative control", (id) => {
    const mine = entries.filter((e) => e.id === id);
    expect(mine.length).toBeGreaterThan(0);
    const control = mine.some((e) => e.expect === "violated" && /^negative control/i.test(e.reason ?? ""));
    const finding = mine.some((e) => e.expect === "violated" && !/^negative control/i.test(e.reason ?? ""));
    // a property that is already violated on the paper's protocol (a finding) fails there;
    // every other property needs a deliberately broken variant that makes it fail
    expect(control || finding).toBe(true);
  });
});
