/**
 * The exact command that replays a counterexample; its syntax belongs to the CLI.
 * @module
 */
import { DEFAULT_SEARCH_BUDGET } from "../scenarios/schema.js";
import type { LoadedScenario } from "../scenarios/load.js";
import { shellWord } from "./display-path.js";

/** `qkd-harness replay <scenario path> --property <id> --seed <s> --path <p>`. */
export function replayCommandLine(scenario: LoadedScenario, property: string, seed: number, path: string, plugins: readonly string[] = []): string {
  return `qkd-harness replay ${shellWord(scenario.file)} --property ${shellWord(property)} --seed ${seed} --path ${path}${pluginSuffix(plugins)}`;
}

/**
 * The command that reproduces a cell's optimising search: `qkd-harness run <scenario path>
 * --property <id> --seed <s>` runs the cell again with this seed; `--budget B` is named when the
 * search ran with another budget than the scenario's own.
 */
export function searchReplayCommandLine(scenario: LoadedScenario, property: string, seed: number, plugins: readonly string[] = [], budget?: number): string {
  const budgetFlag = budget !== undefined && budget !== (scenario.settings.searchBudget ?? DEFAULT_SEARCH_BUDGET) ? ` --budget ${budget}` : "";
  return `qkd-harness run ${shellWord(scenario.file)} --property ${shellWord(property)} --seed ${seed}${budgetFlag}${pluginSuffix(plugins)}`;
}

function pluginSuffix(plugins: readonly string[]): string {
  return plugins.length > 0 ? ` --plugin ${shellWord(plugins.join(","))}` : "";
}
