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
  // a grouping grown for a large run is not kept for the smaller ones after it (review: up to ~40 MB)
  if (GROUPS.grouped.length > GROUPS_KEPT && GROUPS.grouped.length > 4 * n) GROUPS = newGroups(64);
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
    const w = sumOf(weight, list, 0, list.length);
    const avg = states.given(list, 0, list.length, w, true);
    return { list, pr: w / total, avg, entropy: avg.entropy };
  });
  return values.map((value) => {
    // P(K = k) by value in first-seen order
    const prior: number[] = [];
    const numbering = VALUE_SLOTS.begin();
    for (let b = 0; b < n; b++) {
      const at = VALUE_SLOTS.slot(numbering, value[b]);
      if (at === prior.length) prior.push(weight[b] / total);
      else prior[at] += weight[b] / total;
    }
    let hKgivenR = 0, quantum = 0, guessing = 0, guessingBound = 0;
    for (const { list, pr, avg, entropy } of records) {
      const groups = groupByValue(list, value), { grouped, groupAt } = GROUPS;
      let h = 0, conditional = 0, best = 0, dependent = false;
      for (let g = 0; g < groups; g++) {
        const from = groupAt[g], to = groupAt[g + 1];
        const w = sumOf(weight, grouped, from, to);
        // one value in the record: Eve's state given it is the record's (the same branches, the same arithmetic)
        const given = groups === 1 ? avg : states.given(grouped, from, to, w, false);
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
 * The listed branches grouped by value, groups and their branches in first-seen order, into
 * {@link GROUPS} (read before the next call): returns the number of groups; group g is
 * `grouped[groupAt[g]]` up to `grouped[groupAt[g + 1]]` (exclusive). A counting sort into
 * reused typed arrays: an array per group (and a numbering closure) per record and value were
 * ~9 % of the bytes an evaluation allocates (sampling heap profile without inlining,
 * basis-encoded), a Map per record and value before them ~6 % (parity).
 */
function groupByValue(list: readonly number[], value: ArrayLike<number>): number {
  const n = list.length;
  if (GROUPS.grouped.length < n) GROUPS = newGroups(2 * n);
  const { grouped, groupAt, slots, fill } = GROUPS;
  const numbering = VALUE_SLOTS.begin();
  let groups = 0;
  for (let i = 0; i < n; i++) {
    const at = VALUE_SLOTS.slot(numbering, value[list[i]]);
    slots[i] = at;
    if (at === groups) groupAt[++groups] = 0;
    groupAt[at + 1]++;
  }
  groupAt[0] = 0;
  for (let g = 0; g < groups; g++) { groupAt[g + 1] += groupAt[g]; fill[g] = groupAt[g]; }
  for (let i = 0; i < n; i++) grouped[fill[slots[i]]++] = list[i];
  return groups;
}

/** Scratch of {@link groupByValue}: the branches grouped, where each group starts, each branch's group, each group's fill point. */
interface Groups {
  readonly grouped: Int32Array;
  readonly groupAt: Int32Array;
  readonly slots: Int32Array;
  readonly fill: Int32Array;
}

function newGroups(n: number): Groups {
  return { grouped: new Int32Array(n), groupAt: new Int32Array(n + 1), slots: new Int32Array(n), fill: new Int32Array(n) };
}

/** Not re-entered (knowledgeOfColumns reads a grouping before the next); grown when a record holds more branches. */
let GROUPS = newGroups(64);

/** Branches a grouping may keep room for once a smaller run follows (256 kB). */
const GROUPS_KEPT = 16_384;

/** Values below this (non-negative integers: keys and pairs) are numbered through a table. */
const SMALL_VALUES = 4096;

/**
 * Numbers values in first-seen order: each {@link slot} call returns the value's slot, a new
 * value the next free one. Small non-negative integers (every key and pair) through a table
 * stamped per numbering, others through a Map (SameValueZero: 0 and -0 one value, as ===; values
 * are finite, checked at the object entry). The linear search over the values seen (then a Map
 * past 16) was 0.3 % of a CPU profile (basis-encoded), its line the hottest of knowledge's loops;
 * a closure per numbering ~1 % of the bytes an evaluation allocated. One numbering at a time
 * (checked: `slot` with an older numbering's stamp throws).
 */
class ValueSlots {
  private readonly smallSlot = new Int32Array(SMALL_VALUES);
  private readonly smallStamp = new Int32Array(SMALL_VALUES);
  private stamp = 0;
  private count = 0;
  private others: Map<number, number> | null = null;

  /** A new numbering: its stamp, to pass to {@link slot}. */
  begin(): number {
    if (this.stamp === 2 ** 30) { this.smallStamp.fill(0); this.stamp = 0; }
    this.count = 0;
    this.others = null;
    return ++this.stamp;
  }

  slot(stamp: number, v: number): number {
    if (stamp !== this.stamp) throw new RangeError("knowledge: value numberings interleaved (one at a time)");
    if (v >= 0 && v < SMALL_VALUES && (v | 0) === v) {
      if (this.smallStamp[v] === stamp) return this.smallSlot[v];
      this.smallStamp[v] = stamp;
      this.smallSlot[v] = this.count;
      return this.count++;
    }
    this.others ??= new Map();
    let at = this.others.get(v);
    if (at === undefined) this.others.set(v, (at = this.count++));
    return at;
  }
}

const VALUE_SLOTS = new ValueSlots();

/** `sum_b weight[b]` over the branches `items[from]` up to `items[to]` (exclusive), in order. */
function sumOf(weight: ArrayLike<number>, items: ArrayLike<number>, from: number, to: number): number {
  let w = 0;
  for (let i = from; i < to; i++) w += weight[items[i]];
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

  /** Given the branches `items[from]` up to `items[to]` (exclusive); `keep`: the mixture's entries are kept (else they are overwritten by the next call). */
  given(items: ArrayLike<number>, from: number, to: number, w: number, keep: boolean): Given {
    const { weight, state, entries } = this.columns, size = this.size, first = state[items[from]];
    if (allOf(state, items, from, to, first)) return this.single(first);
    const out = keep ? new Float64Array(size) : this.scratch.fill(0);
    for (let i = from; i < to; i++) {
      const t = items[i], p = weight[t] / w, at = size * state[t];
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

/** Whether every branch `items[from]` up to `items[to]` (exclusive) holds state `id`. */
function allOf(state: ArrayLike<number>, items: ArrayLike<number>, from: number, to: number, id: number): boolean {
  for (let i = from; i < to; i++) if (state[items[i]] !== id) return false;
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
