/**
 * V8's tier-up threshold for the CLI's process (its worker threads share it): a function is
 * optimised after about 300,000 "budget" units of its own work instead of V8's default (about
 * 132,000 in Node 20). `verify` runs thousands of distinct code paths briefly, and TurboFan took
 * 28-30 % of its CPU (perf record of `verify --workers 1` and `--workers 2`, 2026-11-27), much of
 * it compiling functions that ran little afterwards. Measured with `perf stat -e
 * instructions,task-clock node dist/cli/main.js verify --workers 1` (load 1.7-2.0): default
 * 82.9-84.3 G instructions, 32.3-34.6 s of CPU; 300,000: 77.9 G, 29.9 s; 600,000: 77.8 G,
 * 30.6 s; 1,200,000: 80.6 G, 31.7 s. Tiers change speed only: results are identical.
 * Imported first by cli/main.ts, so that it is set before the model's modules are evaluated,
 * and only when the process was started as the CLI (`qkd-harness`, `node dist/cli/main.js`): a
 * library caller importing `qkd-harness/cli` keeps V8's defaults (the flag is process-wide; for
 * exact auth evaluation in the bench's regime it costs 2-16 % more instructions, measured
 * 2026-11-28).
 * @module
 */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";

/** Whether this process was started as `node <the module at moduleUrl>` (links, such as npm's bin, resolved). */
export function startedAs(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (script === undefined) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

if (startedAs(new URL("./main.js", import.meta.url).href)) setFlagsFromString("--interrupt-budget=300000");
