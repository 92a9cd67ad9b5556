/**
 * What Eve knows about a key, from the branches of a run: the Holevo quantity of her classical
 * records together with her registers, and her guessing probability.
 * @module
 */
import { ATOL, maxAbsDiff, mixture, vonNeumannEntropy, type DensityMatrix } from "../kernel/index.js";
import { flushTiny } from "./internal/flush.js";

/** Eve's knowledge of a classical value K (a key, or one pair of it), conditioned on the branches given. */
export interface Knowledge {
  /**
   * Holevo quantity of K against Eve's records R and registers E, in bits:
   * `chi = I(K:R) + sum_r p(r) [S(rho_r) - sum_k p(k|r) S(rho_{k,r})]`, the mutual information
   * `I(K:RE)` of the classical-quantum state `sum_{k,r} p(k,r) |k><k| (x) |r><r| (x) rho_{k,r}`.
   */
  readonly holevo: number;
  /** Shannon entropy H(K) of the prior (conditioned on the branches given), in bits. */
  readonly entropy: number;
  /** Best guess from the records alone: `sum_r max_k p(k, r)` (achievable; a lower bound on her optimum). */
  readonly guessing: number;
  /**
   * Upper bound on her optimal guess with records and registers:
   * `sum_r p(r) min(1, d_r max_k p(k|r))` (the min-entropy chain rule; d_r = 4 when her registers
   * depend on k given r, else 1).
   */
  readonly guessingBound: number;
  /** `max_k p(k)`: the guess without any side information. */
  readonly prior: number;
}

/** A branch as seen by {@link knowledge}: a weight, the value of K, Eve's records and registers. */
export interface KnowledgeBranch {
  readonly weight: number;
  readonly records: string;
  readonly eve: DensityMatrix;
}

/**
 * Eve's knowledge of `valueOf(branch)`, the branches weighted and conditioned on (normalised).
 * @throws RangeError when the branches carry no weight.
 */
export function knowledge<B extends KnowledgeBranch>(branches: readonly B[], valueOf: (b: B) => number): Knowledge {
  const total = branches.reduce((s, b) => s + b.weight, 0);
  if (!(total > 0)) throw new RangeError("knowledge: the branches carry no probability (nothing to condition on)");
  const byRecord = new Map<string, Map<number, [number, DensityMatrix][]>>();
  const prior = new Map<number, number>();
  for (const b of branches) {
    const v = valueOf(b);
    prior.set(v, (prior.get(v) ?? 0) + b.weight / total);
    let inner = byRecord.get(b.records);
    if (!inner) byRecord.set(b.records, (inner = new Map()));
    const list = inner.get(v);
    if (list) list.push([b.weight / total, b.eve]);
    else inner.set(v, [[b.weight / total, b.eve]]);
  }
  const entropy = shannon([...prior.values()]);
  let hKgivenR = 0, quantum = 0, guessing = 0, guessingBound = 0;
  for (const inner of byRecord.values()) {
    const states = [...inner.values()].map((list) => {
      const w = list.reduce((s, [p]) => s + p, 0);
      return [w, flushTiny(mix(list, w))] as const;
    });
    const pr = states.reduce((s, [w]) => s + w, 0);
    const cond = states.map(([w]) => w / pr);
    hKgivenR += pr * shannon(cond);
    const avg = flushTiny(mixture(states.map(([w, rho]) => [w / pr, rho] as const)));
    quantum += pr * (vonNeumannEntropy(avg) - states.reduce((s, [w, rho]) => s + (w / pr) * vonNeumannEntropy(rho), 0));
    const best = Math.max(...cond);
    guessing += pr * best;
    const dependent = states.some(([, rho]) => maxAbsDiff(rho.matrix, avg.matrix) > ATOL * 100);
    guessingBound += pr * Math.min(1, (dependent ? avg.matrix.rows : 1) * best);
  }
  return {
    holevo: Math.max(0, entropy - hKgivenR + quantum),
    entropy,
    guessing,
    guessingBound,
    prior: Math.max(...prior.values()),
  };
}

function mix(list: readonly [number, DensityMatrix][], w: number): DensityMatrix {
  return list.length === 1 ? list[0][1] : mixture(list.map(([p, rho]) => [p / w, rho] as const));
}

function shannon(p: readonly number[]): number {
  let s = 0;
  for (const x of p) if (x > 1e-300) s -= x * Math.log2(x);
  return s;
}
