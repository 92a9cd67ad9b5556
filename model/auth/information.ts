/**
 * What Eve knows about a key, from the branches of a run: the Holevo quantity of her classical
 * records together with her registers, and her guessing probability.
 * @module
 */
import { ATOL, vonNeumannEntropy, type DensityMatrix } from "../kernel/index.js";
import { FLUSH_BELOW } from "./internal/flush.js";
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
 * once for all values. The branches are numbered ({@link branchColumns}) for
 * {@link knowledgeOfColumns}: the same groups, mixtures and numbers.
 * @throws RangeError when the branches carry no weight, or a value is not finite.
 */
export function knowledgeOfEach<B extends KnowledgeBranch>(branches: readonly B[], valueOfs: readonly ((b: B) => number)[]): Knowledge[] {
  const columns = branchColumns(branches);
  const values = valueOfs.map((valueOf) => branches.map(valueOf));
  // checked here, at the object entry, as branchColumns checks weights and states (the columns' consumer takes them on trust)
  values.forEach((column, v) => column.forEach((x, b) => {
    if (!Number.isFinite(x)) throw new RangeError(`knowledge: value ${v} of branch ${b} must be a finite number, got ${x}`);
  }));
  return knowledgeOfColumns(columns, values);
}

/**
 * Branches numbered as {@link KnowledgeColumns}: records by text, states by identity. Checks what
 * the columns' consumer takes on trust: weights finite and >= 0, states of one size with finite
 * entries (O(n): no eigvalsh).
 * @throws RangeError naming the first branch or state that fails.
 * @internal the evaluation's representation (properties/auth/evaluate.ts), not a stable API.
 */
export function branchColumns(branches: readonly KnowledgeBranch[]): KnowledgeColumns & { readonly weight: number[]; readonly record: number[]; readonly state: number[] } {
  const recordIds = new Map<string, number>(), stateIds = new Map<DensityMatrix, number>(), states: DensityMatrix[] = [];
  const record: number[] = [], state: number[] = [];
  branches.forEach((b, i) => {
    if (!(Number.isFinite(b.weight) && b.weight >= 0)) throw new RangeError(`knowledge: branch ${i}'s weight must be a finite number >= 0, got ${b.weight}`);
  });
  for (const b of branches) {
    let r = recordIds.get(b.records);
    if (r === undefined) recordIds.set(b.records, (r = recordIds.size));
    let id = stateIds.get(b.eve);
    if (id === undefined) { stateIds.set(b.eve, (id = states.length)); states.push(b.eve); }
    record.push(r);
    state.push(id);
  }
  const rows = states.length > 0 ? states[0].matrix.rows : 0, size = 2 * rows * rows, entries = new Float64Array(size * states.length);
  states.forEach((rho, id) => {
    if (rho.matrix.rows !== rows) throw new RangeError(`knowledge: Eve's states differ in size (${rho.matrix.rows} and ${rows} rows)`);
    if (!rho.matrix.data.every(Number.isFinite)) throw new RangeError(`knowledge: Eve's state ${id} has an entry that is not finite`);
    entries.set(rho.matrix.data, size * id);
  });
  return { weight: branches.map((b) => b.weight), record, state, entries, rows };
}

/**
 * Branches as columns (parallel arrays, one entry per branch): numbers instead of objects, as
 * the evaluation reads a run's branches (model/auth/internal/compiledRun.ts). Taken on trust by
 * {@link knowledgeOfColumns} (ids in range, columns of one length): build them with
 * {@link branchColumns} or `runAuthColumns`.
 * @internal the evaluation's representation, not a stable API.
 */
