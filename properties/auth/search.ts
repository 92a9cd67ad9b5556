/**
 * The optimising search over Eve's strategies against the authentication (issue 11): the auth
 * part of {@link optimise} — the generated strategies as exploration; as discrete structure, an
 * enumerated neighbourhood for iterated local search ({@link neighbourStrategies}: insert any
 * step of a catalogue of gates without parameters, measurements and preparations in Z, X, Y;
 * delete a step; replace a measurement or preparation; snap an angle; change a message, a
 * round, the mode) and random mutation of the strategy data for its kicks; every angle of the
 * strategy as continuous parameters. No strategy is named: the catalogue is single steps, and
 * every search starts from generated strategies.
 *
 * Objectives (larger is more damaging):
 * - `acceptedInformation` (default of `auth.update-secrecy`): Eve's Holevo information about the
 *   accepting party's updated key given acceptance, chi(K'_c : R E | acc), among attacks accepted
 *   with probability >= {@link MIN_ACCEPTANCE}: `chi - (n + 1) max(0, a_min - P(acc)) / a_min`.
 *   The penalty is continuous and exceeds the whole key's n bits at P(acc) = 0, so an attack
 *   that is accepted beats any that is not, and among accepted ones more information wins. This
 *   is the objective that leads to acceptance ~ 1 AND full information: `P(acc) x chi` (below)
 *   would prefer, on the basis-encoded reading, an attack accepted 3 times in 4 that learns more.
 * - `expectedInformation`: `P(acc) x chi`, Eve's expected bits per run.
 * - `acceptance`: P(acc) of the first session (keyless impersonation: `impersonate-member`).
 *
 * Cost: one exact evaluation at n = 8 takes several times one at n = 4, so for n > 4 the search
 * runs on the cheaper instance n = 4 with as many rounds ({@link proxyParams}: two sessions for
 * n = 8; strategies act round by round, cyclically, and Eve's registers carry over between
 * sessions as between rounds), with the objective per key bit in the worst session, and re-scores its best few
 * strategies on the full parameters, and tries deleting steps of the winner there (a few
 * evaluations kept for it; a deletion that keeps the value is taken); the outcome's value and
 * metrics are the full parameters'. Every evaluation counts in the budget.
 * @module
 */
import * as fc from "fast-check";
import { passiveHolevo, RunSizeError } from "../../model/auth/index.js";
import type { EveStep, MessageStep, Mode, Register, RoundStrategy, Strategy, Target } from "../../model/auth/index.js";
import type { RawDraws } from "../../model/random.js";
import { optimise, type Scored, type SearchSpace } from "../search/optimise.js";
import type { PropertyObjective, SearchOptions, SearchOutcome } from "../types.js";
import { arbStrategy } from "./arbitraries.js";
import { evaluateStrategy, type SessionEvaluation } from "./evaluate.js";
import type { AuthParams } from "./params.js";
import { measurementCount } from "./strategySchema.js";
import { MAX_MEASUREMENTS_PER_ROUND } from "../limits.js";

/** The objectives of the auth search. */
export const AUTH_OBJECTIVES = ["acceptedInformation", "expectedInformation", "acceptance"] as const;

/** An auth objective name. */
export type AuthObjective = (typeof AUTH_OBJECTIVES)[number];

/** Acceptance an attack must reach to count as accepted for `acceptedInformation`. */
export const MIN_ACCEPTANCE = 0.999;

/**
 * Key length of the instance the search runs on: two rounds per session, so that what Eve's
 * registers carry from one round into the next is exercised (with one round it never is).
 */
const PROXY_KEY_BITS = 4;

/** Share of the budget for exploration (generated strategies) and for the final angle polish. */
const AUTH_EXPLORATION_SHARE = 0.1;
const AUTH_POLISH_SHARE = 0.05;

/**
 * Evaluations of one angle tuning inside the loop: structure matters more than angles here (the
 * damaging attacks use named angles, which mutation snaps to), so tuning stays short and the
 * final polish does the rest.
 */
const AUTH_LOCAL_BUDGET = 30;

/** The parameters the search reads. */
export type AuthSearchParams = Pick<AuthParams, "variant" | "keyBits" | "sessions" | "noise">;

