/**
 * The parameters every bb84 property of the private-key step accepts (one schema, so a scenario
 * can share them): the protocol `variant`, the link (source, fibre, noise, detectors), the test
 * sample and threshold of eq. 4, and the `adversary`.
 * @example bb84Params.parse({ variant: "with-pa", depolarizing: 0.02, adversary: { kind: "named", name: "intercept-resend", fraction: 0.4, basis: "random" } })
 * @module
 */
import { z } from "zod";
import {
  linkSetup, namedAdversary, NAMED_ADVERSARIES, PROTOCOL_VARIANTS, validateAdversary, INTERCEPT_BASES,
  type Adversary, type LinkSetup, type ProtocolVariant, type RunParameters,
} from "../../model/bb84/index.js";
import { nonNegative, numeric, positiveInt, probability, threshold } from "../params.js";
import { ADVERSARY_SPACES, type AdversarySpace } from "./arbitraries.js";

/** The adversary of a property: a generated space, a named strategy, or fixed strategy data. */
export type Bb84Adversary =
  | { readonly kind: "generated"; readonly space: AdversarySpace }
  | { readonly kind: "fixed"; readonly strategy: Adversary };

const namedSchema = z.strictObject({
  kind: z.literal("named"),
  name: z.enum(NAMED_ADVERSARIES),
  fraction: probability.optional(),
  basis: z.enum(INTERCEPT_BASES as [string, ...string[]]).optional(),
  disturbance: numeric.pipe(z.number().min(0, "must be >= 0").max(0.5, "must be <= 0.5")).optional(),
  ancillaDim: positiveInt.pipe(z.number().min(2, "must be >= 2").max(4, "must be <= 4")).optional(),
});

const strategySchema = z.strictObject({ kind: z.literal("strategy"), strategy: z.looseObject({ kind: z.string() }) });

const adversarySchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("generated"), space: z.enum(ADVERSARY_SPACES) }),
  namedSchema,
  strategySchema,
]);

/** Validated parameters of a bb84 property. */
export interface Bb84Params {
  readonly variant: ProtocolVariant;
  readonly link: LinkSetup;
  readonly run: RunParameters;
  /** A bound on Eve's leak or a failure probability (property-specific; see each statement). */
  readonly epsilon: number;
  /** Hoeffding gap delta of the threshold properties. */
  readonly delta: number;
  readonly adversary: Bb84Adversary;
}

/** The zod schema of {@link Bb84Params}; `defaultSpace` is the adversary space when none is given. */
export function bb84Params(
  defaultSpace: AdversarySpace,
  defaults: { readonly epsilon?: number; readonly variant?: ProtocolVariant; readonly noise?: Partial<Record<"depolarizing" | "dephasing" | "misalignment" | "darkCountProbability", number>> } = {},
) {
  const noise = defaults.noise ?? {};
  return z
    .object({
      variant: z.enum(PROTOCOL_VARIANTS as [ProtocolVariant, ...ProtocolVariant[]]).default(defaults.variant ?? "paper"),
      source: z.enum(["single-photon", "weak-coherent"]).default("single-photon"),
      meanPhotonNumber: numeric.pipe(z.number().gt(0, "must be > 0").max(50, "must be <= 50")).default(0.5),
      fibreLossDbPerKm: nonNegative.default(0),
      distanceKm: nonNegative.default(0),
      detectorEfficiency: probability.default(1),
      darkCountProbability: probability.default(noise.darkCountProbability ?? 0),
      misalignment: probability.default(noise.misalignment ?? 0),
      depolarizing: probability.default(noise.depolarizing ?? 0),
      dephasing: probability.default(noise.dephasing ?? 0),
      threshold: threshold.default(0.11),
      testSize: positiveInt.pipe(z.number().max(1e6, "must be <= 10^6")).default(1000),
      ecEfficiency: numeric.pipe(z.number().min(1, "must be >= 1")).default(1.16),
      epsilon: numeric.pipe(z.number().gt(0, "must be > 0").max(1, "must be <= 1")).default(defaults.epsilon ?? 1e-6),
      delta: numeric.pipe(z.number().gt(0, "must be > 0").max(0.5, "must be <= 0.5")).default(0.02),
      adversary: adversarySchema.default({ kind: "generated", space: defaultSpace }),
    })
    .transform((p, ctx): Bb84Params => {
      const link = linkFromFields(p);
      let adversary: Bb84Adversary;
      try {
        adversary = resolveAdversary(p.adversary, link);
      } catch (e) {
        ctx.addIssue({ code: "custom", path: ["adversary"], message: (e as Error).message });
        return z.NEVER;
      }
      return {
        variant: p.variant,
        link,
        run: { threshold: p.threshold, testSize: p.testSize, ecEfficiency: p.ecEfficiency },
        epsilon: p.epsilon,
        delta: p.delta,
        adversary,
      };
    });
}

/** The flat link fields a scenario or the CLI gives, validated by the caller's schema. */
export interface LinkFields {
  readonly source: "single-photon" | "weak-coherent";
  readonly meanPhotonNumber: number;
  readonly fibreLossDbPerKm: number;
  readonly distanceKm: number;
  readonly detectorEfficiency: number;
  readonly darkCountProbability: number;
  readonly misalignment: number;
  readonly depolarizing: number;
  readonly dephasing: number;
}

/** The model's {@link LinkSetup} from flat fields (the source kind carries the mean photon number). */
export function linkFromFields(f: LinkFields): LinkSetup {
  return linkSetup({
    source: f.source === "weak-coherent" ? { kind: "weak-coherent", meanPhotonNumber: f.meanPhotonNumber } : { kind: "single-photon" },
    fibreLossDbPerKm: f.fibreLossDbPerKm,
    distanceKm: f.distanceKm,
    detectorEfficiency: f.detectorEfficiency,
    darkCountProbability: f.darkCountProbability,
    misalignment: f.misalignment,
    depolarizing: f.depolarizing,
    dephasing: f.dephasing,
  });
}

function resolveAdversary(a: z.infer<typeof adversarySchema>, link: LinkSetup): Bb84Adversary {
  switch (a.kind) {
    case "generated":
      return a;
    case "named": {
      const { kind: _, name, ...options } = a;
      return { kind: "fixed", strategy: namedAdversary(name, { ...options, link }) };
    }
    case "strategy":
      return { kind: "fixed", strategy: validateAdversary(a.strategy as unknown as Adversary, "strategy") };
  }
}
