/**
 * Parameter schemas shared by every property: numbers that may be written as expressions
 * (`"pi/8"`, `"2^-20"`), evaluated with mathjs, and checked for range with a clear message.
 * @module
 */
import { z } from "zod";
import { evaluate } from "mathjs";

/** Evaluate a numeric expression such as `"pi/8"` or `"2^-20"`; throws with the problem named. */
export function evaluateNumber(expression: string): number {
  let value: unknown;
  try {
    value = evaluate(expression);
  } catch (e) {
    throw new Error(`cannot evaluate expression "${expression}": ${(e as Error).message}`);
  }
  if (typeof value !== "number") throw new Error(`expression "${expression}" is not a real number`);
  return value;
}

/** A finite number, given as a number or a mathjs expression string. */
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
/** A QBER threshold p_o in [0, 0.5]. */
export const threshold = numeric.pipe(z.number().min(0, "must be >= 0").max(0.5, "must be <= 0.5"));
