/**
 * Workaround for a kernel limitation: `eigvalsh` (implicit QL) does not converge on some
 * matrices carrying subnormal entries (~1e-314) next to exact zeros, which arise as round-off of
 * long gate sequences. Entries below {@link FLUSH_BELOW} are physically meaningless here and are
 * set to zero before spectral computations.
 * @internal
 */
import { densityMatrix, type DensityMatrix } from "../../kernel/index.js";

/** Magnitude under which a matrix entry is treated as zero. */
export const FLUSH_BELOW = 1e-30;

/** The state with every entry of magnitude below {@link FLUSH_BELOW} set to zero (a new value). */
export function flushTiny(rho: DensityMatrix): DensityMatrix {
  const data = rho.matrix.data;
  let tiny = false;
  for (let k = 0; k < data.length; k++) if (data[k] !== 0 && Math.abs(data[k]) < FLUSH_BELOW) { tiny = true; break; }
  if (!tiny) return rho;
  const out = Float64Array.from(data, (v) => (Math.abs(v) < FLUSH_BELOW ? 0 : v));
  return densityMatrix({ rows: rho.matrix.rows, cols: rho.matrix.cols, data: out }, rho.dims);
}
