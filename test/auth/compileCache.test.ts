/**
 * No evaluation depends on the ones before it: a batch of generated strategies evaluates to
 * byte-identical JSON forward, forward again and in the reverse order (a strategy then follows
 * the ones after it), both readings, noise off and on, with neighbours that differ in one step
 * (the search's case); and every (reading, noise) interleaved. Compiled rounds are kept for one
 * run only (model/auth/internal/compiledRun.ts: a compiler per run; this file tested the shared
 * compilers kept across runs before they were dropped); the run's thread-wide scratch (cell
 * buffers, indexes, merge parts, the state table's rounded entries, knowledge's groupings) is
 * reused run after run, which is what this checks now. (No mutant was run against this version.)
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paperVariants, type Strategy } from "../../model/auth/index.js";
import { arbStrategy } from "../../properties/auth/arbitraries.js";
import { evaluateStrategy, type EvaluationParams } from "../../properties/auth/evaluate.js";

const RUNS = Math.max(4, Math.round(24 * Number(process.env.QKD_RUNS ?? 1)));

/** Each strategy's evaluation as JSON, in the batch's order (evaluated in `order`). */
function evaluateAll(params: EvaluationParams, strategies: readonly Strategy[], order: readonly number[]): string[] {
  const out: string[] = new Array(strategies.length);
  for (const k of order) out[k] = JSON.stringify(evaluateStrategy(params, strategies[k]));
  return out;
}

/** The strategy with its first round's last step towards the KDC dropped (a neighbour sharing its leading segments), or itself. */
function neighbour(s: Strategy): Strategy {
  const [first, ...rest] = s.rounds;
  return { ...s, rounds: [{ ...first, toKdc: first.toKdc.slice(0, -1) }, ...rest] };
}

describe("auth: no evaluation depends on the ones before it", () => {
  for (const variant of paperVariants) {
    for (const noise of [0, 0.05]) {
      it(`${variant}, noise ${noise}: forward and reversed batches evaluate to identical JSON`, () => {
        const params = { variant, keyBits: 4, sessions: 2, noise };
        const drawn = fc.sample(arbStrategy(["mitm", "impersonate-member", "impersonate-kdc"], 2, 3), { numRuns: RUNS, seed: noise === 0 ? 21 : 22 });
        const strategies = drawn.flatMap((s) => [s, neighbour(s)]);
        const forward = strategies.map((_, k) => k), backward = [...forward].reverse();
        const cold = evaluateAll(params, strategies, forward);
        expect(evaluateAll(params, strategies, forward)).toEqual(cold);
        expect(evaluateAll(params, strategies, backward)).toEqual(cold);
      });
    }
  }

  it("every reading and noise interleaved: each evaluation equals the one of its own batch", () => {
    const drawn = fc.sample(arbStrategy(["mitm", "impersonate-member", "impersonate-kdc"], 2, 3), { numRuns: Math.max(2, RUNS / 4), seed: 23 });
    const scopes = paperVariants.flatMap((variant) => [0, 0.05].map((noise) => ({ variant, keyBits: 4, sessions: 2, noise })));
    const cold = scopes.map((p) => evaluateAll(p, drawn, drawn.map((_, k) => k)));
    drawn.forEach((s, k) => scopes.forEach((p, j) => expect(JSON.stringify(evaluateStrategy(p, s))).toBe(cold[j][k])));
  });
});
