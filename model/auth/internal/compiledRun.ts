/**
 * The run loop behind `runAuth`: the same branches, merges and record compaction as the generic
 * loop of run.ts (which the reference `runAuthByPhases` keeps), on numbers instead of objects and
 * strings. A branch is a cell (weight, KDC key, member key, record id, state id); Eve's states are
 * interned per run (`StateTable`), so the outcome cache, the merge and the signatures of record
 * compaction key on integers; record strings are built once per (record, arm) and only read back
 * when the branches of a session are handed out.
 *
 * Why: in the CPU profile of bench/auth.ts's strategies the string keys of the generic loop
 * (fingerprints of 128 code units, record strings, signatures), its per-branch objects and their
 * garbage were ~40 % of an evaluation. Measured against main's build in one process (interleaved
 * batches of the bench's 200 strategies, CPU time, load ~6.5 on 2 cores), this loop with the
 * segment-sharing compiler (round.ts `roundCompiler`) evaluates ~2.0-2.2x the strategies/s.
 *
 * Compiled rounds are kept for one run (a compiler per run: its rounds, sessions and pairs share
 * segments), not across runs. Shared compilers kept across runs (until 2^22 numbers) made every
 * fresh strategy's compilation live past the young generation's collections: ~40 KB per
 * evaluation promoted to the old generation (basis-encoded), copied twice and marked by V8's
 * helper threads. Measured 2026-11-28 (perf stat, all threads, 2,000 evaluations after 200
 * warm-up ones, timed minus a load-only run, load 4-5): per-run compilers took 2.83 M
 * instructions per fresh basis-encoded evaluation against 3.10-3.20 M with the shared ones, 1.82 M
 * against 2.20 M parity; inside `searchAuth` (bench/authSearch.ts's instance, four seeds of
 * budget 300), where neighbours share segments, 5.16-5.66 M against 5.71-5.76 M: the sharing did
 * not pay for its garbage collection there either. It costs where one strategy is evaluated again
 * and again: `verify --workers 1` 66.7 G instructions against 64.8-65.1 G (+3 %), and the auth
 * bench's 5 honest n = 8 sessions in a row 516 against 2,066 per CPU-second (2026-11-28).
 * @internal
 */
import { PROBABILITY_FLOOR } from "../../kernel/index.js";
import { keyPair, MAX_KEY_BITS, updatedPair, type KeyPair } from "../key.js";
import { roundCompiler, type RoundContext, type RoundDecisions } from "../round.js";
import { roundStrategyAt, type Mode, type Strategy } from "../strategy.js";
import type { VariantSpec } from "../variant.js";
import { armState, type KrausRound } from "./krausRound.js";
import { packed } from "./packed.js";
import { MAX_STATES, shrinkStateScratch, STATE_SIZE, StateLimit, StateTable } from "./stateTable.js";

/** The branches of a session as the caller reads them: columns, one entry per branch (never written after they are handed out). */
export interface BranchColumns {
  readonly weight: ArrayLike<number>;
  readonly kdc: ArrayLike<number>;
  readonly member: ArrayLike<number>;
  /** Record ids (`recordName` gives the text). */
  readonly rec: ArrayLike<number>;
  /** State ids of the run's {@link StateTable}. */
  readonly state: ArrayLike<number>;
  readonly length: number;
}

/** What the loop needs of a run's configuration (checked by the caller). */
export interface CompiledRunInput {
  readonly spec: VariantSpec;
  readonly strategy: Strategy;
  readonly noise: number;
  readonly keyBits: number;
  readonly sessions: number;
  readonly keys: readonly number[];
  /** The state of Eve's registers at the start (4 x 4 interleaved). */
  readonly eve0: Float64Array;
  /** Branches with weight below this are dropped. */
  readonly weightFloor: number;
  /** Most cells one round may hold ({@link MAX_CELLS} when absent; tests lower it). */
  readonly maxCells?: number;
  /** Most distinct states of Eve's registers the run may hold ({@link MAX_STATES} when absent; tests lower it). */
  readonly maxStates?: number;
}

/**
 * Most cells (classical branches: keys, Eve's records, her state) one round of a run may hold;
 * past it the run throws a RangeError naming keyBits and sessions instead of exhausting memory.
 * Cells multiply with the key values and with each of Eve's measurements, in every round of every
 * session. Measured 2026-11-28 on a generated basis-encoded man in the middle at keyBits 8, three
 * sessions (test/auth/cellLimit.test.ts): 1,526,960 cells after seven rounds (698 MB resident,
 * 8.7 s), 9,012,840 after eight, where the process ran out of a 3 GB heap ("Map maximum size
 * exceeded" or a fatal out-of-memory with a native stack trace, before this bound). The shipped
 * scenarios' runs hold a few hundred at most (512 in scenarios/auth/parity-best-attack.yaml's, at
 * keyBits 8: the smallest `maxCells` it runs with, a review's bisection).
 */
export const MAX_CELLS = 2 ** 20;

