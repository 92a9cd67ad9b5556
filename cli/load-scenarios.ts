/**
 * Load the scenario files named on the command line (or the shipped ones), rejecting two
 * files with the same scenario name.
 * @module
 */
import { findScenarioFiles } from "../scenarios/discover.js";
import { ScenarioError } from "../scenarios/errors.js";
import { loadScenario, type LoadedScenario } from "../scenarios/load.js";
import { displayPath } from "./display-path.js";
import type { CliContext } from "./io.js";
import { shippedScenariosDir } from "./package-info.js";
import { UsageError } from "./usage-error.js";

/** Load every scenario under `paths` (default: the shipped scenarios directory). */
export function loadScenarios(paths: readonly string[], context: CliContext): LoadedScenario[] {
  return loadScenarioFiles(scenarioFiles(paths, context), context);
}

/** The scenario files under `paths` (default: the shipped scenarios directory); throws when there are none. */
export function scenarioFiles(paths: readonly string[], context: CliContext): string[] {
  if (paths.some((p) => p.trim() === "")) throw new UsageError('an empty path ("") names no scenario file or folder');
  const roots = paths.length > 0 ? paths : [context.scenariosDir ?? shippedScenariosDir()];
  const files = findScenarioFiles(roots.map(displayPath));
  if (files.length === 0) throw new UsageError(`no scenario files (.yaml, .yml, .json) under ${roots.map(displayPath).join(", ")}`);
  return files;
}

/** Load `files` (from {@link scenarioFiles}), rejecting two with the same scenario name. */
export function loadScenarioFiles(files: readonly string[], context: CliContext): LoadedScenario[] {
  const scenarios = files.map((file) => loadScenario(file, { definitions: context.definitions ?? [] }));
  const byName = new Map<string, string>();
  for (const s of scenarios) {
    const other = byName.get(s.name);
    if (other !== undefined) throw new ScenarioError(s.file, [{ path: "name", problem: `"${s.name}" is also the name of ${other}` }]);
    byName.set(s.name, s.file);
  }
  return scenarios;
}