export interface KnowledgeColumns {
  readonly weight: ArrayLike<number>;
  /** The branch's record as an id (equal ids, equal records). */
  readonly record: ArrayLike<number>;
  /** The branch's state of Eve's registers as an id: its entries are at `2 rows^2 id` in `entries`. */
  readonly state: ArrayLike<number>;
  /** The states' entries, `rows` x `rows` complex (interleaved) each, by id (never written). */
  readonly entries: Float64Array;
  readonly rows: number;
  /**
   * Entropies of states by id, shared by calls on columns whose ids name the same states (the
   * sessions of one run: runAuthColumns); a new cache per call when absent. Written by
   * {@link knowledgeOfColumns}. Valid only with the `entries` it was filled from: columns made
   * with other entries (or states) need their own map.
   */
  readonly entropies?: Map<number, number>;
}

/**
 * {@link knowledgeOfEach} on columns: `values[v][b]` is value v of branch b. Records and states
 * are compared by id: Eve's state given a record (or a record and a value) is the one state when
 * its branches all hold the same id, else their mixture. Branch objects grouped by record string
 * were ~17 % of an evaluation (CPU profile of 2,000 generated strategies, basis-encoded).
 * @throws RangeError when the branches carry no weight.
 * @internal see {@link KnowledgeColumns}.
 */
export function knowledgeOfColumns(columns: KnowledgeColumns, values: readonly ArrayLike<number>[]): Knowledge[] {
  const { weight, record } = columns, n = weight.length;
  let total = 0;
  for (let b = 0; b < n; b++) total += weight[b];
  if (!(total > 0)) throw new RangeError("knowledge: the branches carry no probability (nothing to condition on)");
  const groupOf = new Map<number, number[]>();
  for (let b = 0; b < n; b++) {
    const list = groupOf.get(record[b]);
    if (list) list.push(b);
    else groupOf.set(record[b], [b]);
  }
  const states = new GivenStates(columns);
  const records = packed([...groupOf.values()]).map((list) => {
    const w = sumOf(weight, list);
    const avg = states.given(list, w, true);
    return { list, pr: w / total, avg, entropy: avg.entropy };
  });
  return values.map((value) => {
    // P(K = k) by value in first-seen order
    const prior: number[] = [];
    const slot = valueSlots();
    for (let b = 0; b < n; b++) {
      const at = slot(value[b]);
      if (at === prior.length) prior.push(weight[b] / total);
      else prior[at] += weight[b] / total;
    }
    let hKgivenR = 0, quantum = 0, guessing = 0, guessingBound = 0;
    for (const { list, pr, avg, entropy } of records) {
      const byValue = groupsByValue(list, value);
      let h = 0, conditional = 0, best = 0, dependent = false;
      for (const same of byValue) {
        const w = sumOf(weight, same);
        // one value in the record: Eve's state given it is the record's (the same branches, the same arithmetic)
        const given = byValue.length === 1 ? avg : states.given(same, w, false);
        const c = w / total / pr;
        if (c > 1e-300) h -= c * Math.log2(c);
        conditional += c * given.entropy;
        best = Math.max(best, c);
        // one state held by both (then equal), or compared
        dependent ||= given !== avg && !(given.id >= 0 && given.id === avg.id) && differs(given, avg, 2 * columns.rows * columns.rows, ATOL * 100);
      }
      hKgivenR += pr * h;
      quantum += pr * (entropy - conditional);
      guessing += pr * best;
      guessingBound += pr * Math.min(1, (dependent ? columns.rows : 1) * best);
    }
    return {
      holevo: Math.max(0, shannon(prior) - hKgivenR + quantum),
      entropy: shannon(prior),
      guessing,
      guessingBound,
      prior: Math.max(...prior),
    };
  });
}

/**
 * The listed branches grouped by value, groups and their branches in first-seen order. A linear
 * search over the values seen while they are few (a record holds at most the key's values): a
 * Map per record and value was ~6 % of the bytes an evaluation allocates (sampling heap profile,
 * parity).
 */
function groupsByValue(list: readonly number[], value: ArrayLike<number>): number[][] {
  const groups: number[][] = [];
  const slot = valueSlots();
  for (const b of list) {
    const at = slot(value[b]);
    if (at === groups.length) groups.push([b]);
    else groups[at].push(b);
  }
  return groups;
}

