/**
 * `qkd-harness run SCENARIO [--property ID]`: run one scenario (or one of its properties),
 * print the verdicts and write the reports. Exit codes as for verify.
 * @module
 */
import { matrixOf } from "../../scenarios/matrix.js";
import type { Command } from "../command.js";
import { pluginFlag, withPlugins } from "../plugins.js";
import { execute } from "../execute.js";
import { budgetFlag, formatFlag, jsonFlag, outFlag, workersFlag, quietFlag, seedsFlag, propertyFlag, runsFlag, seedFlag } from "../flags.js";
import { loadScenarios } from "../load-scenarios.js";
import { UsageError } from "../usage-error.js";
import { cappedWorkers, noteTo } from "../workers.js";
import { numberFlag, reportOptions } from "./options.js";

/** The run command. */
export const runCommand: Command = {
  name: "run",
  summary: "run one scenario (optionally one --property) and write the reports",
  usage: "SCENARIO",
  flags: [propertyFlag, seedFlag, runsFlag, outFlag, formatFlag, jsonFlag, pluginFlag, workersFlag, seedsFlag, budgetFlag, quietFlag],
  async run(args, baseEnv) {
    const env = { ...baseEnv, context: await withPlugins(baseEnv.context, args) };
    if (args.positionals.length !== 1) throw new UsageError(`run: expected one scenario file, got ${args.positionals.length}`);
    const scenarios = loadScenarios(args.positionals, env.context);
    if (scenarios.length !== 1) throw new UsageError(`run: ${args.positionals[0]} holds ${scenarios.length} scenarios; name one file`);
    const property = args.flags.get("property") as string | undefined;
    const cells = matrixOf(scenarios).filter((c) => property === undefined || c.property.definition.id === property);
    if (cells.length === 0) {
      const known = scenarios[0]!.properties.map((p) => p.definition.id).join(", ");
      throw new UsageError(`--property: "${property}" is not in ${scenarios[0]!.file}; it lists: ${known}`);
    }
    const seed = numberFlag(args, "seed");
    const runs = numberFlag(args, "runs");
    const workers = cappedWorkers(numberFlag(args, "workers"), noteTo(env));
    const seeds = numberFlag(args, "seeds");
    const searchBudget = numberFlag(args, "budget");
    return execute(cells, { ...reportOptions(args), ...(seed !== undefined ? { seed } : {}), ...(runs !== undefined ? { runs } : {}), ...(workers !== undefined ? { workers } : {}), ...(seeds !== undefined ? { seeds } : {}), ...(searchBudget !== undefined ? { searchBudget } : {}) }, env);
  },
};
