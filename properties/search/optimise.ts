/**
 * The optimising adversary search, protocol-independent: maximise an objective over a space of
 * inputs (adversary strategies as data) in two stages, seeded and within a budget of objective
 * evaluations.
 *
 * 1. **Exploration** — fast-check generation: `fc.sample` of the space's arbitrary with the
 *    search's seed (the same generated adversaries the property check uses);
 * 2. **Optimisation** — one of two discrete loops, and the continuous parameters (angles, probe
 *    unitaries through a smooth parametrisation, fractions) of every new best tuned by
 *    Nelder–Mead ({@link nelderMeadMax}):
 *    - when the space enumerates the **neighbours** of an input (every single structural change
 *      from a finite catalogue: insert, delete or replace a step, snap an angle, change a message,
 *      a round, a mode), iterated local search: first-improvement hill climbing over the
 *      neighbourhood in a seeded random order (an equal value with a smaller `size` counts as an
 *      improvement, so that junk steps are shed), and at a local optimum — every neighbour
 *      evaluated, none better — a kick of one to three random `mutate` changes of the incumbent
 *      (the best local optimum so far) and a new climb from there (Lourenço, Martin and Stützle, "Iterated local search", 2003). The
 *      enumeration guarantees that a one-step improvement is found once it exists, which random
 *      mutation finds only by luck when the catalogue is large;
 *    - otherwise an elitist evolutionary loop: a parent drawn from the best few (tournament of
 *      two) is changed by the space's discrete `mutate` (gates, steps, transits, messages, modes,
 *      bases).
 *    The last share of the budget first sheds steps of the best that change nothing (its
 *    smaller neighbours at an equal value), then polishes it. Optionally several independent starts
 *    share the budget, and the best wins.
 *
 * Deterministic: all randomness comes from one generator seeded with `seed` (fast-check's own
 * for exploration); same space, objective, seed and budget give the same result. Identical
 * inputs are evaluated once (a cache keyed by the input's JSON); `evaluations` counts real calls.
 * @module
 */
import * as fc from "fast-check";
import { seeded, withRng, type RawDraws } from "../../model/random.js";
import type { Metrics, SearchOptions, SearchOutcome } from "../types.js";
import { nelderMeadMax } from "./nelderMead.js";

/** The continuous parameters of one input and how to rebuild the input from them. */
export interface Continuous<T> {
  readonly x: readonly number[];
  /** Initial Nelder–Mead step per coordinate (or one for all). */
  readonly step: number | readonly number[];
  build(x: readonly number[]): T;
}

/** Where the search looks: generation, discrete mutation, continuous parameters. */
export interface SearchSpace<T> {
  /** Exploration: the generated inputs (fast-check). */
  readonly explore: fc.Arbitrary<T>;
  /** A random structural change of `t` (absent: continuous optimisation only). */
  mutate?(t: T, r: RawDraws): T;
  /**
   * Every single structural change of `t` from a finite catalogue, in tiers (absent: the
   * evolutionary loop on `mutate`). With it the search climbs (see the module comment): each
   * tier is tried in a seeded random order, the small changes (first tiers) before the many.
   */
  neighbours?(t: T): readonly (readonly T[])[];
  /** Size of `t` for ties: at an equal value the smaller input wins (default 0: ties never move). */
  size?(t: T): number;
  /** The continuous parameters of `t` (absent or undefined: none). */
  continuous?(t: T): Continuous<T> | undefined;
}

/** An objective's value on one input, with the numbers behind it. Larger is more damaging. */
export interface Scored {
  readonly value: number;
  readonly metrics: Metrics;
}

/** Tuning of {@link optimise} (defaults in brackets). */
export interface OptimiseOptions extends SearchOptions {
  /** Share of the budget spent on exploration [0.3]. */
  readonly explorationShare?: number;
  /** Share kept for the final Nelder–Mead polish of the best [0.2]. */
  readonly polishShare?: number;
  /** Most evaluations of one Nelder–Mead tuning inside the loop [20 (dimension + 1)]. */
  readonly localBudget?: number;
  /** Inputs kept as parents [4]. */
  readonly elite?: number;
  /**
   * Independent starts [1]: the budget is split evenly, start k is seeded `seed + 7919 k`, and
   * the best wins (against local optima that one elitist run does not leave).
   */
  readonly starts?: number;
}

/** Most evaluations one search may ask for (the CLI rejects more). */
export const MAX_BUDGET = 1_000_000;

interface Entry<T> {
  readonly input: T;
  readonly key: string;
  readonly value: number;
  readonly metrics: Metrics;
}

/**
 * Maximise `objective` over `space` within `budget` evaluations: every start
 * ({@link optimiseStart}), the best of them ({@link bestOfStarts}).
 * @throws RangeError when the budget is not an integer in [1, 10^6] or the seed is not 32-bit.
 */
