/**
 * Evolution of states: unitaries and Kraus channels applied *locally* to any subset of
 * subsystems (strided; the Kronecker product with identities is never formed).
 *
 * `evolve(rho, U, targets)` maps rho to `(U_targets (x) I) rho (U_targets (x) I)^dagger`, the
 * targets listed in the order U's factors are: `evolve(rho, CNOT, [2, 0])` uses subsystem 2 as
 * control and subsystem 0 as target.
 * @module
 */
import { adjoint, isUnitary, matmul, unitarityError, maxAbsDiff, identity, zeros, type CMatrix } from "./matrix.js";
import { unsafeDensity, unsafeKet, type DensityMatrix, type Ket } from "./state.js";
import { checkTargets, formatDims, product } from "./internal/dims.js";
import { applyChannelLocal, applyConjugate, applyLeft, applyMonomialConjugate, applyRightAdjoint } from "./internal/local.js";
import { ATOL, type Tolerance } from "./tolerances.js";

function checkOperatorFits(fn: string, dims: readonly number[], op: CMatrix, targets: readonly number[]): void {
  checkTargets(fn, dims, targets);
  const din = product(targets.map((t) => dims[t]));
  if (op.cols !== din) {
    throw new RangeError(`${fn}: operator is ${op.rows}x${op.cols} but subsystems [${targets.join(",")}] of dims ${formatDims(dims)} have dimension ${din}`);
  }
}

/**
 * Unitary evolution of a density matrix on the given subsystems.
 * `rho -> U rho U^dagger` (locally). Throws if `u` is not unitary or does not fit.
 * @example evolve(densityOf(qubitKet("0")), H, [0]) // |+><+|
 */
export function evolve(rho: DensityMatrix, u: CMatrix, targets: readonly number[], tol: Tolerance = {}): DensityMatrix {
  checkOperatorFits("evolve", rho.dims, u, targets);
  if (u.rows !== u.cols) throw new RangeError(`evolve: gate is ${u.rows}x${u.cols}, not square`);
  if (!isUnitary(u, tol)) throw new RangeError(`evolve: gate is not unitary (max |U^dagger U - I| = ${unitarityError(u).toExponential(2)})`);
  const tdims = targets.map((t) => rho.dims[t]);
  // one pass over rho for permutation / diagonal gates and dense 2x2 / 4x4 gates; otherwise
  // left then right multiplication
  const fused = applyMonomialConjugate(rho.matrix, rho.dims, u, targets, tdims) ?? applyConjugate(rho.matrix, rho.dims, u, targets, tdims);
  if (fused !== null) return unsafeDensity({ rows: rho.matrix.rows, cols: rho.matrix.cols, data: fused.data }, rho.dims);
  const left = applyLeft(rho.matrix, rho.dims, u, targets, tdims);
  const mid: CMatrix = { rows: rho.matrix.rows, cols: rho.matrix.cols, data: left.data };
  const right = applyRightAdjoint(mid, rho.dims, u, targets, tdims);
  return unsafeDensity({ rows: mid.rows, cols: mid.cols, data: right.data }, rho.dims);
}

/** Unitary evolution of a ket on the given subsystems: `psi -> (U (x) I) psi`. */
export function evolveKet(psi: Ket, u: CMatrix, targets: readonly number[], tol: Tolerance = {}): Ket {
  checkOperatorFits("evolveKet", psi.dims, u, targets);
  if (!isUnitary(u, tol)) throw new RangeError(`evolveKet: gate is not unitary (max |U^dagger U - I| = ${unitarityError(u).toExponential(2)})`);
  const out = applyLeft(psi.vector, psi.dims, u, targets, targets.map((t) => psi.dims[t]));
  return unsafeKet({ rows: psi.vector.rows, cols: 1, data: out.data }, psi.dims);
}

declare const channelBrand: unique symbol;

/**
 * A CPTP map in Kraus form `rho -> sum_k K_k rho K_k^dagger` with `sum_k K_k^dagger K_k = I`,
 * acting on subsystems of dims `inDims` and producing `outDims` (equal unless the channel
 * changes dimension, as the erasure channel does).
 */
export interface Channel {
  readonly name: string;
  readonly kraus: readonly CMatrix[];
  readonly inDims: readonly number[];
  readonly outDims: readonly number[];
  readonly [channelBrand]: true;
}

