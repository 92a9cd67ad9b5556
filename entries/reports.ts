/**
 * `qkd-harness/reports`: pure writers from a {@link ResultsDocument} to HTML, JSON and JUnit,
 * and {@link writeReports}, which writes the chosen formats into a directory atomically.
 * Kept out of the main entry point because the HTML report loads vega and KaTeX.
 *
 * @example
 * ```ts
 * import { buildResultsDocument } from "qkd-harness/scenarios";
 * import { writeReports } from "qkd-harness/reports";
 * const doc = buildResultsDocument({ version: "mine", results, figures: [], run });
 * await writeReports(doc, "reports/out", ["html", "json", "junit"]);
 * ```
 * @module qkd-harness/reports
 */
export type { ResultsDocument } from "../properties/types.js";
export {
  writeReports,
  ensureWritableDir,
  defaultRenderers,
  REPORT_FORMATS,
  REPORT_FILES,
  ReportWriteError,
  type ReportFormat,
  type ReportRenderers,
} from "../reports/write.js";
export { resultsToJson, stableJson, parseResultsJson } from "../reports/json.js";
export { resultsToJunit } from "../reports/junit.js";
export { renderHtmlReport } from "../reports/html/index.js";
export { droppedPoints, figureSpec, renderFigureSvg } from "../reports/plots/index.js";
