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
import { densityOf, bitsKet, mixture, type DensityMatrix } from "../kernel/index.js";
import { flushTiny } from "./internal/flush.js";
import { checkKeyBits, keyPair, updatedPair, withPair } from "./key.js";
import { roundRunner, type RoundContext, type RoundOutcome } from "./round.js";
import { roundStrategyAt, type Strategy } from "./strategy.js";
import { variantSpec, type AuthVariant } from "./variant.js";

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
 * @throws RangeError naming `keyBits`, `sessions` or `noise` when out of range.
 */
export function runAuth(config: RunConfig): RunResult {
  checkKeyBits("runAuth", config.keyBits);
  if (!Number.isInteger(config.sessions) || config.sessions < 1) throw new RangeError(`runAuth: sessions must be a positive integer, got ${config.sessions}`);
  const noise = config.noise ?? 0;
  if (!(noise >= 0 && noise <= 1)) throw new RangeError(`runAuth: noise must be in [0, 1], got ${noise}`);
  const spec = variantSpec(config.variant);
  const rounds = config.keyBits / 2;
  const eve0 = densityOf(bitsKet("00"));
  const keys = config.key !== undefined ? [config.key] : Array.from({ length: 2 ** config.keyBits }, (_, k) => k);
  let branches: Branch[] = keys.map((k) => ({ weight: 1 / keys.length, kdcKey: k, memberKey: k, records: "", eve: eve0 }));
  const sessions: SessionResult[] = [];
  // a round's compiled instructions depend on its strategy (cyclic), the key pairs and whether it is the first round
  const runners = new Map<string, (eve: DensityMatrix) => RoundOutcome[]>();
  for (let r = 0; r < config.sessions; r++) {
    for (let i = 0; i < rounds; i++) {
      const g = r * rounds + i;
      const strategy = roundStrategyAt(config.strategy, g);
      const cache = new Map<string, RoundOutcome[]>();
      const next: Branch[] = [];
      for (const b of branches) {
        const ctx: RoundContext = {
          spec,
          mode: config.strategy.mode,
          kdcPair: keyPair(b.kdcKey, i),
          memberPair: keyPair(b.memberKey, i),
          noise,
          strategy,
          firstRound: g === 0,
        };
        const pairs = `${ctx.kdcPair.first}${ctx.kdcPair.second}${ctx.memberPair.first}${ctx.memberPair.second}`;
        const id = `${pairs}|${fingerprint(b.eve)}`;
        let outcomes = cache.get(id);
        if (outcomes === undefined) {
          const program = `${g % config.strategy.rounds.length}|${g === 0}|${pairs}`;
          let runner = runners.get(program);
          if (runner === undefined) runners.set(program, (runner = roundRunner(ctx)));
          outcomes = runner(b.eve);
          cache.set(id, outcomes);
        }
        for (const o of outcomes) {
          if (!continuesSession(config.strategy.mode, o, i === rounds - 1)) continue;
          const weight = b.weight * o.weight;
          if (weight < WEIGHT_FLOOR) continue;
          next.push({
            weight,
            kdcKey: o.kdcOutcome === null ? b.kdcKey : withPair(b.kdcKey, i, updatedPair(ctx.kdcPair, o.kdcOutcome)),
            memberKey: o.memberOutcome === null ? b.memberKey : withPair(b.memberKey, i, updatedPair(ctx.memberPair, o.memberOutcome)),
            records: b.records + o.records,
            eve: flushTiny(o.eve),
          });
        }
      }
      branches = compactRecords(merge(next));
    }
    sessions.push({ session: r + 1, acceptance: branches.reduce((s, b) => s + b.weight, 0), branches });
  }
  return { sessions };
}

function continuesSession(mode: Strategy["mode"], o: RoundOutcome, lastRound: boolean): boolean {
  if (mode === "impersonate-kdc") return o.memberContinues === true;
  if (o.kdcAccepted !== true) return false;
  return mode === "impersonate-member" || lastRound || o.memberContinues === true;
}

/** Eve's state rounded to 1e-11, as a key; computed once per state (states are immutable). */
function fingerprint(rho: DensityMatrix): string {
  let s = fingerprints.get(rho);
  if (s === undefined) {
    s = "";
    for (const v of rho.matrix.data) s += `${Math.round(v * 1e11)},`;
    fingerprints.set(rho, s);
  }
  return s;
}

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
  const representative = new Map<string, string>();
  const relabel = new Map<string, string>();
  for (const [records, list] of byRecord) {
    const total = list.reduce((s, b) => s + b.weight, 0);
    const signature = list
      .map((b) => `${b.kdcKey}|${b.memberKey}|${Math.round((b.weight / total) * 1e10)}|${fingerprint(b.eve)}`)
      .sort()
      .join(";");
    const rep = representative.get(signature);
    if (rep === undefined) representative.set(signature, records);
    else relabel.set(records, rep);
  }
  if (relabel.size === 0) return [...branches];
  return merge(branches.map((b) => (relabel.has(b.records) ? { ...b, records: relabel.get(b.records)! } : b)));
}

function merge(branches: readonly Branch[]): Branch[] {
  const groups = new Map<string, Branch[]>();
  for (const b of branches) {
    const id = `${b.kdcKey}|${b.memberKey}|${b.records}`;
    const list = groups.get(id);
    if (list) list.push(b);
    else groups.set(id, [b]);
  }
  return [...groups.values()].map((list) => {
    if (list.length === 1) return list[0];
    const total = list.reduce((s, b) => s + b.weight, 0);
    return { ...list[0], weight: total, eve: mixture(list.map((b) => [b.weight / total, b.eve] as const)) };
  });
}
