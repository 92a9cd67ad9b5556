/**
 * The optimising search on the quantum channel (issue 11): the bb84 part of {@link optimise}.
 *
 * - `information` (of `bb84.secrecy`, and `qkd-harness search bb84`): an entangling probe on the
 *   photon and a qubit of Eve's, given by its isometry (16 real parameters, orthonormalised: a
 *   smooth parametrisation of every such probe, {@link isometryProbe}), maximising the mutual information of Eve's
 *   best measurement after the basis announcement with a sifted key bit (mean of the two bases)
 *   while the QBER she causes stays at most D in both bases:
 *   `value = I_E - 10 max(0, max(e_Z, e_X) - D)`. The optimum over individual attacks is
 *   `I_E(D) = 1 - h(1/2 + sqrt(D (1 - D)))` (Fuchs, Gisin, Griffiths, Niu, Peres, PRA 56 (1997)
 *   1163), {@link fuchsInformation}. No named attack (cloner, intercept-resend) is in the space.
 * - `interceptFraction` (of `bb84.intercept-resend-detected` and `bb84.threshold-abort`): the
 *   largest fraction of intercept-resend (any basis) that still passes eq. 4 with probability
 *   >= 1/2: `value = f - 10 max(0, 1/2 - P(accept))`.
 * @module
 */
import * as fc from "fast-check";
import { exactRun, orthogonalize, probe, INTERCEPT_BASES, type Adversary, type InterceptBasis } from "../../model/bb84/index.js";
import { binaryEntropy } from "../../model/kernel/index.js";
import { bestOfStarts, optimise, optimiseStart, startCount, type OptimiseOptions, type Scored, type SearchSpace } from "../search/optimise.js";
import type { PropertyObjective, SearchOptions, SearchOutcome } from "../types.js";
import type { Bb84Params } from "./params.js";

/** Evaluations per independent start of the probe search. */
const PROBE_START_BUDGET = 2000;

/** The objectives of the bb84 search. */
export const BB84_OBJECTIVES = ["information", "interceptFraction"] as const;

/** A bb84 objective name. */
export type Bb84Objective = (typeof BB84_OBJECTIVES)[number];

/** Acceptance an intercept-resend attack must keep for `interceptFraction`. */
export const MIN_INTERCEPT_ACCEPTANCE = 0.5;

/** Weight of the constraint penalties (per unit of QBER or acceptance beyond the bound). */
const PENALTY = 10;

/** Dimension of the probe's Hamiltonian: photon qubit (x) Eve's qubit. */
const PROBE_DIM = 4;

/** Options of {@link searchBb84}. */
export interface Bb84SearchOptions extends SearchOptions {
  readonly objective: Bb84Objective;
  /** D, the QBER the probe may cause in each basis (`information`; default the threshold p_o). */
  readonly disturbance?: number;
}

/**
 * Fuchs et al.'s optimal individual attack: Eve's mutual information with a sifted bit at
 * disturbance D, `1 - h(1/2 + sqrt(D (1 - D)))` for D <= 1/2.
 * @example fuchsInformation(0.1464) // ≈ 0.399... (1 - h(0.8536))
 */
export function fuchsInformation(d: number): number {
  if (!(d >= 0 && d <= 0.5)) throw new RangeError(`fuchsInformation: D must be in [0, 0.5], got ${d}`);
  return 1 - binaryEntropy(Math.min(1, 0.5 + Math.sqrt(d * (1 - d))));
}

/**
 * A probe from its isometry: `V|0> = U|0,0>` and `V|1> = U|1,0>` are the first 8 and the last
 * 8 numbers (re, im of 4 amplitudes each), orthonormalised (Gram–Schmidt), and U completes them
 * with the standard basis. Only V matters to the statistics, so this parametrisation has no
 * redundant directions beyond phases and Eve's local unitary. Measured against `exp(-i H)` from
 * a Hamiltonian's 16 parameters (3 seeds x 4 disturbances, 3000 evaluations): 5 of 12 searches
 * within 1 % of the optimum against 4 of 12; a real isometry (8 parameters) reached none (the
 * optimum with one qubit of Eve's needs complex amplitudes).
 */
