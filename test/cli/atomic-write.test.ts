import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { defaultRenderers } from "../../reports/write.js";
import { goodScenario, tempDir, writeScenario } from "../scenarios/fixtures.js";
import { cli } from "./capture.js";

describe("reports are written atomically", () => {
  const dir = tempDir();
  const out = join(dir, "out");
  const good = writeScenario(dir, "good.json", goodScenario("good"));
  const snapshot = () => ({
    html: readFileSync(join(out, "index.html"), "utf8"),
    mtime: statSync(join(out, "index.html")).mtimeMs,
    files: readdirSync(out).sort(),
  });

  it("bad input leaves the earlier report untouched", async () => {
    expect((await cli(["verify", good, "--out", out])).code).toBe(0);
    const before = snapshot();
    const bad = writeScenario(dir, "bad.yaml", "name: [oops\n");
    expect((await cli(["verify", bad, "--out", out])).code).toBe(2);
    expect(snapshot()).toEqual(before);
  });

  it("a renderer that fails mid-way writes nothing and leaves no temporary files", async () => {
    const before = snapshot();
    const failing = {
      ...defaultRenderers,
      junit: () => {
        throw new Error("junit renderer broke");
      },
    };
    const run = await cli(["verify", good, "--out", out], { renderers: failing });
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("junit renderer broke");
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot()).toEqual(before);
  });

  it("a successful run replaces every file and leaves no temporary files", async () => {
    const doc = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect((await cli(["verify", good, "--out", out, "--seed", "5"])).code).toBe(0);
    const after = JSON.parse(readFileSync(join(out, "results.json"), "utf8"));
    expect(after.results[0].seed).toBe(5);
    expect(doc.results[0].seed).toBe(42);
    expect(readdirSync(out).sort()).toEqual([".qkd-report", "index.html", "junit.xml", "results.json"]);
    expect(readdirSync(dir).filter((n) => n.startsWith(".out."))).toEqual([]);
  });
});
