import { describe, expect, test } from "vitest";
import { resultStatus } from "../../reports/html/status.js";
import type { PropertyResult } from "../../properties/types.js";

const base = {
  scenario: "s", protocol: "p", variant: "v", property: "p.x", title: "t", statement: "s",
  trust: { trusted: [], adversary: "a" }, runs: 1, seed: 1, metrics: {},
} as const;

describe("resultStatus", () => {
  test.each([
    [{ expected: "holds", verdict: "holds", matches: true }, "matched"],
    [{ expected: "violated", verdict: "violated", matches: true, expectedReason: "finding: the paper's key leaks" }, "known-finding"],
    [{ expected: "violated", verdict: "violated", matches: true, expectedReason: "negative control: broken variant" }, "control"],
    [{ expected: "violated", verdict: "violated", matches: true, expectedReason: "Negative control: capitalised" }, "control"],
    [{ expected: "violated", verdict: "holds", matches: false, expectedReason: "negative control: a control that cannot fail" }, "mismatch"],
    [{ expected: "holds", verdict: "error", matches: false, error: "boom" }, "error"],
  ] as const)("%j -> %s", (fields, status) => {
    expect(resultStatus({ ...base, ...fields } as PropertyResult)).toBe(status);
  });
});