/**
 * A channel from Kraus operators, checked for trace preservation (`sum K^dagger K = I`).
 * @throws RangeError with the measured deviation when the set is not CPTP.
 */
export function channel(name: string, kraus: readonly CMatrix[], inDims?: readonly number[], outDims?: readonly number[], tol: Tolerance = {}): Channel {
  if (kraus.length === 0) throw new RangeError(`channel ${name}: no Kraus operators`);
  const rows = kraus[0].rows, cols = kraus[0].cols;
  for (const [i, k] of kraus.entries()) {
    if (k.rows !== rows || k.cols !== cols) throw new RangeError(`channel ${name}: Kraus operator ${i} is ${k.rows}x${k.cols}, expected ${rows}x${cols}`);
  }
  const inD = inDims ?? [cols];
  const outD = outDims ?? [rows];
  if (product(inD) !== cols || product(outD) !== rows || inD.length !== outD.length) {
    throw new RangeError(`channel ${name}: dims ${formatDims(inD)} -> ${formatDims(outD)} do not fit ${rows}x${cols} Kraus operators`);
  }
  let sum = zeros(cols, cols);
  for (const k of kraus) {
    const kk = matmul(adjoint(k), k);
    sum = { rows: cols, cols, data: sum.data.map((v, i) => v + kk.data[i]) };
  }
  const err = maxAbsDiff(sum, identity(cols));
  // written as !(err <= bound) so that a NaN deviation is rejected too
  if (!(err <= (tol.atol ?? ATOL) * Math.max(1, cols) * 10)) {
    throw new RangeError(`channel ${name}: Kraus operators are not trace preserving (max |sum K^dagger K - I| = ${err.toExponential(2)})`);
  }
  return { name, kraus, inDims: inD, outDims: outD } as unknown as Channel;
}

/**
 * Apply a channel to the given subsystems: `rho -> sum_k (K_k (x) I) rho (K_k (x) I)^dagger`.
 * The dims of the result reflect the channel's output dims.
 */
export function applyChannel(rho: DensityMatrix, ch: Channel, targets: readonly number[]): DensityMatrix {
  checkTargets(`applyChannel(${ch.name})`, rho.dims, targets);
  const tdims = targets.map((t) => rho.dims[t]);
  if (tdims.join() !== ch.inDims.join()) {
    throw new RangeError(`applyChannel(${ch.name}): channel acts on dims ${formatDims(ch.inDims)}, subsystems [${targets.join(",")}] have ${formatDims(tdims)}`);
  }
  // one pass over rho for 1-qubit channels; otherwise one sandwich per Kraus operator
  const fused = applyChannelLocal(rho.matrix, rho.dims, ch.kraus, targets, ch.outDims);
  if (fused !== null) return unsafeDensity({ rows: rho.matrix.rows, cols: rho.matrix.cols, data: fused.data }, fused.dims);
  let acc: Float64Array | undefined;
  let outDims: number[] = [];
  for (const k of ch.kraus) {
    const term = sandwich(rho.matrix, rho.dims, k, targets, ch.outDims);
    outDims = term.dims;
    if (acc === undefined) acc = term.data;
    else for (let i = 0; i < acc.length; i++) acc[i] += term.data[i];
  }
  const d = product(outDims);
  return unsafeDensity({ rows: d, cols: d, data: acc! }, outDims);
}

/**
 * `(A (x) I) rho (A (x) I)^dagger` for any operator A on the targets (not normalised).
 * The building block of channels and measurements.
 */
export function sandwich(
  m: CMatrix,
  dims: readonly number[],
  a: CMatrix,
  targets: readonly number[],
  outTargetDims: readonly number[] = targets.map((t) => dims[t]),
): { data: Float64Array; dims: number[] } {
  checkOperatorFits("sandwich", dims, a, targets);
  const fused = applyMonomialConjugate(m, dims, a, targets, outTargetDims) ?? applyConjugate(m, dims, a, targets, outTargetDims);
  if (fused !== null) return fused;
  const left = applyLeft(m, dims, a, targets, outTargetDims);
  const mid: CMatrix = { rows: product(left.dims), cols: m.cols, data: left.data };
  return applyRightAdjoint(mid, dims, a, targets, outTargetDims);
}
