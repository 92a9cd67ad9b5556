/**
 * Data file text to a plain value: JSON for `.json`, YAML (the `yaml` package) otherwise. Used
 * for everything the harness reads from a file: scenarios, `analyze --strategy` files and the
 * shards' results.json, so that every reader applies the same rules:
 *
 * - a byte order mark is dropped (in JSON as in YAML);
 * - syntax errors name the line and column, never echo the file's bytes;
 * - duplicate keys are refused (YAML by the parser, JSON by {@link duplicateJsonKey}), and so is
 *   a `__proto__` key, which JavaScript objects would silently turn into a prototype;
 * - nesting deeper than {@link MAX_NESTING} levels and YAML alias expansion beyond
 *   {@link MAX_YAML_ALIAS_EXPANSION} are refused before they can exhaust the stack or memory;
 * - non-finite numbers (YAML `.nan`, `.inf`) are reported with their field path, since no value
 *   may be NaN or infinite.
 *
 * Every problem is a {@link ScenarioError} naming the file (the CLI exits 2).
 * @module
 */
import { parseDocument } from "yaml";
import { formatPath, ScenarioError, type ScenarioIssue } from "./errors.js";
import { MAX_NESTING, MAX_YAML_ALIAS_EXPANSION } from "../properties/limits.js";

/** Which syntax a data file is in. */
export type DataSyntax = "json" | "yaml";

/** The syntax of a file by its name: `.json` is JSON, anything else YAML. */
export function syntaxOf(file: string): DataSyntax {
  return /\.json$/i.test(file) ? "json" : "yaml";
}

/** Parse scenario text; throws {@link ScenarioError} naming `file` on any problem. */
export function parseScenarioText(file: string, text: string): unknown {
  return parseDataText(file, text, syntaxOf(file));
}

/** Parse data text in `syntax`; throws {@link ScenarioError} naming `file` on any problem. */
export function parseDataText(file: string, text: string, syntax: DataSyntax): unknown {
  const body = text.startsWith("\uFEFF") ? text.slice(1) : text;
  const value = syntax === "json" ? parseJson(file, body) : parseYaml(file, body);
  const issues: ScenarioIssue[] = [];
  checkValue(value, [], issues);
  if (issues.length > 0) throw new ScenarioError(file, issues);
  return value;
}

function fail(file: string, path: string, problem: string): never {
  throw new ScenarioError(file, [{ path, problem }]);
}

function parseJson(file: string, text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    fail(file, "", `invalid JSON${positionOf(text, (e as Error).message)}: ${jsonProblem((e as Error).message)}`);
  }
  const duplicate = duplicateJsonKey(text);
  if (duplicate) fail(file, formatPath(duplicate), "duplicate key (each key may appear once)");
  return value;
}

/** " at line L, column C" from V8's "at position N", or "" when the message has none. */
function positionOf(text: string, message: string): string {
  const m = /at position (\d+)/.exec(message);
  if (!m) return "";
  const before = text.slice(0, Number(m[1]));
  const line = before.split("\n").length;
  return ` at line ${line}, column ${before.length - before.lastIndexOf("\n")}`;
}

/** V8's JSON message without the quoted text it sometimes echoes (the file's bytes). */
function jsonProblem(message: string): string {
  const short = message
    .replace(/,\s*"[\s\S]*" is not valid JSON$/, "")
    .replace(/ in JSON at position \d+[\s\S]*$/, "")
    .replace(/^Unexpected token '[\s\S]*'$/, "unexpected character");
  return short.length > 0 && short.length <= 120 ? short.charAt(0).toLowerCase() + short.slice(1) : "syntax error";
}

/**
 * The path of the first key that appears twice in one object of valid JSON text, or undefined.
 * `JSON.parse` keeps the last of duplicate keys without a word; this scan (linear, iterative,
 * so any depth is safe) finds them.
 */
