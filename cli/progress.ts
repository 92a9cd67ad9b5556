/**
 * Progress on stderr: a redrawn bar on a terminal, one plain line per result otherwise (or
 * when `CI=true`), so CI logs stay readable.
 * @module
 */
import type { CellOutcome } from "../scenarios/run.js";
import type { CliIo } from "./io.js";

/** Reports each finished result; `finish` ends the bar. */
export interface Progress {
  tick(outcome: CellOutcome, done: number, total: number): void;
  finish(): void;
}

const BAR_WIDTH = 24;

const silent: Progress = { tick() {}, finish() {} };

/** A progress reporter suited to `io`; none when `quiet`. */
export function progressFor(io: CliIo, quiet = false): Progress {
  if (quiet) return silent;
  const bar = io.stderrIsTTY === true && io.env?.CI !== "true";
  let drawn = false;
  return {
    tick({ key, result, durationMs }, done, total) {
      const status = result.verdict === "error" ? "ERROR" : result.matches ? "ok" : "MISMATCH";
      if (bar) {
        const filled = Math.round((done / total) * BAR_WIDTH);
        io.stderr(`\r\x1b[K[${"#".repeat(filled)}${".".repeat(BAR_WIDTH - filled)}] ${done}/${total} ${key} ${status}`);
        drawn = true;
      } else {
        io.stderr(`[${done}/${total}] ${key}: ${result.verdict} (expected ${result.expected}) ${status} ${durationMs} ms\n`);
      }
    },
    finish() {
      if (drawn) io.stderr("\n");
    },
  };
}
