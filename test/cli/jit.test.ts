/**
 * cli/jit.ts raises V8's tier-up threshold only in a process started as the CLI: `startedAs`
 * recognises the process's own entry script (through links) and nothing else, so importing the
 * CLI as a library (as these tests do) leaves V8's flags as the process set them (vitest's
 * workers start with the same budget, vitest.config.ts: what is tested is `startedAs`).
 */
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { expect, test } from "vitest";
import { startedAs } from "../../cli/jit.js";
import { tempDir } from "../scenarios/fixtures.js";

test("startedAs: true for this process's entry script and a link to it, false for another module or a missing file", () => {
  const entry = process.argv[1]!;
  expect(startedAs(pathToFileURL(entry).href)).toBe(true);
  const link = join(tempDir("qkd-jit-"), "link.js");
  symlinkSync(entry, link);
  const original = process.argv[1];
  process.argv[1] = link;
  try {
    expect(startedAs(pathToFileURL(entry).href)).toBe(true);
  } finally {
    process.argv[1] = original;
  }
  expect(startedAs(import.meta.url)).toBe(false); // this test file is not the entry
  expect(startedAs(new URL("../../cli/main.js", import.meta.url).href)).toBe(false); // the sources have no main.js
});
