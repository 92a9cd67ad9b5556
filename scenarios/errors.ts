/**
 * Errors in scenario input, each naming the file, the field path and the problem, e.g.
 * `scenarios/bb84/x.yaml: properties[1].expect: must be "holds" or "violated"`.
 * @module
 */

/** One problem in a scenario file: the field path (empty for the whole file) and what is wrong. */
export interface ScenarioIssue {
  readonly path: string;
  readonly problem: string;
}

/** Bad scenario input (the CLI exits 2). The message lists every issue, one per line. */
export class ScenarioError extends Error {
  override readonly name = "ScenarioError";
  constructor(
    readonly file: string,
    readonly issues: readonly ScenarioIssue[],
  ) {
    super(issues.map((i) => `${file}: ${i.path ? `${i.path}: ` : ""}${i.problem}`).join("\n"));
  }
}

/** Render a path such as `["properties", 1, "expect"]` as `properties[1].expect`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else {
      const name = String(key);
      out += /^[A-Za-z_$][\w$-]*$/.test(name) ? `${out ? "." : ""}${name}` : `[${JSON.stringify(name)}]`;
    }
  }
  return out;
}
