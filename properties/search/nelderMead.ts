/**
 * Nelder–Mead downhill simplex (Nelder and Mead 1965; the standard coefficients reflection 1,
 * expansion 2, contraction 1/2, shrink 1/2, as in Lagarias et al., SIAM J. Optim. 9 (1998) 112),
 * maximising, with a hard budget on function evaluations.
 *
 * Written by hand after measuring the npm candidate: `fmin` 0.0.4 (the Nelder–Mead package with
 * the most downloads) does not load under Node ESM (its package.json says `"type": "module"`
 * while its `main` is a UMD bundle, so `import { nelderMead } from "fmin"` fails), its shrink step
 * assigns an undeclared loop variable (a ReferenceError in strict mode), its initial simplex is 5 %
 * of each coordinate (0.001 at 0, useless for angles), and it has no evaluation budget — which the
 * search needs to stay bounded in time. This one is about 140 lines with an explicit step per coordinate.
 * @module
 */

/** A point with its value. */
interface Vertex {
  readonly x: readonly number[];
  readonly f: number;
}

/** Options of {@link nelderMeadMax}. */
export interface NelderMeadOptions {
  /** Most evaluations of `f` (the initial simplex included). */
  readonly budget: number;
  /** Initial step per coordinate (the simplex edge), one number for all or one per coordinate. */
  readonly step: number | readonly number[];
  /** Stop when the simplex's values differ by less than this (default 1e-10). */
  readonly fTolerance?: number;
  /** Stop when every vertex is within this of the best in every coordinate (default 1e-9). */
  readonly xTolerance?: number;
}

/** The best point found, its value and the evaluations spent. */
export interface NelderMeadResult {
  readonly x: readonly number[];
  readonly f: number;
  readonly evaluations: number;
}

/**
 * Maximise `f` from `x0`. Deterministic: no randomness. Stops at the budget or when the simplex
 * has collapsed; never evaluates `f` more than `budget` times.
 *
 * Written without closures created per call (module-level helpers and loops instead of local
 * arrow functions and `map`/`sort`/`every` callbacks): V8 inlines the objective into this loop,
 * and its optimised code was thrown away again and again (a call target that changed from one call
 * to the next, a new closure; also a wrong map and too little type feedback, `--trace-deopt` in a
 * review at budget 5,000), so it was compiled 10-12 times in one `search bb84 --budget 100000` (37-42 % of the
 * run's optimising-compiler time in three `node --trace-opt` runs, and again in every worker thread
 * of `search --workers N`); now once.
 * The arithmetic and its order are unchanged.
 * @throws RangeError when the budget is below 1 or `x0` is empty.
 */
export function nelderMeadMax(f: (x: readonly number[]) => number, x0: readonly number[], options: NelderMeadOptions): NelderMeadResult {
  const n = x0.length;
  if (n === 0) throw new RangeError("nelderMeadMax: x0 must not be empty");
  if (!(options.budget >= 1)) throw new RangeError(`nelderMeadMax: budget must be >= 1, got ${options.budget}`);
  const fTol = options.fTolerance ?? 1e-10, xTol = options.xTolerance ?? 1e-9;
  const budget = options.budget;
  let evaluations = 1;
  const simplex: Vertex[] = [vertex(f, x0)];
  for (let i = 0; i < n && evaluations < budget; i++, evaluations++) simplex.push(vertex(f, stepped(x0, i, stepOf(options.step, i))));
  simplex.sort(bestFirst);
  if (simplex.length < n + 1) return { x: simplex[0].x, f: simplex[0].f, evaluations };
  while (evaluations < budget) {
    const best = simplex[0], worst = simplex[n];
    if (best.f - worst.f < fTol && collapsed(simplex, best.x, xTol)) break;
    const c = centroid(simplex, n);
    evaluations++;
    const reflected = vertex(f, along(c, worst.x, 1));
    if (reflected.f > best.f) {
      if (evaluations >= budget) { simplex[n] = reflected; break; }
      evaluations++;
      const expanded = vertex(f, along(c, worst.x, 2));
      simplex[n] = expanded.f > reflected.f ? expanded : reflected;
    } else if (reflected.f > simplex[n - 1].f) {
      simplex[n] = reflected;
    } else {
      if (evaluations >= budget) break;
      const outside = reflected.f > worst.f;
      evaluations++;
      const contracted = vertex(f, along(c, worst.x, outside ? 0.5 : -0.5));
      if (contracted.f > (outside ? reflected.f : worst.f)) simplex[n] = contracted;
      else {
        for (let k = 1; k <= n && evaluations < budget; k++, evaluations++) simplex[k] = vertex(f, halfway(best.x, simplex[k].x));
      }
    }
    simplex.sort(bestFirst);
  }
  simplex.sort(bestFirst);
  return { x: simplex[0].x, f: simplex[0].f, evaluations };
}

/** `f` at `x` as a vertex (a value that is not finite counts as -Infinity). */
function vertex(f: (x: readonly number[]) => number, x: readonly number[]): Vertex {
  const v = f(x);
  return { x, f: Number.isFinite(v) ? v : -Infinity };
}

/** The initial step of coordinate `i`. */
function stepOf(step: number | readonly number[], i: number): number {
  return typeof step === "number" ? step : step[i];
}

/** `x` with coordinate `i` moved by `step`. */
function stepped(x: readonly number[], i: number, step: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < x.length; j++) out.push(j === i ? x[j] + step : x[j]);
  return out;
}

/** Larger values first (the simplex's order; `Array.prototype.sort` is stable). */
function bestFirst(a: Vertex, b: Vertex): number {
  return b.f - a.f;
}

/** Whether every vertex is within `xTol` of `best` in every coordinate. */
function collapsed(simplex: readonly Vertex[], best: readonly number[], xTol: number): boolean {
  for (const v of simplex) for (let j = 0; j < v.x.length; j++) if (!(Math.abs(v.x[j] - best[j]) < xTol)) return false;
  return true;
}

/** The centroid of the simplex's `n` best vertices. */
function centroid(simplex: readonly Vertex[], n: number): number[] {
  const c = new Array<number>(n).fill(0);
  for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) c[j] += simplex[k].x[j] / n;
  return c;
}

/** `c + t (c - w)`: along the line from the worst vertex `w` through the centroid `c`. */
function along(c: readonly number[], w: readonly number[], t: number): number[] {
  const out: number[] = [];
  for (let j = 0; j < c.length; j++) out.push(c[j] + t * (c[j] - w[j]));
  return out;
}

/** Halfway from `best` to `x` (the shrink step). */
function halfway(best: readonly number[], x: readonly number[]): number[] {
  const out: number[] = [];
  for (let j = 0; j < x.length; j++) out.push(best[j] + 0.5 * (x[j] - best[j]));
  return out;
}
