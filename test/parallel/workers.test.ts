/**
 * `--workers N` changes nothing but the timing: the compiled CLI (worker threads cannot load
 * TypeScript) run with 2 workers on a few scenarios, shipped (one per protocol,
 * test/reliability/quickScenarios.ts) and from a `--plugin` module, prints the same results
 * document except its `run` block as `--workers 1` (the main thread only) run in this process
 * from the TypeScript sources. (The 1-worker run was a second child process; in this process it
 * reuses the loaded model and the memoised figures, about 5 s of CPU less. A difference can thus
 * come from the worker count or from the build; the compiled CLI's one-thread path runs in
 * test/cli/compiled.test.ts's tiny verify.) Small budgets
 * (`--runs 3`, and `--budget 20` for the adversary searches, as
 * test/reliability/determinism.test.ts): this checks determinism, not the verdicts.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { compiledPackage } from "../setup/compiled.js";
import { cli } from "../cli/capture.js";
import { ACROSS_WORKERS, RERUN_BUDGET } from "../reliability/quickScenarios.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const out = mkdtempSync(join(tmpdir(), "qkd-workers-"));
let bin = "";
beforeAll(async () => {
  bin = join(await compiledPackage(), "dist", "cli", "main.js");
}, 300_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface VerifyRun {
  readonly code: number | null;
  readonly doc: Record<string, unknown>;
  readonly stderr: string;
}

const verifyArgs = (args: readonly string[], workers: number): string[] => ["verify", ...args, "--workers", String(workers), "--json", "--format", "json", "--out", join(out, `${workers}-${args.length}`)];
const parsed = (stdout: string): Record<string, unknown> => (stdout.trim() === "" ? {} : (JSON.parse(stdout) as Record<string, unknown>));

/** The compiled CLI in a child process. */
function verify(args: readonly string[], workers: number): VerifyRun {
  // QKD_PARAMS_MODULE: the compiled expression evaluator, for the plugin of fixtures/lazy
  const env = { ...process.env, CI: "true", QKD_PARAMS_MODULE: pathToFileURL(join(bin, "..", "..", "properties", "params.js")).href };
  const r = spawnSync(process.execPath, [bin, ...verifyArgs(args, workers)], { cwd: root, encoding: "utf8", env });
  return { code: r.status, doc: parsed(r.stdout), stderr: r.stderr };
}

/** The CLI from the TypeScript sources in this process, on its main thread only (`--workers 1`), run from the repository like the child. */
async function verifyHere(args: readonly string[]): Promise<VerifyRun> {
  const here = process.cwd();
  process.chdir(root);
  try {
    const r = await cli(verifyArgs(args, 1), { definitions: [] });
    return { code: r.code, doc: parsed(r.stdout), stderr: r.stderr };
  } finally {
    process.chdir(here);
  }
}

function withoutTiming(doc: Record<string, unknown>): string {
  const { run: _run, ...rest } = doc;
  return JSON.stringify(rest);
}

describe("verify --workers N: the same results for any N", () => {
  // one pair of runs for both checks: a child process and its worker threads cost more CPU
  // than the cells at this budget
  const plugin = "test/cli/fixtures/plugin";
  const args = [...ACROSS_WORKERS, "--plugin", `${plugin}/plugin.mjs`, `${plugin}/holds.yaml`, `${plugin}/violated.yaml`, ...RERUN_BUDGET];
  let one: ReturnType<typeof verify>, two: ReturnType<typeof verify>;
  beforeAll(async () => {
    two = verify(args, 2);
    one = await verifyHere(args);
  }, 300_000);

  test("shipped scenarios of each protocol: --workers 1 (here) and --workers 2 (compiled) print identical documents (but for run timing)", () => {
    expect(one.stderr).not.toContain("qkd-harness:");
    expect(one.code).toBe(two.code);
    expect((one.doc.results as unknown[]).length).toBeGreaterThan(5);
    expect(withoutTiming(two.doc)).toBe(withoutTiming(one.doc));
    expect(Object.keys((two.doc.run as { durations: object }).durations).sort()).toEqual(Object.keys((one.doc.run as { durations: object }).durations).sort());
  });

  test("--plugin modules load in every worker: their cells match their expectations, replay commands keep --plugin", () => {
    expect(two.stderr).not.toContain("qkd-harness:");
    const toy = (two.doc.results as { scenario: string; matches: boolean; replay?: string }[]).filter((r) => r.scenario.startsWith("toy-"));
    expect(toy.map((r) => r.scenario).sort()).toEqual(["toy-holds", "toy-violated"]);
    for (const r of toy) expect(r.matches).toBe(true);
    expect(JSON.stringify(toy)).toContain(`--plugin ${plugin}/plugin.mjs`);
  });
});

describe("a worker thread rebuilds only the scenario files of the cells it takes, with the main thread's expression values", () => {
  // test/parallel/fixtures/lazy: eight one-cell scenarios, tagged 0-7, of two protocols (so one
  // queue per thread); each check reports its thread, the tags of the scenarios that thread
  // has loaded so far, its parameter x (the expression "pow(2, -tag)", which only mathjs
  // evaluates: "2^-tag" would not need it, see properties/params.ts literalValue) and whether
  // that thread has loaded mathjs; the main thread's checks sleep 1 s so that the worker takes
  // cells (0.4 s was too short once in six runs at load 8: the worker had not loaded yet)
  const lazy = "test/parallel/fixtures/lazy";
  test("the worker ran cells, had loaded no scenario but those of the cells it ran, and evaluated no expression itself", () => {
    const run = verify([lazy, "--plugin", `${lazy}/plugin.mjs`], 2);
    expect(run.stderr).not.toContain("qkd-harness:");
    expect(run.code, run.stderr).toBe(0);
    const results = (run.doc.results as { metrics: { thread: number; tag: number; loaded: number; x: number; mathjs: boolean } }[]).map((r) => r.metrics);
    expect(results.map((m) => m.tag).sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    for (const m of results) expect(m.x).toBe(2 ** -m.tag);
    const inWorker = results.filter((m) => m.thread !== 0);
    expect(inWorker.length).toBeGreaterThan(0);
    const ran = inWorker.reduce((mask, m) => mask | (1 << m.tag), 0);
    for (const m of inWorker) {
      expect(m.loaded & (1 << m.tag)).not.toBe(0);
      expect(m.loaded & ~ran).toBe(0); // nothing loaded beyond the files of its own cells
      expect(m.mathjs).toBe(false); // its expressions' values came from the main thread (cli/workers.ts)
    }
    // the main thread loaded every file (it builds the matrix), evaluating the expressions
    for (const m of results.filter((r) => r.thread === 0)) expect([m.loaded, m.mathjs]).toEqual([255, true]);
  });
});

