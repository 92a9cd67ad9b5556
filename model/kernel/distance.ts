/**
 * Distances and overlaps between states, and expectation values.
 * @module
 */
import { eigvalsh, sqrtPsd } from "./eigen.js";
import { matmul, sub, type CMatrix } from "./matrix.js";
import { type DensityMatrix } from "./state.js";
import { checkTargets, formatDims, splitOffsets } from "./internal/dims.js";

function checkSameDims(fn: string, a: DensityMatrix, b: DensityMatrix): void {
  if (a.dims.join() !== b.dims.join()) throw new RangeError(`${fn}: dims ${formatDims(a.dims)} vs ${formatDims(b.dims)}`);
}

/**
 * Trace distance `T(rho, sigma) = (1/2) ||rho - sigma||_1 = (1/2) sum_i |lambda_i(rho - sigma)|`.
 * @example traceDistance(densityOf(qubitKet("0")), densityOf(qubitKet("1"))) // 1
 */
export function traceDistance(rho: DensityMatrix, sigma: DensityMatrix): number {
  checkSameDims("traceDistance", rho, sigma);
  return 0.5 * traceNorm(sub(rho.matrix, sigma.matrix));
}

/** Trace norm `||A||_1 = sum |lambda_i|` of a Hermitian matrix. */
export function traceNorm(hermitian: CMatrix): number {
  let s = 0;
  for (const v of eigvalsh(hermitian)) s += Math.abs(v);
  return s;
}

/**
 * Uhlmann fidelity `F(rho, sigma) = (tr sqrt(sqrt(rho) sigma sqrt(rho)))^2`, in [0, 1].
 * @example fidelity(densityOf(qubitKet("0")), densityOf(qubitKet("+"))) // 0.5
 */
export function fidelity(rho: DensityMatrix, sigma: DensityMatrix): number {
  checkSameDims("fidelity", rho, sigma);
  const r = sqrtPsd(rho.matrix);
  const inner = matmul(matmul(r, sigma.matrix), r);
  let s = 0;
  for (const v of eigvalsh(inner)) s += Math.sqrt(Math.max(0, v));
  return Math.min(1, s * s);
}

/**
 * Expectation value `tr((O (x) I) rho)` of an operator on the given subsystems (real part;
 * exact for Hermitian O): `sum_{r,t,u} O[t,u] rho[(r,u),(r,t)]`.
 * @example expectation(densityOf(qubitKet("0")), Z, [0]) // 1
 */
export function expectation(rho: DensityMatrix, op: CMatrix, targets: readonly number[]): number {
  checkTargets("expectation", rho.dims, targets);
  const { target, rest } = splitOffsets(rho.dims, targets);
  const dT = target.length, D = rho.matrix.rows, m = rho.matrix.data;
  if (op.rows !== dT || op.cols !== dT) throw new RangeError(`expectation: operator is ${op.rows}x${op.cols}, subsystems [${targets.join(",")}] have dimension ${dT}`);
  let re = 0;
  for (let r = 0; r < rest.length; r++) {
    for (let t = 0; t < dT; t++) {
      for (let u = 0; u < dT; u++) {
        const or = op.data[2 * (t * dT + u)], oi = op.data[2 * (t * dT + u) + 1];
        const k = 2 * ((rest[r] + target[u]) * D + rest[r] + target[t]);
        re += or * m[k] - oi * m[k + 1];
      }
    }
  }
  return re;
}

/** Purity `tr(rho^2)`. */
export function purity(rho: DensityMatrix): number {
  let s = 0;
  for (const v of rho.matrix.data) s += v * v;
  return s;
}

/**
 * Optimal probability of guessing which of two states was sent with priors p0, p1
 * (Helstrom 1976): `P_guess = (1 + ||p0 rho0 - p1 rho1||_1) / 2`.
 */
export function helstromGuessing(p0: number, rho0: DensityMatrix, p1: number, rho1: DensityMatrix): number {
  checkSameDims("helstromGuessing", rho0, rho1);
  const m = rho0.matrix.data.map((v, i) => p0 * v - p1 * rho1.matrix.data[i]);
  return 0.5 * (1 + traceNorm({ rows: rho0.matrix.rows, cols: rho0.matrix.cols, data: m }));
}
