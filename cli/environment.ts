/**
 * The environment of a run, for the results document's `run` section (never in `results`).
 * @module
 */
import { arch, platform, release } from "node:os";
import { dependencyVersion, packageVersion } from "./package-info.js";

const dependencies = ["fast-check", "zod", "mathjs", "yaml", "vega-lite"] as const;

/** Node version, operating system and package versions. */
export function runEnvironment(): Record<string, string> {
  const env: Record<string, string> = {
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
    "qkd-harness": packageVersion(),
  };
  for (const name of dependencies) env[name] = dependencyVersion(name);
  return env;
}
