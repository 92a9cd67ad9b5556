/**
 * The numbers every auth property reads from one exact run against one strategy: acceptance per
 * session, Eve's knowledge of the accepting party's current key after each session, agreement
 * of the two keys.
 * @module
 */
import { branchColumns, knowledgeOfColumns, runAuthColumns, type Branch, type Knowledge, type Mode, type RunConfig, type RunResult, type SessionColumns, type Strategy } from "../../model/auth/index.js";
import type { AuthParams } from "./params.js";

/** What one session of a run leaves. */
export interface SessionEvaluation {
  readonly session: number;
  /** Probability that sessions 1..r were all accepted. */
  readonly acceptance: number;
  /** Eve's knowledge of the accepting party's key after session r, given acceptance (null if never accepted). */
  readonly knowledge: Knowledge | null;
  /** Eve's knowledge of the updated pairs, the largest Holevo quantity over pairs (bits); null if never accepted or not computed (`pairs: false`). */
  readonly pairHolevoMax: number | null;
  /** P(member's key = KDC's key | accepted). */
  readonly agreement: number | null;
}

/** A run evaluated session by session. */
export interface Evaluation {
  readonly sessions: readonly SessionEvaluation[];
  /** The last session's entry. */
  readonly final: SessionEvaluation;
}

/** Acceptance below this is "never accepted": nothing to condition on. */
export const ACCEPTANCE_FLOOR = 1e-12;

/** The key that acceptance protects: the KDC's, or the member's when Eve plays the KDC. */
export function accepterKey(mode: Mode, b: Branch): number {
  return protectsMemberKey(mode) ? b.memberKey : b.kdcKey;
}

/** Whether acceptance protects the member's key (Eve plays the KDC) rather than the KDC's. */
function protectsMemberKey(mode: Mode): boolean {
  return mode === "impersonate-kdc";
}

/** The parameters of an evaluation. */
export type EvaluationParams = Pick<AuthParams, "variant" | "keyBits" | "sessions" | "noise" | "key">;

/** What an evaluation leaves out, for callers that never read it. */
export interface EvaluationOptions {
  /**
   * `false`: Eve's knowledge of each pair is not computed and `pairHolevoMax` is null (the
   * search's objective reads the key's knowledge only; every other number is identical, as the
   * key's knowledge does not depend on the pairs computed beside it). Default true.
   */
  readonly pairs?: boolean;
}

/** Run `strategy` under `params` exactly and evaluate each session. */
export function evaluateStrategy(params: EvaluationParams, strategy: Strategy, options: EvaluationOptions = {}): Evaluation {
  return evaluateSessions(params, strategy, runAuthColumns(runConfig(params, strategy)), options);
}

/** The configuration of the exact run {@link evaluateStrategy} evaluates. */
export function runConfig(params: EvaluationParams, strategy: Strategy): RunConfig {
  return {
    variant: params.variant,
    keyBits: params.keyBits,
    sessions: params.sessions,
    noise: params.noise,
    strategy,
    ...(params.key !== undefined ? { key: params.key } : {}),
  };
}

/** Evaluate each session of a run of `strategy` under `params` (e.g. of the reference run, in tests). */
export function evaluateRun(params: EvaluationParams, strategy: Strategy, run: RunResult, options: EvaluationOptions = {}): Evaluation {
  const sessions = run.sessions.map((s) => ({
    ...branchColumns(s.branches),
    session: s.session,
    acceptance: s.acceptance,
    kdcKey: s.branches.map((b) => b.kdcKey),
    memberKey: s.branches.map((b) => b.memberKey),
  }));
  return evaluateSessions(params, strategy, sessions, options);
}

/** A session's branches as the evaluation reads them (records and states as ids). */
type EvaluatedSession = Pick<SessionColumns, "session" | "acceptance" | "weight" | "kdcKey" | "memberKey" | "record" | "state" | "entries" | "rows" | "entropies">;

/**
 * Evaluate sessions given as columns: the key that acceptance protects and its pairs are read
 * from the key columns, Eve's knowledge of them from the records and states as ids
 * (`knowledgeOfColumns`).
 */
function evaluateSessions(params: EvaluationParams, strategy: Strategy, run: readonly EvaluatedSession[], options: EvaluationOptions): Evaluation {
  const pairCount = options.pairs === false ? 0 : params.keyBits / 2;
  const sessions = run.map((s): SessionEvaluation => {
    if (s.acceptance < ACCEPTANCE_FLOOR) return { session: s.session, acceptance: s.acceptance, knowledge: null, pairHolevoMax: null, agreement: null };
    const keys = protectsMemberKey(strategy.mode) ? s.memberKey : s.kdcKey;
    const pairs = pairColumns(keys, pairCount);
    const [key, ...pairKnowledge] = knowledgeOfColumns(s, [keys, ...pairs]);
    const pairMax = pairCount === 0 ? null : pairKnowledge.reduce((m, k) => Math.max(m, k.holevo), 0);
    let agree = 0;
    for (let b = 0; b < s.weight.length; b++) if (s.kdcKey[b] === s.memberKey[b]) agree += s.weight[b];
    return { session: s.session, acceptance: s.acceptance, knowledge: key, pairHolevoMax: pairMax, agreement: agree / s.acceptance };
  });
  return { sessions, final: sessions[sessions.length - 1] };
}

/** Pair i of each key, per pair (plain loops: `Array.from` of a length object was 0.3 % of a CPU profile, basis-encoded). */
function pairColumns(keys: ArrayLike<number>, pairCount: number): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < pairCount; i++) {
    const pair: number[] = new Array(keys.length);
    for (let b = 0; b < keys.length; b++) pair[b] = (keys[b] >> (2 * i)) & 3;
    out.push(pair);
  }
  return out;
}
