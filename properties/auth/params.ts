/**
 * The parameters every auth property accepts (one schema, so a scenario can share them):
 * `variant`, `keyBits`, `sessions`, `epsilon`, `noise`, `key`, `adversary`.
 * @example authParams.parse({ variant: "parity", keyBits: 4, adversary: { kind: "named", name: "best-attack" } })
 * @module
 */
import { z } from "zod";
import { authVariants, MAX_KEY_BITS, parseKey, type AuthVariant, type Mode, type Strategy } from "../../model/auth/index.js";
import { numeric, positiveInt, probability } from "../params.js";
import { namedStrategies, type StrategyName } from "./namedStrategies.js";
import { strategySchema } from "./strategySchema.js";

/** The adversary: a generated strategy space, a named strategy, or a fixed strategy. */
export type AuthAdversary =
  | { readonly kind: "generated"; readonly modes?: readonly Mode[]; readonly maxRounds: number; readonly maxSteps: number }
  | { readonly kind: "named"; readonly name: StrategyName }
  | { readonly kind: "strategy"; readonly strategy: Strategy };

const adversarySchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("generated"),
    modes: z.array(z.enum(["mitm", "impersonate-member", "impersonate-kdc"])).min(1).optional(),
    maxRounds: positiveInt.pipe(z.number().max(4, "must be <= 4")).default(2),
    maxSteps: positiveInt.pipe(z.number().max(4, "must be <= 4")).default(3),
  }),
  z.strictObject({ kind: z.literal("named"), name: z.enum(Object.keys(namedStrategies) as [StrategyName, ...StrategyName[]]) }),
  z.strictObject({ kind: z.literal("strategy"), strategy: strategySchema }),
]);

/** Validated parameters of an auth property. */
export interface AuthParams {
  readonly variant: AuthVariant;
  /** n, the length of K_c. */
  readonly keyBits: number;
  readonly sessions: number;
  /** Bound on Eve's information (bits) and advantages. */
  readonly epsilon: number;
  /** Depolarizing probability on each quantum transit. */
  readonly noise: number;
  /** A fixed key K_c as a bit mask; uniform prior when absent. */
  readonly key?: number;
  readonly adversary: AuthAdversary;
}

/** The schema of {@link AuthParams}. */
export const authParams = z
  .object({
    variant: z.enum(authVariants as [AuthVariant, ...AuthVariant[]]).default("parity"),
    keyBits: positiveInt
      .pipe(z.number().max(MAX_KEY_BITS, `must be <= ${MAX_KEY_BITS}`).refine((n) => n % 2 === 0 && n >= 2, "must be even and >= 2"))
      .default(4),
    sessions: positiveInt.pipe(z.number().max(6, "must be <= 6")).default(2),
    epsilon: numeric.pipe(z.number().min(0, "must be >= 0")).default(0.01),
    noise: probability.default(0),
    key: z.string().regex(/^[01]+$/, "must be a bit string K_1..K_n").optional(),
    adversary: adversarySchema.default({ kind: "generated", maxRounds: 2, maxSteps: 3 }),
  })
  .superRefine((p, ctx) => {
    if (p.key !== undefined && p.key.length !== p.keyBits) {
      ctx.addIssue({ code: "custom", path: ["key"], message: `has ${p.key.length} bits, keyBits is ${p.keyBits}` });
    }
  })
  .transform((p): AuthParams => ({
    variant: p.variant,
    keyBits: p.keyBits,
    sessions: p.sessions,
    epsilon: p.epsilon,
    noise: p.noise,
    ...(p.key !== undefined ? { key: parseKey(p.key) } : {}),
    adversary: p.adversary as AuthAdversary,
  }));
