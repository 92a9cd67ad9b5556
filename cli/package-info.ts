/**
 * Where the package lives, found from this module (not from the working directory), so that
 * the CLI works from `cli/` in the source tree and from `dist/cli/` once compiled.
 * @module
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));

/** The qkd-harness package root (the directory of its package.json). */
export function packageRoot(): string {
  for (const candidate of [resolve(here, ".."), resolve(here, "../..")]) {
    const file = join(candidate, "package.json");
    if (existsSync(file) && (JSON.parse(readFileSync(file, "utf8")) as { name?: string }).name === "qkd-harness") {
      return candidate;
    }
  }
  throw new Error(`cannot find the qkd-harness package.json above ${here}`);
}

/** The package version, from package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), "package.json"), "utf8")) as { version: string }).version;
}

/**
 * The shipped scenarios directory: `../scenarios` relative to this module, else
 * `../../scenarios` (compiled code in `dist/cli/`); recognised by its `scenario.schema.json`.
 */
export function shippedScenariosDir(): string {
  for (const candidate of [resolve(here, "../scenarios"), resolve(here, "../../scenarios")]) {
    if (existsSync(join(candidate, "scenario.schema.json"))) return candidate;
  }
  throw new Error(`cannot find the shipped scenarios directory near ${here}`);
}

/** The installed version of a dependency, or `unknown`. */
export function dependencyVersion(name: string): string {
  try {
    const file = join(packageRoot(), "node_modules", name, "package.json");
    return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}
