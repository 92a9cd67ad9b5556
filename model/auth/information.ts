/**
 * What Eve knows about a key, from the branches of a run: the Holevo quantity of her classical
 * records together with her registers, and her guessing probability.
 * @module
 */
import { ATOL, maxAbsDiff, vonNeumannEntropy, type DensityMatrix } from "../kernel/index.js";
import { flushTiny } from "./internal/flush.js";
import { mixStates } from "./internal/mix.js";
import { packed } from "./internal/packed.js";

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
  return knowledgeOfEach(branches, [valueOf])[0];
}

/**
 * {@link knowledge} of several values over the same branches (e.g. a key and each of its pairs):
 * the branches are grouped by record, and Eve's state given each record and its entropy computed,
 * once for all values.
 * @throws RangeError when the branches carry no weight.
 */
export function knowledgeOfEach<B extends KnowledgeBranch>(branches: readonly B[], valueOfs: readonly ((b: B) => number)[]): Knowledge[] {
  const total = branches.reduce((s, b) => s + b.weight, 0);
  if (!(total > 0)) throw new RangeError("knowledge: the branches carry no probability (nothing to condition on)");
  const byRecord = new Map<string, B[]>();
  for (const b of branches) {
    const list = byRecord.get(b.records);
    if (list) list.push(b);
    else byRecord.set(b.records, [b]);
  }
  const records = packed([...byRecord.values()]).map((list) => {
    const w = list.reduce((s, b) => s + b.weight, 0);
    const avg = flushTiny(mixOf(list, w));
    return { list, pr: w / total, avg, entropy: entropyOf(avg) };
  });
  return valueOfs.map((valueOf) => {
    const prior = new Map<number, number>();
    for (const b of branches) {
      const v = valueOf(b);
      prior.set(v, (prior.get(v) ?? 0) + b.weight / total);
    }
    let hKgivenR = 0, quantum = 0, guessing = 0, guessingBound = 0;
    for (const { list, pr, avg, entropy } of records) {
      const byValue = new Map<number, B[]>();
      for (const b of list) {
        const v = valueOf(b);
        const same = byValue.get(v);
        if (same) same.push(b);
        else byValue.set(v, [b]);
      }
      let h = 0, conditional = 0, best = 0, dependent = false;
      for (const same of byValue.values()) {
        const w = same.reduce((s, b) => s + b.weight, 0);
        const rho = flushTiny(mixOf(same, w));
        const c = w / total / pr;
        if (c > 1e-300) h -= c * Math.log2(c);
        conditional += c * entropyOf(rho);
        best = Math.max(best, c);
        dependent ||= rho !== avg && maxAbsDiff(rho.matrix, avg.matrix) > ATOL * 100;
      }
      hKgivenR += pr * h;
      quantum += pr * (entropy - conditional);
      guessing += pr * best;
      guessingBound += pr * Math.min(1, (dependent ? avg.matrix.rows : 1) * best);
    }
    return {
      holevo: Math.max(0, shannon([...prior.values()]) - hKgivenR + quantum),
      entropy: shannon([...prior.values()]),
      guessing,
      guessingBound,
      prior: Math.max(...prior.values()),
    };
  });
}

const weightOf = (b: KnowledgeBranch): number => b.weight;
const eveOf = (b: KnowledgeBranch): DensityMatrix => b.eve;

/**
 * Eve's state over branches of total weight `w`: their one state when they all hold the same
 * object (runAuth hands out one object per distinct state; the mixture would be that state up
 * to round-off, and its entropy is then computed once), else the mixture.
 */
function mixOf<B extends KnowledgeBranch>(list: readonly B[], w: number): DensityMatrix {
  const first = list[0].eve;
  for (const b of list) if (b.eve !== first) return mixStates(list, weightOf, eveOf, w);
  return first;
}

/**
 * Von Neumann entropy, once per state (states are immutable; branches are read by several
 * values). A diagonal state (Eve's registers classical, common after her Z measurements) takes
 * its spectrum from the diagonal without `eigvalsh` (the same numbers up to the order of the sum).
 */
function entropyOf(rho: DensityMatrix): number {
  let s = entropies.get(rho);
  if (s === undefined) entropies.set(rho, (s = isDiagonal(rho) ? diagonalEntropy(rho) : vonNeumannEntropy(rho)));
  return s;
}

function isDiagonal(rho: DensityMatrix): boolean {
  const { rows, data } = rho.matrix;
  for (let i = 0; i < rows; i++) for (let j = 0; j < rows; j++) {
    if (i !== j && (data[2 * (i * rows + j)] !== 0 || data[2 * (i * rows + j) + 1] !== 0)) return false;
  }
  return true;
}

/** `sum_i eta(rho_ii)`, eta as the kernel's (`0 log 0 = 0`, round-off outside (0, 1) is 0). */
function diagonalEntropy(rho: DensityMatrix): number {
  const { rows, data } = rho.matrix;
  let s = 0;
  for (let i = 0; i < rows; i++) {
    const x = data[2 * (i * rows + i)];
    if (x > 1e-300 && x < 1) s -= x * Math.log2(x);
  }
  return s;
}

const entropies = new WeakMap<DensityMatrix, number>();

function shannon(p: readonly number[]): number {
  let s = 0;
  for (const x of p) if (x > 1e-300) s -= x * Math.log2(x);
  return s;
}
