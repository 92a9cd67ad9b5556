/**
 * vitest globalSetup: compile once for every test that needs the compiled code (the compiled
 * CLI, `npm pack`, worker threads — which cannot load TypeScript), instead of once per test
 * file. Provides `compiledPackage`: a directory laid out like the package (dist/ beside
 * package.json, node_modules and scenarios/):
 * - the repository itself when its dist/ is current (`npm run build` wrote a stamp newer than
 *   every source: CI builds right before `npm test`, so the tests compile nothing);
 * - else a temporary directory with a fresh `tsc -p tsconfig.build.json --noCheck` build (never
 *   touching the repository's dist/). The build runs in the background while the other test
 *   files run (it used to hold every test back for the whole compile); the tests that need it
 *   wait for it through `compiledPackage()` of test/setup/compiled.ts. `--noCheck`: type errors
 *   are `npx tsc --noEmit -p .`'s job (CI runs it before the tests); emitting without checking
 *   writes the same JavaScript (compared on this tree; three declaration files list union
 *   members in another order) in about 70 % of the CPU time (18 s instead of 26 s).
 * Nothing is built when the files named on the command line include no test that needs it.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TestProject } from "vitest/node";
// @ts-expect-error -- a plain .mjs script shared with `npm start`, without declarations
import { distIsCurrent } from "../../scripts/dist-stamp.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    /** A package-shaped directory holding dist/ (see test/setup/compiled-package.ts); "" when not built. */
    compiledPackage: string;
  }
}

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Test files that need the compiled code. */
export const COMPILED_TESTS = ["test/cli/compiled.test.ts", "test/library/pack.test.ts", "test/parallel/workers.test.ts", "test/parallel/search-workers.test.ts", "test/auth/bench.test.ts", "test/bench/args.test.ts", "test/kernel/wasm-memory.test.ts", "test/properties/expression-literals.test.ts"];
/** Written into the package directory when a background build has ended (its exit, as JSON). */
export const BUILD_DONE = ".build-done";
/** The background build's output. */
export const BUILD_LOG = ".build-log";

/**
 * Whether the run includes a test that needs the compiled code: vitest's own file filters (the
 * command line's positional arguments; parsing process.argv took `--config x.ts` for a filter).
 * `filenamePattern` is vitest-internal: when it is missing, everything counts as needed.
 */
function needed(project: TestProject): boolean {
  const filters = (project.vitest as unknown as { filenamePattern?: readonly string[] }).filenamePattern ?? [];
  return filters.length === 0 || filters.some((f) => COMPILED_TESTS.some((t) => t.includes(f.replace(/^\.\//, ""))));
}

export default function setup(project: TestProject): (() => Promise<void>) | void {
  if (!needed(project)) {
    project.provide("compiledPackage", "");
    return;
  }
  if ((distIsCurrent as () => boolean)()) {
    project.provide("compiledPackage", root);
    return;
  }
  const pkg = mkdtempSync(join(tmpdir(), "qkd-harness-compiled-"));
  for (const name of ["package.json", "node_modules", "scenarios"]) symlinkSync(join(root, name), join(pkg, name));
  const log = openSync(join(pkg, BUILD_LOG), "w");
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const build = spawn(process.execPath, [tsc, "-p", "tsconfig.build.json", "--noCheck", "--outDir", join(pkg, "dist")], { cwd: root, stdio: ["ignore", log, log] });
  const finished = new Promise<void>((resolve) => {
    // others' work in progress may carry type errors: tsc still emits, so the tests check for the output
    build.on("close", (code, signal) => {
      writeFileSync(join(pkg, BUILD_DONE), JSON.stringify({ code, signal }));
      resolve();
    });
    build.on("error", (e) => {
      writeFileSync(join(pkg, BUILD_DONE), JSON.stringify({ error: e.message }));
      resolve();
    });
  });
  project.provide("compiledPackage", pkg);
  return async () => {
    if (build.exitCode === null && build.signalCode === null) build.kill();
    await finished;
    rmSync(pkg, { recursive: true, force: true });
  };
}
