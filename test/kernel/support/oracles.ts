/**
 * Independent oracles for the kernel properties: full (Kronecker + permutation) operators,
 * explicit validity measurements, and conversions to mathjs, ml-matrix and quantum-circuit.
 * They use only the kernel's dense `kron`/`matmul`/`adjoint` (themselves checked against mathjs
 * in mathjs.test.ts), never its strided local application, partial trace or permutation.
 */
import { ATOL, PSD_ATOL, adjoint, eigvalsh, hasNonFinite, hermiticityError, identity, kron, matmul, trace, type CMatrix } from "../../../model/kernel/index.js";

/** Product of a list of dimensions. */
export function prod(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

/** Digits of a big-endian mixed-radix index (subsystem 0 most significant). */
export function digitsOf(index: number, dims: readonly number[]): number[] {
  const out = new Array<number>(dims.length);
  for (let k = dims.length - 1; k >= 0; k--) {
    out[k] = index % dims[k];
    index = Math.floor(index / dims[k]);
  }
  return out;
}

/** Big-endian mixed-radix index of digits. */
export function indexOf(digits: readonly number[], dims: readonly number[]): number {
  let i = 0;
  for (let k = 0; k < dims.length; k++) i = i * dims[k] + digits[k];
  return i;
}

/**
 * The permutation matrix P with `P |i_0 ... i_{n-1}> = |i_{order[0]} ... i_{order[n-1]}>`:
 * it moves subsystem `order[k]` to position k (dims of the image: `order.map(k => dims[k])`).
 */
export function permutationMatrix(dims: readonly number[], order: readonly number[]): CMatrix {
  const D = prod(dims);
  const newDims = order.map((k) => dims[k]);
  const p: CMatrix = { rows: D, cols: D, data: new Float64Array(2 * D * D) };
  for (let i = 0; i < D; i++) {
    const dg = digitsOf(i, dims);
    const j = indexOf(order.map((k) => dg[k]), newDims);
    p.data[2 * (j * D + i)] = 1;
  }
  return p;
}

/**
 * The full operator of `op` acting on the `targets` (in the order of op's factors) of a space
 * with `dims`, mapping the targets to `outTargetDims`: `P_out^T (op (x) I_rest) P_in`, built with
 * an explicit Kronecker product and permutation matrices.
 */
export function fullOperator(op: CMatrix, dims: readonly number[], targets: readonly number[], outTargetDims: readonly number[] = targets.map((t) => dims[t])): CMatrix {
  const rest = dims.map((_, k) => k).filter((k) => !targets.includes(k));
  const order = [...targets, ...rest];
  const outDims = dims.slice();
  targets.forEach((t, k) => (outDims[t] = outTargetDims[k]));
  const big = kron(op, identity(prod(rest.map((k) => dims[k]))));
  return matmul(matmul(adjoint(permutationMatrix(outDims, order)), big), permutationMatrix(dims, order));
}

/** `A M A^dagger`, dense. */
export function conjugate(a: CMatrix, m: CMatrix): CMatrix {
  return matmul(matmul(a, m), adjoint(a));
}

/** Deviations of a would-be density matrix from validity, measured explicitly. */
export interface Deviation {
  readonly hermiticity: number;
  readonly trace: number;
  /** `max(0, -lambda_min)`. */
  readonly negativity: number;
  readonly finite: boolean;
}

/** Measure the validity deviations of a matrix (trace error absolute, eigenvalues by eigvalsh). */
export function deviation(m: CMatrix): Deviation {
  if (hasNonFinite(m)) return { hermiticity: NaN, trace: NaN, negativity: NaN, finite: false };
  const [tr, ti] = trace(m);
  return { hermiticity: hermiticityError(m), trace: Math.hypot(tr - 1, ti), negativity: Math.max(0, -eigvalsh(m)[0]), finite: true };
}

/** Hermitian, PSD and unit trace within the kernel's named tolerances (ATOL, PSD_ATOL), and finite. */
export function isValidStateMatrix(m: CMatrix): boolean {
  const d = deviation(m);
  return d.finite && d.hermiticity <= ATOL && d.trace <= ATOL && d.negativity <= PSD_ATOL;
}

/** The real embedding `[[Re, -Im], [Im, Re]]` of a complex matrix, as rows of numbers. */
export function realEmbedding(m: CMatrix): number[][] {
  const n = m.rows;
  const out = Array.from({ length: 2 * n }, () => new Array<number>(2 * n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const re = m.data[2 * (i * n + j)], im = m.data[2 * (i * n + j) + 1];
      out[i][j] = re;
      out[i][j + n] = -im;
      out[i + n][j] = im;
      out[i + n][j + n] = re;
    }
  }
  return out;
}

/** Whether two arrays hold the same entries by `Object.is` (-0 and +0 differ; NaN equals NaN whatever its payload). */
export function sameBits(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (!Object.is(a[k], b[k])) return false;
  return true;
}

/** Largest absolute difference of two equal-length number lists (Infinity on length mismatch). */
export function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let w = 0;
  for (let i = 0; i < a.length; i++) w = Math.max(w, Math.abs(a[i] - b[i]));
  return w;
}
