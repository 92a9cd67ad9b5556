/**
 * Random Hermitian matrices with a known spectrum.
 * @module
 */
import * as fc from "fast-check";
import { adjoint, matmul, type CMatrix } from "../../model/kernel/index.js";
import { arbHaarUnitary } from "./arbHaarUnitary.js";
import { checkIntegerArgument } from "./internal/checks.js";

/** A Hermitian matrix together with its eigenvalues (ascending), known by construction. */
export interface HermitianWithSpectrum {
  readonly matrix: CMatrix;
  readonly spectrum: Float64Array;
}

/**
 * A d x d Hermitian matrix `U diag(lambda) U^dagger` with U Haar and eigenvalues lambda in
 * [-scale, scale]; eigenvalues repeat often (drawn partly from a small set), so degenerate
 * spectra, the hard case of eigensolvers, are exercised. The spectrum is an exact oracle.
 * @example fc.sample(arbHermitian(4), 1)[0].spectrum.length // 4
 */
export function arbHermitian(d: number, scale = 1): fc.Arbitrary<HermitianWithSpectrum> {
  checkIntegerArgument("arbHermitian", "d", d, 1, Number.MAX_SAFE_INTEGER);
  const value = fc.oneof(
    fc.constantFrom(-scale, 0, scale / 2, scale),
    fc.double({ min: -scale, max: scale, noNaN: true, noDefaultInfinity: true }),
  );
  return fc.tuple(arbHaarUnitary(d), fc.array(value, { minLength: d, maxLength: d })).map(([u, lambda]) => {
    const scaled = Float64Array.from(u.data);
    for (let r = 0; r < d; r++) {
      for (let c = 0; c < d; c++) {
        scaled[2 * (r * d + c)] *= lambda[c];
        scaled[2 * (r * d + c) + 1] *= lambda[c];
      }
    }
    const m = matmul({ rows: d, cols: d, data: scaled }, adjoint(u));
    // exact Hermitian symmetry (the product is Hermitian only up to round-off)
    for (let i = 0; i < d; i++) {
      m.data[2 * (i * d + i) + 1] = 0;
      for (let j = 0; j < i; j++) {
        const a = 2 * (i * d + j), b = 2 * (j * d + i);
        const re = (m.data[a] + m.data[b]) / 2, im = (m.data[a + 1] - m.data[b + 1]) / 2;
        m.data[a] = re; m.data[a + 1] = im; m.data[b] = re; m.data[b + 1] = -im;
      }
    }
    return { matrix: m, spectrum: Float64Array.from(lambda).sort() };
  });
}
