/**
 * properties/params.ts remembers the value of each expression it evaluated, by its text, and
 * takes values another thread evaluated (`verify --workers N` hands the main thread's to its
 * workers, so that they need not load mathjs again for the same scenarios).
 */
import { describe, expect, test } from "vitest";
import { evaluateNumber, expressionValues, knownExpressions, REMEMBERED_EXPRESSIONS } from "../../properties/params.js";

describe("expression values remembered by text", () => {
  test("an evaluated expression is listed with its value; a rejected one is not, and is rejected again", () => {
    expect(evaluateNumber("2^-3")).toBe(0.125);
    expect(expressionValues()).toContainEqual(["2^-3", 0.125]);
    expect(() => evaluateNumber("1 km")).toThrow(/unknown symbol "km"/);
    expect(expressionValues().map(([text]) => text)).not.toContain("1 km");
    expect(() => evaluateNumber("1 km")).toThrow(/unknown symbol "km"/);
  });

  test("values handed over are returned for their text without evaluating it (so only the evaluator's own values may be handed over)", () => {
    knownExpressions([["6*7", 42]]);
    expect(evaluateNumber("6*7")).toBe(42);
    // a value the evaluator would not give is returned as given: the cache is what answers
    knownExpressions([["handed-over", 3]]);
    expect(evaluateNumber("handed-over")).toBe(3);
  });

  test(`at most ${REMEMBERED_EXPRESSIONS} are kept; later ones are evaluated each time`, () => {
    knownExpressions(Array.from({ length: REMEMBERED_EXPRESSIONS + 10 }, (_, i) => [`${i} + 0`, i] as const));
    expect(expressionValues().length).toBe(REMEMBERED_EXPRESSIONS);
    expect(evaluateNumber("1/8 + 1/8")).toBe(0.25);
    expect(expressionValues().map(([text]) => text)).not.toContain("1/8 + 1/8");
  });
});