/** An arm of a compiled program that continues the session, with what it does to the keys. */
interface ProgramArm {
  readonly kraus: readonly Float64Array[];
  readonly records: string;
  /** The KDC's outcome of eq. 12, or -1 when it did not update (the pair's bits are the branch's: programs are shared by pairs). */
  readonly kdcOutcome: number;
  readonly memberOutcome: number;
}

interface Program {
  /** Per run (the outcome cache's key). */
  readonly id: number;
  readonly arms: readonly ProgramArm[];
}

/**
 * The branches of a round in columns (parallel typed arrays, the first `length` entries), in
 * first-seen order. Scratch of one thread ({@link CELLS}), reused round after round: columns of
 * plain arrays grown by `push`, new for every merger, were the largest source of the bytes an
 * evaluation allocates (sampling heap profile, basis-encoded: 42 of 225 KB in the run loop, with
 * its growth copies). A session's branches are copied out when handed to the caller
 * ({@link columnsOf}). Keys are below 2^MAX_KEY_BITS and state ids below MAX_STATES (StateTable
 * checks it), so Int32Array holds them exactly; record ids too, unchecked: a run would run out of
 * memory long before 2^31 record names. Weights stay doubles.
 */
class Cells {
  weight: Float64Array;
  kdc: Int32Array;
  member: Int32Array;
  rec: Int32Array;
  state: Int32Array;
  length = 0;
  /** Most cells the buffer may hold in the current run (set by the run; room never grows past it). */
  limit = MAX_CELLS;

  /** Room for `room` cells (256, or a smaller run limit). */
  constructor(room = 256) {
    this.weight = new Float64Array(room);
    this.kdc = new Int32Array(room);
    this.member = new Int32Array(room);
    this.rec = new Int32Array(room);
    this.state = new Int32Array(room);
  }

  /** Emptied for a new use (the entries past `length` are never read). */
  cleared(): Cells {
    this.length = 0;
    return this;
  }

  /** Twice the room (at most {@link limit}), the entries kept; throws {@link CellLimit} when full at the limit. */
  grow(): void {
    if (this.weight.length >= this.limit) throw new CellLimit(this.limit);
    const n = Math.min(2 * this.weight.length, this.limit);
    this.weight = grownTo(this.weight, new Float64Array(n));
    this.kdc = grownTo(this.kdc, new Int32Array(n));
    this.member = grownTo(this.member, new Int32Array(n));
    this.rec = grownTo(this.rec, new Int32Array(n));
    this.state = grownTo(this.state, new Int32Array(n));
  }
}

/**
 * A run too large to compute exactly: a round past {@link MAX_CELLS} cells, or the run past
 * {@link MAX_STATES} distinct states of Eve's registers (`what` says which; the message names
 * keyBits and sessions): an input's size, not a defect, so the CLI reports it as bad input.
 */
export class RunSizeError extends RangeError {
  /** What passed `limit`: `branches in one round` or `distinct states of Eve's registers in one run`. */
  readonly what: string;

  constructor(readonly limit: number, readonly keyBits: number, readonly sessions: number, over: "cells" | "states" = "cells") {
    const what = over === "cells" ? "branches in one round" : "distinct states of Eve's registers in one run";
    const why = over === "cells"
      ? "the key values and each of Eve's measurements multiply them in every round of every session"
      : "her registers can take a new state for each key value and outcome she meets, in every round of every session";
    super(
      `the exact evaluation would ${over === "cells" ? "follow" : "hold"} more than ${limit.toLocaleString("en-US")} ${what} (keyBits ${keyBits}, sessions ${sessions}): ` +
        `${why}; use fewer key bits or sessions, or a smaller adversary`,
    );
    this.what = what;
  }
}

