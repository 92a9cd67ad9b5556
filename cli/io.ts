/**
 * What the CLI talks to, injected so that tests call {@link main} in-process.
 * @module
 */
import type { FigureProvider } from "../properties/figures.js";
import type { PropertyDefinition } from "../properties/types.js";
import type { ReportRenderers } from "../reports/write.js";

/** Output streams and the facts about the terminal that change how progress is drawn. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether stderr is a terminal (draws a progress bar unless `CI=true`). */
  readonly stderrIsTTY?: boolean;
  /** Whether stdout is a terminal (colours the closing summary unless `NO_COLOR`). */
  readonly stdoutIsTTY?: boolean;
  /** Environment variables (`CI`); defaults to none. */
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** Extension points for tests and embedders. */
export interface CliContext {
  /** Property definitions known besides the shipped registry. */
  readonly definitions?: readonly PropertyDefinition[];
  /** The directory `verify` and `list` read when given no files (default: the shipped one). */
  readonly scenariosDir?: string;
  /** Figure providers known besides the shipped ones (from plugins). */
  readonly figures?: readonly FigureProvider[];
  /** Plugin modules loaded with `--plugin`, repeated in printed replay commands. */
  readonly plugins?: readonly string[];
  /** Report renderers (default: the shipped HTML, JSON and JUnit renderers). */
  readonly renderers?: ReportRenderers;
}
