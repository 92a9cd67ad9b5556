/**
 * What the CLI talks to, injected so that tests call {@link main} in-process; the one choke
 * point for everything that reaches a terminal ({@link sanitizeForTerminal}) and for the
 * failures of the process's own output streams ({@link processIo}).
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
  /**
   * Standard output for text that carries the CLI's own colour sequences and whose every other
   * part has already passed through {@link sanitizeForTerminal} (the closing block, see
   * `printSummary`); absent: {@link CliIo.stdout}.
   */
  readonly stdoutStyled?: (text: string) => void;
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

/**
 * The control sequence the progress bar starts each redraw with (carriage return, erase line):
 * the only control characters the CLI writes itself, and only at the start of a write.
 */
export const PROGRESS_REDRAW = "\r\x1b[K";

/**
 * Text with every character that a terminal would act on made visible: C0 controls except
 * newline and tab, DEL, C1 controls, and the bidirectional overrides, each as `\u001b` (a
 * `\u` escape, so that JSON output stays valid JSON with the same value). Descriptions,
 * variants, reasons, ids and file names come from files and flags: none may clear the screen,
 * set the title or write the clipboard. A write may begin with {@link PROGRESS_REDRAW}.
 */
export function sanitizeForTerminal(text: string): string {
  const start = text.startsWith(PROGRESS_REDRAW) ? PROGRESS_REDRAW.length : 0;
  return text.slice(0, start) + text.slice(start).replace(unsafe, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// eslint-disable-next-line no-control-regex
const unsafe = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `io` with both writers passed through {@link sanitizeForTerminal}. */
export function sanitizedIo(io: CliIo): CliIo {
  return {
    ...io,
    stdout: (t) => io.stdout(sanitizeForTerminal(t)),
    stderr: (t) => io.stderr(sanitizeForTerminal(t)),
    stdoutStyled: io.stdoutStyled ?? ((t) => io.stdout(t)),
  };
}

/** The part of a writable stream {@link processIo} uses. */
export interface OutputStream {
  write(text: string): unknown;
  on(event: "error", listener: (e: NodeJS.ErrnoException) => void): unknown;
  readonly isTTY?: boolean;
}

/** The process's streams as a {@link CliIo}, and the exit code its stdout failures call for. */
export interface ProcessIo {
  readonly io: CliIo;
  /** 2 once stdout failed for a reason other than a closed pipe; undefined otherwise. */
  exitCode(): number | undefined;
}

/**
 * Wrap stdout and stderr so that their failures end the run cleanly, never as an unhandled
 * `error` event with a stack trace:
 *
 * - EPIPE on stdout (`verify --json | head -c 10`: the reader has gone): further output is
 *   dropped without a word and the exit code stays the command's own, as for any tool whose
 *   reader stops early;
 * - any other stdout failure (ENOSPC with `> /dev/full`, EIO, ...): one line on stderr naming
 *   the problem, further output dropped, and exit code 2 (the output could not be written,
 *   like an unwritable `--out` folder);
 * - a stderr failure: further diagnostics are dropped (there is nowhere left to report them).
 */
export function processIo(
  stdout: OutputStream,
  stderr: OutputStream,
  env: Readonly<Record<string, string | undefined>>,
): ProcessIo {
  let stdoutOpen = true;
  let stderrOpen = true;
  let failed: number | undefined;
  const writeErr = (text: string): void => {
    if (!stderrOpen) return;
    try {
      stderr.write(text);
    } catch {
      stderrOpen = false;
    }
  };
  const stdoutFailed = (e: NodeJS.ErrnoException): void => {
    if (!stdoutOpen) return;
    stdoutOpen = false;
    if (e.code === "EPIPE") return;
    failed = 2;
    writeErr(`qkd-harness: cannot write to standard output: ${e.code === "ENOSPC" ? "no space left on device" : (e.code ?? e.message)}\n`);
  };
  stdout.on("error", stdoutFailed);
  stderr.on("error", () => void (stderrOpen = false));
  return {
    io: {
      stdout: (text) => {
        if (!stdoutOpen) return;
        try {
          stdout.write(text);
        } catch (e) {
          stdoutFailed(e as NodeJS.ErrnoException);
        }
      },
      stderr: writeErr,
      stderrIsTTY: stderr.isTTY === true,
      stdoutIsTTY: stdout.isTTY === true,
      env,
    },
    exitCode: () => failed,
  };
}