/** Options of {@link searchAuth}. */
export interface AuthSearchOptions extends SearchOptions {
  readonly objective: AuthObjective;
  /** Modes Eve may use (default by objective: `impersonate-member` for acceptance, else `mitm`). */
  readonly modes?: readonly Mode[];
  /** Most round strategies and steps per transit (defaults 2 and 3, as the generated adversary). */
  readonly maxRounds?: number;
  readonly maxSteps?: number;
  /**
   * Skip candidates too large to score exactly, counting them in the outcome's `unscored`
   * (default false: the first ends the search with its RunSizeError, as the scenario engine
   * needs, whose results have no field that would say candidates were skipped).
   */
  readonly skipTooLarge?: boolean;
  /** How a candidate is scored (tests, to meet candidates too large to score; default {@link scoreAuth}). */
  readonly score?: typeof scoreAuth;
}

/** The named angles the generator favours: multiples of pi/4 and pi/2. */
const NAMED_ANGLES = [0, Math.PI / 4, Math.PI / 2, Math.PI, (3 * Math.PI) / 2];

/**
 * The objective's value and metrics of one strategy; `acceptance` and `eveInformationBits`
 * (chi about the updated key given acceptance, 0 when never accepted) are always among them.
 */
export function scoreAuth(params: AuthSearchParams, objective: AuthObjective, strategy: Strategy, worstSession = false): Scored {
  // the metrics below never read the pairs' knowledge: not computed (the other numbers are identical)
  const { final, sessions } = evaluateStrategy({ ...params, sessions: objective === "acceptance" ? 1 : params.sessions }, strategy, { pairs: false });
  const acceptance = final.acceptance, chi = final.knowledge?.holevo ?? 0;
  const valueOf = (s: SessionEvaluation): number => objectiveValue(objective, params.keyBits, s.acceptance, s.knowledge?.holevo ?? 0);
  return {
    value: worstSession ? Math.min(...sessions.map(valueOf)) : valueOf(final),
    metrics: {
      acceptance,
      eveInformationBits: chi,
      keyEntropyBits: final.knowledge?.entropy ?? null,
      guessing: final.knowledge?.guessing ?? null,
      prior: final.knowledge?.prior ?? null,
      agreement: final.agreement,
      sessions: sessions.length,
    },
  };
}

/** The objective's value at acceptance `acceptance` and Holevo information `chi` (module comment). */
function objectiveValue(objective: AuthObjective, keyBits: number, acceptance: number, chi: number): number {
  return objective === "acceptance" ? acceptance
    : objective === "expectedInformation" ? acceptance * chi
    : chi - ((keyBits + 1) * Math.max(0, MIN_ACCEPTANCE - acceptance)) / MIN_ACCEPTANCE;
}

/**
 * Search for the most damaging strategy under `objective` (deterministic in the seed).
 *
 * A candidate too large to score exactly (its run passes the model's bounds: a `RunSizeError`)
 * ends the search with that error, unless `skipTooLarge` is set (the CLI's `search auth`): then
 * the optimiser sees `-Infinity` there, the re-scoring on the full parameters goes down the
 * ranking past such candidates, and the outcome counts the distinct strategies skipped in
 * `unscored`, so the result is the best among the candidates that could be scored and says how
 * many could not. It still throws (the last `RunSizeError`) when none could be scored, on the
 * proxy or on the full parameters.
 * @throws RangeError on a budget outside [1, 10^6]; RunSizeError as above.
 */
