/**
 * Write the chosen report formats into an output directory, atomically: every format is
 * rendered in memory first, written to a temporary file in the same directory, and only then
 * renamed over the old file. A run that fails before or while writing leaves the earlier
 * report untouched and no temporary files behind.
 * @module
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
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

/**
 * Make sure `outDir` exists and is writable, before any long run; throws
 * {@link ReportWriteError} naming the directory and the problem.
 */
export function ensureWritableDir(outDir: string): void {
  try {
    mkdirSync(outDir, { recursive: true });
    if (!statSync(outDir).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
    const probe = join(outDir, `.qkd-harness-probe-${process.pid}-${randomBytes(4).toString("hex")}`);
    writeFileSync(probe, "");
    unlinkSync(probe);
  } catch (e) {
    throw new ReportWriteError(`--out ${outDir}: cannot write reports there: ${reason(e)}`);
  }
}

/** Render `formats` and write them into `outDir` atomically; returns the paths written. */
export async function writeReports(
  doc: ResultsDocument,
  outDir: string,
  formats: readonly ReportFormat[],
  renderers: ReportRenderers = defaultRenderers,
): Promise<string[]> {
  const rendered: [string, string][] = [];
  for (const format of REPORT_FORMATS.filter((f) => formats.includes(f))) {
    rendered.push([join(outDir, REPORT_FILES[format]), await renderers[format](doc)]);
  }
  ensureWritableDir(outDir);
  const temps: [string, string][] = [];
  try {
    for (const [path, content] of rendered) {
      const temp = join(outDir, `.${basename(path)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
      temps.push([temp, path]);
      writeFileSync(temp, content);
    }
    for (const [temp, path] of temps) renameSync(temp, path);
  } catch (e) {
    for (const [temp] of temps) rmSync(temp, { force: true });
    throw new ReportWriteError(`--out ${outDir}: cannot write reports there: ${reason(e)}`);
  }
  return rendered.map(([path]) => path);
}

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "ENOTDIR" || code === "EEXIST") return "a file is in the way (not a directory)";
  if (code === "EROFS") return "read-only file system";
  if (code === "ENOSPC") return "no space left on device";
  return (e as Error).message;
}
