/**
 * Several authentication sessions in a row, computed exactly: branches over the key values
 * (uniform prior over K_c unless a key is fixed) and over every measurement outcome, the
 * updated key of one session being the key of the next (eq. 12). No sampling.
 *
 * A branch carries the KDC's key, the member's key (they differ only if an attack split them),
 * Eve's classical records and the state of her two registers. Branches with the same classical
 * labels are merged (their register states mixed), which keeps the computation exact and small.
 * @module
 */
import { densityOf, bitsKet, type DensityMatrix } from "../kernel/index.js";
import { continuesSession, KEY_RADIX, pairOf, runCompiled } from "./internal/compiledRun.js";

export { MAX_CELLS, RunSizeError } from "./internal/compiledRun.js";
export { MAX_STATES } from "./internal/stateTable.js";
import { mixStates } from "./internal/mix.js";
import { packed } from "./internal/packed.js";
import { checkKeyBits, updatedPair, withPair } from "./key.js";
import type { KnowledgeColumns } from "./information.js";
import { runRoundByPhases, type RoundContext, type RoundOutcome } from "./round.js";
import { roundStrategyAt, type Strategy } from "./strategy.js";
import { variantSpec, type AuthVariant, type VariantSpec } from "./variant.js";

/** The configuration of a run. */
export interface RunConfig {
  readonly variant: AuthVariant;
  /** n, the length of K_c (even). */
  readonly keyBits: number;
  readonly sessions: number;
  /** Depolarizing probability on each quantum transit (default 0). */
  readonly noise?: number;
  readonly strategy: Strategy;
  /** A fixed key K_c as a bit mask (bit 0 is K_1); uniform prior over all 2^n keys when omitted. */
  readonly key?: number;
}

/** One classical branch of the run with the state of Eve's registers. */
export interface Branch {
  /** Joint probability of this branch (and of acceptance so far). */
  readonly weight: number;
  readonly kdcKey: number;
  readonly memberKey: number;
  /** Eve's classical records, one character per outcome she saw, in order. */
  readonly records: string;
  /** Eve's registers e0, e1. */
  readonly eve: DensityMatrix;
}

/** The state of the run after one session. */
export interface SessionResult {
  /** 1-based session number r. */
  readonly session: number;
  /** Probability that sessions 1..r were all accepted. */
  readonly acceptance: number;
  /** The accepted branches after session r (weights are joint probabilities). */
  readonly branches: readonly Branch[];
}

/** The result of a run: one entry per session. */
export interface RunResult {
  readonly sessions: readonly SessionResult[];
}

/** Branches with weight below this are impossible and dropped. */
const WEIGHT_FLOOR = 1e-15;

/**
 * Run `sessions` sessions of the n/2-round authentication against `strategy`, exactly.
 * Acceptance of a session: the KDC accepted every round (and, in `mitm`, the member was told to
 * continue after every round but the last); in `impersonate-kdc`, the member was told to continue
 * after every round. A rejected session ends the run ("communication stops").
 * @throws RangeError naming `keyBits`, `sessions` or `noise` when out of range; {@link RunSizeError}
 * (a RangeError naming keyBits and sessions) when a round would hold more than {@link MAX_CELLS} cells
 * or the run more than {@link MAX_STATES} distinct states of Eve's registers.
 */
export function runAuth(config: RunConfig): RunResult {
  return {
    sessions: runAuthColumns(config).map((s) => {
      const branches = packed<Branch>([]);
      for (let b = 0; b < s.weight.length; b++) {
        branches.push({ weight: s.weight[b], kdcKey: s.kdcKey[b], memberKey: s.memberKey[b], records: s.recordName(s.record[b]), eve: s.stateOf(s.state[b]) });
      }
      return { session: s.session, acceptance: s.acceptance, branches };
    }),
  };
}

/**
 * A session of a run as columns: what {@link SessionResult} holds, with records and states as ids.
 * @internal the evaluation's representation (properties/auth/evaluate.ts), not a stable API.
 */
export interface SessionColumns extends KnowledgeColumns {
  readonly session: number;
  readonly acceptance: number;
  readonly weight: ArrayLike<number>;
  readonly kdcKey: ArrayLike<number>;
  readonly memberKey: ArrayLike<number>;
  readonly record: ArrayLike<number>;
  readonly state: ArrayLike<number>;
  /** The state of an id as a density matrix (one object per id). */
  stateOf(id: number): DensityMatrix;
  /** The text of a record id. */
  recordName(id: number): string;
}

/**
 * {@link runAuth} with each session's branches as columns of numbers (the same branches, in the
 * same order; states one object per id), for callers that read numbers only: the evaluation
 * builds no branch objects (properties/auth/evaluate.ts).
 * @throws RangeError as {@link runAuth}.
 * @internal see {@link SessionColumns}.
 */
