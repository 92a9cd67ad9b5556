/**
 * Find scenario files: the files named, and every `.yaml`, `.yml` or `.json` file under the
 * directories named (recursively, sorted), skipping the editors' `scenario.schema.json`.
 * @module
 */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { ScenarioError } from "./errors.js";

/** The name of the committed JSON Schema, which lives beside the scenarios but is not one. */
export const SCHEMA_FILE_NAME = "scenario.schema.json";

const scenarioExtension = /\.(ya?ml|json)$/i;

/** Expand files and directories into scenario files, in a stable order without duplicates. */
export function findScenarioFiles(paths: readonly string[]): string[] {
  const found: string[] = [];
  for (const path of paths) {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new ScenarioError(path, [{ path: "", problem: "cannot read: no such file or directory" }]);
    }
    if (isDirectory) found.push(...walk(path));
    else found.push(path);
  }
  return [...new Set(found)];
}

function walk(dir: string): string[] {
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return walk(path);
    return e.isFile() && scenarioExtension.test(e.name) && e.name !== SCHEMA_FILE_NAME ? [path] : [];
  });
}
