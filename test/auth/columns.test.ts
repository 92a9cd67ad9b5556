/**
 * The evaluation on columns of ids (runAuthColumns, knowledgeOfColumns: no branch objects, states
 * read from the run's slab, values grouped per record without maps) gives the same numbers, bit
 * for bit, as the evaluation it replaced: evaluations of a6bfaed's build stored in
 * fixtures/evaluations-a6bfaed.json (generated strategies, both readings, noise off and on;
 * written by evaluating the same strategies with that build's `evaluateStrategy`) compared as
 * JSON; and the columns path equals the object path (`evaluateRun` of `runAuth`'s branches, which
 * numbers records by text and states by identity) exactly, on freshly generated strategies. A
 * negative control for the fixture comparison: one evaluation with one metric changed in its
 * last bit is told apart. And the StateTable's shared rounded entries refuse an older table.
 */
import { readFileSync } from "node:fs";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paperVariants, runAuth, type Strategy } from "../../model/auth/index.js";
import { StateTable } from "../../model/auth/internal/stateTable.js";
import { arbStrategy } from "../../properties/auth/arbitraries.js";
import { evaluateRun, evaluateStrategy, runConfig, type Evaluation, type EvaluationParams } from "../../properties/auth/evaluate.js";

const RUNS = Math.max(2, Math.round(8 * Number(process.env.QKD_RUNS ?? 1)));

interface StoredCase {
  readonly params: EvaluationParams;
  readonly strategy: Strategy;
  readonly evaluation: Evaluation;
}

const stored = JSON.parse(readFileSync(new URL("./fixtures/evaluations-a6bfaed.json", import.meta.url), "utf8")) as { cases: StoredCase[] };

/** The stored cases whose evaluation now differs from the stored JSON. */
function differing(cases: readonly StoredCase[]): number[] {
  return cases.flatMap((c, k) => (JSON.stringify(evaluateStrategy(c.params, c.strategy)) === JSON.stringify(c.evaluation) ? [] : [k]));
}

describe("auth: the evaluation on columns of ids", () => {
  it(`gives a6bfaed's evaluations bit for bit (${stored.cases.length} stored cases, both readings, noise 0 and 0.05)`, () => {
    expect(stored.cases.length).toBe(80);
    expect(new Set(stored.cases.map((c) => `${c.params.variant}|${c.params.noise}`)).size).toBe(4);
    expect(stored.cases.filter((c) => c.evaluation.final.knowledge !== null).length).toBeGreaterThan(20);
    expect(differing(stored.cases)).toEqual([]);
  });

  it("negative control: a stored metric moved by one ulp is told apart", () => {
    const k = stored.cases.findIndex((c) => c.evaluation.final.knowledge !== null && c.evaluation.final.knowledge.holevo > 0);
    const c = stored.cases[k], knowledge = c.evaluation.final.knowledge!;
    const bumped = { ...knowledge, holevo: knowledge.holevo * (1 + Number.EPSILON) };
    expect(bumped.holevo).not.toBe(knowledge.holevo);
    const sessions = [...c.evaluation.sessions.slice(0, -1), { ...c.evaluation.final, knowledge: bumped }];
    expect(differing([{ ...c, evaluation: { sessions, final: sessions[sessions.length - 1] } }])).toEqual([0]);
  });

  for (const variant of paperVariants) {
    it(`${variant}: equals the evaluation of runAuth's branch objects exactly (noise 0 and 0.05, pairs on and off)`, () => {
      for (const noise of [0, 0.05]) {
        const params = { variant, keyBits: 4, sessions: 2, noise };
        for (const strategy of fc.sample(arbStrategy(["mitm", "impersonate-member", "impersonate-kdc"], 2, 3), { numRuns: RUNS, seed: noise === 0 ? 61 : 62 })) {
          for (const options of [{}, { pairs: false }]) {
            expect(evaluateStrategy(params, strategy, options)).toEqual(evaluateRun(params, strategy, runAuth(runConfig(params, strategy)), options));
          }
        }
      }
    });
  }

  it("a StateTable interns only while it is the newest of its thread (the rounded entries are shared)", () => {
    const older = new StateTable();
    older.intern(new Float64Array(32));
    const newer = new StateTable();
    expect(newer.intern(new Float64Array(32))).toBe(0);
    expect(() => older.intern(new Float64Array(32))).toThrow(/newer table/);
  });
});
