/**
 * properties/params.ts remembers the value of each expression it evaluated, by its text, and
 * takes values another thread evaluated (`verify --workers N` hands the main thread's to its
 * workers, so that they need not load mathjs again for the same scenarios; that a worker
 * does so is checked in test/parallel/workers.test.ts). The cache is per thread and test files
 * share threads (vitest.config.ts), so each test starts from an empty cache and the file leaves
 * one behind.
 */
import { afterAll, beforeEach, describe, expect, test } from "vitest";
import * as p from "../../properties/params.js";

beforeEach(() => p.forgetExpressions());
afterAll(() => p.forgetExpressions());
const texts = (): string[] => p.expressionValues().map(([text]) => text);

describe("expression values remembered by text", () => {
  test("an evaluated expression is listed with its value and answered again with it", () => {
    expect(p.evaluateNumber("2^-3")).toBe(0.125);
    expect(p.expressionValues()).toEqual([["2^-3", 0.125]]);
    expect(p.evaluateNumber("2^-3")).toBe(0.125);
    expect(p.evaluateNumber("1/0")).toBe(Infinity); // returned as such; numeric's finite check names the field
    expect(p.evaluateNumber("1/0")).toBe(Infinity);
  });

  test("a rejected expression is not remembered, and is rejected again with the same message", () => {
    const rejected = ["1 km", "1e301 * 10", `1${"+1".repeat(150)}`, "createUnit('km','2 m')", "[1, 2]"];
    for (const text of rejected) {
      let first = "";
      try {
        p.evaluateNumber(text);
      } catch (e) {
        first = (e as Error).message;
      }
      expect(first, text).not.toBe("");
      expect(() => p.evaluateNumber(text)).toThrow(first);
    }
    expect(p.expressionValues()).toEqual([]);
  });

  test("values handed over are answered for their text without evaluating it; entries evaluateNumber could not return are dropped", () => {
    p.knownExpressions([["6*7", 42], ["nonsense", 3]]);
    expect(p.evaluateNumber("6*7")).toBe(42);
    expect(p.evaluateNumber("nonsense")).toBe(3); // trusted as the evaluator's own: only the evaluator's values may be handed over
    p.knownExpressions([["1e301 * 10", 1e302], ["x".repeat(201), 1], ["not a number", "1" as unknown as number]]);
    expect(texts()).toEqual(["6*7", "nonsense"]);
    expect(() => p.evaluateNumber("1e301 * 10")).toThrow(/out of range/);
    expect(() => p.evaluateNumber("x".repeat(201))).toThrow(/characters long/);
  });

  test("at most REMEMBERED_EXPRESSIONS are kept; later ones are evaluated each time", () => {
    p.knownExpressions(Array.from({ length: p.REMEMBERED_EXPRESSIONS + 10 }, (_, i) => [`${i} + 0`, i] as const));
    expect(p.expressionValues().length).toBe(p.REMEMBERED_EXPRESSIONS);
    expect(texts()).not.toContain(`${p.REMEMBERED_EXPRESSIONS} + 0`);
    expect(p.evaluateNumber("1/8 + 1/8")).toBe(0.25);
    expect(texts()).not.toContain("1/8 + 1/8");
  });
});
