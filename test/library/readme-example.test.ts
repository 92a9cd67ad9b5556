/**
 * The README's library example, taken literally from README.md: it is the file
 * examples/readme/library.ts, which the project's type-check compiles (strict, `qkd-harness` and
 * its subpaths resolved to the sources), and it runs, printing what its last comment says.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";
import { expect, test, vi } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The fenced ```ts blocks of a markdown text. */
function fencedBlocks(markdown: string, language: string): string[] {
  return [...markdown.matchAll(new RegExp("^```" + language + "\\n([\\s\\S]*?)^```$", "gm"))].map((m) => m[1]!);
}

const [example] = fencedBlocks(readFileSync(join(root, "README.md"), "utf8"), "ts");
const dir = mkdtempSync(join(tmpdir(), "qkd-harness-readme-"));
const file = join(dir, "example.ts");
writeFileSync(file, example ?? "");

test("README.md has one library example of about ten lines, importing qkd-harness and a subpath", () => {
  expect(example).toBeDefined();
  const lines = example!.trimEnd().split("\n").filter((l) => l.trim() !== "");
  expect(lines.length).toBeGreaterThanOrEqual(8);
  expect(lines.length).toBeLessThanOrEqual(14);
  expect(example).toMatch(/from "qkd-harness"/);
  expect(example).toMatch(/from "qkd-harness\/\w+"/);
});

test("it is examples/readme/library.ts byte for byte, which `tsc -p .` type-checks (strict) with the project", () => {
  expect(example).toBe(readFileSync(join(root, "examples", "readme", "library.ts"), "utf8"));
});

test("it runs and prints what its last comment says", async () => {
  const printed: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void printed.push(args.map(String).join(" ")));
  try {
    await import(/* @vite-ignore */ pathToFileURL(file).href);
  } finally {
    log.mockRestore();
  }
  const promised = /\/\/ (.+)\s*$/.exec(example!.trimEnd())![1];
  expect(printed).toEqual([promised]);
});
