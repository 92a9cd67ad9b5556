/**
 * Entropies and information quantities in bits, from density matrices (Nielsen & Chuang §11.3,
 * Wilde, *Quantum Information Theory*, ch. 11).
 * @module
 */
import { eigvalsh } from "./eigen.js";
import { keepSubsystems } from "./partialTrace.js";
import { type DensityMatrix } from "./state.js";
import { mixture } from "./states.js";

/** `-x log2 x` with the convention `0 log 0 = 0` (negative round-off treated as 0). */
function eta(x: number): number {
  return x > 1e-300 ? -x * Math.log2(x) : 0;
}

/**
 * Binary entropy `h(p) = -p log2 p - (1-p) log2 (1-p)`.
 * @example binaryEntropy(0.11) // ≈ 0.4999
 */
export function binaryEntropy(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`binaryEntropy: p must be in [0, 1], got ${p}`);
  return eta(p) + eta(1 - p);
}

/** Shannon entropy `H(p) = -sum p_i log2 p_i` of a probability vector. */
export function shannonEntropy(p: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < p.length; i++) s += eta(p[i]);
  return s;
}

/**
 * Von Neumann entropy `S(rho) = -tr rho log2 rho`, in bits.
 * @example vonNeumannEntropy(maximallyMixed([2, 2])) // 2
 */
export function vonNeumannEntropy(rho: DensityMatrix): number {
  return shannonEntropy(eigvalsh(rho.matrix));
}

/** Entropy of the reduced state on the given subsystems, `S(rho_A)`. */
export function subsystemEntropy(rho: DensityMatrix, subsystems: readonly number[]): number {
  return subsystems.length === rho.dims.length ? vonNeumannEntropy(rho) : vonNeumannEntropy(keepSubsystems(rho, subsystems));
}

/** Conditional entropy `S(A|B) = S(AB) - S(B)` of subsystems A given B (others traced out). */
export function conditionalEntropy(rho: DensityMatrix, a: readonly number[], b: readonly number[]): number {
  return subsystemEntropy(rho, [...a, ...b].sort((x, y) => x - y)) - subsystemEntropy(rho, b);
}

/** Quantum mutual information `I(A:B) = S(A) + S(B) - S(AB)`. */
export function mutualInformation(rho: DensityMatrix, a: readonly number[], b: readonly number[]): number {
  return subsystemEntropy(rho, a) + subsystemEntropy(rho, b) - subsystemEntropy(rho, [...a, ...b].sort((x, y) => x - y));
}

/**
 * Holevo quantity of an ensemble `{p_x, rho_x}`:
 * `chi = S(sum_x p_x rho_x) - sum_x p_x S(rho_x)` (Holevo 1973). It bounds the mutual
 * information between x and any measurement of the states. Equals `I(X:B)` of the
 * classical-quantum state `sum_x p_x |x><x| (x) rho_x`.
 */
export function holevo(ensemble: readonly (readonly [number, DensityMatrix])[]): number {
  const avg = mixture(ensemble);
  let inner = 0;
  for (const [p, rho] of ensemble) if (p > 0) inner += p * vonNeumannEntropy(rho);
  return Math.max(0, vonNeumannEntropy(avg) - inner);
}
