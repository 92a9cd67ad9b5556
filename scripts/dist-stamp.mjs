#!/usr/bin/env node
/**
 * Whether dist/ is current, so that `npm start` (and the tests that need compiled code) skip a
 * rebuild that CI has just done: `write` records a stamp after `npm run build`; `check` exits 0
 * when the stamp is newer than every input of the build (the TypeScript files under
 * tsconfig.build.json "include", the tsconfig files, package.json), else 1. A missing stamp is
 * stale.
 *
 * Measured (issue 12): `tsc -p tsconfig.build.json` takes 25-50 s on this machine's kind; this
 * check takes well under a second, and `tsc --incremental` with nothing changed still parses
 * every file.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const here = fileURLToPath(new URL("..", import.meta.url));

/** The stamp's file name in dist/. */
export const STAMP = ".build-stamp";

/**
 * What tsc compiles: TypeScript sources and declarations (`.ts`, `.tsx`, `.mts`, `.cts`; `.d.ts`
 * among them), tests excluded. Nothing else under the included folders is an input of the build
 * while no source imports a JSON file (tsc would copy it into dist/; test/library/dist-stamp.test.ts
 * checks there is none), and the folders also hold what commands write there, such as
 * `npm start`'s report in reports/out/ and `npm run bench`'s bench/results.json. Counting every
 * file made `npm start` leave dist/ stale for the next command: the next `npm start` rebuilt,
 * and `npm test` (test/setup/compiled-package.ts) compiled the package again in the background
 * (CI runs `npm start` right before `npm test`: 12 s of tsc's CPU inside the test run, measured
 * 2026-11-28).
 */
const SOURCE = /\.(ts|tsx|mts|cts)$/;
/** Test files, which tsconfig.build.json "exclude"s ("**\/*.test.ts"; its other entry, test/, is not included). */
const EXCLUDED = /\.test\.(ts|tsx|mts|cts)$/;

/**
 * The build's inputs in the repository at `root`, each with its modification time (ms): the
 * TypeScript files under "include" (tests excluded), and every file named there or below.
 */
export function buildInputs(root = here) {
  const config = JSON.parse(readFileSync(join(root, "tsconfig.build.json"), "utf8"));
  const inputs = [];
  const visit = (path, named) => {
    const s = statSync(path, { throwIfNoEntry: false });
    if (!s) return;
    // a folder's own time changes when a file in it is written by rename: only files count, a
    // deleted source leaves only its old output behind
    if (s.isDirectory()) {
      for (const e of readdirSync(path)) if (e !== "node_modules") visit(join(path, e), false);
    } else if (named || (SOURCE.test(path) && !EXCLUDED.test(path))) inputs.push({ path, mtimeMs: s.mtimeMs });
  };
  // a file named in "include" (index.ts) or here counts whatever its extension
  for (const entry of [...config.include, "tsconfig.json", "tsconfig.build.json", "package.json"]) visit(join(root, entry), true);
  return inputs;
}

/** Newest modification time (ms) of the build's inputs in the repository at `root`. */
export function newestInput(root = here) {
  return buildInputs(root).reduce((newest, f) => Math.max(newest, f.mtimeMs), 0);
}

/** Whether dist/ of the repository at `root` was built after the last change of any input. */
export function distIsCurrent(root = here) {
  const stamp = join(root, "dist", STAMP);
  return existsSync(stamp) && statSync(stamp).mtimeMs >= newestInput(root);
}

const invoked = process.argv[1] !== undefined && existsSync(process.argv[1]) && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
const command = invoked ? process.argv[2] : undefined;
if (command === "write") writeFileSync(join(here, "dist", STAMP), `${new Date().toISOString()}\n`);
else if (command === "check") process.exitCode = distIsCurrent() ? 0 : 1;
else if (invoked) {
  console.error(`dist-stamp: unknown command "${command}" (write | check)`);
  process.exitCode = 2;
}
