/**
 * Paths as shown in messages and replay commands: relative to the working directory when the
 * file is inside it (so commands are the same on every CI machine), absolute otherwise.
 * @module
 */
import { isAbsolute, relative, resolve } from "node:path";

/** The path to show for `path`. */
export function displayPath(path: string): string {
  const absolute = resolve(path);
  const rel = relative(process.cwd(), absolute);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? absolute : rel;
}

/** Quote a word for a POSIX shell when it needs it. */
export function shellWord(word: string): string {
  return /^[\w./:@%+=,-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
