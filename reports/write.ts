/**
 * Write the chosen report formats into an output directory as one set, replaced whole or not
 * at all:
 *
 * 1. every format is rendered in memory first, from the document's canonical JSON form (so
 *    that a document read back from results.json, as `report --merge` does, renders byte for
 *    byte like the one built in memory: same key order, same values);
 * 2. the files and the {@link REPORT_MARKER} are written into a fresh hidden folder beside the
 *    output folder (same parent, so same file system), each file and the folder fsynced;
 * 3. the old folder is renamed aside, the new one renamed into place, the parent fsynced, and
 *    the old one removed.
 *
 * A failure at any step removes the new folder and puts the old one back; SIGINT and SIGTERM
 * arriving while the set is written are held until the set is whole (or rolled back), then
 * delivered. Hidden folders left by a process that was killed outright (SIGKILL, power loss)
 * are removed by the next write into the same parent. Because the whole folder is replaced,
 * the output folder must be new, empty, or a report set already (it refuses a folder holding
 * anything else, before any long run).
 * @module
 */
import { randomBytes } from "node:crypto";
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { ResultsDocument } from "../properties/types.js";
import { resultsToJson } from "./json.js";
import { resultsToJunit } from "./junit.js";

/** A report format. */
export type ReportFormat = "html" | "json" | "junit";

/** Every format, in the order they are written. */
export const REPORT_FORMATS: readonly ReportFormat[] = ["html", "json", "junit"];

/** The file each format is written to, inside the output directory. */
export const REPORT_FILES: Readonly<Record<ReportFormat, string>> = {
  html: "index.html",
  json: "results.json",
  junit: "junit.xml",
};

/**
 * The empty file that marks a folder as a report set: scenario discovery skips such folders
 * (an output folder inside a scenario folder is never read back as scenarios), and only such
 * folders (or empty ones) are replaced.
 */
export const REPORT_MARKER = ".qkd-report";

/** A renderer per format: a pure function of the document. */
export type ReportRenderers = Readonly<Record<ReportFormat, (doc: ResultsDocument) => string | Promise<string>>>;

/**
 * The shipped renderers. The HTML renderer is loaded on first use: it pulls in heavy
 * dependencies that `--version`, `list` and JSON-only runs do not need.
 */
export const defaultRenderers: ReportRenderers = {
  html: async (doc) => (await import("./html/index.js")).renderHtmlReport(doc),
  json: resultsToJson,
  junit: resultsToJunit,
};

/** The output directory cannot be created or written (the CLI exits 2). */
export class ReportWriteError extends Error {
  override readonly name = "ReportWriteError";
}

const ownFiles = new Set([...Object.values(REPORT_FILES), REPORT_MARKER]);

/**
 * Make sure `outDir` can take a report set, before any long run: it is created if missing, must
 * be a folder that is empty or holds a report set (only report files), and its parent must be
 * writable (the new set is prepared there). Throws {@link ReportWriteError} naming the folder.
 */
