/**
 * The zod schema of a results document (results.json) as read back by `report --merge`. A
 * shard's file is untrusted input: every field is checked for its type and range (numbers are
 * finite numbers, counts are bounded integers, strings are strings, no unknown fields), so
 * that nothing but the document the harness itself writes reaches the renderers. Problems are
 * a {@link ScenarioError} naming the file and the field (the CLI exits 2).
 * @module
 */
import { z } from "zod";
import { sweepMatches } from "../properties/evidence.js";
import { MAX_RUNS } from "../properties/limits.js";
import type { ResultsDocument } from "../properties/types.js";
import { ScenarioError } from "./errors.js";
import { zodIssues } from "./issues.js";
import { parseShard } from "./matrix.js";
import { parseDataText } from "./parse-text.js";

const count = z.number().int("must be an integer").min(0, "must be >= 0");
const seed = z.number().int("must be an integer").min(-(2 ** 31), "must be >= -2^31").max(2 ** 31 - 1, "must be < 2^31");
const verdict = z.enum(["holds", "violated"]);
const metrics = z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()]));
const traceStep = z.strictObject({
  step: z.string(),
  detail: z.string(),
  values: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
});
const trace = z.array(traceStep);

const counterexample = z.strictObject({
  seed,
  path: z.string(),
  shrinks: count,
  input: z.json(),
  message: z.string(),
  metrics,
  trace,
  replay: z.string(),
});

const evidence = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("analytic"), detail: z.string() }),
  z.strictObject({ kind: z.literal("exact"), detail: z.string() }),
  z.strictObject({
    kind: z.literal("optimised"),
    inputs: count,
    budget: count,
    evaluations: count,
    objective: z.string(),
    bestObjective: z.number(),
  }),
  z.strictObject({ kind: z.literal("sampled"), inputs: count }),
]);

const damaging = z.strictObject({
  objective: z.string(),
  value: z.number(),
  evaluations: count,
  budget: count,
  seed,
  input: z.json(),
  message: z.string(),
  metrics,
  trace,
  replay: z.string(),
});

const claim = z.strictObject({
  metric: z.string(),
  bound: z.enum(["atLeast", "atMost"]),
  value: z.number(),
  actual: z.number().nullable(),
  ok: z.boolean(),
});

const seedSweep = z.strictObject({ seeds: count, matched: count, mismatchedSeeds: z.array(seed), fraction: z.number().optional() });

/** One result. `matches` is read but never believed: {@link readResultsDocument} recomputes it. */
export const propertyResultSchema = z.strictObject({
  scenario: z.string(),
  protocol: z.string(),
  variant: z.string(),
  property: z.string(),
  title: z.string(),
  statement: z.string(),
  equation: z.string().optional(),
  trust: z.strictObject({ trusted: z.array(z.string()), adversary: z.string() }),
  expected: verdict,
  expectedReason: z.string().optional(),
  verdict: z.enum(["holds", "violated", "error"]),
  matches: z.boolean(),
  runs: count.max(MAX_RUNS, `must be <= ${MAX_RUNS}`),
  seed,
  metrics,
  counterexample: counterexample.optional(),
  error: z.string().optional(),
  kind: z.enum(["claim", "finding", "control"]).optional(),
  evidence: evidence.optional(),
  damaging: damaging.optional(),
  claims: z.array(claim).optional(),
  seedSweep: seedSweep.optional(),
  /** Derived by the JSON writer (reports/json.ts) from `verdict` and `evidence`; recomputed, never believed. */
  evidenceText: z.string().optional(),
});

const figure = z.strictObject({
  id: z.string(),
  title: z.string(),
  caption: z.string(),
  xLabel: z.string(),
  yLabel: z.string(),
  xScale: z.enum(["linear", "log"]).optional(),
  yScale: z.enum(["linear", "log"]).optional(),
  series: z.array(
    z.strictObject({
      name: z.string(),
      mark: z.enum(["line", "point"]),
      points: z.array(z.tuple([z.number(), z.number()])),
      dash: z.enum(["dashed", "dotted"]).optional(),
    }),
  ),
  rules: z.array(z.strictObject({ axis: z.enum(["x", "y"]), value: z.number(), label: z.string() })).optional(),
  yFloor: z.number().positive("must be > 0").optional(),
});

/** The whole document. The summary is checked for shape only: it is recomputed on merge. */
export const resultsDocumentSchema = z.strictObject({
  schemaVersion: z.literal(1),
  tool: z.strictObject({ name: z.literal("qkd-harness"), version: z.string() }),
  summary: z.strictObject({ total: count, matched: count, mismatched: count, errors: count, violated: count }),
  results: z.array(propertyResultSchema),
  figures: z.array(figure),
  run: z.strictObject({
    startedAt: z.string(),
    durationMs: z.number().min(0, "must be >= 0"),
    durations: z.record(z.string(), z.number().min(0, "must be >= 0")),
    environment: z.record(z.string(), z.string()),
    shard: z
      .string()
      .superRefine((s, ctx) => {
        const shard = parseShard(s);
        if (typeof shard === "string") ctx.addIssue({ code: "custom", message: shard });
      })
      .optional(),
  }),
});

/**
 * Whether a result matches its expectation: after a seed sweep, when enough of its seeds matched
 * ({@link sweepMatches}); otherwise when the verdict is the expected one and every claim holds.
 */
export function matchesExpectation(result: Pick<ResultsDocument["results"][number], "verdict" | "expected" | "claims" | "seedSweep">): boolean {
  if (result.verdict === "error") return false;
  if (result.seedSweep) return sweepMatches(result.seedSweep);
  return result.verdict === result.expected && (result.claims ?? []).every((c) => c.ok);
}

/**
 * Read a results.json: parse it as data (BOM, duplicate keys, depth: see `parse-text.ts`),
 * check it against {@link resultsDocumentSchema}, and recompute every `matches` from the
 * verdict, the expectation and the claims. Throws {@link ScenarioError} naming `file`.
 */
export function readResultsDocument(file: string, text: string): ResultsDocument {
  const raw = parseDataText(file, text, "json");
  const parsed = resultsDocumentSchema.safeParse(raw);
  if (!parsed.success) throw new ScenarioError(file, zodIssues(parsed.error.issues.slice(0, 10)));
  const doc = parsed.data as unknown as ResultsDocument;
  // derived fields the JSON writer adds (evidenceText, seedSweep.fraction) are recomputed when written
  const results = doc.results.map((r) => {
    const { evidenceText: _text, ...rest } = r as typeof r & { evidenceText?: string };
    const seedSweep = rest.seedSweep ? { seeds: rest.seedSweep.seeds, matched: rest.seedSweep.matched, mismatchedSeeds: rest.seedSweep.mismatchedSeeds } : undefined;
    return { ...rest, ...(seedSweep ? { seedSweep } : {}), matches: matchesExpectation(rest) };
  });
  return { ...doc, results };
}
