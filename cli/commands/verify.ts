/**
 * `qkd-harness verify [files or dirs]`: the CI gate. Runs every property of every scenario
 * (default: the shipped scenarios), compares verdicts with expectations, writes the reports.
 * @module
 */
import { matrixOf, shardOf, type Shard } from "../../scenarios/matrix.js";
import { stopWorkers } from "../../scenarios/parallel.js";
import type { Command } from "../command.js";
import { pluginFlag, withPlugins } from "../plugins.js";
import { execute } from "../execute.js";
import { budgetFlag, formatFlag, jsonFlag, outFlag, workersFlag, quietFlag, seedsFlag, runsFlag, seedFlag, shardFlag } from "../flags.js";
import { loadScenarioFiles, scenarioFiles } from "../load-scenarios.js";
import { cappedWorkers, noteTo, startCellWorkers } from "../workers.js";
import { numberFlag, reportOptions } from "./options.js";

/** The verify command. */
export const verifyCommand: Command = {
  name: "verify",
  summary: "run every property of the scenarios and compare verdicts with expectations (exit 0/1/2)",
  usage: "[files or dirs]",
  flags: [seedFlag, runsFlag, outFlag, formatFlag, shardFlag, jsonFlag, pluginFlag, workersFlag, seedsFlag, budgetFlag, quietFlag],
  async run(args, baseEnv) {
    const env = { ...baseEnv, context: await withPlugins(baseEnv.context, args) };
    const workers = cappedWorkers(numberFlag(args, "workers"), noteTo(env));
    const shard = args.flags.get("shard") as Shard | undefined;
    const files = scenarioFiles(args.positionals, env.context);
    // the worker threads load their modules while this thread loads the scenarios; every file
    // holds at least one cell, so the shard has at least this many, and no thread starts for nothing
    const started = startCellWorkers(workers, env, Math.floor(files.length / (shard?.count ?? 1)));
    try {
      const scenarios = loadScenarioFiles(files, env.context);
      const seed = numberFlag(args, "seed");
      const runs = numberFlag(args, "runs");
      const seeds = numberFlag(args, "seeds");
      const searchBudget = numberFlag(args, "budget");
      return await execute(
        shardOf(matrixOf(scenarios), shard),
        { ...reportOptions(args), ...(seed !== undefined ? { seed } : {}), ...(runs !== undefined ? { runs } : {}), ...(workers !== undefined ? { workers } : {}), ...(seeds !== undefined ? { seeds } : {}), ...(searchBudget !== undefined ? { searchBudget } : {}), ...(shard ? { shard } : {}), started },
        env,
      );
    } finally {
      await stopWorkers(started);
    }
  },
};
