/**
 * Find scenario files: the files named, and every `.yaml`, `.yml` or `.json` file under the
 * directories named (recursively, sorted), skipping the editors' `scenario.schema.json` and
 * report folders (those holding the {@link REPORT_MARKER} file that `reports/write.ts` writes, so
 * that an output folder inside a scenario folder is never read back as scenarios).
 * Symbolic links are followed, to files and to folders; a link that is broken or leads back
 * into a folder already being walked is an error naming it, never skipped without a word.
 * @module
 */
import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { REPORT_MARKER } from "../reports/write.js";
import { ScenarioError } from "./errors.js";

/** The name of the committed JSON Schema, which lives beside the scenarios but is not one. */
export const SCHEMA_FILE_NAME = "scenario.schema.json";

const scenarioExtension = /\.(ya?ml|json)$/i;

/** Expand files and directories into scenario files, in a stable order without duplicates. */
export function findScenarioFiles(paths: readonly string[]): string[] {
  const found: string[] = [];
  for (const path of paths) {
    if (path.trim() === "") {
      throw new ScenarioError('""', [{ path: "", problem: "an empty path names no scenario file or folder" }]);
    }
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch {
      throw new ScenarioError(path, [{ path: "", problem: "cannot read: no such file or directory" }]);
    }
    if (isDirectory) found.push(...walk(path, new Set([realpathSync(path)])));
    else found.push(path);
  }
  return [...new Set(found)];
}

/** Whether `dir` is a report set written by this tool. */
export function isReportFolder(dir: string): boolean {
  return existsSync(join(dir, REPORT_MARKER));
}

function walk(dir: string, ancestors: ReadonlySet<string>): string[] {
  if (isReportFolder(dir)) return [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    let isDirectory = e.isDirectory();
    let isFile = e.isFile();
    if (e.isSymbolicLink()) {
      try {
        const target = statSync(path);
        isDirectory = target.isDirectory();
        isFile = target.isFile();
      } catch {
        if (!scenarioExtension.test(e.name)) return [];
        throw new ScenarioError(path, [{ path: "", problem: "cannot read: a symbolic link to nothing" }]);
      }
    }
    if (isDirectory) {
      const real = realpathSync(path);
      if (ancestors.has(real)) throw new ScenarioError(path, [{ path: "", problem: "a symbolic link back into a folder it is in (a cycle)" }]);
      return walk(path, new Set([...ancestors, real]));
    }
    return isFile && scenarioExtension.test(e.name) && e.name !== SCHEMA_FILE_NAME ? [path] : [];
  });
}
