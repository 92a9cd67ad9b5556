/**
 * The closing block of a run on stdout, read like a verifier's summary (Tamarin's "summary of
 * summaries"): one line per scenario × property cell, grouped, loudest first —
 *
 * - `MISMATCH` / `ERROR`: the verdict differs from the scenario's expectation, or the check threw;
 * - `FALSIFIED`: a finding — the property fails on the protocol as the scenario states it, with
 *   the most damaging attack in one line and the command that replays it;
 * - `HOLDS`: with its evidence (exact, analytic, or "not falsified in N inputs");
 * - `CONTROL FAILED AS DESIGNED`: a negative control (a deliberately broken variant) failed.
 *
 * The last line counts findings and controls apart. `quiet` keeps only mismatches, errors and
 * the counts; `colour` (a terminal without `NO_COLOR`) colours the labels.
 * @module
 */
import { styleText } from "node:util";
import { evidenceText, mismatchText, seedSweepText } from "../properties/evidence.js";
import type { PropertyResult, ResultsDocument } from "../properties/types.js";
import { sanitizeForTerminal, type CliIo } from "./io.js";

/** The class of one cell in the closing block. */
export type CellClass = "mismatch" | "error" | "falsified" | "holds" | "control";

/** How the closing block is drawn. */
export interface SummaryOptions {
  /** Only mismatches, errors and the counts. */
  readonly quiet?: boolean;
  /** ANSI colours (only on a terminal; see {@link useColour}). */
  readonly colour?: boolean;
}

const LABELS: Readonly<Record<CellClass, string>> = {
  mismatch: "MISMATCH",
  error: "ERROR",
  falsified: "FALSIFIED",
  holds: "HOLDS",
  control: "CONTROL FAILED AS DESIGNED",
};

const STYLES: Readonly<Record<CellClass, Parameters<typeof styleText>[0]>> = {
  mismatch: ["bold", "red"],
  error: ["bold", "red"],
  falsified: ["bold", "yellow"],
  holds: "green",
  control: "cyan",
};

/** Loudest first: what needs attention, then findings, then what holds, then the controls. */
const ORDER: readonly CellClass[] = ["mismatch", "error", "falsified", "holds", "control"];

/** Whether a result is a negative control (its `kind`, else a reason starting "negative control"). */
export function isControl(r: PropertyResult): boolean {
  return r.kind !== undefined ? r.kind === "control" : /^negative control\b/i.test(r.expectedReason ?? "");
}

/** The class of a result in the closing block. */
export function cellClass(r: PropertyResult): CellClass {
  if (r.verdict === "error") return "error";
  if (!r.matches) return "mismatch";
  if (isControl(r) && r.verdict === "violated") return "control"; // a control that holds (a positive control) counts as a hold
  return r.verdict === "violated" ? "falsified" : "holds";
}

/** How a "holds" was reached, in one line: the shared wording of every output. */
function evidenceLine(r: PropertyResult): string {
  return r.evidence !== undefined ? evidenceText(r) : `not falsified in ${r.runs} input${r.runs === 1 ? "" : "s"}`;
}

/** The attack of a violated result in one line and its replay command: the most damaging one when a search found it. */
function attackOf(r: PropertyResult): { readonly line: string; readonly replay?: string } {
  const d = r.damaging;
  if (d) return { line: `${firstLine(d.message)} (most damaging: ${d.objective} = ${d.value})`, replay: d.replay };
  const c = r.counterexample;
  if (c) return { line: firstLine(c.message), replay: c.replay };
  return { line: r.expectedReason ?? "violated" };
}

function firstLine(text: string): string {
  return text.split("\n", 1)[0]!;
}

/** The lines of one cell: the labelled line, then an indented replay command where there is one. */
function cellLines(r: PropertyResult, cls: CellClass): { head: string; replay?: string } {
  switch (cls) {
    case "error":
      return { head: r.error ?? "check failed" };
    case "mismatch": {
      const replay = r.verdict === "violated" ? attackOf(r).replay : undefined;
      return { head: mismatchText(r), ...(replay ? { replay } : {}) };
    }
    case "falsified": {
      const attack = attackOf(r);
      return { head: attack.line, ...(attack.replay ? { replay: attack.replay } : {}) };
    }
    case "holds":
      return { head: evidenceLine(r) };
    case "control":
      return { head: r.expectedReason ?? "negative control" };
  }
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The closing counts: findings, holds and controls apart, then mismatches and errors. */
function countsLine(results: readonly PropertyResult[], colour: boolean): string {
  const count = (cls: CellClass) => results.filter((r) => cellClass(r) === cls).length;
  const [mismatched, errors, findings, holds, controls] = ORDER.map(count) as [number, number, number, number, number];
  const matched = findings + holds + controls;
  const bad = `${mismatched} mismatched, ${plural(errors, "error")}`;
  return [
    `${plural(results.length, "result")}: ${matched} matched`,
    ` (${plural(findings, "finding")} falsified, ${holds} hold${holds === 1 ? "s" : ""}, ${plural(controls, "control")} failed as designed), `,
    colour && mismatched + errors > 0 ? styleText(["bold", "red"], bad) : bad,
  ].join("");
}

/** Text summary of a results document: the closing block, the counts and the report files. */
export function summaryText(doc: ResultsDocument, written: readonly string[], options: SummaryOptions = {}): string {
  const colour = options.colour === true;
  const shown = ORDER.filter((cls) => !options.quiet || cls === "mismatch" || cls === "error");
  const width = Math.max(0, ...shown.filter((cls) => doc.results.some((r) => cellClass(r) === cls)).map((cls) => LABELS[cls].length));
  const lines: string[] = [];
  for (const cls of shown) {
    for (const r of doc.results.filter((x) => cellClass(x) === cls)) {
      const { head, replay } = cellLines(r, cls);
      const label = LABELS[cls].padEnd(width);
      // scenario names, messages and replay commands come from files: made inert here, so the
      // block can go to the terminal with its own colour sequences (printSummary)
      lines.push(`${colour ? styleText(STYLES[cls], label) : label}  ${sanitizeForTerminal(`${r.scenario}::${r.property}  ${head}`)}`);
      if (replay) lines.push(`${" ".repeat(width)}  replay: ${sanitizeForTerminal(replay)}`);
      if (r.seedSweep) lines.push(`${" ".repeat(width)}  seeds: ${seedSweepText(r.seedSweep)}`);
    }
  }
  lines.push(countsLine(doc.results, colour));
  if (written.length > 0 && !options.quiet) lines.push(sanitizeForTerminal(`reports: ${written.join(", ")}`));
  return `${lines.join("\n")}\n`;
}

/** Colour on a terminal only, never with `NO_COLOR` (https://no-color.org) or `TERM=dumb`. */
export function useColour(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>> = {}): boolean {
  return isTTY === true && (env.NO_COLOR ?? "") === "" && env.TERM !== "dumb";
}

/** The summary options for a CLI's streams and `--quiet`. */
export function summaryOptions(io: CliIo, quiet = false): SummaryOptions {
  return { quiet, colour: useColour(io.stdoutIsTTY, io.env) };
}

/**
 * Print the closing block: with colour through {@link CliIo.stdoutStyled} (every part that came
 * from a file or flag is already inert, see {@link summaryText}), without through plain stdout.
 */
export function printSummary(io: CliIo, doc: ResultsDocument, written: readonly string[], quiet = false): void {
  const options = summaryOptions(io, quiet);
  const text = summaryText(doc, written, options);
  (options.colour && io.stdoutStyled ? io.stdoutStyled : io.stdout)(text);
}
