/**
 * Derivative-free optimisers for the key-rate model: bounded golden-section search in one
 * dimension (optimal mean photon number) and Nelder-Mead in several (fitting claimed data).
 * @module
 */

/** The arg-max and the maximum of a 1-D function on an interval. */
export interface Maximum {
  readonly x: number;
  readonly value: number;
}

/**
 * Maximise a unimodal `f` on `[lo, hi]` by golden-section search (interval shrinks by
 * `1/phi = 0.618` per step), to absolute tolerance `tol` in x. Endpoints are also compared, so a
 * maximum on the boundary is found. Reference: Kiefer (1953); Press et al., Numerical Recipes §10.2.
 */
export function goldenSectionMaximize(f: (x: number) => number, lo: number, hi: number, tol = 1e-6): Maximum {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) {
    throw new RangeError(`goldenSectionMaximize: need finite lo <= hi, got [${lo}, ${hi}]`);
  }
  const invPhi = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  let c = b - invPhi * (b - a);
  let d = a + invPhi * (b - a);
  let fc = f(c);
  let fd = f(d);
  for (let i = 0; i < 200 && b - a > tol; i++) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - invPhi * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + invPhi * (b - a);
      fd = f(d);
    }
  }
  const candidates: Maximum[] = [
    { x: (a + b) / 2, value: f((a + b) / 2) },
    { x: lo, value: f(lo) },
    { x: hi, value: f(hi) },
  ];
  return candidates.reduce((best, m) => (m.value > best.value ? m : best));
}

/** The arg-min and the minimum of a multivariate function. */
export interface Minimum {
  readonly x: readonly number[];
  readonly value: number;
}

/**
 * Minimise `f` from `x0` by the Nelder-Mead simplex (reflection 1, expansion 2, contraction 1/2,
 * shrink 1/2), starting with a simplex of edge `step`. Reference: Nelder, Mead, Comput. J. 7, 308 (1965).
 */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: { readonly step?: number; readonly maxIterations?: number; readonly tolerance?: number } = {},
): Minimum {
  const n = x0.length;
  const step = options.step ?? 0.5;
  const maxIterations = options.maxIterations ?? 2000;
  const tolerance = options.tolerance ?? 1e-12;
  let simplex: { x: number[]; v: number }[] = [{ x: [...x0], v: f(x0) }];
  for (let i = 0; i < n; i++) {
    const x = [...x0];
    x[i] += step;
    simplex.push({ x, v: f(x) });
  }
  for (let it = 0; it < maxIterations; it++) {
    simplex.sort((a, b) => a.v - b.v);
    if (Math.abs(simplex[n].v - simplex[0].v) <= tolerance) break;
    const centroid = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i].x[j] / n;
    const along = (t: number) => centroid.map((c, j) => c + t * (simplex[n].x[j] - c));
    const reflected = along(-1);
    const vr = f(reflected);
    if (vr < simplex[0].v) {
      const expanded = along(-2);
      const ve = f(expanded);
      simplex[n] = ve < vr ? { x: expanded, v: ve } : { x: reflected, v: vr };
    } else if (vr < simplex[n - 1].v) {
      simplex[n] = { x: reflected, v: vr };
    } else {
      const contracted = vr < simplex[n].v ? along(-0.5) : along(0.5);
      const vc = f(contracted);
      if (vc < Math.min(vr, simplex[n].v)) simplex[n] = { x: contracted, v: vc };
      else {
        const best = simplex[0].x;
        simplex = simplex.map((s, i) => {
          if (i === 0) return s;
          const x = s.x.map((xj, j) => best[j] + 0.5 * (xj - best[j]));
          return { x, v: f(x) };
        });
      }
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0].x, value: simplex[0].v };
}
