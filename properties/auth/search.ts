/**
 * A deterministic search over the generated adversaries for the most damaging one: the strategy
 * maximising `acceptance x chi` (Eve's expected bits about the accepting party's updated key) —
 * or, for impersonation, the acceptance itself. Used by the figures, the CLI and the bench.
 * @module
 */
import * as fc from "fast-check";
import type { Mode, Strategy } from "../../model/auth/index.js";
import { arbStrategy } from "./arbitraries.js";
import { evaluateStrategy } from "./evaluate.js";
import type { AuthParams } from "./params.js";

/** A strategy with its score and the numbers behind it. */
export interface SearchResult {
  readonly strategy: Strategy;
  readonly score: number;
  readonly acceptance: number;
  /** chi(K'_c : R E | acc) after the last session (0 when never accepted). */
  readonly holevo: number;
  /** Number of strategies evaluated. */
  readonly evaluated: number;
}

/** What to maximise. */
export type SearchGoal = "information" | "acceptance";

/**
 * Evaluate `samples` generated strategies (seeded, reproducible) in the given modes and keep the
 * best by the goal (`information`: acceptance x chi; `acceptance`: acceptance). Ties keep the first.
 */
export function searchBestAttack(
  params: Pick<AuthParams, "variant" | "keyBits" | "sessions" | "noise">,
  options: { readonly samples: number; readonly seed: number; readonly modes: readonly Mode[]; readonly goal?: SearchGoal; readonly maxRounds?: number; readonly maxSteps?: number },
): SearchResult {
  const strategies = fc.sample(arbStrategy(options.modes, options.maxRounds ?? 2, options.maxSteps ?? 3), { numRuns: options.samples, seed: options.seed });
  let best: SearchResult | undefined;
  for (const strategy of strategies) {
    const { final } = evaluateStrategy(params, strategy);
    const holevo = final.knowledge?.holevo ?? 0;
    const score = options.goal === "acceptance" ? final.acceptance : final.acceptance * holevo;
    if (best === undefined || score > best.score + 1e-12) best = { strategy, score, acceptance: final.acceptance, holevo, evaluated: 0 };
  }
  if (best === undefined) throw new RangeError(`searchBestAttack: samples must be >= 1, got ${options.samples}`);
  return { ...best, evaluated: strategies.length };
}
