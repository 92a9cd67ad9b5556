/**
 * The six-state scenarios through the harness's own CLI (`qkd-harness/cli`'s `main`, given
 * this example's property definitions — what a `--plugin` flag would load): `verify` matches
 * every expectation and writes the reports, and a printed replay command replays exactly.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, test } from "vitest";
import { main } from "qkd-harness/cli";
import type { ResultsDocument } from "qkd-harness";
import { properties } from "./index.js";

const here = fileURLToPath(new URL(".", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "six-state-report-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function cli(argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), env: {} };
  const code = await main(argv, io, { definitions: properties });
  return { code, stdout, stderr };
}

describe("six-state in verify and the report", () => {
  test("verify runs both scenario files: every verdict matches, and the reports name each property", async () => {
    const run = await cli(["verify", here, "--out", out]);
    expect(run.stderr).not.toContain("qkd-harness:");
    expect(run.code).toBe(0);
    const doc = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as ResultsDocument;
    expect(doc.summary).toMatchObject({ total: 6, matched: 6, mismatched: 0, errors: 0, violated: 3 });
    expect(new Set(doc.results.map((r) => r.scenario))).toEqual(new Set(["six-state", "six-state-negative-controls"]));
    const html = readFileSync(join(out, "index.html"), "utf8");
    const junit = readFileSync(join(out, "junit.xml"), "utf8");
    for (const def of properties) {
      expect(html).toContain(def.id);
      expect(junit).toContain(def.id);
    }
  });

  test("the replay command of a negative control's counterexample replays it exactly", async () => {
    const doc = JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as ResultsDocument;
    const violated = doc.results.find((r) => r.property === "six-state.information-bound" && r.verdict === "violated")!;
    const cx = violated.counterexample!;
    expect(cx.replay).toMatch(/^qkd-harness replay /);
    const argv = cx.replay.split(" ").slice(1).map((w) => w.replace(/^'(.*)'$/, "$1"));
    const replay = await cli([...argv, "--json"]);
    expect(replay.code).toBe(0);
    const replayed = JSON.parse(replay.stdout) as { counterexample: { input: unknown } };
    expect(replayed.counterexample.input).toEqual(cx.input);
  });
});
