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
import { knowledgeOfEach, paperVariants, runAuth, type KnowledgeBranch, type Strategy } from "../../model/auth/index.js";
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

describe("auth knowledge: what the columns take on trust is checked at the object entry", () => {
  const rho = (p: number) => ({ dims: [2], matrix: { rows: 2, cols: 2, data: Float64Array.of(p, 0, 0, 0, 0, 0, 1 - p, 0) } }) as unknown as KnowledgeBranch["eve"];
  it("a negative or non-finite weight, or a state with a NaN entry, is refused, naming it", () => {
    const good = rho(0.5);
    expect(() => knowledgeOfEach([{ weight: 2, records: "a", eve: good }, { weight: -1, records: "a", eve: rho(1e-31) }], [() => 0])).toThrow(/branch 1's weight/);
    expect(() => knowledgeOfEach([{ weight: NaN, records: "a", eve: good }], [() => 0])).toThrow(/branch 0's weight/);
    expect(() => knowledgeOfEach([{ weight: 1, records: "a", eve: rho(NaN) }], [() => 0])).toThrow(/state 0 has an entry that is not finite/);
    // values: a NaN used to be numbered as garbage (review of auth5); control: finite values pass
    expect(() => knowledgeOfEach([{ weight: 1, records: "a", eve: good }, { weight: 1, records: "a", eve: good }], [(b) => (b.weight > 0 ? NaN : 0)])).toThrow(/value 0 of branch 0 must be a finite number, got NaN/);
    expect(() => knowledgeOfEach([{ weight: 1, records: "a", eve: good }, { weight: 1, records: "a", eve: good }], [() => 1])).not.toThrow();
  });
  it("many values (past the linear search's 16): the prior and its entropy as for few", () => {
    const eve = rho(0.25);
    for (const values of [3, 16, 17, 40, 300]) {
      const branches = Array.from({ length: 2 * values }, (_, b) => ({ weight: 1, records: `r${b % 3}`, eve }));
      const [k] = knowledgeOfEach(branches, [(b) => branches.indexOf(b) % values]);
      expect(k.entropy).toBeCloseTo(Math.log2(values), 12);
      expect(k.prior).toBeCloseTo(1 / values, 15);
      // one state for every branch: the Holevo quantity is the classical H(K) - H(K | R)
      expect(k.holevo).toBeCloseTo(Math.log2(values) - conditionalEntropy(values), 9);
    }
  });
});

/** H(K | R) for 2v branches, values b % v, records b % 3, all weights equal. */
function conditionalEntropy(values: number): number {
  const n = 2 * values;
  let h = 0;
  for (let r = 0; r < 3; r++) {
    const inRecord = Array.from({ length: n }, (_, b) => b).filter((b) => b % 3 === r);
    const counts = new Map<number, number>();
    for (const b of inRecord) counts.set(b % values, (counts.get(b % values) ?? 0) + 1);
    const pr = inRecord.length / n;
    for (const c of counts.values()) h -= pr * (c / inRecord.length) * Math.log2(c / inRecord.length);
  }
  return h;
}