export function runAuthColumns(config: RunConfig): SessionColumns[] {
  const { spec, noise, keys } = checkedConfig(config);
  const sessions: SessionColumns[] = [];
  // the sessions' state ids name the same states (one table per run): one entropy cache for all
  const entropies = new Map<number, number>();
  runCompiled(
    { spec, strategy: config.strategy, noise, keyBits: config.keyBits, sessions: config.sessions, keys, eve0: EVE0.matrix.data, weightFloor: WEIGHT_FLOOR },
    (cells, states, recordName) => {
      let acceptance = 0;
      for (let b = 0; b < cells.length; b++) acceptance += cells.weight[b];
      sessions.push({
        session: sessions.length + 1,
        acceptance,
        weight: cells.weight,
        kdcKey: cells.kdc,
        memberKey: cells.member,
        record: cells.rec,
        state: cells.state,
        // the slab as it is now: later sessions add states past this session's ids (or in a new slab)
        entries: states.slab,
        rows: 4,
        entropies,
        stateOf: (id) => states.state(id),
        recordName,
      });
    },
  );
  return sessions;
}

/**
 * The reference for {@link runAuth}: every round folded phase by phase through the kernel on the
 * five-qubit state ({@link runRoundByPhases}), one program per pair of pairs (no sharing between
 * pairs that compile alike), on branch objects (merged, records compacted, as runAuth's loop
 * does on numbers). The same branches, merges and numbers up to round-off; much slower.
 * @throws RangeError naming `keyBits`, `sessions` or `noise` when out of range. Unlike {@link runAuth}
 * it has no bound on a run's cells or states: a reference for small runs (the tests').
 */
export function runAuthByPhases(config: RunConfig): RunResult {
  return runWith(config);
}

/** Eve's registers at the start: |00>. */
const EVE0 = densityOf(bitsKet("00"));

/** The checked configuration: the variant's behaviour, the noise, the keys of the prior. */
function checkedConfig(config: RunConfig): { spec: VariantSpec; noise: number; keys: number[] } {
  checkKeyBits("runAuth", config.keyBits);
  if (!Number.isInteger(config.sessions) || config.sessions < 1) throw new RangeError(`runAuth: sessions must be a positive integer, got ${config.sessions}`);
  const noise = config.noise ?? 0;
  if (!(noise >= 0 && noise <= 1)) throw new RangeError(`runAuth: noise must be in [0, 1], got ${noise}`);
  const keys = config.key !== undefined ? [config.key] : allKeys(config.keyBits);
  return { spec: variantSpec(config.variant), noise, keys };
}

/** Every key of `keyBits` bits, in order (a loop: `Array.from` of a length object was 1.2 % of a CPU profile, parity, 6,000 evaluations). */
function allKeys(keyBits: number): number[] {
  const keys: number[] = [];
  for (let k = 0; k < 2 ** keyBits; k++) keys.push(k);
  return keys;
}

function runWith(config: RunConfig): RunResult {
  const { spec, noise, keys } = checkedConfig(config);
  const rounds = config.keyBits / 2;
  let branches: Branch[] = keys.map((k) => ({ weight: 1 / keys.length, kdcKey: k, memberKey: k, records: "", eve: EVE0 }));
  const sessions: SessionResult[] = [];
  for (let r = 0; r < config.sessions; r++) {
    for (let i = 0; i < rounds; i++) {
      const g = r * rounds + i;
      const strategy = roundStrategyAt(config.strategy, g);
      // the context per (KDC pair, member pair), each its own program
      const contexts = Array.from({ length: 16 }, (_, pairs): { ctx: RoundContext; key: string } => {
        const ctx: RoundContext = { spec, mode: config.strategy.mode, kdcPair: pairOf(pairs >> 2), memberPair: pairOf(pairs & 3), noise, strategy, firstRound: g === 0 };
        return { ctx, key: `${g % config.strategy.rounds.length}|${ctx.firstRound}|${pairs}` };
      });
      // outcomes per (program, Eve's state): branches over other key bits share them
      const cache = new Map<string, Map<string, RoundOutcome[]>>();
      const next: Branch[] = [];
      for (const b of branches) {
        const { ctx, key } = contexts[4 * ((b.kdcKey >> (2 * i)) & 3) + ((b.memberKey >> (2 * i)) & 3)];
        let seen = cache.get(key);
        if (seen === undefined) cache.set(key, (seen = new Map()));
        const id = fingerprint(b.eve);
        let outcomes = seen.get(id);
        if (outcomes === undefined) seen.set(id, (outcomes = runRoundByPhases(ctx, b.eve)));
        for (const o of outcomes) {
          if (!continuesSession(config.strategy.mode, o, i === rounds - 1)) continue;
          const weight = b.weight * o.weight;
          if (weight < WEIGHT_FLOOR) continue;
          // the runner's states are flushed already (entries below FLUSH_BELOW are zero)
          next.push({
            weight,
            kdcKey: o.kdcOutcome === null ? b.kdcKey : withPair(b.kdcKey, i, updatedPair(ctx.kdcPair, o.kdcOutcome)),
            memberKey: o.memberOutcome === null ? b.memberKey : withPair(b.memberKey, i, updatedPair(ctx.memberPair, o.memberOutcome)),
            records: b.records + o.records,
            eve: o.eve,
          });
        }
      }
      branches = compactRecords(merge(next));
    }
    sessions.push({ session: r + 1, acceptance: branches.reduce((s, b) => s + b.weight, 0), branches });
  }
  return { sessions };
}

