/**
 * The scenario file format: what a scenario states (protocol, variant, shared parameters, the
 * adversary, run settings) and which properties it expects to hold or to be violated.
 *
 * Scenario files are data (JSON or YAML). This schema checks their shape only; each property's
 * own zod schema validates and evaluates the parameters it uses (see `properties/params.ts`).
 * The JSON Schema for editors, `scenarios/scenario.schema.json`, is generated from it.
 * @module
 */
import { z } from "zod";
import { MAX_RUNS } from "../properties/limits.js";

/** A JSON value: parameters may be numbers, mathjs expression strings, booleans, lists, objects. */
const jsonValue = z.json();

/** Parameter values by name. */
const parameters = z
  .record(z.string(), jsonValue)
  .meta({ description: "Parameters by name; numbers may be mathjs expressions such as \"pi/8\" or \"2^-20\"." });

/** Objective evaluations of the optimising search when a scenario sets no `settings.searchBudget`. */
export const DEFAULT_SEARCH_BUDGET = 200;

/** Most objective evaluations a scenario may ask for (a search is bounded). */
export const MAX_SEARCH_BUDGET = 100_000;

/** Metric name → bound, for quantitative claims. */
const metricBounds = z
  .record(
    z.string().min(1, "must name a metric"),
    z.number({ error: "must be a number" }).refine(Number.isFinite, "must be a finite number"),
  )
  .refine((r) => Object.keys(r).length > 0, "must name at least one metric")
  .meta({ description: "Metric name → bound, checked against the result's metrics (the damaging attack's where there is one)." });

/** One expectation: a property id, the verdict expected on this scenario, and why. */
export const scenarioPropertySchema = z.strictObject({
  id: z.string().min(1, "must be a property id such as \"bb84.intercept-resend-qber\"").meta({
    description: "Property id, `protocol.name`.",
  }),
  expect: z.enum(["holds", "violated"], { error: 'must be "holds" or "violated"' }).meta({
    description: "The verdict this scenario expects.",
  }),
  reason: z
    .string()
    .min(1, "must not be empty")
    .refine((s) => !/[\r\n]/.test(s), "must be one line")
    .optional()
    .meta({ description: "One line; required when `expect` is \"violated\" (a known finding)." }),
  kind: z.enum(["claim", "finding", "control"], { error: 'must be "claim", "finding" or "control"' }).optional().meta({
    description:
      'What the expectation is: a claim of the paper expected to hold (default when expect is "holds"), a finding (the paper\'s ' +
      'protocol fails it) or a negative control (a deliberately broken variant). Required when expect is "violated".',
  }),
  atLeast: metricBounds.optional().meta({ description: "Quantitative claims: each metric must be >= its bound, e.g. { acceptance: 0.999 }." }),
  atMost: metricBounds.optional().meta({ description: "Quantitative claims: each metric must be <= its bound." }),
  parameters: parameters.optional().meta({ description: "Per-property overrides of the shared parameters." }),
});

/** The whole scenario file. */
export const scenarioSchema = z
  .strictObject({
    $schema: z.string().optional().meta({ description: "Path or URL of scenario.schema.json (for editors)." }),
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "must be letters, digits, '.', '_' or '-' (it names results and shards)")
      .meta({ description: "Unique scenario name." }),
    description: z.string().min(1, "must not be empty"),
    protocol: z.string().min(1, "must name a protocol such as \"bb84\"").meta({
      description: "Protocol folder: bb84, auth, kdc, ...",
    }),
    variant: z.string().min(1, "must not be empty").optional().meta({
      description: "Reading of an ambiguity in the paper (group-scope, member-scope, parity, basis-encoded, ...).",
    }),
    parameters: parameters.optional(),
    adversary: z.record(z.string(), jsonValue).optional().meta({
      description: "A generated strategy space or a fixed strategy, passed to each property as params.adversary.",
    }),
    settings: z.strictObject({
      runs: z.number().int("must be an integer").positive("must be > 0").max(MAX_RUNS, `must be <= ${MAX_RUNS}`),
      seed: z.number().int("must be an integer").min(-(2 ** 31), "must be >= -2^31").max(2 ** 31 - 1, "must be < 2^31"),
      searchBudget: z
        .number()
        .int("must be an integer")
        .min(0, "must be >= 0 (0: no optimising search)")
        .max(MAX_SEARCH_BUDGET, `must be <= ${MAX_SEARCH_BUDGET}`)
        .optional()
        .meta({ description: `Objective evaluations of the optimising search per property with an objective (default ${DEFAULT_SEARCH_BUDGET}; 0: none).` }),
    }),
    properties: z.array(scenarioPropertySchema).min(1, "must list at least one property"),
  })
  .superRefine((s, ctx) => {
    const seen = new Set<string>();
    s.properties.forEach((p, i) => {
      if (p.expect === "violated" && p.reason === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["properties", i, "reason"],
          message: 'required when expect is "violated" (one line naming the known finding)',
        });
      }
      if (p.expect === "violated" && p.kind !== "finding" && p.kind !== "control") {
        ctx.addIssue({
          code: "custom",
          path: ["properties", i, "kind"],
          message: `${p.kind === undefined ? "required" : `must not be "${p.kind}"`} when expect is "violated": "finding" (the paper's protocol fails it) or "control" (a broken variant)`,
        });
      }
      if (p.expect === "holds" && p.kind === "finding") {
        ctx.addIssue({ code: "custom", path: ["properties", i, "kind"], message: 'a finding is a violation: use expect "violated", or kind "claim"/"control"' });
      }
      if (seen.has(p.id)) {
        ctx.addIssue({ code: "custom", path: ["properties", i, "id"], message: `"${p.id}" is listed twice` });
      }
      seen.add(p.id);
    });
  })
  .meta({ title: "qkd-harness scenario", description: "A scenario: parameters, adversary, settings and expected verdicts." });

/** A scenario file after shape validation (parameters not yet evaluated). */
export type ScenarioFile = z.infer<typeof scenarioSchema>;

/** One expectation of a scenario file. */
export type ScenarioPropertyEntry = z.infer<typeof scenarioPropertySchema>;