export function searchAuth(params: AuthSearchParams, options: AuthSearchOptions): SearchOutcome<Strategy> {
  const modes = options.modes ?? (options.objective === "acceptance" ? ["impersonate-member"] : ["mitm"]);
  const maxRounds = options.maxRounds ?? 2, maxSteps = options.maxSteps ?? 3;
  const proxy = proxyParams(params);
  const rescore = proxy === params ? 0 : Math.min(5, Math.max(1, Math.floor(options.budget / 50)));
  // evaluations kept for shedding useless steps of the winner on the full parameters
  const prune = proxy === params ? 0 : Math.min(10, Math.floor(options.budget / 40));
  const perBit = (s: Scored): Scored => ({ ...s, value: options.objective === "acceptance" ? s.value : s.value / proxy.keyBits });
  const unscored = new Set<string>();
  let tooLarge: RunSizeError | undefined;
  /** `scoreAuth`, or (with skipTooLarge) undefined for a candidate too large to score exactly, counted once per strategy. */
  const tryScore = (at: AuthSearchParams, input: Strategy, worstSession = false): Scored | undefined => {
    try {
      return (options.score ?? scoreAuth)(at, options.objective, input, worstSession);
    } catch (e) {
      if (!(e instanceof RunSizeError) || options.skipTooLarge !== true) throw e;
      unscored.add(JSON.stringify(input));
      tooLarge = e;
      return undefined;
    }
  };
  const space = authSearchSpace(modes, maxRounds, maxSteps);
  const found: { input: Strategy; value: number }[] = [];
  const proxied = optimise(space, (s) => {
    const scored = tryScore(proxy, s, proxy !== params);
    if (scored === undefined) return { value: -Infinity, metrics: {} };
    const value = perBit(scored);
    found.push({ input: s, value: value.value });
    return value;
  }, { seed: options.seed, budget: Math.max(1, options.budget - rescore - prune), starts: 1, localBudget: AUTH_LOCAL_BUDGET, explorationShare: AUTH_EXPLORATION_SHARE, polishShare: AUTH_POLISH_SHARE });
  const counted = (outcome: SearchOutcome<Strategy>): SearchOutcome<Strategy> => (unscored.size > 0 ? { ...outcome, unscored: unscored.size } : outcome);
  if (found.length === 0 && tooLarge !== undefined) throw tooLarge;
  if (rescore === 0) return counted(proxied);
  // re-score the best few distinct strategies (the simpler first among equals) on the full
  // parameters: the first `rescore` of the ranking that can be scored there
  const ranked = found.sort((a, b) => b.value - a.value || strategySize(a.input) - strategySize(b.input));
  const candidates: Strategy[] = [];
  let best: SearchOutcome<Strategy> | undefined, rescored = 0;
  for (const input of new Map(ranked.map((f) => [JSON.stringify(f.input), f.input])).values()) {
    if (rescored >= rescore) break;
    candidates.push(input);
    const s = tryScore(params, input);
    if (s === undefined) continue;
    rescored++;
    if (best === undefined || s.value > best.value + 1e-12) best = { input, value: s.value, evaluations: 0, metrics: s.metrics };
  }
  if (best === undefined) throw tooLarge!;
  // the proxy's climb sheds steps that change nothing on the proxy; on the full parameters,
  // the winner's deletions are tried too, first one keeping its value (within 1e-9) taken
  let spent = 0;
  const tried = new Set(candidates.map((c) => JSON.stringify(c)));
  for (let shed = true; shed; ) {
    shed = false;
    const smaller: Strategy[] = neighbourStrategies(best.input, modes, maxRounds, maxSteps).flat().filter((t) => strategySize(t) < strategySize(best!.input));
    for (const input of smaller) {
      if (spent >= prune) break;
      const key = JSON.stringify(input);
      if (tried.has(key)) continue;
      tried.add(key);
      spent++;
      const s = tryScore(params, input);
      if (s !== undefined && s.value >= best.value - 1e-9) {
        best = { input, value: s.value, evaluations: 0, metrics: s.metrics };
        shed = true;
        break;
      }
    }
  }
  return counted({ ...best, evaluations: proxied.evaluations + candidates.length + spent });
}

/**
 * The cheaper instance the search runs on: n = {@link PROXY_KEY_BITS} (two rounds per session)
 * with as many sessions as it takes to see at least as many rounds as the full parameters, so
 * that what Eve's registers carry from round to round is exercised as often as there (a key of
 * n = 8 has four rounds: two sessions of n = 4). The parameters themselves when n <= 4. On the
 * proxy the search scores a strategy by its WORST session (per key bit): the parity of a pair
 * survives the update (K'_{2i-1} XOR K'_{2i} = K_{2i-1} XOR K_{2i}, eq. 12), so what Eve learns
 * about a pair in session 2 also covers it in session 1's key; at n = 8 the pairs of the later
 * rounds are other key bits. Measured: scored by the last session only, seed 4 of the n = 8
 * search settled on a strategy with 4 of 4 bits on the proxy and 7 of 8 at n = 8.
 */
export function proxyParams(params: AuthSearchParams): AuthSearchParams {
  if (params.keyBits <= PROXY_KEY_BITS) return params;
  const rounds = (params.sessions * params.keyBits) / 2;
  return { ...params, keyBits: PROXY_KEY_BITS, sessions: Math.ceil(rounds / (PROXY_KEY_BITS / 2)) };
}