export function ensureWritableDir(outDir: string): void {
  try {
    mkdirSync(outDir, { recursive: true });
    if (!statSync(outDir).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
    const probe = mkdtempSync(join(dirname(resolve(outDir)), `.${basename(resolve(outDir))}.probe-${process.pid}-`));
    rmSync(probe, { recursive: true, force: true });
  } catch (e) {
    throw new ReportWriteError(`--out ${outDir}: cannot write reports there: ${reason(e)}`);
  }
  const foreign = readdirSync(outDir).filter((name) => !ownFiles.has(name));
  if (foreign.length > 0 && !existsSync(join(outDir, REPORT_MARKER))) {
    throw new ReportWriteError(
      `--out ${outDir}: holds files that are not reports (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ", ..." : ""}); ` +
        "a report set replaces the whole folder: choose a new or empty folder",
    );
  }
}

/** Render `formats` and replace the report set in `outDir` with them; returns the paths written. */
export async function writeReports(
  doc: ResultsDocument,
  outDir: string,
  formats: readonly ReportFormat[],
  renderers: ReportRenderers = defaultRenderers,
): Promise<string[]> {
  const chosen = REPORT_FORMATS.filter((f) => formats.includes(f));
  if (chosen.length === 0) return [];
  const canonical = JSON.parse(resultsToJson(doc)) as ResultsDocument;
  const rendered: [string, string][] = [];
  for (const format of chosen) rendered.push([REPORT_FILES[format], await renderers[format](canonical)]);
  ensureWritableDir(outDir);
  await withSignalsHeld(() => replaceSet(outDir, rendered));
  return rendered.map(([name]) => join(outDir, name));
}

/** Write `files` (name, content) into a fresh folder and swap it in for `outDir`. */
function replaceSet(outDir: string, files: readonly (readonly [string, string])[]): void {
  const target = resolve(outDir);
  const parent = dirname(target);
  const prefix = `.${basename(target)}.`;
  removeStale(parent, prefix);
  let fresh: string | undefined;
  const aside = join(parent, `${prefix}old-${process.pid}-${randomBytes(4).toString("hex")}`);
  let movedAside = false;
  try {
    fresh = mkdtempSync(join(parent, `${prefix}tmp-${process.pid}-`));
    for (const [name, content] of files) writeSynced(join(fresh, name), content);
    writeSynced(join(fresh, REPORT_MARKER), "");
    fsyncPath(fresh);
    if (existsSync(target)) {
      renameSync(target, aside);
      movedAside = true;
    }
    renameSync(fresh, target);
    fresh = undefined;
    fsyncPath(parent);
  } catch (e) {
    if (fresh !== undefined) rmSync(fresh, { recursive: true, force: true });
    if (movedAside && !existsSync(target)) renameSync(aside, target);
    throw new ReportWriteError(`--out ${outDir}: cannot write reports there: ${reason(e)}`);
  }
  if (movedAside) rmSync(aside, { recursive: true, force: true });
}

function writeSynced(path: string, content: string): void {
  const fd = openSync(path, "w");
  try {
    writeFileSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncPath(dir: string): void {
  const fd = openSync(dir, "r");
  try {
    fsyncSync(fd);
  } catch (e) {
    // some file systems cannot fsync a directory; the files themselves are synced
    if ((e as NodeJS.ErrnoException).code !== "EINVAL" && (e as NodeJS.ErrnoException).code !== "EISDIR") throw e;
  } finally {
    closeSync(fd);
  }
}

/** Remove hidden folders a killed writer left beside `outDir` (their process is gone). */
function removeStale(parent: string, prefix: string): void {
  for (const name of readdirSync(parent)) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(?:tmp|old|probe)-(\d+)-/.exec(name.slice(prefix.length));
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1]))) rmSync(join(parent, name), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

const heldSignals: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];

/**
 * Run `work` (synchronous) with SIGINT, SIGTERM and SIGHUP held: one that arrives meanwhile is
 * delivered again, with its default action, once `work` has finished or failed and cleaned up.
 * `raise` is injectable for tests.
 */
export async function withSignalsHeld<T>(work: () => T, raise: (signal: NodeJS.Signals) => void = (s) => process.kill(process.pid, s)): Promise<T> {
  const caught: NodeJS.Signals[] = [];
  const hold = (signal: NodeJS.Signals): void => void caught.push(signal);
  for (const s of heldSignals) process.on(s, hold);
  try {
    return work();
  } finally {
    // a signal that arrived during `work` is delivered to `hold` on the next turn of the loop
    await new Promise((r) => setImmediate(r));
    for (const s of heldSignals) process.off(s, hold);
    const first = caught[0];
    if (first !== undefined && process.listenerCount(first) === 0) raise(first);
  }
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOTDIR" || code === "EEXIST") return "a file is in the way (not a directory)";
  if (code === "EROFS") return "read-only file system";
  if (code === "ENOSPC") return "no space left on device";
  return (e as Error).message;
}
