/**
 * Scenario text to a plain value: JSON for `.json`, YAML (the `yaml` package) otherwise.
 * Syntax errors name the line and column; non-finite numbers (YAML `.nan`, `.inf`) are
 * reported with their field path, since no parameter may be NaN or infinite.
 * @module
 */
import { parseDocument } from "yaml";
import { formatPath, ScenarioError, type ScenarioIssue } from "./errors.js";

/** Parse scenario text; throws {@link ScenarioError} naming `file` on a syntax error. */
export function parseScenarioText(file: string, text: string): unknown {
  const value = /\.json$/i.test(file) ? parseJson(file, text) : parseYaml(file, text);
  const issues: ScenarioIssue[] = [];
  findNonFinite(value, [], issues);
  if (issues.length > 0) throw new ScenarioError(file, issues);
  return value;
}

function parseJson(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new ScenarioError(file, [{ path: "", problem: `invalid JSON: ${(e as Error).message}` }]);
  }
}

function parseYaml(file: string, text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      file,
      doc.errors.map((e) => {
        const at = e.linePos?.[0];
        const where = at ? `line ${at.line}, column ${at.col}: ` : "";
        const message = e.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
        return { path: "", problem: `invalid YAML: ${where}${message}` };
      }),
    );
  }
  return doc.toJS({ maxAliasCount: 100 });
}

function findNonFinite(value: unknown, path: PropertyKey[], issues: ScenarioIssue[]): void {
  if (typeof value === "number" && !Number.isFinite(value)) {
    issues.push({ path: formatPath(path), problem: `must be a finite number, got ${value}` });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => findNonFinite(v, [...path, i], issues));
  } else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) findNonFinite(v, [...path, k], issues);
  }
}
