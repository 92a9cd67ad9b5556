/**
 * The compiled rounds kept across evaluations (model/auth/internal/compiledRun.ts) are invisible:
 * a batch of generated strategies evaluates to byte-identical JSON with the cache cleared before
 * every evaluation, warm in one order, and warm in the reverse order (a strategy then meets
 * segments compiled for later ones), both readings, noise off and on, and neighbours that
 * differ in one step (the search's case, where segments are shared); and every (reading, noise)
 * interleaved without clearing (a scope key missing the noise or the variant's fields mixes
 * their rounds). Negative controls (checked by hand when written): with the toKdc steps left out
 * of the member segment's key (round.ts `roundCompiler`) the first four cases fail; with the
 * noise or the variant left out of compiledRun.ts's scope key the interleaved case fails.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paperVariants, type Strategy } from "../../model/auth/index.js";
import { clearCompiledRounds } from "../../model/auth/internal/compiledRun.js";
import { arbStrategy } from "../../properties/auth/arbitraries.js";
import { evaluateStrategy, type EvaluationParams } from "../../properties/auth/evaluate.js";

const RUNS = Math.max(4, Math.round(24 * Number(process.env.QKD_RUNS ?? 1)));

/** Each strategy's evaluation as JSON, in the batch's order. */
function evaluateAll(params: EvaluationParams, strategies: readonly Strategy[], order: readonly number[], clearEach: boolean): string[] {
  const out: string[] = new Array(strategies.length);
  for (const k of order) {
    if (clearEach) clearCompiledRounds();
    out[k] = JSON.stringify(evaluateStrategy(params, strategies[k]));
  }
  return out;
}

/** The strategy with its first round's last step towards the KDC dropped (a neighbour sharing its leading segments), or itself. */
function neighbour(s: Strategy): Strategy {
  const [first, ...rest] = s.rounds;
  return { ...s, rounds: [{ ...first, toKdc: first.toKdc.slice(0, -1) }, ...rest] };
}

describe("auth: compiled rounds kept across evaluations change no result", () => {
  for (const variant of paperVariants) {
    for (const noise of [0, 0.05]) {
      it(`${variant}, noise ${noise}: cold, warm and reversed batches evaluate to identical JSON`, () => {
        const params = { variant, keyBits: 4, sessions: 2, noise };
        const drawn = fc.sample(arbStrategy(["mitm", "impersonate-member", "impersonate-kdc"], 2, 3), { numRuns: RUNS, seed: noise === 0 ? 21 : 22 });
        const strategies = drawn.flatMap((s) => [s, neighbour(s)]);
        const forward = strategies.map((_, k) => k), backward = [...forward].reverse();
        const cold = evaluateAll(params, strategies, forward, true);
        clearCompiledRounds();
        expect(evaluateAll(params, strategies, forward, false)).toEqual(cold);
        expect(evaluateAll(params, strategies, backward, false)).toEqual(cold);
      });
    }
  }

  it("every reading and noise interleaved, never cleared: each evaluation equals its cold one (the cache's scope keeps them apart)", () => {
    const drawn = fc.sample(arbStrategy(["mitm", "impersonate-member", "impersonate-kdc"], 2, 3), { numRuns: Math.max(2, RUNS / 4), seed: 23 });
    const scopes = paperVariants.flatMap((variant) => [0, 0.05].map((noise) => ({ variant, keyBits: 4, sessions: 2, noise })));
    const cold = scopes.map((p) => evaluateAll(p, drawn, drawn.map((_, k) => k), true));
    clearCompiledRounds();
    drawn.forEach((s, k) => scopes.forEach((p, j) => expect(JSON.stringify(evaluateStrategy(p, s))).toBe(cold[j][k])));
  });
});