/**
 * Eve's state rounded to 1e-11, as a key; computed once per state (states are immutable). The
 * rounded entries (-0 made 0) are written as doubles and their bytes read as UTF-16 code units:
 * the same classes as the decimal text of the rounded entries, one native call instead of 32
 * number-to-string conversions.
 */
function fingerprint(rho: DensityMatrix): string {
  let s = fingerprints.get(rho);
  if (s === undefined) {
    const data = rho.matrix.data;
    const rounded = data.length === ROUNDED.length ? ROUNDED : new Float64Array(data.length);
    for (let k = 0; k < data.length; k++) rounded[k] = Math.round(data[k] * 1e11) + 0;
    s = String.fromCharCode.apply(null, new Uint16Array(rounded.buffer, 0, 4 * data.length) as unknown as number[]);
    fingerprints.set(rho, s);
  }
  return s;
}

const ROUNDED = new Float64Array(32);
const fingerprints = new WeakMap<DensityMatrix, string>();

/**
 * Merge record strings that leave Eve in the same position: two records r, r' whose conditional
 * states `rho_{K_KDC K_member E | r}` are equal carry the same information about the keys now and
 * later (the strategy does not adapt to outcomes), so relabelling r' as r changes no acceptance,
 * no Holevo quantity and no guessing probability. Keeps histories from growing without bound.
 */
function compactRecords(branches: readonly Branch[]): Branch[] {
  const byRecord = new Map<string, Branch[]>();
  for (const b of branches) {
    const list = byRecord.get(b.records);
    if (list) list.push(b);
    else byRecord.set(b.records, [b]);
  }
  if (byRecord.size < 2) return [...branches];
  // Only records with equal sums of their branches' keys and rounded weights can have equal
  // signatures: the (costly) signatures are built for those only, in the same order, so the
  // same records are kept as representatives.
  const candidates = new Map<string, [string, Branch[]][]>();
  for (const entry of byRecord) {
    const list = entry[1];
    const total = list.reduce((s, b) => s + b.weight, 0);
    let keys = 0, weights = 0;
    for (const b of list) { keys += b.kdcKey * KEY_RADIX + b.memberKey; weights += Math.round((b.weight / total) * 1e10); }
    const coarse = `${list.length}|${keys}|${weights}`;
    const bucket = candidates.get(coarse);
    if (bucket) bucket.push(entry);
    else candidates.set(coarse, [entry]);
  }
  const relabel = new Map<string, string>();
  for (const bucket of candidates.values()) {
    if (bucket.length < 2) continue;
    const representative = new Map<string, string>();
    for (const [records, list] of bucket) {
      const total = list.reduce((s, b) => s + b.weight, 0);
      const signature = list
        .map((b) => `${b.kdcKey}|${b.memberKey}|${Math.round((b.weight / total) * 1e10)}|${fingerprint(b.eve)}`)
        .sort()
        .join(";");
      const rep = representative.get(signature);
      if (rep === undefined) representative.set(signature, records);
      else relabel.set(records, rep);
    }
  }
  if (relabel.size === 0) return [...branches];
  return merge(branches.map((b) => (relabel.has(b.records) ? { ...b, records: relabel.get(b.records)! } : b)));
}

/** Branches with the same keys and records merged: weights added, Eve's states mixed (first-seen order). */
function merge(branches: readonly Branch[]): Branch[] {
  const groups: Branch[][] = [];
  const index = new Map<number, Map<string, number>>();
  for (const b of branches) {
    const keys = b.kdcKey * KEY_RADIX + b.memberKey;
    let byRecords = index.get(keys);
    if (byRecords === undefined) index.set(keys, (byRecords = new Map()));
    const at = byRecords.get(b.records);
    if (at === undefined) { byRecords.set(b.records, groups.length); groups.push([b]); }
    else groups[at].push(b);
  }
  return groups.map((list) => {
    if (list.length === 1) return list[0];
    const total = list.reduce((s, b) => s + b.weight, 0);
    return { ...list[0], weight: total, eve: mixStates(list, (b) => b.weight, (b) => b.eve, total) };
  });
}