export function isometryProbe(params: readonly number[]): Adversary {
  const cols: Float64Array[] = [];
  const add = (c: readonly number[]): boolean => {
    const n0 = Math.hypot(...c);
    const v = orthogonalize(c, cols, PROBE_DIM);
    const n = Math.hypot(...v);
    if (!(n > 1e-3 * n0) || n < 1e-9) return false;
    cols.push(v.map((x) => x / n));
    return true;
  };
  const e = (k: number): number[] => Array.from({ length: 2 * PROBE_DIM }, (_, i) => (i === 2 * k ? 1 : 0));
  if (!add(params.slice(0, 8))) add(e(0));
  if (!add(params.slice(8, 16))) for (let k = 0; !add(e(k)); k++);
  for (let k = 0; cols.length < PROBE_DIM; k++) add(e(k));
  // columns of U: |0,0> -> cols[0], |1,0> -> cols[1], |0,1> and |1,1> -> the completion
  const order = [cols[0], cols[2], cols[1], cols[3]];
  const u = new Array<number>(2 * PROBE_DIM * PROBE_DIM);
  for (let r = 0; r < PROBE_DIM; r++) for (let c = 0; c < PROBE_DIM; c++) {
    u[2 * (r * PROBE_DIM + c)] = order[c][2 * r];
    u[2 * (r * PROBE_DIM + c) + 1] = order[c][2 * r + 1];
  }
  return probe(PROBE_DIM / 2, u, "search");
}

/** Score an adversary under an objective; metrics `qber`, `eveInformationBits`, `holevoBits`, `acceptance` always. */
export function scoreBb84(p: Bb84Params, objective: Bb84Objective, a: Adversary, disturbance: number): Scored {
  const r = exactRun(p.link, a, p.variant, p.run);
  const fraction = a.kind === "intercept-resend" ? a.fraction : null;
  const value =
    objective === "information"
      ? r.eveMutualInformation - PENALTY * Math.max(0, Math.max(r.qberZ, r.qberX) - disturbance)
      : (fraction ?? 0) - PENALTY * Math.max(0, MIN_INTERCEPT_ACCEPTANCE - r.acceptance);
  return {
    value,
    metrics: {
      qber: r.qber,
      qberZ: r.qberZ,
      qberX: r.qberX,
      eveInformationBits: r.eveMutualInformation,
      holevoBits: r.holevo,
      acceptance: r.acceptance,
      ...(objective === "information" ? { disturbance, optimalInformationBits: fuchsInformation(disturbance) } : { fraction }),
    },
  };
}

/**
 * Search for the most damaging attack under `objective` (deterministic in the seed).
 * @throws RangeError on a budget outside [1, 10^6] or D outside [0, 0.5].
 */
export function searchBb84(p: Bb84Params, options: Bb84SearchOptions): SearchOutcome<Adversary> {
  const plan = searchPlan(p, options);
  return plan.finish(optimise(plan.space, plan.objective, plan.options));
}

/**
 * The number of independent starts of {@link searchBb84} (`information`: one per 2,000
 * evaluations; `interceptFraction`: one), to run them on several threads: with `outcomes[k] =
 * bb84SearchStart(p, options, k)` for every k below it, `bb84SearchResult(p, options, outcomes)`
 * is `searchBb84(p, options)`, wherever each start ran (each is a function of its arguments
 * alone, and its outcome plain data).
 */
export function bb84SearchStarts(p: Bb84Params, options: Bb84SearchOptions): number {
  return startCount(searchPlan(p, options).options);
}

/** Start `k` of {@link searchBb84}, as optimise found it (the probe's isometry parameters for `information`). */
export function bb84SearchStart(p: Bb84Params, options: Bb84SearchOptions, k: number): SearchOutcome<unknown> {
  const plan = searchPlan(p, options);
  return optimiseStart(plan.space, plan.objective, plan.options, k);
}

