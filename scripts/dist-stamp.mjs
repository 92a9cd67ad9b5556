#!/usr/bin/env node
/**
 * Whether dist/ is current, so that `npm start` (and the tests that need compiled code) skip a
 * rebuild that CI has just done: `write` records a stamp after `npm run build`; `check` exits 0
 * when the stamp is newer than every input of the build (the sources under tsconfig.build.json
 * "include", the tsconfig files, package.json), else 1. A missing stamp is stale.
 *
 * Measured (issue 12): `tsc -p tsconfig.build.json` takes 25-50 s on this machine's kind; this
 * check takes well under a second, and `tsc --incremental` with nothing changed still parses
 * every file.
 */
import { existsSync, readdirSync, readFileSync, realpathSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const stamp = join(root, "dist", ".build-stamp");
/** What `npm run bench` writes (measurements, not an input of the build). */
const results = join(root, "bench", "results.json");

/** Newest modification time (ms) of the build's inputs. */
export function newestInput() {
  const config = JSON.parse(readFileSync(join(root, "tsconfig.build.json"), "utf8"));
  let newest = 0;
  const visit = (path) => {
    if (path === results) return;
    const s = statSync(path, { throwIfNoEntry: false });
    if (!s) return;
    // a folder's own time changes when a file in it is written by rename, as `npm run bench`
    // writes bench/results.json (not an input): only files count, a deleted source leaves only
    // its old output behind
    if (!s.isDirectory()) newest = Math.max(newest, s.mtimeMs);
    else for (const e of readdirSync(path)) if (e !== "node_modules") visit(join(path, e));
  };
  for (const entry of [...config.include, "tsconfig.json", "tsconfig.build.json", "package.json"]) visit(join(root, entry));
  return newest;
}

/** Whether dist/ was built after the last change of any input. */
export function distIsCurrent() {
  return existsSync(stamp) && statSync(stamp).mtimeMs >= newestInput();
}

const invoked = process.argv[1] !== undefined && existsSync(process.argv[1]) && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
const command = invoked ? process.argv[2] : undefined;
if (command === "write") writeFileSync(stamp, `${new Date().toISOString()}\n`);
else if (command === "check") process.exitCode = distIsCurrent() ? 0 : 1;
else if (invoked) {
  console.error(`dist-stamp: unknown command "${command}" (write | check)`);
  process.exitCode = 2;
}
