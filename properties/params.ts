/**
 * Parameter schemas shared by every property: numbers that may be written as expressions
 * (`"pi/8"`, `"2^-20"`), evaluated with mathjs (a decimal number or an integer power such as
 * `"2^-20"` without it, to the same bits: {@link literalValue}), and checked for range with a
 * clear message.
 *
 * Expressions are untrusted input. They are evaluated by a private mathjs instance built from
 * the few factories listed below (arithmetic and a list of elementary functions: no units,
 * matrices, ranges, strings, assignments or function definitions exist in it), after a check of
 * the parsed tree that admits only numbers, the constants `pi` and `e`, the arithmetic
 * operators, parentheses and calls of the listed functions. The text is bounded in length, a
 * finite result is at most {@link MAX_EXPRESSION_MAGNITUDE} in magnitude, and {@link numeric}
 * refuses a non-finite one. No
 * expression can change how a later one evaluates, and none can allocate more than its text.
 *
 * Each thread remembers the values of the expressions it evaluated, by their text (at most
 * {@link REMEMBERED_EXPRESSIONS} of at most {@link MAX_EXPRESSION_LENGTH} characters each): the
 * evaluator is a pure function of the text, so an expression met again is answered without
 * mathjs, and `verify --workers N` hands the main thread's values to its workers
 * ({@link expressionValues}, {@link knownExpressions}). A value handed over is trusted as this
 * evaluator's own, after the same length, type and magnitude checks.
 * @module
 */
import { z } from "zod";
import { createRequire } from "node:module";
import type { MathJsInstance, MathNode } from "mathjs";
import { MAX_EXPRESSION_LENGTH, MAX_EXPRESSION_MAGNITUDE } from "./limits.js";

/** The functions an expression may call. */
export const EXPRESSION_FUNCTIONS: readonly string[] = [
  "abs", "acos", "asin", "atan", "ceil", "cos", "exp", "floor", "log", "log10", "log2", "max", "min", "pow", "round", "sin", "sqrt", "tan",
];

/** The constants an expression may name. */
export const EXPRESSION_CONSTANTS: readonly string[] = ["e", "pi"];

const operators = new Set(["add", "subtract", "multiply", "divide", "pow", "mod", "unaryMinus", "unaryPlus"]);
const functions = new Set(EXPRESSION_FUNCTIONS);
const constants = new Set(EXPRESSION_CONSTANTS);

/**
 * The private, limited instance: plain JS numbers, nothing but the listed factories. Built on
 * first use, from mathjs's single-file bundle (`mathjs/lib/browser/math.js`, an entry point the
 * package exports; the same version and factories as its main entry): requiring the main entry
 * loads some 2,000 modules, 1.5 s of CPU against 0.1 s for the bundle (measured 2026-11-27 at
 * load 7, `process.cpuUsage()` around `require`), and every worker thread that meets an
 * expression paid it.
 */
let math: MathJsInstance | undefined;
function restrictedMath(): MathJsInstance {
  if (math) return math;
  const m = createRequire(import.meta.url)("mathjs/lib/browser/math.js") as typeof import("mathjs");
  math = m.create(
    {
      absDependencies: m.absDependencies, acosDependencies: m.acosDependencies, addDependencies: m.addDependencies,
      asinDependencies: m.asinDependencies, atanDependencies: m.atanDependencies, ceilDependencies: m.ceilDependencies,
      cosDependencies: m.cosDependencies, divideDependencies: m.divideDependencies, eDependencies: m.eDependencies,
      expDependencies: m.expDependencies, floorDependencies: m.floorDependencies, log10Dependencies: m.log10Dependencies,
      log2Dependencies: m.log2Dependencies, logDependencies: m.logDependencies, maxDependencies: m.maxDependencies,
      minDependencies: m.minDependencies, modDependencies: m.modDependencies, multiplyDependencies: m.multiplyDependencies,
      parseDependencies: m.parseDependencies, piDependencies: m.piDependencies, powDependencies: m.powDependencies,
      roundDependencies: m.roundDependencies, sinDependencies: m.sinDependencies, sqrtDependencies: m.sqrtDependencies,
      subtractDependencies: m.subtractDependencies, tanDependencies: m.tanDependencies,
      unaryMinusDependencies: m.unaryMinusDependencies, unaryPlusDependencies: m.unaryPlusDependencies,
    },
    { number: "number" },
  );
  return math;
}