/** The result of {@link searchBb84} from the outcomes of all its starts, in start order. */
export function bb84SearchResult(p: Bb84Params, options: Bb84SearchOptions, starts: readonly SearchOutcome<unknown>[]): SearchOutcome<Adversary> {
  return searchPlan(p, options).finish(bestOfStarts(starts));
}

/** What {@link searchBb84} optimises, how, and how optimise's best becomes an attack. */
interface SearchPlan {
  readonly space: SearchSpace<unknown>;
  readonly objective: (input: unknown) => Scored;
  readonly options: OptimiseOptions;
  finish(found: SearchOutcome<unknown>): SearchOutcome<Adversary>;
}

function searchPlan(p: Bb84Params, options: Bb84SearchOptions): SearchPlan {
  const d = options.disturbance ?? p.run.threshold;
  if (!(d >= 0 && d <= 0.5)) throw new RangeError(`searchBb84: disturbance must be in [0, 0.5], got ${d}`);
  if (options.objective === "interceptFraction") {
    return {
      space: interceptSpace as SearchSpace<unknown>,
      objective: (a) => scoreBb84(p, "interceptFraction", a as Adversary, d),
      options,
      finish: (found) => found as SearchOutcome<Adversary>,
    };
  }
  // independent starts: the landscape has local optima on the QBER = D boundary
  const starts = Math.max(1, Math.floor(options.budget / PROBE_START_BUDGET));
  return {
    space: probeSpace as SearchSpace<unknown>,
    objective: (h) => scoreBb84(p, "information", isometryProbe(h as readonly number[]), d),
    options: { explorationShare: 0.05, localBudget: 400, starts, ...options },
    finish: (found) => ({ ...found, input: isometryProbe(found.input as readonly number[]) }),
  };
}

const angle = fc.double({ min: -Math.PI, max: Math.PI, noNaN: true });

/** Probes by their isometry parameters: generated (strength-scaled), mutated (Gaussian steps), tuned. */
const probeSpace: SearchSpace<readonly number[]> = {
  explore: fc
    .record({ strength: fc.double({ min: 0, max: 1, noNaN: true }), h: fc.array(angle, { minLength: 16, maxLength: 16 }) })
    .map(({ strength, h }) => h.map((x) => x * strength)),
  mutate: (h, r) => {
    const scale = [0.03, 0.1, 0.3, 1][r.int(0, 3)];
    return h.map((x) => (r.float() < 0.5 ? x + scale * gaussian(r.float(), r.float()) : x));
  },
  continuous: (h) => ({ x: h, step: 0.3, build: (x) => x }),
};

/** Intercept-resend: the basis is the discrete structure, the fraction the continuous parameter. */
const interceptSpace: SearchSpace<Adversary> = {
  explore: fc
    .record({ fraction: fc.integer({ min: 0, max: 2 ** 20 }).map((i) => i / 2 ** 20), basis: fc.constantFrom(...INTERCEPT_BASES) })
    .map(({ fraction, basis }): Adversary => ({ kind: "intercept-resend", fraction, basis })),
  mutate: (a, r) => (a.kind === "intercept-resend" ? { ...a, basis: INTERCEPT_BASES[r.int(0, INTERCEPT_BASES.length - 1)] as InterceptBasis } : a),
  continuous: (a) =>
    a.kind === "intercept-resend"
      ? { x: [a.fraction], step: 0.05, build: ([f]) => ({ ...a, fraction: Math.min(1, Math.max(0, f)) }) }
      : undefined,
};

function gaussian(u: number, v: number): number {
  return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
}

/**
 * The `objective` of a bb84 property: the optimising search under one objective on the
 * property's link and run parameters (`information` at D = the threshold p_o).
 */
export function bb84Objective(objective: Bb84Objective, description: string): PropertyObjective<Bb84Params, Adversary> {
  return { name: objective, description, search: (p, options) => searchBb84(p, { ...options, objective }) };
}
