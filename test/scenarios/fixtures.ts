/**
 * Test-only property definitions and scenario helpers: one property that holds, one that is
 * violated (with a trace), one whose check throws; and a writer of scenario files in a temp dir.
 * @module
 */
import * as fc from "fast-check";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { z } from "zod";
import { probability } from "../../properties/params.js";
import type { PropertyDefinition, TraceStep } from "../../properties/types.js";

const trust = { trusted: ["test harness"], adversary: "picks a number" };

/** Holds: every generated x in [0, bound] is at most bound. */
export const holdsProperty: PropertyDefinition<{ bound: number; variant?: string }, number> = {
  id: "test.always-holds",
  protocol: "test",
  title: "Always holds",
  statement: "x <= bound for x drawn from [0, bound]",
  trust,
  params: z.object({ bound: probability, variant: z.string().optional() }),
  arbitrary: (p) => fc.double({ min: 0, max: p.bound, noNaN: true }),
  check: (p, x) => ({ ok: x <= p.bound, margin: p.bound - x, metrics: { x } }),
};

/** Violated whenever threshold < 1: n/100 exceeds the threshold for large n. */
export const violatedProperty: PropertyDefinition<
  { threshold: number; adversary?: { fraction: number } },
  { n: number; tag: string }
> = {
  id: "test.threshold-violated",
  protocol: "test",
  title: "Threshold <br> & \"quotes\"",
  statement: "n/100 <= threshold",
  trust,
  params: z.object({ threshold: probability, adversary: z.object({ fraction: probability }).optional() }),
  arbitrary: () => fc.record({ n: fc.integer({ min: 0, max: 100 }), tag: fc.string({ maxLength: 3 }) }),
  check: (p, input) => ({
    ok: input.n / 100 <= p.threshold,
    margin: p.threshold - input.n / 100,
    metrics: { n: input.n },
    message: `n/100 = ${input.n / 100} exceeds <threshold> & "${p.threshold}"`,
  }),
  trace: (p, input): TraceStep[] => [
    { step: "draw", detail: `the adversary picks n = ${input.n}`, values: { n: input.n } },
    { step: "compare", detail: `n/100 against threshold ${p.threshold}`, values: { ratio: input.n / 100 } },
  ],
};

/** Its check throws: an error verdict, never a silent pass. */
export const throwingProperty: PropertyDefinition<{ bound?: number }, number> = {
  id: "test.throws",
  protocol: "test",
  title: "Throws",
  statement: "the check throws",
  trust,
  params: z.object({ bound: probability.optional() }),
  arbitrary: () => fc.integer(),
  check: () => {
    throw new Error("model exploded");
  },
};

/** A property of another protocol (to test the protocol check). */
export const otherProtocolProperty: PropertyDefinition<Record<string, never>, number> = {
  ...throwingProperty,
  id: "other.thing",
  protocol: "other",
  params: z.object({}),
} as PropertyDefinition<Record<string, never>, number>;

/** Every test definition. */
export const testDefinitions: readonly PropertyDefinition[] = [holdsProperty, violatedProperty, throwingProperty, otherProtocolProperty];

/** A fresh temp directory. */
export function tempDir(prefix = "qkd-harness-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** A valid scenario object with one holding and one violated property, both as expected. */
export function goodScenario(name = "good", overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name,
    description: "a scenario for tests",
    protocol: "test",
    variant: "plain",
    parameters: { bound: "1/2", threshold: 0.3 },
    settings: { runs: 50, seed: 42 },
    properties: [
      { id: "test.always-holds", expect: "holds" },
      { id: "test.threshold-violated", expect: "violated", kind: "finding", reason: "n can exceed the threshold" },
    ],
    ...overrides,
  };
}

/** Write a scenario (object as JSON, or raw text) and return its path. */
export function writeScenario(dir: string, file: string, content: Record<string, unknown> | string): string {
  const path = join(dir, file);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return path;
}