export function optimise<T>(space: SearchSpace<T>, objective: (input: T) => Scored, options: OptimiseOptions): SearchOutcome<T> {
  return bestOfStarts(Array.from({ length: startCount(options) }, (_, k) => optimiseStart(space, objective, options, k)));
}

/**
 * The independent starts {@link optimise} makes (`options.starts`, at least 1 and at most the
 * budget). Each is a function of the options and its index alone, so they can run anywhere (on
 * several threads: cli/search-workers.ts) and be combined by {@link bestOfStarts}.
 * @throws RangeError when the budget is not an integer in [1, 10^6].
 */
export function startCount(options: OptimiseOptions): number {
  const { budget } = options;
  if (!(Number.isInteger(budget) && budget >= 1 && budget <= MAX_BUDGET)) throw new RangeError(`optimise: budget must be an integer in [1, ${MAX_BUDGET}], got ${budget}`);
  return Math.max(1, Math.min(options.starts ?? 1, budget));
}

/** Start `k` of {@link optimise}: its share of the budget (split evenly), seeded `seed + 7919 k`. */
export function optimiseStart<T>(space: SearchSpace<T>, objective: (input: T) => Scored, options: OptimiseOptions, k: number): SearchOutcome<T> {
  const starts = startCount(options), { budget, seed } = options;
  if (!(Number.isInteger(k) && k >= 0 && k < starts)) throw new RangeError(`optimise: start must be an integer in [0, ${starts - 1}], got ${k}`);
  const share = Math.floor(budget / starts) + (k < budget % starts ? 1 : 0);
  const startSeed = (seed + 7919 * k) | 0;
  return withRng(seeded(startSeed), (r) => new Search(space, objective, { ...options, seed: startSeed, budget: share }, r).run())[0];
}

/**
 * The best of the starts' outcomes, given in start order: going through them in order, a start
 * replaces the best so far when its value exceeds the best's by more than 1e-12 (so a near tie
 * keeps the earlier start); with the evaluations of all of them.
 */
export function bestOfStarts<T>(runs: readonly SearchOutcome<T>[]): SearchOutcome<T> {
  if (runs.length === 0) throw new RangeError("optimise: no starts to choose from");
  let best = runs[0], evaluations = 0;
  for (const run of runs) {
    evaluations += run.evaluations;
    if (run.value > best.value + 1e-12) best = run;
  }
  return { ...best, evaluations };
}

class Search<T> {
  private readonly cache = new Map<string, Entry<T>>();
  private evaluations = 0;
  private elite: Entry<T>[] = [];
  private best: Entry<T> | undefined;

  constructor(
    private readonly space: SearchSpace<T>,
    private readonly objective: (input: T) => Scored,
    private readonly options: OptimiseOptions,
    private readonly r: RawDraws,
  ) {}

  run(): SearchOutcome<T> {
    const { budget, seed } = this.options;
    const polish = Math.floor(budget * (this.options.polishShare ?? 0.2));
    const exploration = Math.max(1, Math.round(budget * (this.options.explorationShare ?? 0.3)));
    // exploration: fast-check generation, seeded; more samples than evaluations if some repeat
    for (const input of fc.sample(this.space.explore, { seed, numRuns: exploration })) {
      if (this.left() <= polish && this.best !== undefined) break;
      this.score(input);
    }
    if (this.space.neighbours) this.climb(polish);
    // optimisation: mutation of the elite, Nelder–Mead on every new best
    let stale = 0;
    while (this.left() > polish && stale < 50 * budget) {
      const before = this.evaluations, bestBefore = this.best!;
      if (this.space.mutate) this.score(this.space.mutate(this.parent().input, this.r));
      if (this.best !== bestBefore || !this.space.mutate) this.tune(this.best!, this.left() - polish, this.options.localBudget);
      stale = this.evaluations === before ? stale + 1 : 0;
      if (!this.space.mutate && this.evaluations === before) break;
    }
    if (this.space.neighbours && this.space.size) this.prune();
    while (this.left() > 0) {
      const before = this.evaluations;
      this.tune(this.best!, this.left(), this.left());
      if (this.evaluations === before) break;
    }
    const b = this.best!;
    return { input: b.input, value: b.value, evaluations: this.evaluations, metrics: b.metrics };
  }

  private left(): number {
    return this.options.budget - this.evaluations;
  }

  /** Evaluate (once per distinct input) and keep the elite. */
  private score(input: T): Entry<T> {
    const key = JSON.stringify(input);
    const cached = this.cache.get(key);
    if (cached) return cached;
    if (this.left() <= 0) return { input, key, value: -Infinity, metrics: {} };
    this.evaluations++;
    const s = this.objective(input);
    const entry: Entry<T> = { input, key, value: Number.isFinite(s.value) ? s.value : -Infinity, metrics: s.metrics };
    this.cache.set(key, entry);
    if (this.best === undefined || entry.value > this.best.value + 1e-12) this.best = entry;
    const size = this.options.elite ?? 4;
    if (this.elite.length < size || entry.value > this.elite[this.elite.length - 1].value) {
      this.elite = [...this.elite, entry].sort((a, b) => b.value - a.value).slice(0, size);
    }
    return entry;
  }