/** Why `node` is not an allowed expression, or undefined when it is. */
function disallowed(node: MathNode): string | undefined {
  const n = node as MathNode & { value?: unknown; name?: string; fn?: unknown; op?: string; args?: MathNode[]; content?: MathNode };
  switch (node.type) {
    case "ConstantNode":
      return typeof n.value === "number" ? undefined : `only numbers are allowed, not ${JSON.stringify(n.value)}`;
    case "SymbolNode":
      return constants.has(n.name!) ? undefined : `unknown symbol "${n.name}" (known: ${EXPRESSION_CONSTANTS.join(", ")})`;
    case "ParenthesisNode":
      return disallowed(n.content!);
    case "OperatorNode":
      if (!operators.has(n.fn as string)) return `operator "${n.op}" is not allowed (use + - * / ^ mod)`;
      return firstOf(n.args!);
    case "FunctionNode": {
      const fn = n.fn as MathNode & { name?: string };
      if (fn.type !== "SymbolNode" || !functions.has(fn.name!)) {
        return `function ${fn.type === "SymbolNode" ? `"${fn.name}" ` : ""}is not allowed (allowed: ${EXPRESSION_FUNCTIONS.join(", ")})`;
      }
      return firstOf(n.args!);
    }
    default:
      return `${node.type.replace(/Node$/, "").toLowerCase()} expressions are not allowed (only arithmetic on numbers)`;
  }
}

