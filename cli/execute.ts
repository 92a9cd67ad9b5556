/**
 * Run a list of matrix cells and report: check the output directory first, run with progress,
 * build the results document, write the reports, print JSON or a summary, and return the exit
 * code (0 when every verdict matches its expectation, 1 otherwise).
 * @module
 */
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import type { Worker } from "node:worker_threads";
import { allFigures } from "../properties/figures.js";
import { resultsToJson } from "../reports/json.js";
import { ensureWritableDir, writeReports, type ReportFormat } from "../reports/write.js";
import { buildResultsDocument, protocolsOf } from "../scenarios/document.js";
import type { MatrixCell, Shard } from "../scenarios/matrix.js";
import { runCellsOnWorkers } from "./workers.js";
import type { CommandEnv } from "./command.js";
import { runEnvironment } from "./environment.js";
import { EXIT_MISMATCH, EXIT_OK } from "./exit-codes.js";
import { packageVersion } from "./package-info.js";
import { progressFor } from "./progress.js";
import { replayCommandLine, searchReplayCommandLine } from "./replay-command.js";
import { printSummary } from "./summary-text.js";

/** How to execute and report. */
export interface ExecuteOptions {
  readonly seed?: number;
  readonly runs?: number;
  /** `--seeds K`: run every cell on K consecutive seeds. */
  readonly seeds?: number;
  readonly shard?: Shard;
  readonly out: string;
  readonly formats: readonly ReportFormat[];
  readonly json: boolean;
  /** Overrides every scenario's search budget. */
  readonly searchBudget?: number;
  /** Worker threads (default: the machine's cores; 1 runs in-process). */
  readonly workers?: number;
  /** Worker threads started ahead of the cells (`startCellWorkers`), used first. */
  readonly started?: readonly Worker[];
  /** Only mismatches, errors and the closing counts; no progress. */
  readonly quiet?: boolean;
}

/** Run `cells`, write the reports, print the outcome; returns the exit code. */
export async function execute(cells: readonly MatrixCell[], options: ExecuteOptions, env: CommandEnv): Promise<number> {
  if (options.formats.length > 0) ensureWritableDir(options.out);
  const startedAt = new Date().toISOString();
  const started = performance.now();
  const progress = progressFor(env.io, options.quiet === true);
  const outcomes = await runCellsOnWorkers(
    cells,
    {
      ...(options.runs !== undefined ? { runs: options.runs } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.seeds !== undefined ? { seeds: options.seeds } : {}),
      ...(options.searchBudget !== undefined ? { searchBudget: options.searchBudget } : {}),
      replayCommand: (scenario, property, seed, path) => replayCommandLine(scenario, property, seed, path, env.context.plugins),
      searchReplayCommand: (scenario, property, seed, budget) => searchReplayCommandLine(scenario, property, seed, env.context.plugins, budget),
    },
    (outcome, done, total) => progress.tick(outcome, done, total),
    {
      workers: options.workers ?? availableParallelism(),
      out: options.out,
      ...(options.started ? { started: options.started } : {}),
      // the shipped HTML renderer draws the figures: they can be drawn before the cells end
      drawFigures: options.formats.includes("html") && env.context.renderers === undefined,
    },
    env,
  );
  progress.finish();
  const results = outcomes.map((o) => o.result);
  const doc = buildResultsDocument({
    version: packageVersion(),
    results,
    figures: [
      ...allFigures(protocolsOf(results)),
      ...(env.context.figures ?? []).filter((f) => protocolsOf(results).includes(f.protocol)).map((f) => f.compute()),
    ],
    run: {
      startedAt,
      durationMs: Math.round(performance.now() - started),
      durations: Object.fromEntries(outcomes.map((o) => [o.key, o.durationMs])),
      environment: runEnvironment(env.argv),
      ...(options.shard ? { shard: `${options.shard.index}/${options.shard.count}` } : {}),
    },
  });
  const written = await writeReports(doc, options.out, options.formats, env.context.renderers);
  if (options.json) env.io.stdout(resultsToJson(doc));
  else printSummary(env.io, doc, written, options.quiet);
  return doc.results.every((r) => r.matches) ? EXIT_OK : EXIT_MISMATCH;
}
