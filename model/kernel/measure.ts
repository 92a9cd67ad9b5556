/**
 * Exact measurement: every outcome's probability and post-measurement state, computed from the
 * density matrix (no sampling here; sampling belongs to the sampled protocol runs).
 *
 * For Kraus (measurement) operators M_k on the targets:
 * `p_k = tr(M_k rho M_k^dagger)`, `rho_k = M_k rho M_k^dagger / p_k` (Nielsen & Chuang §2.2.3).
 * @module
 */
import { adjoint, hermiticityError, identity, matmul, maxAbsDiff, zeros, type CMatrix } from "./matrix.js";
import { eigvalsh, sqrtPsd } from "./eigen.js";
import { sandwich } from "./evolve.js";
import { unsafeDensity, type DensityMatrix } from "./state.js";
import { checkTargets, formatDims, product, splitOffsets } from "./internal/dims.js";
import { freshFloat64 } from "./internal/carve.js";
import { ATOL, PROBABILITY_FLOOR, PSD_ATOL, type Tolerance } from "./tolerances.js";

/** One outcome of a measurement: its probability and the normalised post-measurement state. */
export interface Outcome {
  readonly probability: number;
  /** `null` when the probability is below {@link PROBABILITY_FLOOR} (the outcome cannot occur). */
  readonly state: DensityMatrix | null;
}

/**
 * A general measurement with Kraus operators `M_k` on the targets (`sum M_k^dagger M_k = I`).
 * Returns one {@link Outcome} per operator, in order; the post-measurement states keep all subsystems.
 */
export function measure(rho: DensityMatrix, operators: readonly CMatrix[], targets: readonly number[], tol: Tolerance = {}): Outcome[] {
  checkTargets("measure", rho.dims, targets);
  const d = product(targets.map((t) => rho.dims[t]));
  checkComplete("measure", operators, d, tol);
  return operators.map((m) => {
    const { data, dims } = sandwich(rho.matrix, rho.dims, m, targets);
    const D = product(dims);
    let p = 0;
    for (let i = 0; i < D; i++) p += data[2 * (i * D + i)];
    if (p < PROBABILITY_FLOOR) return { probability: Math.max(0, p), state: null };
    for (let k = 0; k < data.length; k++) data[k] /= p;
    return { probability: p, state: unsafeDensity({ rows: D, cols: D, data }, dims) };
  });
}

/**
 * Projective measurement in an orthonormal basis given as the columns of `basis`
 * (outcome k is the k-th column).
 * @example measureInBasis(densityOf(qubitKet("+")), H, [0]) // outcome 0 with probability 1
 */
export function measureInBasis(rho: DensityMatrix, basis: CMatrix, targets: readonly number[], tol: Tolerance = {}): Outcome[] {
  return measure(rho, projectorsOf(basis), targets, tol);
}

/** Measurement in the computational basis of the targets; outcome index in mixed radix, first target most significant. */
export function measureComputational(rho: DensityMatrix, targets: readonly number[]): Outcome[] {
  checkTargets("measureComputational", rho.dims, targets);
  return measureInBasis(rho, identity(product(targets.map((t) => rho.dims[t]))), targets);
}

/** The rank-one projectors `|b_k><b_k|` onto the columns of an orthonormal basis. */
export function projectorsOf(basis: CMatrix): CMatrix[] {
  const d = basis.rows;
  if (basis.cols !== d) throw new RangeError(`projectorsOf: basis matrix is ${basis.rows}x${basis.cols}, not square`);
  const out: CMatrix[] = [];
  for (let k = 0; k < d; k++) {
    const v = zeros(d, 1);
    for (let i = 0; i < d; i++) {
      v.data[2 * i] = basis.data[2 * (i * d + k)];
      v.data[2 * i + 1] = basis.data[2 * (i * d + k) + 1];
    }
    out.push(matmul(v, adjoint(v)));
  }
  return out;
}

