/**
 * The zod schema of an authentication strategy (the JSON form of `Strategy` in
 * model/auth/strategy.ts). Angles may be numbers or mathjs expressions (`"pi/2"`). Errors name
 * the bad field, e.g. `rounds.0.toKdc.1.target`.
 * @module
 */
import { z } from "zod";
import type { EveStep, Strategy } from "../../model/auth/index.js";
import { MAX_MEASUREMENTS_PER_ROUND } from "../limits.js";
import { numeric } from "../params.js";

const register = z.enum(["e0", "e1"]);
const target = z.enum(["transit", "e0", "e1"]);
const angles3 = { theta: numeric, phi: numeric, lambda: numeric };

/** One of Eve's steps. */
export const stepSchema = z.discriminatedUnion("op", [
  z.strictObject({ op: z.literal("prepare"), reg: register, theta: numeric, phi: numeric }),
  z.strictObject({ op: z.literal("swap"), reg: register }),
  z.strictObject({ op: z.literal("measure"), target, theta: numeric, phi: numeric }),
  z.strictObject({ op: z.literal("h"), target }),
  z.strictObject({ op: z.literal("u3"), target, ...angles3 }),
  z.strictObject({ op: z.literal("cnot"), control: target, target }),
  z.strictObject({ op: z.literal("cz"), control: target, target }),
  z.strictObject({ op: z.literal("cu3"), control: target, target, ...angles3 }),
]);

/** A step after the key update: registers only (nothing is in transit). */
const afterStepSchema = stepSchema.superRefine((step, ctx) => {
  const touched = step.op === "swap" ? ["transit"] : "target" in step ? [step.target, ..."control" in step ? [step.control] : []] : [];
  if (touched.includes("transit")) ctx.addIssue({ code: "custom", message: "after-update steps act on e0/e1 only (nothing is in transit)" });
});

/** Eve's steps in one round. */
export const roundStrategySchema = z.strictObject({
  toMember: z.array(stepSchema).default([]),
  toKdc: z.array(stepSchema).default([]),
  message: z.enum(["pass", "continue", "abort", "replay"]).default("pass"),
  after: z.array(afterStepSchema).default([]),
});

/** A whole strategy. */
export const strategySchema = z
  .strictObject({
    mode: z.enum(["mitm", "impersonate-member", "impersonate-kdc"]).default("mitm"),
    rounds: z.array(roundStrategySchema).min(1, "must list at least one round"),
  })
  .superRefine((s, ctx) => {
    s.rounds.forEach((r, i) => {
      const measurements = measurementCount([...r.toMember, ...r.toKdc, ...r.after]);
      if (measurements > MAX_MEASUREMENTS_PER_ROUND) {
        ctx.addIssue({
          code: "custom",
          path: ["rounds", i],
          message: `${measurements} measurements in one round; at most ${MAX_MEASUREMENTS_PER_ROUND} (each doubles the branches the exact evaluation follows)`,
        });
      }
    });
    s.rounds.forEach((r, i) =>
      (["toMember", "toKdc", "after"] as const).forEach((k) =>
        r[k].forEach((step, j) => {
          if ("control" in step && step.control === step.target) {
            ctx.addIssue({ code: "custom", path: ["rounds", i, k, j, "target"], message: "control and target must differ" });
          }
        })));
  }) as unknown as z.ZodType<Strategy>;

/**
 * Parse a strategy (already parsed JSON), naming the first bad field. A search record written by
 * `qkd-harness search auth --out FILE` (`{ command, strategy, ... }`) is read as its strategy.
 * @throws Error `strategy.<path>: <problem>`.
 */
export function parseStrategy(value: unknown): Strategy {
  const record = value as { command?: unknown; strategy?: unknown } | null;
  if (record !== null && typeof record === "object" && typeof record.command === "string" && "strategy" in record) return parseStrategy(record.strategy);
  const parsed = strategySchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue.path.length ? `strategy.${issue.path.join(".")}` : "strategy";
    throw new Error(`${path}: ${issue.message}`);
  }
  return parsed.data;
}

/** Number of measurement steps in a step list (each doubles the branches). */
export function measurementCount(steps: readonly EveStep[]): number {
  return steps.filter((s) => s.op === "measure").length;
}
