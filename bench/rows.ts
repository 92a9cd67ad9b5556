/**
 * The shape every benchmark section produces, so that `bench/run.ts` can print, judge and store
 * rows from any section the same way: a section is a {@link BenchSection} in run.ts's list, and
 * each of its rows says what it measured, against what, and whether it met its target.
 * @module
 */

/** One measured row. `ratio` is what `target` applies to (higher is better), null when unmeasurable. */
export interface BenchRow {
  /** The section that produced it (e.g. "kernel", "bb84"). */
  readonly section: string;
  /** Human-readable name, unique within the section (e.g. "gate1 n=12"). */
  readonly name: string;
  /** The measured figure (e.g. ops/s of the kernel). */
  readonly value: number;
  readonly unit: string;
  /** The reference figure `value` is compared with (e.g. numpy's ops/s), null if there is none. */
  readonly reference: number | null;
  /** value / reference, or value / target figure for absolute targets; null without a reference. */
  readonly ratio: number | null;
  /** The ratio the row must reach (e.g. 1.0), null when the row has no target. */
  readonly target: number | null;
  /** Whether every target of the row is met; null when it cannot be judged (no reference). */
  readonly met: boolean | null;
  /** What the target is, in words (printed beside the row). */
  readonly targetText: string;
  /** Anything a reader needs to interpret the row (e.g. "no reference: python3 not found"). */
  readonly note?: string;
}

/** Options every section receives. */
export interface BenchContext {
  readonly quick: boolean;
  /** Command-line arguments after the runner's own (a section may read its own flags). */
  readonly args: readonly string[];
  readonly log: (line: string) => void;
}

/** A benchmark section: a name for `--only`, and a producer of rows. */
export interface BenchSection {
  readonly name: string;
  run(context: BenchContext): Promise<{ rows: readonly BenchRow[]; details?: unknown }>;
}

/** The status word printed for a row: never hides a miss. */
export function statusOf(row: BenchRow): string {
  return row.met === null ? "no reference" : row.met ? "met" : "BELOW TARGET";
}

/** Median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = xs.slice().sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Bad input to the bench (an option, a `--baseline` that cannot be loaded): bench/run.ts exits 2 on it, 1 on anything else. */
export class BenchInputError extends Error {}
