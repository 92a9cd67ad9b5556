/**
 * Strided application of a local operator to the row or column index of a matrix whose index
 * space is a tensor product, without forming the Kronecker product with identities.
 * Internal to the kernel.
 */
import type { CMatrix } from "../matrix.js";
import { product, splitOffsets } from "./dims.js";

/**
 * `(A (x) I) M` where A acts on the `targets` subsystems of M's row space with dims `dimsIn`,
 * mapping them to `outTargetDims` (A is prod(outTargetDims) x prod(targets' dims)).
 * Returns the new data and the new row dims.
 */
export function applyLeft(
  m: CMatrix,
  dimsIn: readonly number[],
  a: CMatrix,
  targets: readonly number[],
  outTargetDims: readonly number[],
): { data: Float64Array; dims: number[] } {
  const dimsOut = dimsIn.slice();
  targets.forEach((t, k) => (dimsOut[t] = outTargetDims[k]));
  const inOff = splitOffsets(dimsIn, targets);
  const outOff = splitOffsets(dimsOut, targets);
  const C = m.cols, rowLen = 2 * C;
  const rowsOut = product(dimsOut);
  const out = new Float64Array(2 * rowsOut * C);
  const src = m.data, A = a.data;
  const dIn = a.cols, dOut = a.rows;
  const nRest = inOff.rest.length;
  for (let r = 0; r < nRest; r++) {
    const bin = inOff.rest[r], bout = outOff.rest[r];
    for (let to = 0; to < dOut; to++) {
      const o = (bout + outOff.target[to]) * rowLen;
      for (let ti = 0; ti < dIn; ti++) {
        const ar = A[2 * (to * dIn + ti)], ai = A[2 * (to * dIn + ti) + 1];
        if (ar === 0 && ai === 0) continue;
        const s = (bin + inOff.target[ti]) * rowLen;
        if (ai === 0) {
          for (let j = 0; j < rowLen; j++) out[o + j] += ar * src[s + j];
        } else {
          for (let j = 0; j < rowLen; j += 2) {
            const xr = src[s + j], xi = src[s + j + 1];
            out[o + j] += ar * xr - ai * xi;
            out[o + j + 1] += ar * xi + ai * xr;
          }
        }
      }
    }
  }
  return { data: out, dims: dimsOut };
}

/**
 * `M (B (x) I)^dagger` where B acts on the `targets` subsystems of M's column space with dims
 * `dimsIn`, mapping them to `outTargetDims`. Returns the new data and the new column dims.
 */
export function applyRightAdjoint(
  m: CMatrix,
  dimsIn: readonly number[],
  b: CMatrix,
  targets: readonly number[],
  outTargetDims: readonly number[],
): { data: Float64Array; dims: number[] } {
  const dimsOut = dimsIn.slice();
  targets.forEach((t, k) => (dimsOut[t] = outTargetDims[k]));
  const inOff = splitOffsets(dimsIn, targets);
  const outOff = splitOffsets(dimsOut, targets);
  const R = m.rows, Cin = m.cols, Cout = product(dimsOut);
  const out = new Float64Array(2 * R * Cout);
  const src = m.data, B = b.data;
  const dIn = b.cols, dOut = b.rows;
  const nRest = inOff.rest.length;
  const tin = inOff.target, tout = outOff.target;
  if (dIn === 2 && dOut === 2) {
    // the hot path of every 1-qubit gate and channel: unrolled
    const b00r = B[0], b00i = -B[1], b01r = B[2], b01i = -B[3], b10r = B[4], b10i = -B[5], b11r = B[6], b11i = -B[7];
    const s0 = 2 * tin[0], s1 = 2 * tin[1], o0 = 2 * tout[0], o1 = 2 * tout[1];
    for (let i = 0; i < R; i++) {
      const rs = 2 * i * Cin, ro = 2 * i * Cout;
      for (let r = 0; r < nRest; r++) {
        const ps = rs + 2 * inOff.rest[r], po = ro + 2 * outOff.rest[r];
        const x0r = src[ps + s0], x0i = src[ps + s0 + 1], x1r = src[ps + s1], x1i = src[ps + s1 + 1];
        out[po + o0] = x0r * b00r - x0i * b00i + x1r * b01r - x1i * b01i;
        out[po + o0 + 1] = x0r * b00i + x0i * b00r + x1r * b01i + x1i * b01r;
        out[po + o1] = x0r * b10r - x0i * b10i + x1r * b11r - x1i * b11i;
        out[po + o1 + 1] = x0r * b10i + x0i * b10r + x1r * b11i + x1i * b11r;
      }
    }
    return { data: out, dims: dimsOut };
  }
  const xr = new Float64Array(dIn), xi = new Float64Array(dIn);
  for (let i = 0; i < R; i++) {
    const rs = 2 * i * Cin, ro = 2 * i * Cout;
    for (let r = 0; r < nRest; r++) {
      const ps = rs + 2 * inOff.rest[r], po = ro + 2 * outOff.rest[r];
      for (let t = 0; t < dIn; t++) {
        xr[t] = src[ps + 2 * tin[t]];
        xi[t] = src[ps + 2 * tin[t] + 1];
      }
      for (let to = 0; to < dOut; to++) {
        let accR = 0, accI = 0;
        for (let t = 0; t < dIn; t++) {
          // conj(B[to, t])
          const br = B[2 * (to * dIn + t)], bi = -B[2 * (to * dIn + t) + 1];
          accR += xr[t] * br - xi[t] * bi;
          accI += xr[t] * bi + xi[t] * br;
        }
        out[po + 2 * tout[to]] = accR;
        out[po + 2 * tout[to] + 1] = accI;
      }
    }
  }
  return { data: out, dims: dimsOut };
}