function firstOf(nodes: readonly MathNode[]): string | undefined {
  for (const child of nodes) {
    const problem = disallowed(child);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * Values of the expressions this thread evaluated (or was given, {@link knownExpressions}), by
 * their text: the evaluator is a pure function of the text, so a value is returned again
 * without mathjs. At most {@link REMEMBERED_EXPRESSIONS} are kept (a scenario holds a handful).
 */
const evaluated = new Map<string, number>();

/** Most expression values kept by {@link evaluateNumber}. */
export const REMEMBERED_EXPRESSIONS = 1024;

/** Keep `value` for `expression` (room permitting) if it passes the checks {@link evaluateNumber} makes on what it returns. */
function remember(expression: string, value: number): void {
  if (evaluated.size >= REMEMBERED_EXPRESSIONS || typeof expression !== "string" || expression.length > MAX_EXPRESSION_LENGTH) return;
  if (typeof value !== "number" || (Number.isFinite(value) && Math.abs(value) > MAX_EXPRESSION_MAGNITUDE)) return;
  evaluated.set(expression, value);
}

/**
 * Evaluate a numeric expression such as `"pi/8"` or `"2^-20"` with the restricted evaluator;
 * throws with the problem named (never echoing more than the bounded expression). A result
 * that is not finite (`"1/0"`) is returned as such, for the caller's range check to name.
 */
export function evaluateNumber(expression: string): number {
  if (expression.length > MAX_EXPRESSION_LENGTH) {
    throw new Error(`expression is ${expression.length} characters long (at most ${MAX_EXPRESSION_LENGTH})`);
  }
  const known = evaluated.get(expression);
  if (known !== undefined) return known;
  const value = literalValue(expression) ?? mathjsValue(expression);
  if (typeof value !== "number") throw new Error(`expression "${expression}" is not a real number`);
  if (Number.isFinite(value) && Math.abs(value) > MAX_EXPRESSION_MAGNITUDE) throw new Error(`expression "${expression}" is out of range (|x| > ${MAX_EXPRESSION_MAGNITUDE})`);
  remember(expression, value);
  return value;
}

/**
 * What the restricted mathjs instance makes of `expression` (anything: the caller checks it is a
 * number); throws, naming the expression, if it does not parse, holds anything not admitted, or
 * fails to evaluate. @internal exported for test/properties/expression-literals.test.ts.
 */
export function mathjsValue(expression: string): unknown {
  try {
    const node = restrictedMath().parse(expression);
    const problem = disallowed(node);
    if (problem) throw new Error(problem);
    return node.compile().evaluate({});
  } catch (e) {
    throw new Error(`cannot evaluate expression "${expression}": ${(e as Error).message}`);
  }
}

/**
 * A decimal number, signed or not, with an optional exponent (`"0.05"`, `"-1e-6"`, `".5"`),
 * between spaces or tabs (mathjs also skips U+00A0 and `#` comments: such texts are left to it).
 * `\d+(?:\.\d*)?`, not `\d+\.?\d*`, which matches the same texts but backtracks quadratically
 * on a long run of digits (135 us on 199 digits and a letter, against under 2 us; review).
 */
const DECIMAL = /^[ \t]*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?[ \t]*$/;
/** An unsigned integer to a signed integer power (`"10^-6"`, `"2^20"`). */
const INTEGER_POWER = /^[ \t]*(\d+)[ \t]*\^[ \t]*([-+]?\d+)[ \t]*$/;

/**
 * The value of an expression that is a decimal number or an integer power of an unsigned integer,
 * computed as mathjs 15 computes it: it negates `Number` of the unsigned literal, which gives the
 * bits of `Number` of the signed text (rounding is symmetric), and its `pow` of two numbers is
 * `Math.pow` (so `"10^-5"` is `Math.pow(10, -5)`, not the literal `1e-5`); undefined for any other
 * text, which mathjs evaluates.
 *
 * A thread that meets only such texts never loads mathjs (0.2 s of CPU the first time, see
 * {@link expressionValues}). The shipped scenarios' one expression, `"10^-6"`, is one: `verify`
 * on them no longer opens mathjs (strace); its wall time and the moment it starts its worker
 * thread did not move beyond the 2-core machine's noise. test/properties/expression-literals.test.ts
 * checks the values are mathjs's bit for bit and that such texts leave mathjs unloaded.
 * @internal exported for that test.
 */
export function literalValue(expression: string): number | undefined {
  if (DECIMAL.test(expression)) return Number(expression);
  const power = INTEGER_POWER.exec(expression);
  return power === null ? undefined : Math.pow(Number(power[1]), Number(power[2]));
}

/**
 * The expressions evaluated so far in this thread with their values, for
 * {@link knownExpressions} in another thread: `verify --workers N` hands the main thread's to its
 * workers, which rebuild the same scenarios and would otherwise load mathjs for them again
 * (0.2 s of CPU the first time, measured 2026-11-28: 0.1 s to load its bundle, 0.1 s for the
 * first parse). The shipped scenarios' one expression, `"10^-6"`, needs no mathjs at all
 * ({@link literalValue}); a user's `"pi/8"` does.
 */
export function expressionValues(): [string, number][] {
  return [...evaluated];
}

/** Forget every remembered value (for tests: the cache is per thread, and test files share threads). @internal */
export function forgetExpressions(): void {
  evaluated.clear();
}

/**
 * Take `entries` (from {@link expressionValues} in a thread running this same evaluator) as
 * evaluated; an entry failing the checks on what {@link evaluateNumber} returns is dropped.
 */
export function knownExpressions(entries: readonly (readonly [string, number])[]): void {
  for (const [expression, value] of entries) remember(expression, value);
}

/** A finite number, given as a number or an expression string (see {@link evaluateNumber}). */
export const numeric = z
  .union([z.number(), z.string()])
  .transform((v, ctx) => {
    let n: number;
    if (typeof v === "number") n = v;
    else {
      try {
        n = evaluateNumber(v);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message });
        return z.NEVER;
      }
    }
    if (!Number.isFinite(n)) {
      ctx.addIssue({ code: "custom", message: `must be a finite number, got ${n}` });
      return z.NEVER;
    }
    return n;
  });

/** A probability in [0, 1]. */
export const probability = numeric.pipe(z.number().min(0, "must be >= 0").max(1, "must be <= 1"));
/** A non-negative number. */
export const nonNegative = numeric.pipe(z.number().min(0, "must be >= 0"));
/** A positive integer (counts, sizes). */
export const positiveInt = numeric.pipe(z.number().int("must be an integer").positive("must be > 0"));

/** At most `max` (a size bound of properties/limits.ts), with the message naming it (a power of ten as `10^k`). */
export function atMost(max: number): z.ZodNumber {
  const k = Math.log10(max);
  return z.number().max(max, `must be <= ${max >= 1000 && Number.isInteger(k) ? `10^${k}` : max}`);
}

/** A QBER threshold p_o in [0, 0.5]. */
export const threshold = numeric.pipe(z.number().min(0, "must be >= 0").max(0.5, "must be <= 0.5"));