/** The auth search space: generated strategies, mutation of their data, their angles. */
export function authSearchSpace(modes: readonly Mode[], maxRounds: number, maxSteps: number): SearchSpace<Strategy> {
  return {
    explore: arbStrategy(modes, maxRounds, maxSteps),
    mutate: (s, r) => {
      for (let attempt = 0; attempt < 20; attempt++) {
        const m = mutateStrategy(s, r, modes, maxRounds, maxSteps);
        if (m !== undefined && withinMeasurements(m)) return m;
      }
      return s;
    },
    neighbours: (s) => neighbourStrategies(s, modes, maxRounds, maxSteps).map((tier) => tier.filter(withinMeasurements)),
    size: strategySize,
    continuous: (s) => {
      const x = anglesOf(s);
      return x.length === 0 ? undefined : { x, step: Math.PI / 8, build: (y) => withAngles(s, y) };
    },
  };
}

function withinMeasurements(s: Strategy): boolean {
  return s.rounds.every((round) => measurementCount([...round.toMember, ...round.toKdc, ...round.after]) <= MAX_MEASUREMENTS_PER_ROUND);
}

/** Steps over all rounds, plus the rounds and the messages that are not `pass`: the simpler strategy wins a tie. */
export function strategySize(s: Strategy): number {
  return s.rounds.reduce((n, r) => n + 1 + r.toMember.length + r.toKdc.length + r.after.length + (r.message === "pass" ? 0 : 1), 0);
}

/** The three named measurement bases and prepared states (Bloch angles): Z, X, Y. */
const NAMED_BASES: readonly (readonly [number, number])[] = [[0, 0], [Math.PI / 2, 0], [Math.PI / 2, Math.PI / 2]];

/**
 * The catalogue of single steps the neighbourhood inserts: every gate without parameters on
 * every particle (pair), measurements in Z, X and Y and fresh registers in |0>, |+>, |+i>.
 * Parametrised unitaries (u3, cu3) come from exploration and mutation, and their angles from
 * Nelder–Mead. `transit` false: after the update (registers only).
 */
function stepCatalogue(transit: boolean): readonly EveStep[] {
  const targets: Target[] = transit ? ["transit", "e0", "e1"] : ["e0", "e1"];
  const regs: Register[] = ["e0", "e1"];
  const out: EveStep[] = [];
  for (const target of targets) {
    for (const [theta, phi] of NAMED_BASES) out.push({ op: "measure", target, theta, phi });
    out.push({ op: "h", target });
    for (const t of targets) if (t !== target) out.push({ op: "cnot", control: target, target: t });
    for (const t of targets) if (t > target) out.push({ op: "cz", control: target, target: t });
  }
  for (const reg of regs) {
    for (const [theta, phi] of NAMED_BASES) out.push({ op: "prepare", reg, theta, phi });
    if (transit) out.push({ op: "swap", reg });
  }
  return out;
}

const CATALOGUE = { transit: stepCatalogue(true), after: stepCatalogue(false) } as const;

/**
 * Every single change of the strategy data, in two tiers. First the few: delete a step, replace
 * a measurement or a preparation by another of the catalogue (particle, basis), snap an angle to
 * the nearest multiple of pi/4, change a round's message, copy or drop a round, change the mode.
 * Then the many: insert a catalogue step anywhere. Each tier in a fixed order.
 */
export function neighbourStrategies(s: Strategy, modes: readonly Mode[], maxRounds: number, maxSteps: number): Strategy[][] {
  const few: Strategy[] = [], inserts: Strategy[] = [];
  s.rounds.forEach((round, ri) => {
    const withRound = (next: RoundStrategy): Strategy => ({ ...s, rounds: s.rounds.map((x, i) => (i === ri ? next : x)) });
    for (const list of LISTS) {
      const steps = round[list];
      const withSteps = (next: readonly EveStep[]): Strategy => withRound({ ...round, [list]: next });
      const catalogue = CATALOGUE[list === "after" ? "after" : "transit"];
      steps.forEach((step, k) => {
        few.push(withSteps(steps.filter((_, i) => i !== k)));
        if (step.op === "measure" || step.op === "prepare") {
          for (const other of catalogue) if (other.op === step.op && JSON.stringify(other) !== JSON.stringify(step)) few.push(withSteps(steps.map((x, i) => (i === k ? other : x))));
        }
      });
      if (steps.length < maxSteps) {
        for (let k = 0; k <= steps.length; k++) for (const step of catalogue) inserts.push(withSteps([...steps.slice(0, k), step, ...steps.slice(k)]));
      }
    }
    for (const message of MESSAGES) if (message !== round.message) few.push(withRound({ ...round, message }));
    if (s.rounds.length < maxRounds) few.push({ ...s, rounds: [...s.rounds, round] });
    if (s.rounds.length > 1) few.push({ ...s, rounds: s.rounds.filter((_, i) => i !== ri) });
  });
  const x = anglesOf(s);
  x.forEach((v, k) => {
    const snapped = Math.round(v / (Math.PI / 4)) * (Math.PI / 4);
    if (Math.abs(snapped - v) > 1e-12) few.push(withAngles(s, x.map((w, i) => (i === k ? snapped : w))));
  });
  for (const mode of modes) if (mode !== s.mode) few.push({ ...s, mode });
  return [few, inserts];
}

