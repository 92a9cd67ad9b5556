/**
 * Zod issues as short, readable problems ("expected a number, got a string").
 * @module
 */
import type { z } from "zod";
import { formatPath, type ScenarioIssue } from "./errors.js";

/** Convert zod issues to scenario issues, prefixing every path with `prefix`. */
export function zodIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): ScenarioIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ path: formatPath([...path, key]), problem: "unknown field (check for a typo)" }));
    }
    return [{ path: formatPath(path), problem: problemOf(issue) }];
  });
}

function problemOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type") {
    const received = (issue as { received?: string }).received ?? /received (\w+)/.exec(issue.message)?.[1];
    if (issue.expected === "int") return "must be an integer";
    if (received === "undefined") return `required (${article(issue.expected)})`;
    if (received === "NaN" || received === "Infinity" || received === "-Infinity") {
      return `must be a finite number, got ${received}`;
    }
    return `expected ${article(issue.expected)}${received ? `, got ${article(received)}` : ""}`;
  }
  return issue.message;
}

function article(type: string): string {
  if (type === "array" || type === "object" || type === "integer") return `an ${type}`;
  if (type === "null" || type === "undefined" || type === "NaN") return type;
  return `a ${type}`;
}
