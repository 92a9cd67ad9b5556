/**
 * scripts/dist-stamp.mjs: which files make dist/ stale. Only what tsc compiles (and the config
 * files) counts; what commands write under the included folders does not. Before, `npm start`'s
 * report in reports/out/ made dist/ stale, so the next `npm start` rebuilt and `npm test` compiled
 * the package again in the background.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs script shared with `npm start`, without declarations
import { buildInputs, distIsCurrent, newestInput, STAMP } from "../../scripts/dist-stamp.mjs";

const current = distIsCurrent as (root: string) => boolean;
const newest = newestInput as (root: string) => number;
const inputs = buildInputs as (root: string) => { path: string; mtimeMs: number }[];
/** A TypeScript source (the files named in "include" are read whatever their extension: package.json is not one). */
const SOURCE_FILE = /\.(ts|tsx|mts|cts)$/;

/** Seconds since the epoch: every file starts at T, the stamp at T + 10. */
const T = 1_700_000_000;

describe("dist-stamp: what makes dist/ stale", () => {
  let root: string;
  const put = (path: string, seconds = T): void => {
    const file = join(root, path);
    mkdirSync(dirname(file), { recursive: true });
    if (!existsSync(file)) writeFileSync(file, "x\n"); // an existing file (tsconfig.build.json) keeps its content
    utimesSync(file, seconds, seconds);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "qkd-dist-stamp-"));
    writeFileSync(join(root, "tsconfig.build.json"), JSON.stringify({ include: ["model", "reports", "bench", "index.ts"] }));
    utimesSync(join(root, "tsconfig.build.json"), T, T);
    for (const f of ["tsconfig.json", "package.json", "index.ts", "model/a.ts", "model/kernel/b.ts", "reports/html/index.ts", "bench/run.ts"]) put(f);
    put(join("dist", STAMP), T + 10);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("a stamp newer than every source: current; no stamp: stale", () => {
    expect(newest(root)).toBe(T * 1000);
    expect(current(root)).toBe(true);
    rmSync(join(root, "dist", STAMP));
    expect(current(root)).toBe(false);
  });

  it("what `npm start` and `npm run bench` write under the included folders, and the excluded tests, do not count", () => {
    for (const f of ["reports/out/index.html", "reports/out/results.json", "reports/out/junit.xml", "reports/out/.qkd-report", "bench/results.json", "model/README.md", "model/node_modules/x/index.ts", "model/a.test.ts"]) put(f, T + 20);
    expect(current(root)).toBe(true);
  });

  it.each(["model/a.ts", "model/kernel/new.ts", "model/kernel/types.d.ts", "model/wasm/compile.d.mts", "reports/x.cts", "reports/view.tsx", "index.ts", "tsconfig.json", "tsconfig.build.json", "package.json"])("a newer %s makes it stale", (f) => {
    put(f, T + 20);
    expect(current(root)).toBe(false);
  });

  it("the repository's build reads no JSON: the stamp counts only TypeScript (with resolveJsonModule, tsc copies an imported .json into dist/)", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const importsJson = inputs(root).map((f) => f.path).filter((path) => SOURCE_FILE.test(path) && /(from\s*|import\(\s*)["'][^"']+\.json["']/.test(readFileSync(path, "utf8")));
    expect(inputs(root).length).toBeGreaterThan(100); // the walk reached the sources
    expect(importsJson).toEqual([]);
  });
});