type StepList = "toMember" | "toKdc" | "after";
const LISTS: readonly StepList[] = ["toMember", "toKdc", "after"];
const MESSAGES: readonly MessageStep[] = ["pass", "continue", "abort", "replay"];
const ANGLE_KEYS = ["theta", "phi", "lambda"] as const;

function pick<T>(r: RawDraws, xs: readonly T[]): T {
  return xs[r.int(0, xs.length - 1)];
}

function drawAngle(r: RawDraws): number {
  return r.float() < 0.75 ? pick(r, NAMED_ANGLES) : 2 * Math.PI * r.float();
}

/** A random step, as the generated adversary draws them (`transit` false: registers only). */
export function drawStep(r: RawDraws, transit: boolean): EveStep {
  const targets: Target[] = transit ? ["transit", "e0", "e1"] : ["e0", "e1"];
  const target = pick(r, targets);
  const pair = (): [Target, Target] => {
    const c = pick(r, targets);
    return [c, pick(r, targets.filter((t) => t !== c))];
  };
  const reg = (): Register => pick(r, ["e0", "e1"] as const);
  const kinds = transit ? 8 : 7;
  switch (r.int(0, kinds - 1)) {
    case 0: { const [control, t] = pair(); return { op: "cnot", control, target: t }; }
    case 1: return { op: "measure", target, theta: drawAngle(r), phi: drawAngle(r) };
    case 2: return { op: "prepare", reg: reg(), theta: drawAngle(r), phi: drawAngle(r) };
    case 3: return { op: "h", target };
    case 4: { const [control, t] = pair(); return { op: "cz", control, target: t }; }
    case 5: return { op: "u3", target, theta: drawAngle(r), phi: drawAngle(r), lambda: drawAngle(r) };
    case 6: { const [control, t] = pair(); return { op: "cu3", control, target: t, theta: drawAngle(r), phi: drawAngle(r), lambda: drawAngle(r) }; }
    default: return { op: "swap", reg: reg() };
  }
}

/** One random change of the strategy data (undefined when the drawn change does not apply). */
function mutateStrategy(s: Strategy, r: RawDraws, modes: readonly Mode[], maxRounds: number, maxSteps: number): Strategy | undefined {
  const ri = r.int(0, s.rounds.length - 1);
  const round = s.rounds[ri];
  const list = pick(r, LISTS);
  const steps = round[list];
  const withRound = (next: RoundStrategy): Strategy => ({ ...s, rounds: s.rounds.map((x, i) => (i === ri ? next : x)) });
  const withSteps = (next: readonly EveStep[]): Strategy => withRound({ ...round, [list]: next });
  const at = (): number => r.int(0, steps.length - 1);
  switch (r.int(0, 8)) {
    case 0: case 1: // insert a step
      if (steps.length >= maxSteps) return undefined;
      { const k = r.int(0, steps.length); return withSteps([...steps.slice(0, k), drawStep(r, list !== "after"), ...steps.slice(k)]); }
    case 2: // delete a step
      if (steps.length === 0) return undefined;
      { const k = at(); return withSteps(steps.filter((_, i) => i !== k)); }
    case 3: // replace a step
      if (steps.length === 0) return undefined;
      { const k = at(); return withSteps(steps.map((x, i) => (i === k ? drawStep(r, list !== "after") : x))); }
    case 4: // swap two neighbouring steps
      if (steps.length < 2) return undefined;
      { const k = r.int(0, steps.length - 2); return withSteps(steps.map((x, i) => (i === k ? steps[k + 1] : i === k + 1 ? steps[k] : x))); }
    case 5: // snap one angle to the nearest multiple of pi/4
      return snapAngle(s, r);
    case 6: // the classical message action
      return withRound({ ...round, message: pick(r, MESSAGES.filter((m) => m !== round.message)) });
    case 7: // add (a copy of) a round, or drop one
      if (s.rounds.length < maxRounds && r.bit()) return { ...s, rounds: [...s.rounds, round] };
      return s.rounds.length > 1 ? { ...s, rounds: s.rounds.filter((_, i) => i !== ri) } : undefined;
    default: // the mode
      return modes.length > 1 ? { ...s, mode: pick(r, modes.filter((m) => m !== s.mode)) } : undefined;
  }
}

