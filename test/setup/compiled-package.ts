/**
 * vitest globalSetup: compile once for every test that needs the compiled code (the compiled
 * CLI, `npm pack`, worker threads — which cannot load TypeScript), instead of once per test
 * file. Provides `compiledPackage`: a directory laid out like the package (dist/ beside
 * package.json, node_modules and scenarios/):
 * - the repository itself when its dist/ is current (`npm run build` wrote a stamp newer than
 *   every source: CI builds right before `npm test`, so the tests compile nothing);
 * - else a temporary directory with a fresh `tsc -p tsconfig.build.json` build (never touching
 *   the repository's dist/).
 * Nothing is built when the files named on the command line include no test that needs it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
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
export const COMPILED_TESTS = ["test/cli/compiled.test.ts", "test/library/pack.test.ts", "test/parallel/workers.test.ts"];

function needed(): boolean {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith("-") && a !== "run" && a !== "watch" && a !== "related");
  return filters.length === 0 || filters.some((f) => COMPILED_TESTS.some((t) => t.includes(f.replace(/^\.\//, ""))));
}

export default function setup(project: TestProject): (() => void) | void {
  if (!needed()) {
    project.provide("compiledPackage", "");
    return;
  }
  if ((distIsCurrent as () => boolean)()) {
    project.provide("compiledPackage", root);
    return;
  }
  const pkg = mkdtempSync(join(tmpdir(), "qkd-harness-compiled-"));
  for (const name of ["package.json", "node_modules", "scenarios"]) symlinkSync(join(root, name), join(pkg, name));
  // others' work in progress may carry type errors: tsc still emits, so check for the output
  const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
  const r = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", join(pkg, "dist")], { cwd: root, encoding: "utf8" });
  if (!existsSync(join(pkg, "dist", "cli", "main.js"))) throw new Error(`compiled-package: tsc emitted nothing\n${r.stdout}\n${r.stderr}`);
  project.provide("compiledPackage", pkg);
  return () => rmSync(pkg, { recursive: true, force: true });
}