/** Values below this (non-negative integers: keys and pairs) are numbered through a table. */
const SMALL_VALUES = 4096;

/** Per small value, its slot in the numbering that stamped it (one numbering in use at a time). */
const smallSlot = new Int32Array(SMALL_VALUES), smallStamp = new Int32Array(SMALL_VALUES);
let numberings = 0;

/**
 * Numbers values in first-seen order: each call returns the value's slot, a new value the next
 * free one. Small non-negative integers (every key and pair) through a table stamped per
 * numbering, others through a Map (SameValueZero: 0 and -0 one value, as ===; values are finite,
 * checked at the object entry). The linear search over the values seen (then a
 * Map past 16) was 0.3 % of a CPU profile (basis-encoded), its line the hottest of knowledge's
 * loops. Numberings are used one after another, never interleaved (checked).
 */
function valueSlots(): (v: number) => number {
  if (numberings === 2 ** 30) { smallStamp.fill(0); numberings = 0; }
  const stamp = ++numberings;
  let count = 0;
  let others: Map<number, number> | null = null;
  return (v) => {
    if (stamp !== numberings) throw new RangeError("knowledge: value numberings interleaved (one at a time)");
    if (v >= 0 && v < SMALL_VALUES && (v | 0) === v) {
      if (smallStamp[v] === stamp) return smallSlot[v];
      smallStamp[v] = stamp;
      smallSlot[v] = count;
      return count++;
    }
    others ??= new Map();
    let at = others.get(v);
    if (at === undefined) others.set(v, (at = count++));
    return at;
  };
}

/** `sum_b weight[b]` over the listed branches, in order. */
function sumOf(weight: ArrayLike<number>, list: readonly number[]): number {
  let w = 0;
  for (const b of list) w += weight[b];
  return w;
}

/** Eve's state given some branches: its entries from `at` (below `FLUSH_BELOW` zero), its entropy, and its id (-1 for a mixture). */
interface Given {
  readonly id: number;
  readonly data: ArrayLike<number>;
  readonly at: number;
  readonly entropy: number;
}

/**
 * Eve's states given sets of branches, for one {@link knowledgeOfColumns}: their one state when
 * the branches all hold the same id (the mixture would be that state up to round-off), else the
 * mixture `sum_b (weight_b / w) rho_b`, term by term in order (the arithmetic of `mixStates`).
 * Entropies once per id. No density-matrix objects: the flushed state of a valid state is valid
 * (the flush checked it again, an `eigvalsh` each), the entropy cache was a WeakMap, and each
 * mixture an object; the three were ~35 % of the evaluation's knowledge (CPU profile, parity).
 */
class GivenStates {
  private readonly entropies: Map<number, number>;
  private readonly singles = new Map<number, Given>();
  /** A mixture only read before the next one (conditional states given a value). */
  private readonly scratch: Float64Array;
  private readonly size: number;

  constructor(private readonly columns: KnowledgeColumns) {
    this.size = 2 * columns.rows * columns.rows;
    this.scratch = new Float64Array(this.size);
    this.entropies = columns.entropies ?? new Map();
  }

  /** `keep`: the mixture's entries are kept (else they are overwritten by the next call). */
  given(list: readonly number[], w: number, keep: boolean): Given {
    const { weight, state, entries } = this.columns, size = this.size, first = state[list[0]];
    if (allOf(state, list, first)) return this.single(first);
    const out = keep ? new Float64Array(size) : this.scratch.fill(0);
    for (const t of list) {
      const p = weight[t] / w, at = size * state[t];
      for (let k = 0; k < size; k++) out[k] += p * entries[at + k];
    }
    flushInPlace(out);
    return { id: -1, data: out, at: 0, entropy: entropyOfEntries(out, 0, this.columns.rows) };
  }

