/**
 * Entangling probes as data: a Haar-random unitary on (photon qubit (x) ancilla), or one given by
 * a Hamiltonian's parameters, packed into an {@link Adversary} of kind `probe`.
 * @module
 */
import { eigh } from "../kernel/index.js";
import { withScratch, type Take } from "./internal/blocks.js";
import type { Adversary } from "./adversary.js";

/**
 * A Haar-random d x d unitary from `2 d^2` pairs of uniforms in [0, 1): Box-Muller turns each
 * pair `(u, v)` into a complex Gaussian `sqrt(-ln(1-u)) e^{2 pi i v}` (radius 0 when u = 0), and
 * the Q factor of the QR decomposition with positive diagonal R (Gram-Schmidt) is Haar
 * distributed (Mezzadri, Notices AMS 54 (2007) 592). Zero columns are completed from the
 * standard basis, so shrinking every uniform to 0 gives the identity.
 * @returns the unitary row-major with interleaved (re, im).
 */
export function haarUnitaryFromUniforms(uniforms: readonly number[], d: number): number[] {
  if (uniforms.length !== 2 * d * d) throw new RangeError(`haarUnitaryFromUniforms: need ${2 * d * d} uniforms for d = ${d}, got ${uniforms.length}`);
  // the columns are dropped once packed: blocks from the scratch array, not a fresh 2,048-double
  // chunk per probe (an off-heap allocation; with the cos/sin of unitaryFromHamiltonian taken once,
  // ~1 % of runProperty(bb84.secrecy)'s instructions per adversary)
  return withScratch((take) => {
    const cols: Float64Array[] = [];
    for (let c = 0; c < d; c++) {
      const v = take(2 * d);
      for (let r = 0; r < d; r++) {
        const k = 2 * (c * d + r);
        const u = uniforms[k], w = uniforms[k + 1];
        if (!(u >= 0 && u < 1 && w >= 0 && w <= 1)) throw new RangeError(`haarUnitaryFromUniforms: uniforms must be in [0, 1), got ${u}, ${w}`);
        const radius = Math.sqrt(-Math.log1p(-u));
        v[2 * r] = radius * Math.cos(2 * Math.PI * w);
        v[2 * r + 1] = radius * Math.sin(2 * Math.PI * w);
      }
      cols.push(v);
    }
    return packColumns(gramSchmidt(cols, d, take), d);
  });
}

/**
 * `U = exp(-i H)` for the Hermitian H with diagonal `params[0..d)` and upper off-diagonal
 * entries `params[d + 2k] + i params[d + 2k + 1]` (row by row): `d^2` real parameters in all.
 * Computed as `V diag(e^{-i lambda}) V^dagger` from the eigendecomposition.
 */
export function unitaryFromHamiltonian(params: readonly number[], d: number): number[] {
  if (params.length !== d * d) throw new RangeError(`unitaryFromHamiltonian: need ${d * d} parameters for d = ${d}, got ${params.length}`);
  const h = new Float64Array(2 * d * d);
  let k = d;
  for (let i = 0; i < d; i++) {
    h[2 * (i * d + i)] = params[i];
    for (let j = i + 1; j < d; j++) {
      const re = params[k++], im = params[k++];
      h[2 * (i * d + j)] = re;
      h[2 * (i * d + j) + 1] = im;
      h[2 * (j * d + i)] = re;
      h[2 * (j * d + i) + 1] = -im;
    }
  }
  const { values, vectors } = eigh({ rows: d, cols: d, data: h });
  const v = vectors.data;
  const out = new Array<number>(2 * d * d).fill(0);
  // e^{-i lambda_m} once per eigenvalue (they were taken d^2 times each, 2 d^3 calls of cos and sin)
  const cos = values.map(Math.cos), sin = values.map((x) => -Math.sin(x));
  for (let i = 0; i < d; i++) {
    for (let j = 0; j < d; j++) {
      let re = 0, im = 0;
      for (let m = 0; m < d; m++) {
        const c = cos[m], s = sin[m];
        const ar = v[2 * (i * d + m)], ai = v[2 * (i * d + m) + 1];
        const br = v[2 * (j * d + m)], bi = -v[2 * (j * d + m) + 1];
        const tr = ar * c - ai * s, ti = ar * s + ai * c;
        re += tr * br - ti * bi;
        im += tr * bi + ti * br;
      }
      out[2 * (i * d + j)] = re;
      out[2 * (i * d + j) + 1] = im;
    }
  }
  return out;
}

/**
 * A probe adversary from a unitary on (qubit (x) ancilla of dimension `ancillaDim`).
 * @example probe(2, haarUnitaryFromUniforms(uniforms, 4), "haar")
 */
export function probe(ancillaDim: number, unitary: readonly number[], origin: string): Adversary {
  return { kind: "probe", ancillaDim, unitary: [...unitary], origin };
}

/** Orthonormal columns from `cols` (blocks `take`n from the caller's scratch, see `withScratch` in internal/blocks.ts). */
function gramSchmidt(cols: Float64Array[], d: number, take: Take): Float64Array[] {
  const out: Float64Array[] = [];
  let nextBasis = 0;
  for (const c of cols) {
    let v = projectOut(copyOf(c, take), out, d);
    while (norm(v) < 1e-9) {
      const e = take(2 * d);
      e[2 * (nextBasis++ % d)] = 1;
      v = projectOut(copyOf(e, take), out, d);
    }
    const n = norm(v);
    for (let i = 0; i < v.length; i++) v[i] /= n;
    out.push(v);
  }
  return out;
}

function copyOf(c: Float64Array, take: Take): Float64Array {
  const v = take(c.length);
  v.set(c);
  return v;
}

/**
 * `c` minus its projection on the span of the orthonormal complex vectors `basis` (interleaved
 * re/im, dimension `d`), as a new vector. Projects twice: one classical Gram–Schmidt pass loses
 * orthogonality when `c` is nearly in the span.
 */
export function orthogonalize(c: ArrayLike<number>, basis: readonly ArrayLike<number>[], d: number): Float64Array {
  return projectOut(Float64Array.from(c), basis, d);
}

/** {@link orthogonalize} in place on `v`, which it returns. */
function projectOut(v: Float64Array, basis: readonly ArrayLike<number>[], d: number): Float64Array {
  for (let pass = 0; pass < 2; pass++) {
    for (const q of basis) {
      let re = 0, im = 0; // <q|v>
      for (let i = 0; i < d; i++) {
        re += q[2 * i] * v[2 * i] + q[2 * i + 1] * v[2 * i + 1];
        im += q[2 * i] * v[2 * i + 1] - q[2 * i + 1] * v[2 * i];
      }
      for (let i = 0; i < d; i++) {
        v[2 * i] -= re * q[2 * i] - im * q[2 * i + 1];
        v[2 * i + 1] -= re * q[2 * i + 1] + im * q[2 * i];
      }
    }
  }
  return v;
}

function norm(v: Float64Array): number {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i] * v[i];
  return Math.sqrt(s);
}

function packColumns(cols: readonly Float64Array[], d: number): number[] {
  const out = new Array<number>(2 * d * d);
  for (let c = 0; c < d; c++) {
    for (let r = 0; r < d; r++) {
      out[2 * (r * d + c)] = cols[c][2 * r];
      out[2 * (r * d + c) + 1] = cols[c][2 * r + 1];
    }
  }
  return out;
}