function snapAngle(s: Strategy, r: RawDraws): Strategy | undefined {
  const x = anglesOf(s);
  if (x.length === 0) return undefined;
  const k = r.int(0, x.length - 1);
  return withAngles(s, x.map((v, i) => (i === k ? Math.round(v / (Math.PI / 4)) * (Math.PI / 4) : v)));
}

/** Every angle of the strategy, in a fixed order (round, list, step, theta/phi/lambda). */
export function anglesOf(s: Strategy): number[] {
  const out: number[] = [];
  for (const round of s.rounds) for (const list of LISTS) for (const step of round[list]) for (const k of ANGLE_KEYS) if (k in step) out.push((step as unknown as Record<string, number>)[k]);
  return out;
}

/** The strategy with its angles replaced, in the order of {@link anglesOf} (reduced to [0, 2 pi)). */
export function withAngles(s: Strategy, x: readonly number[]): Strategy {
  let i = 0;
  const wrap = (v: number): number => ((v % (2 * Math.PI)) + 2 * Math.PI) % (2 * Math.PI);
  return {
    ...s,
    rounds: s.rounds.map((round) => {
      const next = { ...round };
      for (const list of LISTS) {
        next[list] = round[list].map((step) => {
          const copy = { ...step } as Record<string, unknown>;
          for (const k of ANGLE_KEYS) if (k in copy) copy[k] = wrap(x[i++]);
          return copy as unknown as EveStep;
        });
      }
      return next;
    }),
  };
}

/** The modes the property's generated adversary allows, within `allowed` (the search's default when none given). */
function modesOf(params: AuthParams, allowed: readonly Mode[]): readonly Mode[] {
  const given = params.adversary.kind === "generated" ? params.adversary.modes : undefined;
  const modes = (given ?? allowed).filter((m) => allowed.includes(m));
  return modes.length > 0 ? modes : allowed;
}

/**
 * The `objective` of an auth property: the optimising search over the property's generated
 * strategy space (its modes, rounds and steps) under one objective.
 */
export function authObjective(objective: AuthObjective, allowed: readonly Mode[], description: string): PropertyObjective<AuthParams, Strategy> {
  return {
    name: objective,
    description,
    search: (params, options) => {
      const a = params.adversary.kind === "generated" ? params.adversary : undefined;
      return searchAuth(params, { ...options, objective, modes: modesOf(params, allowed), ...(a ? { maxRounds: a.maxRounds, maxSteps: a.maxSteps } : {}) });
    },
  };
}

/** Description of `acceptedInformation` for the properties and the CLI. */
export const ACCEPTED_INFORMATION_DESCRIPTION =
  `Eve's Holevo information chi(K'_c : R E | acc) about the accepting party's updated key after the last session, in bits, among attacks accepted with probability >= ${MIN_ACCEPTANCE} (below it, a penalty of (n + 1) bits per unit of missing acceptance / ${MIN_ACCEPTANCE})`;

const weight = fc.double({ min: 0, max: 1, noNaN: true });

/**
 * The `objective` of `auth.passive-secrecy`: the prior over a key pair (00, 01, 10, 11) that
 * maximises the Holevo quantity of f in transit (bits per pair); weights are clamped to [0, 1].
 */
export const passivePriorObjective: PropertyObjective<AuthParams, readonly number[]> = {
  name: "holevoPerRound",
  description: "Holevo quantity of f in transit about the key pair, in bits per pair, over the prior of the pair",
  search: (params, options) =>
    optimise<readonly number[]>(
      {
        explore: fc.tuple(weight, weight, weight, weight).filter((w) => w.reduce((s, x) => s + x, 0) > 1e-6),
        continuous: (w) => ({ x: w, step: 0.2, build: (x) => x.map((v) => Math.min(1, Math.max(0, v))) }),
      },
      (prior) => {
        const valid = prior.reduce((s, x) => s + x, 0) > 1e-6;
        const holevo = valid ? passiveHolevo(params.variant, prior, params.noise) : 0;
        return { value: holevo, metrics: { holevoPerRound: holevo, prior: prior.map((x) => x.toFixed(4)).join(",") } };
      },
      options,
    ),
};