/**
 * Kraus operators `sqrt(E_k)` of a POVM given by its effects `E_k >= 0`, `sum E_k = I`.
 * (The post-measurement states are those of this canonical instrument.)
 */
export function povm(effects: readonly CMatrix[], tol: Tolerance = {}): CMatrix[] {
  if (effects.length === 0) throw new RangeError("povm: no effects");
  const d = effects[0].rows;
  const atol = tol.atol ?? ATOL;
  effects.forEach((e, k) => {
    if (e.rows !== d || e.cols !== d) throw new RangeError(`povm: effect ${k} is ${e.rows}x${e.cols}, effect 0 is ${d}x${d}`);
    const herm = hermiticityError(e);
    if (!(herm <= atol)) throw new RangeError(`povm: effect ${k} is not Hermitian (max |E - E^dagger| = ${herm})`);
    const min = eigvalsh(e)[0];
    if (!(min >= -(tol.atol ?? PSD_ATOL))) throw new RangeError(`povm: effect ${k} is not positive semidefinite (smallest eigenvalue ${min})`);
  });
  const sum = effects.reduce((acc, e) => ({ rows: d, cols: d, data: acc.data.map((v, i) => v + e.data[i]) }), zeros(d, d));
  const err = maxAbsDiff(sum, identity(d));
  if (!(err <= atol * 10 * d)) throw new RangeError(`povm: effects do not sum to the identity (max deviation ${err.toExponential(2)})`);
  return effects.map(sqrtPsd);
}

/**
 * Outcome probabilities of a computational-basis measurement of the targets (all subsystems by default),
 * without post-measurement states: the diagonal of the reduced state.
 */
export function probabilities(rho: DensityMatrix, targets: readonly number[] = rho.dims.map((_, k) => k)): Float64Array {
  checkTargets("probabilities", rho.dims, targets);
  const { target, rest } = splitOffsets(rho.dims, targets);
  const D = rho.matrix.rows;
  const out = freshFloat64(target.length);
  for (let t = 0; t < target.length; t++) {
    let p = 0;
    for (let r = 0; r < rest.length; r++) p += rho.matrix.data[2 * ((target[t] + rest[r]) * D + target[t] + rest[r])];
    out[t] = p;
  }
  return out;
}

/** Kraus operators of a complete measurement, checked: `sum M^dagger M = I`. */
function checkComplete(fn: string, operators: readonly CMatrix[], d: number, tol: Tolerance): void {
  if (operators.length === 0) throw new RangeError(`${fn}: no measurement operators`);
  let sum = zeros(d, d);
  for (const [i, m] of operators.entries()) {
    if (m.cols !== d || m.rows !== d) throw new RangeError(`${fn}: operator ${i} is ${m.rows}x${m.cols}, the targets have dimension ${d}`);
    const mm = matmul(adjoint(m), m);
    sum = { rows: d, cols: d, data: sum.data.map((v, k) => v + mm.data[k]) };
  }
  const err = maxAbsDiff(sum, identity(d));
  if (!(err <= (tol.atol ?? ATOL) * 10 * d)) throw new RangeError(`${fn}: operators are not complete (max |sum M^dagger M - I| = ${err.toExponential(2)})`);
}

/** A basis (as matrix columns) from kets given as amplitude arrays; used to name measurement bases. */
export function basisFromColumns(columns: readonly CMatrix[]): CMatrix {
  const d = columns.length;
  const m = zeros(d, d);
  columns.forEach((c, k) => {
    if (c.rows !== d || c.cols !== 1) throw new RangeError(`basisFromColumns: column ${k} is ${c.rows}x${c.cols}, expected ${d}x1 (dims ${formatDims([d])})`);
    for (let i = 0; i < d; i++) {
      m.data[2 * (i * d + k)] = c.data[2 * i];
      m.data[2 * (i * d + k) + 1] = c.data[2 * i + 1];
    }
  });
  return m;
}

