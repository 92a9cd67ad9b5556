/**
 * `qkd-harness replay SCENARIO --property ID --seed S --path P`: replay one counterexample
 * exactly and print its trace. Exit 0 when the verdict matches the scenario's expectation.
 * @module
 */
import { stableJson } from "../../reports/json.js";
import { matrixOf } from "../../scenarios/matrix.js";
import { runCell } from "../../scenarios/run.js";
import type { Command } from "../command.js";
import { pluginFlag, withPlugins } from "../plugins.js";
import { EXIT_MISMATCH, EXIT_OK } from "../exit-codes.js";
import { jsonFlag, pathFlag, propertyFlag, runsFlag, seedFlag } from "../flags.js";
import { loadScenarios } from "../load-scenarios.js";
import { replayCommandLine } from "../replay-command.js";
import { UsageError } from "../usage-error.js";
import { traceText } from "../trace-text.js";

/** The replay command. */
export const replayCommand: Command = {
  name: "replay",
  summary: "replay one counterexample exactly and print its attack trace",
  usage: "SCENARIO --property ID --seed S --path P",
  flags: [propertyFlag, seedFlag, pathFlag, runsFlag, jsonFlag, pluginFlag],
  async run(args, baseEnv) {
    const env = { ...baseEnv, context: await withPlugins(baseEnv.context, args) };
    if (args.positionals.length !== 1) throw new UsageError(`replay: expected one scenario file, got ${args.positionals.length}`);
    for (const name of ["property", "seed", "path"]) {
      if (!args.flags.has(name)) throw new UsageError(`replay: --${name} is required`);
    }
    const scenarios = loadScenarios(args.positionals, env.context);
    if (scenarios.length !== 1) throw new UsageError(`replay: ${args.positionals[0]} holds ${scenarios.length} scenarios; name one file`);
    const id = args.flags.get("property") as string;
    const cell = matrixOf(scenarios).find((c) => c.property.definition.id === id);
    if (!cell) {
      const known = scenarios[0]!.properties.map((p) => p.definition.id).join(", ");
      throw new UsageError(`--property: "${id}" is not in ${scenarios[0]!.file}; it lists: ${known}`);
    }
    const runs = args.flags.get("runs") as number | undefined;
    const { result } = runCell(cell, {
      seed: args.flags.get("seed") as number,
      path: args.flags.get("path") as string,
      ...(runs !== undefined ? { runs } : {}),
      replayCommand: (scenario, property, seed, path) => replayCommandLine(scenario, property, seed, path, env.context.plugins),
    });
    env.io.stdout(args.flags.get("json") === true ? stableJson(result) : traceText(result));
    return result.matches ? EXIT_OK : EXIT_MISMATCH;
  },
};