/** A round would hold more than `limit` cells (runCompiled turns it into a {@link RunSizeError}). */
class CellLimit extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} cells in one round`);
  }
}

function grownTo<A extends Float64Array | Int32Array>(from: A, to: A): A {
  to.set(from);
  return to;
}

/**
 * The thread's two cell buffers: a merger reads one (a round's branches, or the merged ones record
 * compaction relabels) and writes the other. Runs are one at a time per thread: a run's claim of
 * {@link OUTCOME_INDEX} stands for the buffers too, checked before every round, so that a run
 * started inside another's `onSession` makes the outer one throw at its next round instead of
 * reading the inner run's cells (even when the inner run left no cell, so that the outer would
 * never reach the index).
 */
const CELLS = [new Cells(), new Cells()];

/** Cells a buffer may keep between runs (393 kB); one that grew past it is dropped for a fresh one. */
const CELLS_KEPT = 16_384;

/**
 * Slots {@link CELL_INDEX} and {@link OUTCOME_INDEX} may keep between runs (1 MB each); one that
 * grew past it goes back to 256 (a keyBits-12 run left 8.7 MB in them, review of 2026-11-28).
 */
const INDEX_KEPT = 65_536;

/** The buffer of {@link CELLS} other than `read`, emptied. */
function otherCells(read: Cells): Cells {
  return (read === CELLS[0] ? CELLS[1] : CELLS[0]).cleared();
}

/**
 * A session's branches as the caller keeps them, copied out of the reused buffer: the five
 * columns as views of one Float64Array (ids and keys are integers below 2^31: exact in a double).
 * Five plain arrays grown by `push` were ~6 % of the bytes an evaluation allocated (sampling heap
 * profile, basis-encoded); this is one off-heap buffer per session.
 */
function columnsOf(cells: Cells): BranchColumns {
  const n = cells.length, all = new Float64Array(5 * n);
  for (let c = 0; c < n; c++) {
    all[c] = cells.weight[c];
    all[n + c] = cells.kdc[c];
    all[2 * n + c] = cells.member[c];
    all[3 * n + c] = cells.rec[c];
    all[4 * n + c] = cells.state[c];
  }
  return { weight: all.subarray(0, n), kdc: all.subarray(n, 2 * n), member: all.subarray(2 * n, 3 * n), rec: all.subarray(3 * n, 4 * n), state: all.subarray(4 * n, 5 * n), length: n };
}

/** One number for a (KDC key, member key) pair, and with a record for (record, KDC key, member key): one-to-one as keys have at most MAX_KEY_BITS bits. */
export const KEY_RADIX = 2 ** MAX_KEY_BITS;

/** Ids of (program, state) pairs in the outcome cache: one-to-one as a run's state ids are below MAX_STATES. */
const STATE_RADIX = MAX_STATES;

/**
 * Run the sessions; `onSession` receives the accepted branches after each session (the same
 * branches as run.ts's loop, up to round-off and the names of merged records).
 */
export function runCompiled(input: CompiledRunInput, onSession: (branches: BranchColumns, states: StateTable, recordName: (id: number) => string) => void): void {
  const limit = input.maxCells ?? MAX_CELLS;
  for (let k = 0; k < CELLS.length; k++) {
    if (CELLS[k].weight.length > limit) CELLS[k] = new Cells(Math.min(256, limit));
    CELLS[k].limit = limit;
  }
  try {
    runSessions(input, onSession);
  } catch (e) {
    if (e instanceof CellLimit) throw new RunSizeError(e.limit, input.keyBits, input.sessions, "cells");
    if (e instanceof StateLimit) throw new RunSizeError(e.limit, input.keyBits, input.sessions, "states");
    throw e;
  } finally {
    // also after a run that threw: the buffers and indexes it grew are not kept past their limits
    for (let k = 0; k < CELLS.length; k++) if (CELLS[k].weight.length > CELLS_KEPT) CELLS[k] = new Cells();
    CELL_INDEX.shrink(INDEX_KEPT);
    OUTCOME_INDEX.shrink(INDEX_KEPT);
    if (compactScratch.length > 4 * CELLS_KEPT) compactScratch = new Float64Array(256); // it had kept 30 MB after a run at the cell bound (review)
    PARTS.shrink();
    RECORD_GROUPS.shrink();
    shrinkStateScratch();
  }
}

function runSessions(input: CompiledRunInput, onSession: (branches: BranchColumns, states: StateTable, recordName: (id: number) => string) => void): void {
  // the run's claim of the thread's buffers and indexes, before it touches them: a run started
  // inside another's onSession makes the outer one throw, even if it stopped at its first push
  const outcomeIndex = OUTCOME_INDEX, outcomeClaim = outcomeIndex.claim();
  const { spec, strategy, noise, keyBits, weightFloor } = input;
  const mode = strategy.mode;
  const rounds = keyBits / 2;
  const states = new StateTable(input.maxStates ?? MAX_STATES);
  const records = new RecordNames();
  const eve0 = states.intern(input.eve0);
  const scratch = new Float64Array(STATE_SIZE);
  let cells = CELLS[0].cleared();
  for (const k of input.keys) push(cells, 1 / input.keys.length, k, k, 0, eve0);
  // the program of a compiled round, per run: rounds compiled alike (from any pairs or strategy
  // round) share one program and its outcome cache; by whether the round is a session's last
  const programs = [new Map<KrausRound, Program>(), new Map<KrausRound, Program>()];
  let programCount = 0;
  // the compiler drops only what ends the session in any round (the KDC's rejection); what ends
  // it before the last round only (the member told to abort, in mitm) is dropped from the
  // program, so the rounds of a session share the compiled instrument
  const compiler = roundCompiler(mode, (f) => endsSession(mode, f));
  const steps = strategy.rounds.map((s) => compiler.steps(s));
  // outcomes per (program, Eve's state), [arm index, probability, state id] triples, for the whole
  // run: programs and states are the run's, and a program's outcomes on a state are the same in
  // any round (with a cache per round, 1,000 generated strategies ran 27.2 programs per evaluation
  // instead of 23.5, basis-encoded, and 7.9 instead of 6.0, parity)
  const outcomeLists: number[][] = [];
  for (let r = 0; r < input.sessions; r++) {
    for (let i = 0; i < rounds; i++) {
      outcomeIndex.check(outcomeClaim); // the run still holds the thread's buffers and indexes
      const g = r * rounds + i, last = i === rounds - 1;
      const roundStrategy = roundStrategyAt(strategy, g), byLast = programs[Number(mode === "mitm" && last)];
      // the program per (KDC pair, member pair), found when first needed
      const byPairs: (Program | undefined)[] = new Array(16);
      const programAt = (pairs: number): Program => {
        let p = byPairs[pairs];
        if (p !== undefined) return p;
        const ctx: RoundContext = { spec, mode, kdcPair: pairOf(pairs >> 2), memberPair: pairOf(pairs & 3), noise, strategy: roundStrategy, firstRound: g === 0 };
        const round = compiler.compile(ctx, steps[g % steps.length]);
        p = byLast.get(round);
        if (p === undefined) byLast.set(round, (p = { id: programCount++, arms: programArms(mode, last, round) }));
        return (byPairs[pairs] = p);
      };
      const next = new Merger(states, keyBits, otherCells(cells));
      for (let c = 0; c < cells.length; c++) {
        const kdcKey = cells.kdc[c], memberKey = cells.member[c];
        const kdcPair = (kdcKey >> (2 * i)) & 3, memberPair = (memberKey >> (2 * i)) & 3;
        const program = programAt(4 * kdcPair + memberPair);
        const id = program.id * STATE_RADIX + cells.state[c]; // states < STATE_RADIX: StateTable.intern throws past it
        const at = outcomeIndex.addIfNew(outcomeClaim, id, outcomeLists.length);
        let outcomes: number[];
        if (at < 0) outcomeLists.push((outcomes = runProgram(program, states, cells.state[c], scratch)));
        else outcomes = outcomeLists[at];
        for (let o = 0; o < outcomes.length; o += 3) {
          const weight = cells.weight[c] * outcomes[o + 1];
          if (weight < weightFloor) continue;
          const arm = program.arms[outcomes[o]];
          next.add(
            weight,
            arm.kdcOutcome < 0 ? kdcKey : withPairBits(kdcKey, i, UPDATED[2 * kdcPair + arm.kdcOutcome]),
            arm.memberOutcome < 0 ? memberKey : withPairBits(memberKey, i, UPDATED[2 * memberPair + arm.memberOutcome]),
            records.child(cells.rec[c], arm.records),
            outcomes[o + 2],
          );
        }
      }
      cells = compactRecords(next.cells(), states, keyBits);
    }
    onSession(columnsOf(cells), states, (id) => records.name(id));
  }
}

function push(cells: Cells, weight: number, kdc: number, member: number, rec: number, state: number): void {
  const c = cells.length;
  if (c === cells.weight.length) cells.grow();
  cells.weight[c] = weight;
  cells.kdc[c] = kdc;
  cells.member[c] = member;
  cells.rec[c] = rec;
  cells.state[c] = state;
  cells.length = c + 1;
}

/** The pair held in two key bits (bit 0 is K_{2i-1}, bit 1 is K_{2i}). */
export function pairOf(bits: number): KeyPair {
  return keyPair(bits, 0);
}

/** The updated pair of eq. 12 (`updatedPair`) as two bits, at `2 * pair bits + outcome`. */
const UPDATED = Array.from({ length: 8 }, (_, k) => {
  const pair = updatedPair(pairOf(k >> 1), (k & 1) as 0 | 1);
  return pair.first | (pair.second << 1);
});

function withPairBits(key: number, round: number, bits: number): number {
  return (key & ~(3 << (2 * round))) | (bits << (2 * round));
}

/** The compiled round's arms that continue the session (once per run, round and lastness: the run's `programs`). */
function programArms(mode: Mode, lastRound: boolean, round: KrausRound): readonly ProgramArm[] {
  return packed(round.arms
    .filter((a) => continuesSession(mode, a.facts, lastRound))
    .map((a): ProgramArm => ({
      kraus: a.kraus,
      records: a.facts.records,
      kdcOutcome: a.facts.kdcOutcome ?? -1,
      memberOutcome: a.facts.memberOutcome ?? -1,
    })));
}

/** The program on one state: `[arm, probability, state id]` per arm that can occur. */
function runProgram(program: Program, states: StateTable, state: number, sigma: Float64Array): number[] {
  const out: number[] = [];
  for (let a = 0; a < program.arms.length; a++) {
    sigma.fill(0);
    const p = armState(program.arms[a].kraus, states.slab, STATE_SIZE * state, sigma);
    if (p >= PROBABILITY_FLOOR) out.push(a, p, states.intern(sigma));
  }
  return out;
}

/**
 * Whether facts decided so far already end the session in any round (the complement of
 * {@link continuesSession} at the last round, on decided facts; null is undecided, and a decision
 * is never revised). The compiler drops these arms; a mitm member's refusal before the last round
 * is left to {@link continuesSession}, since one program serves every round.
 */
function endsSession(mode: Mode, f: RoundDecisions): boolean {
  return mode === "impersonate-kdc" ? f.memberContinues === false : f.kdcAccepted === false;
}

/** Whether an outcome of a round continues the session (the KDC accepted, the member goes on, as the mode requires). */
export function continuesSession(mode: Mode, o: RoundDecisions, lastRound: boolean): boolean {
  if (mode === "impersonate-kdc") return o.memberContinues === true;
  if (o.kdcAccepted !== true) return false;
  return mode === "impersonate-member" || lastRound || o.memberContinues === true;
}

/** Record strings by id: id 0 is the empty record; a child is built once per (record, appended outcomes). */
class RecordNames {
  private readonly names: string[] = [""];
  private readonly ids = new Map<string, number>([["", 0]]);
  /** Per record, its children by appended text (made when first asked: records of a session's last round have none). */
  private readonly children: (Map<string, number> | undefined)[] = [];

  child(parent: number, appended: string): number {
    if (appended === "") return parent;
    const kids = (this.children[parent] ??= new Map());
    let id = kids.get(appended);
    if (id === undefined) {
      const name = this.names[parent] + appended;
      id = this.ids.get(name);
      if (id === undefined) {
        id = this.names.length;
        this.names.push(name);
        this.ids.set(name, id);
      }
      kids.set(appended, id);
    }
    return id;
  }

  name(id: number): string {
    return this.names[id];
  }
}

/**
 * Branches with the same record and keys merged: weights added, Eve's states mixed
 * (`sum_t (w_t / total) rho_t`, term by term in first-seen order, as `mixStates`).
 */
class Merger {
  private readonly out: Cells;
  /** The cells by key: the thread's one {@link CellIndex}, claimed by this merger (mergers run one after another). */
  private readonly index = CELL_INDEX;
  private readonly claim: number;
  /** The (weight, state) parts of cells with more than one branch: the thread's {@link PARTS}, claimed too. */
  private readonly parts = PARTS;

  /** Keys of one run are below this: the index's keys stay small integers (exact in a double whatever the record id). */
  private readonly radix: number;

  /** `out`: the (emptied) buffer the merged cells are written to. */
  constructor(private readonly states: StateTable, keyBits: number, out: Cells) {
    this.out = out;
    this.radix = 1 << keyBits;
    this.claim = this.index.claim();
    this.parts.clear();
  }

  add(weight: number, kdc: number, member: number, rec: number, state: number): void {
    const key = (rec * this.radix + kdc) * this.radix + member;
    const at = this.index.addIfNew(this.claim, key, this.out.length);
    if (at < 0) {
      push(this.out, weight, kdc, member, rec, state);
      return;
    }
    this.parts.add(at, this.out.weight[at], this.out.state[at], weight, state);
  }

  cells(): Cells {
    this.index.check(this.claim); // the thread's PARTS too: no newer merger used them
    const parts = this.parts;
    for (let m = 0; m < parts.cellCount; m++) {
      const at = parts.cells[m], first = parts.head[at];
      let total = 0, same = true;
      for (let t = first; t >= 0; t = parts.next[t]) {
        total += parts.weight[t];
        same &&= parts.state[t] === parts.state[first];
      }
      let mixed: number;
      if (same) mixed = parts.state[first];
      else {
        const data = MIXED.fill(0), slab = this.states.slab;
        for (let t = first; t >= 0; t = parts.next[t]) {
          const p = parts.weight[t] / total, from = STATE_SIZE * parts.state[t];
          for (let k = 0; k < STATE_SIZE; k++) data[k] += p * slab[from + k];
        }
        mixed = this.states.intern(data);
      }
      this.out.weight[at] = total;
      this.out.state[at] = mixed;
    }
    return this.out;
  }
}

/**
 * The parts of the merged cells of one {@link Merger}: per cell with more than one branch, its
 * branches' (weight, state) in order as a chain through typed arrays (`head` by cell, `next` by
 * part), the cells in the order of their first merge. Scratch of one thread, reused merger after
 * merger: a Map of cells to growing arrays per merger was the largest source of the bytes an
 * evaluation allocated (sampling heap profile without inlining, basis-encoded: `Merger.add` and
 * its Map 32 of 207 KB).
 */
class MergeParts {
  weight = new Float64Array(256);
  state = new Int32Array(256);
  next = new Int32Array(256);
  /** The last part of a cell's chain, by cell (valid for the cells listed in `cells`). */
  tail = new Int32Array(256);
  /** The first part of a cell's chain, by cell (valid for the cells listed in `cells`). */
  head = new Int32Array(256);
  /** Per cell, the serial of the merger that last merged into it. */
  private mark = new Int32Array(256);
  private serial = 0;
  /** The merged cells in the order of their first merge. */
  cells = new Int32Array(256);
  cellCount = 0;
  private count = 0;

  /** Emptied for a new merger (O(1): cells are marked with the merger's serial). */
  clear(): void {
    if (this.serial === 2 ** 30) { this.mark.fill(0); this.serial = 0; }
    this.serial++;
    this.count = 0;
    this.cellCount = 0;
  }

  /** A branch (weight, state) merged into cell `at`, whose own (weight, state) is its first part. */
  add(at: number, cellWeight: number, cellState: number, weight: number, state: number): void {
    if (at >= this.mark.length) this.growCells(at + 1);
    if (this.mark[at] !== this.serial) {
      this.mark[at] = this.serial;
      if (this.cellCount === this.cells.length) this.cells = grownTo(this.cells, new Int32Array(2 * this.cells.length));
      this.cells[this.cellCount++] = at;
      const first = this.part(cellWeight, cellState);
      this.head[at] = first;
      this.tail[at] = first;
    }
    const t = this.part(weight, state);
    this.next[this.tail[at]] = t;
    this.tail[at] = t;
  }

  /** Buffers past {@link CELLS_KEPT} entries dropped for fresh ones (between runs). */
  shrink(): void {
    if (this.weight.length > CELLS_KEPT) { this.weight = new Float64Array(256); this.state = new Int32Array(256); this.next = new Int32Array(256); }
    if (this.mark.length > CELLS_KEPT) { this.tail = new Int32Array(256); this.head = new Int32Array(256); this.mark = new Int32Array(256); this.serial = 0; }
    if (this.cells.length > CELLS_KEPT) this.cells = new Int32Array(256);
  }

  private part(weight: number, state: number): number {
    const t = this.count++;
    if (t === this.weight.length) {
      const n = 2 * t;
      this.weight = grownTo(this.weight, new Float64Array(n));
      this.state = grownTo(this.state, new Int32Array(n));
      this.next = grownTo(this.next, new Int32Array(n));
    }
    this.weight[t] = weight;
    this.state[t] = state;
    this.next[t] = -1;
    return t;
  }

  private growCells(n: number): void {
    let size = this.mark.length;
    while (size < n) size *= 2;
    this.tail = grownTo(this.tail, new Int32Array(size));
    this.head = grownTo(this.head, new Int32Array(size));
    this.mark = grownTo(this.mark, new Int32Array(size));
  }
}

/** The thread's merge parts ({@link Merger}: one merger at a time, as {@link CELL_INDEX}). */
const PARTS = new MergeParts();

/**
 * An index from keys (non-negative integers exact in a double) to numbers (a merger's cells, the
 * run's outcome lists), for users of one thread one after another: open addressing with linear probing in typed arrays that are
 * reused, a slot being live only when stamped with the current claim (so claiming clears it in
 * O(1)). A Map per merger: `Merger.add`, mostly its lookups, was 3.4 % of the process's CPU
 * profile (basis-encoded, 6,000 evaluations; `index.get` the hottest line of the run loop). A
 * user that adds after another claimed the index throws (one run at a time per thread, as
 * StateTable). Exported for its test (test/auth/cellIndex.test.ts).
 * @internal
 */
export class CellIndex {
  private keys = new Float64Array(256);
  private values = new Int32Array(256);
  private stamps = new Int32Array(256);
  private stamp = 0;
  private size = 0;

  /** A fresh (empty) index for a new merger: its claim, to pass to {@link addIfNew}. */
  claim(): number {
    if (this.stamp === 2 ** 30) { this.stamps.fill(0); this.stamp = 0; }
    this.size = 0;
    return ++this.stamp;
  }

  /** Throws unless `claim` is still the index's (no newer user claimed it). */
  check(claim: number): void {
    if (claim !== this.stamp) throw new RangeError("CellIndex: a newer merger claimed the index (one run at a time per thread)");
  }

  /** The cell of `key`, or -1 after recording `value` as its cell when it has none. */
  addIfNew(claim: number, key: number, value: number): number {
    this.check(claim);
    const mask = this.keys.length - 1;
    let h = slotOf(key) & mask;
    while (this.stamps[h] === claim) {
      if (this.keys[h] === key) return this.values[h];
      h = (h + 1) & mask;
    }
    this.stamps[h] = claim;
    this.keys[h] = key;
    this.values[h] = value;
    if (2 * ++this.size > this.keys.length) this.grow();
    return -1;
  }

  /** Its number of slots (tests). */
  get slots(): number {
    return this.keys.length;
  }

  /**
   * Back to 256 empty slots when it has grown past `kept` (between runs: a claim's entries are
   * dropped, its stamp stays valid, so call it only when no merger or run is using the index).
   */
  shrink(kept: number): void {
    if (this.keys.length <= kept) return;
    this.keys = new Float64Array(256);
    this.values = new Int32Array(256);
    this.stamps = new Int32Array(256);
    this.size = 0;
  }

  /** Twice the slots, the live entries placed again. */
  private grow(): void {
    const { keys, values, stamps, stamp } = this;
    const n = 2 * keys.length, mask = n - 1;
    this.keys = new Float64Array(n);
    this.values = new Int32Array(n);
    this.stamps = new Int32Array(n);
    for (let k = 0; k < keys.length; k++) {
      if (stamps[k] !== stamp) continue;
      let h = slotOf(keys[k]) & mask;
      while (this.stamps[h] === stamp) h = (h + 1) & mask;
      this.stamps[h] = stamp;
      this.keys[h] = keys[k];
      this.values[h] = values[k];
    }
  }
}

/**
 * A hash of a non-negative integer below 2^53: its two 32-bit halves combined, then MurmurHash3's
 * 32-bit finaliser, so that every bit of the key reaches the low bits that pick a slot. (A single
 * multiply left the slot independent of the record id in merger keys `rec 2^(2 keyBits) + ...` at
 * keyBits 12 with a fixed key, tables up to 512 slots: 128 probes per insert, review of auth5.)
 */
function slotOf(key: number): number {
  let h = (key | 0) ^ Math.imul((key / 4294967296) | 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return h ^ (h >>> 16);
}

const CELL_INDEX = new CellIndex();

/** The outcome cache's index ({@link runCompiled}, one run at a time). */
const OUTCOME_INDEX = new CellIndex();

/** Scratch for a mixture before it is interned (a Float64Array per merger was ~1 % of an evaluation's allocations). */
const MIXED = new Float64Array(STATE_SIZE);

/**
 * Merge records that leave Eve in the same position (run.ts, `compactRecords`): records whose
 * branches have the same keys, conditional weights (rounded to 1e-10) and states are relabelled
 * to the first such record, then merged.
 */
function compactRecords(cells: Cells, states: StateTable, keyBits: number): Cells {
  const groups = RECORD_GROUPS.group(cells);
  if (groups < 2) return cells;
  const { grouped, groupAt, groupRec } = RECORD_GROUPS;
  // only records with as many cells as another record can have its signature
  const sizes = RECORD_GROUPS.sizes(groups);
  // a record's signature: its (keys, conditional weight rounded to 1e-10, state) triples, sorted;
  // bucketed by a hash, compared in full (string signatures were ~3 % of an evaluation). The
  // triples are read from columns and the record's cells sorted in place: an array per cell was
  // ~5 % of the bytes an evaluation allocates (sampling heap profile)
  if (compactScratch.length < 2 * cells.length) compactScratch = new Float64Array(4 * cells.length);
  const keys = compactScratch, rounded = compactScratch.subarray(cells.length, 2 * cells.length);
  for (let c = 0; c < cells.length; c++) keys[c] = cells.kdc[c] * KEY_RADIX + cells.member[c];
  const byTriple = (x: number, y: number): number => keys[x] - keys[y] || rounded[x] - rounded[y] || cells.state[x] - cells.state[y];
  let representatives: Representatives | null = null, relabel: Map<number, number> | null = null;
  for (let g = 0; g < groups; g++) {
    const from = groupAt[g], to = groupAt[g + 1], rec = groupRec[g];
    if (sizes[to - from] === 1) continue;
    let total = 0;
    for (let i = from; i < to; i++) total += cells.weight[grouped[i]];
    for (let i = from; i < to; i++) rounded[grouped[i]] = Math.round((cells.weight[grouped[i]] / total) * 1e10);
    sortCells(grouped, from, to, byTriple);
    const signature: number[] = [];
    for (let i = from; i < to; i++) { const c = grouped[i]; signature.push(keys[c], rounded[c], cells.state[c]); }
    const rep = (representatives ??= new Representatives()).of(rec, signature);
    if (rep !== rec) (relabel ??= new Map()).set(rec, rep);
  }
  RECORD_GROUPS.clearSizes(groups);
  if (relabel === null) return cells;
  const merged = new Merger(states, keyBits, otherCells(cells));
  for (let c = 0; c < cells.length; c++) {
    merged.add(cells.weight[c], cells.kdc[c], cells.member[c], relabel.get(cells.rec[c]) ?? cells.rec[c], cells.state[c]);
  }
  return merged.cells();
}

/**
 * Records by signature: the first record given each signature represents it. Signatures are
 * bucketed by a hash of their low 32 bits (StateTable's) and compared in full; the signatures of
 * a hash are chained in arrays (each entry the index of the previous one of its hash), and the
 * chain is walked with the same operations whether or not the hash collides: a bucket array
 * pushed only on a collision left that push without type feedback, and its first run deoptimised
 * compactRecords, which TurboFan then took 0.3-0.7 s to compile again (`--trace-opt`,
 * 2026-11-28). Exported for its test (test/auth/representatives.test.ts).
 * @internal
 */
export class Representatives {
  private readonly heads = new Map<number, number>();
  private readonly recs: number[] = [];
  private readonly signatures: number[][] = [];
  private readonly previous: number[] = [];

  /** The record representing `signature`: `rec` itself when it is the first with it (then kept). */
  of(rec: number, signature: number[]): number {
    let h = signature.length;
    for (const x of signature) h = (Math.imul(h, 31) + (x | 0)) | 0;
    const head = this.heads.get(h) ?? -1;
    for (let r = head; r >= 0;) {
      const previous = this.previous[r];
      if (sameNumbers(this.signatures[r], signature)) return this.recs[r];
      r = previous;
    }
    this.heads.set(h, this.recs.length);
    this.recs.push(rec);
    this.signatures.push(signature);
    this.previous.push(head);
    return rec;
  }
}

/**
 * Scratch of {@link compactRecords} (keys, then rounded weights; each entry written before it is
 * read): not re-entered, never handed out, instead of two Float64Arrays per call (off-heap
 * buffers past 8 cells).
 */
let compactScratch = new Float64Array(256);

/**
 * Sort a record's cells (`list[from]` up to `list[to]`, exclusive) by their triples: an insertion
 * sort while the list is short (the comparator never ties, as a record's cells have distinct keys
 * after the merge, so any sort gives the same order; both sorts are stable anyway),
 * `TypedArray.prototype.sort` beyond: the sort and its calls into the comparator were 1.4 % of the
 * process's CPU profile (basis-encoded, 6,000 evaluations).
 */
function sortCells(list: Int32Array, from: number, to: number, compare: (x: number, y: number) => number): void {
  if (to - from > 16) { list.subarray(from, to).sort(compare); return; }
  for (let i = from + 1; i < to; i++) {
    const x = list[i];
    let j = i - 1;
    while (j >= from && compare(list[j], x) > 0) { list[j + 1] = list[j]; j--; }
    list[j + 1] = x;
  }
}

/**
 * The cells of a round grouped by record for {@link compactRecords}: a counting sort into reused
 * typed arrays, records in first-seen order and each record's cells in order (as a Map of records
 * to arrays grown by `push` was, whose Map and arrays were ~7 % of the bytes an evaluation
 * allocated, sampling heap profile without inlining, basis-encoded). Scratch of one thread, read
 * before the next grouping (compactRecords is not re-entered).
 */
class RecordGroups {
  /** The cells grouped: group g is `grouped[groupAt[g]]` up to `grouped[groupAt[g + 1]]` (exclusive), of record `groupRec[g]`. */
  grouped = new Int32Array(256);
  groupAt = new Int32Array(257);
  groupRec = new Int32Array(256);
  /** Per record id, its group in the grouping stamped `stamp`. */
  private slotOfRec = new Int32Array(256);
  private stampOfRec = new Int32Array(256);
  private stamp = 0;
  /** Per cell, its group; per group, its fill point; per size, the groups of that size (zero between calls). */
  private slots = new Int32Array(256);
  private fill = new Int32Array(256);
  private bySize = new Int32Array(257);

  /** Group the cells by record; returns the number of groups. */
  group(cells: Cells): number {
    const n = cells.length;
    if (this.grouped.length < n) this.growCells(2 * n);
    if (this.stamp === 2 ** 30) { this.stampOfRec.fill(0); this.stamp = 0; }
    const stamp = ++this.stamp, { slots, groupAt, groupRec } = this;
    let groups = 0;
    for (let c = 0; c < n; c++) {
      const rec = cells.rec[c];
      if (rec >= this.stampOfRec.length) this.growRecords(rec + 1);
      let g: number;
      if (this.stampOfRec[rec] === stamp) g = this.slotOfRec[rec];
      else {
        this.stampOfRec[rec] = stamp;
        this.slotOfRec[rec] = g = groups++;
        groupRec[g] = rec;
        groupAt[g + 1] = 0;
      }
      slots[c] = g;
      groupAt[g + 1]++;
    }
    groupAt[0] = 0;
    for (let g = 0; g < groups; g++) { groupAt[g + 1] += groupAt[g]; this.fill[g] = groupAt[g]; }
    for (let c = 0; c < n; c++) this.grouped[this.fill[slots[c]]++] = c;
    return groups;
  }

  /** Per size (number of cells), how many of the `groups` records have it (give back with {@link clearSizes}). */
  sizes(groups: number): Int32Array {
    for (let g = 0; g < groups; g++) this.bySize[this.groupAt[g + 1] - this.groupAt[g]]++;
    return this.bySize;
  }

  /** Zero the counts {@link sizes} made. */
  clearSizes(groups: number): void {
    for (let g = 0; g < groups; g++) this.bySize[this.groupAt[g + 1] - this.groupAt[g]] = 0;
  }

  /** Arrays past {@link CELLS_KEPT} entries dropped for fresh ones (between runs). */
  shrink(): void {
    if (this.grouped.length > CELLS_KEPT) this.growCells(256, true);
    if (this.stampOfRec.length > CELLS_KEPT) { this.slotOfRec = new Int32Array(256); this.stampOfRec = new Int32Array(256); this.stamp = 0; }
  }

  private growCells(n: number, fresh = false): void {
    if (!fresh) n = Math.max(n, 2 * this.grouped.length);
    this.grouped = new Int32Array(n);
    this.groupAt = new Int32Array(n + 1);
    this.groupRec = new Int32Array(n);
    this.slots = new Int32Array(n);
    this.fill = new Int32Array(n);
    this.bySize = new Int32Array(n + 1);
  }

  private growRecords(n: number): void {
    let size = this.stampOfRec.length;
    while (size < n) size *= 2;
    this.slotOfRec = grownTo(this.slotOfRec, new Int32Array(size));
    this.stampOfRec = grownTo(this.stampOfRec, new Int32Array(size));
  }
}

const RECORD_GROUPS = new RecordGroups();

function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
