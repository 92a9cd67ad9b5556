/**
 * The exact command that replays a counterexample; its syntax belongs to the CLI.
 * @module
 */
import type { LoadedScenario } from "../scenarios/load.js";
import { shellWord } from "./display-path.js";

/** `qkd-harness replay <scenario path> --property <id> --seed <s> --path <p>`. */
export function replayCommandLine(scenario: LoadedScenario, property: string, seed: number, path: string, plugins: readonly string[] = []): string {
  const plugin = plugins.length > 0 ? ` --plugin ${shellWord(plugins.join(","))}` : "";
  return `qkd-harness replay ${shellWord(scenario.file)} --property ${shellWord(property)} --seed ${seed} --path ${path}${plugin}`;
}