  /** The one state `id` (its flushed entries and entropy), once per id and call: records and values given it recur. */
  private single(id: number): Given {
    let given = this.singles.get(id);
    if (given === undefined) {
      const size = this.size;
      let data = this.columns.entries, at = size * id;
      if (hasTiny(data, at, size)) { data = flushInPlace(Float64Array.prototype.slice.call(data, at, at + size) as Float64Array); at = 0; }
      let entropy = this.entropies.get(id);
      if (entropy === undefined) this.entropies.set(id, (entropy = entropyOfEntries(data, at, this.columns.rows)));
      this.singles.set(id, (given = { id, data, at, entropy }));
    }
    return given;
  }
}

/** Whether every listed branch holds state `id`. */
function allOf(state: ArrayLike<number>, list: readonly number[], id: number): boolean {
  for (const b of list) if (state[b] !== id) return false;
  return true;
}

/** `flushTiny` as it was, in place: when an entry is tiny, every entry below `FLUSH_BELOW` (zeros too: -0 becomes 0) set to 0. */
function flushInPlace(data: Float64Array): Float64Array {
  if (hasTiny(data, 0, data.length)) for (let k = 0; k < data.length; k++) if (Math.abs(data[k]) < FLUSH_BELOW) data[k] = 0;
  return data;
}

function hasTiny(data: ArrayLike<number>, at: number, size: number): boolean {
  for (let k = at; k < at + size; k++) if (data[k] !== 0 && Math.abs(data[k]) < FLUSH_BELOW) return true;
  return false;
}

/** Whether some entry differs by more than `tol` in modulus: `maxAbsDiff > tol`, which is false when any difference is NaN. */
function differs(a: Given, b: Given, size: number, tol: number): boolean {
  let over = false;
  // the squared modulus decides where it is clearly on one side of tol^2 (relative margin 1e-6,
  // far beyond round-off): Math.hypot, a builtin call, only near the boundary (the same decisions)
  const below = tol * tol * (1 - 1e-6), above = tol * tol * (1 + 1e-6);
  for (let k = 0; k < size; k += 2) {
    const x = a.data[a.at + k] - b.data[b.at + k], y = a.data[a.at + k + 1] - b.data[b.at + k + 1], s = x * x + y * y;
    if (s > above) over = true;
    else if (!(s < below)) {
      const d = Math.hypot(x, y);
      if (Number.isNaN(d)) return false; // maxAbsDiff's Math.max is NaN then, and NaN > tol is false
      over ||= d > tol;
    }
  }
  return over;
}

/**
 * Von Neumann entropy of a state's entries (`rows` x `rows`, interleaved, from `at`). A diagonal
 * state (Eve's registers classical, common after her Z measurements) takes its spectrum from the
 * diagonal without `eigvalsh` (the same numbers up to the order of the sum).
 */
function entropyOfEntries(data: ArrayLike<number>, at: number, rows: number): number {
  if (isDiagonal(data, at, rows)) return diagonalEntropy(data, at, rows);
  const own = at === 0 && data.length === 2 * rows * rows ? data : Float64Array.prototype.slice.call(data, at, at + 2 * rows * rows);
  return vonNeumannEntropy({ dims: [rows], matrix: { rows, cols: rows, data: own } } as unknown as DensityMatrix);
}

function isDiagonal(data: ArrayLike<number>, at: number, rows: number): boolean {
  for (let i = 0; i < rows; i++) for (let j = 0; j < rows; j++) {
    if (i !== j && (data[at + 2 * (i * rows + j)] !== 0 || data[at + 2 * (i * rows + j) + 1] !== 0)) return false;
  }
  return true;
}

/** `sum_i eta(rho_ii)`, eta as the kernel's (`0 log 0 = 0`, round-off outside (0, 1) is 0). */
function diagonalEntropy(data: ArrayLike<number>, at: number, rows: number): number {
  let s = 0;
  for (let i = 0; i < rows; i++) {
    const x = data[at + 2 * (i * rows + i)];
    if (x > 1e-300 && x < 1) s -= x * Math.log2(x);
  }
  return s;
}

function shannon(p: readonly number[]): number {
  let s = 0;
  for (const x of p) if (x > 1e-300) s -= x * Math.log2(x);
  return s;
}
