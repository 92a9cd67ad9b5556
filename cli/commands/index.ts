/**
 * The command table. A new command (the lead's `analyze` and `keyrate`) is one file in this
 * folder and one entry here; help and dispatch follow from the table.
 * @module
 */
import type { Command } from "../command.js";
import { analyzeCommand } from "./analyze.js";
import { keyrateCommand } from "./keyrate.js";
import { listCommand } from "./list.js";
import { replayCommand } from "./replay.js";
import { reportCommand } from "./report.js";
import { runCommand } from "./run.js";
import { searchCommand } from "./search.js";
import { verifyCommand } from "./verify.js";

/** Every command, in help order. */
export const commands: readonly Command[] = [verifyCommand, runCommand, replayCommand, listCommand, reportCommand, analyzeCommand, keyrateCommand, searchCommand];
