/**
 * `qkd-harness report --merge DIR...`: combine the results.json of shards (or of any runs over
 * disjoint scenario x property cells) into one report. Exit codes as for verify. Each file is
 * validated field by field (a bad one exits 2 naming the file and the field) and its `matches`
 * recomputed, never believed.
 * @module
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { allFigures } from "../../properties/figures.js";
import { resultsToJson } from "../../reports/json.js";
import { REPORT_FILES, writeReports } from "../../reports/write.js";
import { mergeShards } from "../../scenarios/merge.js";
import { readResultsDocument } from "../../scenarios/results-schema.js";
import type { Command } from "../command.js";
import { EXIT_MISMATCH, EXIT_OK } from "../exit-codes.js";
import { formatFlag, jsonFlag, outFlag, quietFlag } from "../flags.js";
import { printSummary } from "../summary-text.js";
import { UsageError } from "../usage-error.js";
import { reportOptions } from "./options.js";

/** The report command. */
export const reportCommand: Command = {
  name: "report",
  summary: "merge shard results (each DIR/results.json) into one report",
  usage: "--merge DIR...",
  flags: [{ name: "merge", kind: "variadic", placeholder: "DIR", description: "required: shard output directories (each holding results.json) or results.json files" }, outFlag, formatFlag, jsonFlag, quietFlag],
  async run(args, env) {
    const dirs = [...((args.flags.get("merge") as string[] | undefined) ?? []), ...args.positionals];
    if (dirs.length === 0) throw new UsageError("report: --merge needs at least one directory");
    const shards = dirs.map((dir) => {
      const file = isDirectory(dir) ? join(dir, REPORT_FILES.json) : dir;
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        throw new UsageError(`--merge: cannot read ${file}`);
      }
      return { source: file, doc: readResultsDocument(file, text) };
    });
    const doc = mergeShards(shards, allFigures);
    const options = reportOptions(args);
    const written = await writeReports(doc, options.out, options.formats, env.context.renderers);
    if (options.json) env.io.stdout(resultsToJson(doc));
    else printSummary(env.io, doc, written, options.quiet);
    return doc.results.every((r) => r.matches) ? EXIT_OK : EXIT_MISMATCH;
  },
};

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
