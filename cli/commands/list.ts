/**
 * `qkd-harness list [files or dirs]`: the scenarios and their properties with expectations.
 * @module
 */
import { stableJson } from "../../reports/json.js";
import type { Command } from "../command.js";
import { pluginFlag, withPlugins } from "../plugins.js";
import { EXIT_OK } from "../exit-codes.js";
import { jsonFlag } from "../flags.js";
import { loadScenarios } from "../load-scenarios.js";

/** The list command. */
export const listCommand: Command = {
  name: "list",
  summary: "list the scenarios and their properties with the expected verdicts",
  usage: "[files or dirs]",
  flags: [jsonFlag, pluginFlag],
  async run(args, baseEnv) {
    const env = { ...baseEnv, context: await withPlugins(baseEnv.context, args) };
    const scenarios = loadScenarios(args.positionals, env.context);
    const rows = scenarios.map((s) => ({
      name: s.name,
      file: s.file,
      protocol: s.protocol,
      variant: s.variant,
      description: s.description,
      settings: s.settings,
      properties: s.properties.map((p) => ({
        id: p.definition.id,
        expect: p.expect,
        ...(p.reason !== undefined ? { reason: p.reason } : {}),
      })),
    }));
    if (args.flags.get("json") === true) {
      env.io.stdout(stableJson(rows));
      return EXIT_OK;
    }
    const lines = rows.flatMap((s) => [
      `${s.name}  (${s.protocol}, variant ${s.variant}; ${s.settings.runs} runs, seed ${s.settings.seed})  ${s.file}`,
      `  ${s.description}`,
      ...s.properties.map((p) => `  - ${p.id}: expect ${p.expect}${p.reason ? ` (${p.reason})` : ""}`),
    ]);
    env.io.stdout(`${lines.join("\n")}\n`);
    return EXIT_OK;
  },
};
