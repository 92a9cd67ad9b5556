/**
 * Standard states: computational and X/Y basis states, Bell states, maximally mixed states,
 * states from Bloch angles, and tensor products.
 *
 * Ordering convention (stated once for the whole kernel, see `index.ts`): subsystem 0 is the
 * leftmost Kronecker factor and the most significant digit of a basis index.
 * @module
 */
import { kron, type CMatrix, zeros } from "./matrix.js";
import { ket, pure, unsafeDensity, unsafeKet, type DensityMatrix, type Ket } from "./state.js";
import { formatDims, product } from "./internal/dims.js";
import { freshFloat64 } from "./internal/carve.js";

const S = Math.SQRT1_2;

/**
 * The computational basis ket `|i>` of a space with the given dims.
 * @example basisKet(1, [2, 2]) // |01>
 */
export function basisKet(index: number, dims: readonly number[] = [2]): Ket {
  const d = product(dims);
  if (!Number.isInteger(index) || index < 0 || index >= d) throw new RangeError(`basisKet: index ${index} out of range for dims ${formatDims(dims)}`);
  const v = zeros(d, 1);
  v.data[2 * index] = 1;
  return unsafeKet(v, dims);
}

/**
 * A qubit register ket from a bit string, qubit 0 first: `bitsKet("01")` is `|0>|1>`.
 */
export function bitsKet(bits: string): Ket {
  if (!/^[01]+$/.test(bits)) throw new RangeError(`bitsKet: expected a string of 0 and 1, got "${bits}"`);
  return basisKet(parseInt(bits, 2), Array(bits.length).fill(2));
}

/** The named single-qubit states. */
export type QubitStateName = "0" | "1" | "+" | "-" | "+i" | "-i";

/**
 * A single-qubit ket by name: Z basis `0`,`1`; X basis `+`,`-`; Y basis `+i`,`-i`.
 */
export function qubitKet(name: QubitStateName): Ket {
  switch (name) {
    case "0": return ket([1, 0]);
    case "1": return ket([0, 1]);
    case "+": return ket([S, S]);
    case "-": return ket([S, -S]);
    case "+i": return ket([S, [0, S]]);
    case "-i": return ket([S, [0, -S]]);
    default: throw new RangeError(`qubitKet: unknown state "${name as string}"`);
  }
}

/** The four Bell states. */
export type BellName = "phi+" | "phi-" | "psi+" | "psi-";

/**
 * A Bell state on two qubits; `phi+` is `(|00> + |11>)/sqrt 2`, the EPR pair of eq. 8.
 */
export function bellKet(name: BellName = "phi+"): Ket {
  switch (name) {
    case "phi+": return ket([S, 0, 0, S], [2, 2]);
    case "phi-": return ket([S, 0, 0, -S], [2, 2]);
    case "psi+": return ket([0, S, S, 0], [2, 2]);
    case "psi-": return ket([0, S, -S, 0], [2, 2]);
    default: throw new RangeError(`bellKet: unknown Bell state "${name as string}"`);
  }
}

/**
 * The qubit ket with Bloch angles: `cos(theta/2)|0> + e^{i phi} sin(theta/2)|1>`.
 * @example blochKet(Math.PI / 2, 0) // |+>
 */
export function blochKet(theta: number, phi: number): Ket {
  if (!Number.isFinite(theta) || !Number.isFinite(phi)) throw new RangeError(`blochKet: angles must be finite, got (${theta}, ${phi})`);
  const s = Math.sin(theta / 2);
  return ket([Math.cos(theta / 2), [s * Math.cos(phi), s * Math.sin(phi)]]);
}

/** The density matrix of Bloch vector (x, y, z), |r| <= 1: `(I + x X + y Y + z Z)/2`. */
export function blochDensity(x: number, y: number, z: number): DensityMatrix {
  const r = Math.hypot(x, y, z);
  if (!(r <= 1 + 1e-12)) throw new RangeError(`blochDensity: Bloch vector length ${r} exceeds 1`);
  const m = zeros(2, 2);
  m.data.set([(1 + z) / 2, 0, x / 2, -y / 2, x / 2, y / 2, (1 - z) / 2, 0]);
  return unsafeDensity(m, [2]);
}

/** The maximally mixed state `I/d` on the given dims. */
export function maximallyMixed(dims: readonly number[] = [2]): DensityMatrix {
  const d = product(dims);
  const m = zeros(d, d);
  for (let i = 0; i < d; i++) m.data[2 * (i * d + i)] = 1 / d;
  return unsafeDensity(m, dims);
}

/** Density matrix of a named qubit state, a bit string, or a Bell state. */
export function densityOf(k: Ket): DensityMatrix {
  return pure(k);
}

/**
 * Tensor product of density matrices, left to right: `tensor(a, b) = a (x) b`,
 * dims concatenated.
 */
export function tensor(...states: readonly DensityMatrix[]): DensityMatrix {
  if (states.length === 0) throw new RangeError("tensor: no states given");
  let m: CMatrix = states[0].matrix;
  for (let i = 1; i < states.length; i++) m = kron(m, states[i].matrix);
  return unsafeDensity(m, states.flatMap((s) => s.dims));
}

/** Tensor product of kets, left to right. */
export function tensorKets(...kets: readonly Ket[]): Ket {
  if (kets.length === 0) throw new RangeError("tensorKets: no kets given");
  let v: CMatrix = kets[0].vector;
  for (let i = 1; i < kets.length; i++) v = kron(v, kets[i].vector);
  return unsafeKet(v, kets.flatMap((k) => k.dims));
}

/**
 * A classical mixture `sum_x p_x rho_x` of states with equal dims (probabilities summing to 1).
 */
export function mixture(terms: readonly (readonly [number, DensityMatrix])[]): DensityMatrix {
  if (terms.length === 0) throw new RangeError("mixture: no terms");
  const dims = terms[0][1].dims;
  let total = 0;
  const d = terms[0][1].matrix.rows;
  const out = freshFloat64(2 * d * d);
  for (const [p, rho] of terms) {
    if (!(p >= 0)) throw new RangeError(`mixture: probability ${p} is negative or NaN`);
    if (rho.dims.join() !== dims.join()) throw new RangeError(`mixture: dims ${formatDims(dims)} vs ${formatDims(rho.dims)}`);
    total += p;
    for (let k = 0; k < out.length; k++) out[k] += p * rho.matrix.data[k];
  }
  if (Math.abs(total - 1) > 1e-9) throw new RangeError(`mixture: probabilities sum to ${total}, not 1`);
  return unsafeDensity({ rows: d, cols: d, data: out }, dims);
}
