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
 * search needs to stay bounded in time. This one is ~80 lines with an explicit step per coordinate.
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
 * @throws RangeError when the budget is below 1 or `x0` is empty.
 */
export function nelderMeadMax(f: (x: readonly number[]) => number, x0: readonly number[], options: NelderMeadOptions): NelderMeadResult {
  const n = x0.length;
  if (n === 0) throw new RangeError("nelderMeadMax: x0 must not be empty");
  if (!(options.budget >= 1)) throw new RangeError(`nelderMeadMax: budget must be >= 1, got ${options.budget}`);
  const fTol = options.fTolerance ?? 1e-10, xTol = options.xTolerance ?? 1e-9;
  let evaluations = 0;
  const evaluate = (x: readonly number[]): Vertex => {
    evaluations++;
    const v = f(x);
    return { x, f: Number.isFinite(v) ? v : -Infinity };
  };
  const stepOf = (i: number): number => (typeof options.step === "number" ? options.step : options.step[i]);
  const simplex: Vertex[] = [evaluate(x0)];
  for (let i = 0; i < n && evaluations < options.budget; i++) simplex.push(evaluate(x0.map((v, j) => (j === i ? v + stepOf(i) : v))));
  const order = (): void => void simplex.sort((a, b) => b.f - a.f); // best first
  order();
  if (simplex.length < n + 1) return { x: simplex[0].x, f: simplex[0].f, evaluations };
  const along = (c: readonly number[], w: Vertex, t: number): number[] => c.map((ci, j) => ci + t * (ci - w.x[j]));
  while (evaluations < options.budget) {
    const best = simplex[0], worst = simplex[n];
    if (best.f - worst.f < fTol && simplex.every((v) => v.x.every((xj, j) => Math.abs(xj - best.x[j]) < xTol))) break;
    const centroid = new Array<number>(n).fill(0);
    for (let k = 0; k < n; k++) for (let j = 0; j < n; j++) centroid[j] += simplex[k].x[j] / n;
    const reflected = evaluate(along(centroid, worst, 1));
    if (reflected.f > best.f) {
      if (evaluations >= options.budget) { simplex[n] = reflected; break; }
      const expanded = evaluate(along(centroid, worst, 2));
      simplex[n] = expanded.f > reflected.f ? expanded : reflected;
    } else if (reflected.f > simplex[n - 1].f) {
      simplex[n] = reflected;
    } else {
      if (evaluations >= options.budget) break;
      const outside = reflected.f > worst.f;
      const contracted = evaluate(along(centroid, worst, outside ? 0.5 : -0.5));
      if (contracted.f > (outside ? reflected.f : worst.f)) simplex[n] = contracted;
      else {
        for (let k = 1; k <= n && evaluations < options.budget; k++) simplex[k] = evaluate(simplex[k].x.map((xj, j) => best.x[j] + 0.5 * (xj - best.x[j])));
      }
    }
    order();
  }
  order();
  return { x: simplex[0].x, f: simplex[0].f, evaluations };
}
