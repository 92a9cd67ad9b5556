/**
 * The human-readable end of a run on stdout: each mismatch or error with its replay command,
 * the fraction of seeds matched per cell after `--seeds K`, then the counts and the report files.
 * @module
 */
import { mismatchText, seedSweepText } from "../properties/evidence.js";
import type { ResultsDocument } from "../properties/types.js";

/** Text summary of a results document. */
export function summaryText(doc: ResultsDocument, written: readonly string[]): string {
  const lines: string[] = [];
  for (const r of doc.results) {
    const key = `${r.scenario}::${r.property}`;
    if (r.verdict === "error") lines.push(`ERROR    ${key}: ${r.error ?? "check failed"}`);
    else if (!r.matches) {
      lines.push(`MISMATCH ${key}: ${mismatchText(r)}`);
      if (r.counterexample) lines.push(`         replay: ${r.counterexample.replay}`);
    }
    if (r.seedSweep) lines.push(`SEEDS    ${key}: ${seedSweepText(r.seedSweep)}`);
  }
  const s = doc.summary;
  const known = doc.results.filter((r) => r.verdict === "violated" && r.matches).length;
  lines.push(
    `${s.total} result${s.total === 1 ? "" : "s"}: ${s.matched} matched, ${s.mismatched} mismatched, ${s.errors} error${s.errors === 1 ? "" : "s"} (${known} known violation${known === 1 ? "" : "s"} reproduced)`,
  );
  if (written.length > 0) lines.push(`reports: ${written.join(", ")}`);
  return `${lines.join("\n")}\n`;
}