export function duplicateJsonKey(text: string): PropertyKey[] | undefined {
  type Frame = { keys: Set<string> | undefined; at: PropertyKey | undefined; index: number; expectKey: boolean };
  const stack: Frame[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        if (top.keys.has(key)) return [...stack.slice(0, -1).map((f) => f.at!), key];
        top.keys.add(key);
        top.at = key;
        top.expectKey = false;
      }
      i = j;
    } else if (c === "{" || c === "[") {
      const parent = stack[stack.length - 1];
      if (parent && !parent.keys) parent.at = parent.index;
      stack.push({ keys: c === "{" ? new Set() : undefined, at: undefined, index: 0, expectKey: c === "{" });
    } else if (c === "}" || c === "]") {
      stack.pop();
    } else if (c === ",") {
      const top = stack[stack.length - 1]!;
      if (top.keys) top.expectKey = true;
      else top.index++;
    }
  }
  return undefined;
}

function parseYaml(file: string, text: string): unknown {
  const tooDeep = yamlNestingProblem(text);
  if (tooDeep) fail(file, "", `invalid YAML: ${tooDeep}`);
  try {
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
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_EXPANSION });
  } catch (e) {
    if (e instanceof ScenarioError) throw e;
    if (e instanceof ReferenceError && /alias/i.test(e.message)) {
      fail(file, "", `invalid YAML: aliases expand to more than ${MAX_YAML_ALIAS_EXPANSION} nodes (an alias bomb?)`);
    }
    if (e instanceof RangeError) fail(file, "", `invalid YAML: nested too deeply (at most ${MAX_NESTING} levels)`);
    fail(file, "", `invalid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
}

/**
 * A conservative check, before parsing, that YAML text cannot nest deeper than the parser can
 * take (the `yaml` package recurses per level and runs out of memory on `- - - ...` a few
 * thousand deep): flow brackets outside quotes and comments at most {@link MAX_NESTING} deep,
 * and no line indented (spaces and block indicators) by more than 4 columns per level.
 */
function yamlNestingProblem(text: string): string | undefined {
  let depth = 0;
  let line = 1;
  let quote: string | undefined;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === "\n") {
      line++;
      lineStart = true;
      indent = 0;
      if (quote === "#") quote = undefined;
      continue;
    }
    if (lineStart) {
      if (c === " " || c === "\t" || ((c === "-" || c === "?" || c === ":") && /[ \t\n]/.test(text[i + 1] ?? "\n"))) {
        if (++indent > 4 * MAX_NESTING) return `line ${line}: indented or nested too deeply (at most ${MAX_NESTING} levels)`;
        continue;
      }
      lineStart = false;
    }
    if (quote !== undefined) {
      if (quote === '"' && c === "\\") i++;
      else if (c === quote && quote !== "#") quote = undefined;
    } else if ((c === '"' || c === "'") && (i === 0 || /[\s[{,:]/.test(text[i - 1]!))) quote = c;
    else if (c === "#" && (i === 0 || /\s/.test(text[i - 1]!))) quote = "#";
    else if (c === "[" || c === "{") {
      if (++depth > MAX_NESTING) return `line ${line}: nested too deeply (at most ${MAX_NESTING} levels)`;
    } else if (c === "]" || c === "}") depth = Math.max(0, depth - 1);
  }
  return undefined;
}

/** Non-finite numbers, `__proto__` keys and nesting beyond {@link MAX_NESTING}, with their paths. */
function checkValue(value: unknown, path: PropertyKey[], issues: ScenarioIssue[]): void {
  if (typeof value === "number" && !Number.isFinite(value)) {
    issues.push({ path: formatPath(path), problem: `must be a finite number, got ${value}` });
    return;
  }
  if (value === null || typeof value !== "object") return;
  if (path.length >= MAX_NESTING) {
    issues.push({ path: formatPath(path), problem: `nested too deeply (at most ${MAX_NESTING} levels)` });
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkValue(v, [...path, i], issues));
    return;
  }
  for (const [k, v] of Object.entries(value)) {
    if (k === "__proto__") issues.push({ path: formatPath([...path, k]), problem: "unknown field (a __proto__ key is never accepted)" });
    else checkValue(v, [...path, k], issues);
  }
}
