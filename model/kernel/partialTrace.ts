/**
 * Partial trace and subsystem reordering. Names cannot be misread: {@link traceOut} removes
 * the named subsystems, {@link keepSubsystems} keeps them (QuTiP's `ptrace` keeps, Qiskit's
 * `partial_trace` removes; neither name is used here).
 * @module
 */
import { unsafeDensity, type DensityMatrix } from "./state.js";
import { checkTargets, formatDims, product, splitOffsets, strides } from "./internal/dims.js";

/**
 * Trace out (remove) the named subsystems: `tr_T rho`. The remaining subsystems keep their order.
 * @example traceOut(densityOf(bellKet()), [1]) // I/2 on the first qubit
 */
export function traceOut(rho: DensityMatrix, subsystems: readonly number[]): DensityMatrix {
  if (subsystems.length === 0) return rho;
  checkTargets("traceOut", rho.dims, subsystems);
  if (subsystems.length === rho.dims.length) throw new RangeError(`traceOut: cannot trace out every subsystem of dims ${formatDims(rho.dims)}`);
  const { target, rest } = splitOffsets(rho.dims, subsystems);
  const keptDims = rho.dims.filter((_, k) => !subsystems.includes(k));
  const D = rho.matrix.rows, d = rest.length;
  const src = rho.matrix.data;
  const out = new Float64Array(2 * d * d);
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let re = 0, im = 0;
      for (let t = 0; t < target.length; t++) {
        const k = 2 * ((rest[i] + target[t]) * D + rest[j] + target[t]);
        re += src[k];
        im += src[k + 1];
      }
      out[2 * (i * d + j)] = re;
      out[2 * (i * d + j) + 1] = im;
    }
  }
  return unsafeDensity({ rows: d, cols: d, data: out }, keptDims);
}

/** Keep only the named subsystems (in their original order), tracing out the rest. */
export function keepSubsystems(rho: DensityMatrix, subsystems: readonly number[]): DensityMatrix {
  checkTargets("keepSubsystems", rho.dims, subsystems);
  return traceOut(rho, rho.dims.map((_, k) => k).filter((k) => !subsystems.includes(k)));
}

/**
 * Reorder subsystems: subsystem k of the result is subsystem `order[k]` of `rho`.
 * @example permute(rho, [1, 0]) // swaps the two factors of a bipartite state
 */
export function permute(rho: DensityMatrix, order: readonly number[]): DensityMatrix {
  if (order.length !== rho.dims.length) throw new RangeError(`permute: order [${order.join(",")}] does not name each of ${rho.dims.length} subsystems`);
  checkTargets("permute", rho.dims, order);
  const newDims = order.map((k) => rho.dims[k]);
  const oldStrides = strides(rho.dims);
  const D = product(rho.dims);
  // map new index -> old index
  const map = new Int32Array(D);
  const digit = new Array<number>(order.length).fill(0);
  for (let i = 0; i < D; i++) {
    let old = 0;
    for (let k = 0; k < order.length; k++) old += digit[k] * oldStrides[order[k]];
    map[i] = old;
    for (let k = order.length - 1; k >= 0; k--) {
      if (++digit[k] < newDims[k]) break;
      digit[k] = 0;
    }
  }
  const src = rho.matrix.data;
  const out = new Float64Array(2 * D * D);
  for (let i = 0; i < D; i++) {
    const oi = map[i] * D;
    for (let j = 0; j < D; j++) {
      const s = 2 * (oi + map[j]);
      out[2 * (i * D + j)] = src[s];
      out[2 * (i * D + j) + 1] = src[s + 1];
    }
  }
  return unsafeDensity({ rows: D, cols: D, data: out }, newDims);
}