  /**
   * Iterated local search until `polish` evaluations are left: climb from the best, then from
   * kicks of the incumbent (one to three `mutate` changes) while budget remains; the incumbent
   * is replaced by a climb's end only when that is better.
   */
  private climb(polish: number): void {
    let base = this.ascend(this.best!, polish);
    for (let stale = 0; this.left() > polish && this.space.mutate && stale < 1000; ) {
      const before = this.evaluations;
      let kicked = base.input;
      for (let k = this.r.int(1, 3); k > 0; k--) kicked = this.space.mutate(kicked, this.r);
      const top = this.ascend(this.score(kicked), polish);
      if (this.better(top, base)) base = top;
      stale = this.evaluations === before ? stale + 1 : 0;
    }
  }

  /** First-improvement hill climbing from `start` to a local optimum (or until `polish` evaluations are left). */
  private ascend(start: Entry<T>, polish: number): Entry<T> {
    let current = start;
    // `better` tolerates 1e-9 on ties in favour of smaller inputs, which is not transitive: without
    // this set, A -> B -> C -> A (each 0.9e-9 lower and smaller) cycles through cached entries
    // forever, spending no budget. A climb never returns to an input it has stood on.
    const visited = new Set<string>([start.key]);
    for (;;) {
      const order = this.space.neighbours!(current.input).flatMap((tier) => this.shuffled(tier));
      let next: Entry<T> | undefined;
      for (const input of order) {
        if (this.left() <= polish) return current;
        const e = this.score(input);
        if (!visited.has(e.key) && this.better(e, current)) { next = e; break; }
      }
      if (next === undefined) return current;
      const bestBefore = this.best;
      current = next;
      visited.add(current.key);
      if (this.best === current && bestBefore !== current) {
        this.tune(current, this.left() - polish, this.options.localBudget);
        if (this.best !== current && !visited.has(this.best!.key) && this.better(this.best!, current)) current = this.best!;
        visited.add(current.key);
      }
    }
  }

  /**
   * Shed what the best does not need, from the polish share: evaluate the best's smaller
   * neighbours (deleted steps) in order and move to the first that keeps its value (within
   * 1e-9), until none does or the budget is spent. The climb stops wherever the budget runs out,
   * so its last best may still carry a step that changes nothing.
   */
  private prune(): void {
    const size = this.space.size!;
    for (let current = this.best!; ; ) {
      const smaller = this.space.neighbours!(current.input).flat().filter((t) => size(t) < size(current.input));
      // score() answers from its cache at no cost, and with -Infinity once the budget is spent
      const next = smaller.find((t) => this.score(t).value >= current.value - 1e-9);
      if (next === undefined) return;
      current = this.score(next);
      if (this.best!.value <= current.value + 1e-9) this.best = current;
    }
  }

  /** Strictly better: a larger value, or (within 1e-9) the same value and a smaller size. */
  private better(a: Entry<T>, b: Entry<T>): boolean {
    if (a.value > b.value + 1e-9) return true;
    if (a.value < b.value - 1e-9 || !this.space.size) return false;
    return this.space.size(a.input) < this.space.size(b.input);
  }

  /** A seeded random permutation (Fisher–Yates). */
  private shuffled<U>(xs: readonly U[]): U[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = this.r.int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }

  /** Tournament of two among the elite. */
  private parent(): Entry<T> {
    const a = this.elite[this.r.int(0, this.elite.length - 1)], b = this.elite[this.r.int(0, this.elite.length - 1)];
    return a.value >= b.value ? a : b;
  }

  /**
   * Nelder–Mead on the continuous parameters of `entry`, restarted from its result while that
   * improves (a collapsed simplex is the method's known failure in many dimensions), within
   * `budget` evaluations and `local` per tuning (default 20 (dimension + 1)).
   */
  private tune(entry: Entry<T>, budget: number, local?: number): void {
    let current = entry;
    const start = this.evaluations;
    for (let restart = 0; restart < 20; restart++) {
      const c = this.space.continuous?.(current.input);
      const left = Math.min(budget - (this.evaluations - start), (local ?? 20 * ((c?.x.length ?? 0) + 1)) - (this.evaluations - start));
      if (!c || c.x.length === 0 || left < 2) return;
      const before = this.best!;
      nelderMeadMax((x) => this.score(c.build(x)).value, c.x, { budget: left, step: c.step });
      if (!(this.best!.value > before.value + 1e-9)) return;
      current = this.best!;
    }
  }
}
