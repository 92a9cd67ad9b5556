/**
 * Misuse of the command line (the CLI exits 2): the message names the flag or argument and
 * the problem.
 * @module
 */

/** A bad flag, value or argument. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}
