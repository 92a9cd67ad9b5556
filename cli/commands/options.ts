/**
 * Reading the shared report flags (`--out`, `--format`, `--json`) into execute options.
 * @module
 */
import { REPORT_FORMATS, type ReportFormat } from "../../reports/write.js";
import type { ParsedArgs } from "../args.js";
import { DEFAULT_OUT_DIR } from "../flags.js";

/** The report flags with their defaults. */
export function reportOptions(args: ParsedArgs): { out: string; formats: readonly ReportFormat[]; json: boolean; quiet: boolean } {
  return {
    out: (args.flags.get("out") as string | undefined) ?? DEFAULT_OUT_DIR,
    formats: (args.flags.get("format") as ReportFormat[] | undefined) ?? REPORT_FORMATS,
    json: args.flags.get("json") === true,
    quiet: args.flags.get("quiet") === true,
  };
}

/** An optional numeric flag. */
export function numberFlag(args: ParsedArgs, name: string): number | undefined {
  return args.flags.get(name) as number | undefined;
}
