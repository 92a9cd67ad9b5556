/**
 * properties/params.ts evaluates a decimal number (`"0.05"`, `"-1e-6"`) or an integer power of an
 * unsigned integer (`"10^-6"`) without mathjs (`literalValue`). Checked here:
 * - on generated texts of both forms (signs, leading zeros, long mantissas, exponents, spaces and
 *   tabs) the value is mathjs's, bit for bit (`Object.is`, so -0 too), and so on every text of up
 *   to 5 characters over the literals' alphabet that the fast path takes (which a too-lenient
 *   pattern, one taking "- 5" or "2^- 3", fails: found in review);
 * - texts of other forms are left to mathjs (undefined), among them near misses of both forms;
 * - negative control: a literal evaluator that parses with `parseFloat` (which reads `"1e"` as 1
 *   and `"2^-3"` as 2) is falsified;
 * - a process that evaluates only such texts never loads mathjs; one that evaluates `"pi/8"`
 *   does (the compiled package, in a child process: test files share threads, so this thread
 *   may have loaded it for another file).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import * as fc from "fast-check";
import { literalValue, mathjsValue } from "../../properties/params.js";
import { compiledPackage } from "../setup/compiled.js";
import { expectFalsified } from "../kernel/support/controls.js";

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });
const blank = fc.string({ unit: fc.constantFrom(" ", "\t"), maxLength: 2 });
const sign = fc.constantFrom("", "-", "+");

const arbDecimal = fc.tuple(blank, sign, digits(0, 22), fc.boolean(), digits(0, 22), fc.option(fc.tuple(fc.constantFrom("e", "E"), sign, digits(1, 3))), blank)
  .filter(([, , whole, , frac]) => whole.length + frac.length > 0)
  .map(([a, s, whole, dot, frac, exp, b]) => `${a}${s}${whole}${dot || frac.length > 0 ? "." : ""}${frac}${exp === null ? "" : exp.join("")}${b}`);
const arbPower = fc.tuple(blank, digits(1, 4), blank, sign, digits(1, 3), blank).map(([a, base, c, s, e, b]) => `${a}${base}${c}^${c}${s}${e}${b}`);

/** Whether `literal` agrees with mathjs on `text`, bit for bit. */
function agrees(literal: (t: string) => number | undefined, text: string): boolean {
  const value = literal(text);
  return value !== undefined && Object.is(value, mathjsValue(text));
}

describe("decimal numbers and integer powers evaluated without mathjs", () => {
  test("their values are mathjs's, bit for bit", () => {
    fc.assert(fc.property(fc.oneof(arbDecimal, arbPower), (text) => agrees(literalValue, text)), { numRuns: 500 });
    for (const text of ["10^-6", "2^-20", "0.05", "-0", "-1e-6", ".5", "5.", "0^0", "0^-1", "10^400", "1e400", "007", "+3"]) expect(agrees(literalValue, text), text).toBe(true);
  });

  test("every text of up to 5 characters over the literals' alphabet that the fast path takes has mathjs's value", () => {
    // the generated texts above are of the two forms by construction; this also tries the texts
    // a too-lenient pattern would take ("- 5", "2^- 3": NaN by Number, -5 and 0.125 by mathjs)
    const bad: string[] = [];
    const visit = (text: string, left: number): void => {
      if (literalValue(text) !== undefined) {
        let ok = false;
        try { ok = agrees(literalValue, text); } catch { /* mathjs rejects it */ }
        if (!ok) bad.push(text);
      }
      if (left > 0) for (const c of "05.eE+-^ \t") visit(text + c, left - 1);
    };
    visit("", 5);
    expect(bad).toEqual([]);
  });

  test("other texts are left to mathjs", () => {
    for (const text of ["pi/8", "2^0.5", "(10)^-6", "10^-6^2", "-2^2", "2^--1", "1e", "e5", "1.2.3", "0x10", "Infinity", "1_000", "10 ^ -6 * 2", "\u00a05", "5\n", "", "- 5", "+ .5", "2^- 3", "2 ^+ 3", "1e 5", "5 # c"]) {
      expect(literalValue(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  test("negative control: a literal evaluator parsing with parseFloat is falsified", () => {
    const lenient = (t: string): number | undefined => (Number.isNaN(parseFloat(t)) ? undefined : parseFloat(t));
    const near = fc.oneof(arbPower, arbDecimal.map((t) => `${t}e`));
    expectFalsified(fc.check(fc.property(near, (text) => {
      try {
        return agrees(lenient, text);
      } catch {
        return lenient(text) === undefined; // mathjs rejects it: so must the evaluator
      }
    }), { numRuns: 200 }));
  });

  test("a process that meets only such texts never loads mathjs; one that meets pi/8 does", async () => {
    const params = pathToFileURL(join(await compiledPackage(), "dist", "properties", "params.js")).href;
    const loads = (texts: string[]): string => {
      const child = spawnSync(process.execPath, ["--input-type=module", "-e", `
      import { createRequire } from "node:module";
      const p = await import(${JSON.stringify(params)});
      const values = ${JSON.stringify(texts)}.map((t) => p.evaluateNumber(t));
      const loaded = Object.keys(createRequire(import.meta.url).cache).some((f) => f.replaceAll("\\\\", "/").endsWith("/mathjs/lib/browser/math.js"));
      console.log(JSON.stringify({ values, loaded }));`], { encoding: "utf8" });
      expect(child.status, child.stderr).toBe(0);
      return child.stdout.trim();
    };
    expect(loads(["10^-6", "0.05", "-1e-3"])).toBe(JSON.stringify({ values: [1e-6, 0.05, -1e-3], loaded: false }));
    expect(loads(["pi/8"])).toBe(JSON.stringify({ values: [Math.PI / 8], loaded: true }));
  });
});
