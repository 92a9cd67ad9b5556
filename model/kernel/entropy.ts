/**
 * Entropies and information quantities in bits, from density matrices (Nielsen & Chuang §11.3,
 * Wilde, *Quantum Information Theory*, ch. 11).
 * @module
 */
import { eigvalsh } from "./eigen.js";
import { ATOL } from "./tolerances.js";
import { keepSubsystems } from "./partialTrace.js";
import { type DensityMatrix } from "./state.js";
import { mixture } from "./states.js";

/** `-x log2 x` with the convention `0 log 0 = 0` (round-off below 0 or above 1 treated as 0 or 1). */
function eta(x: number): number {
  return x > 1e-300 && x < 1 ? -x * Math.log2(x) : 0;
}

/**
 * Binary entropy `h(p) = -p log2 p - (1-p) log2 (1-p)`. A p outside [0, 1] by no more than
 * {@link ATOL} is rounding and is clamped (so `binaryEntropy(1 + 2.2e-16)` is 0).
 * @throws RangeError if p is NaN or outside [0, 1] by more than ATOL.
 * @example binaryEntropy(0.11) // ≈ 0.4999
 */
export function binaryEntropy(p: number): number {
  if (!(p >= -ATOL && p <= 1 + ATOL)) throw new RangeError(`binaryEntropy: p must be in [0, 1], got ${p}`);
  const q = Math.min(1, Math.max(0, p));
  return eta(q) + eta(1 - q);
}

/**
 * Shannon entropy `H(p) = -sum p_i log2 p_i` of a probability vector. Entries may leave
 * [0, 1] and the sum may miss 1 by rounding: up to {@link ATOL} per entry and
 * `ATOL * max(1, length)` for the sum (the trace tolerance of a density matrix).
 * @throws RangeError naming the first entry outside [0, 1] beyond that tolerance, or the sum.
 * @example shannonEntropy([0.5, 0.5]) // 1
 */
export function shannonEntropy(p: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < p.length; i++) {
    if (!(p[i] >= -ATOL && p[i] <= 1 + ATOL)) throw new RangeError(`shannonEntropy: p[${i}] = ${p[i]} is not a probability (outside [0, 1])`);
    sum += p[i];
  }
  if (!(Math.abs(sum - 1) <= ATOL * Math.max(1, p.length))) throw new RangeError(`shannonEntropy: the probabilities sum to ${sum}, not 1`);
  return entropyOfSpectrum(p);
}

/** `sum_i eta(x_i)` without checks: the spectrum of a density matrix (validated by its type). */
function entropyOfSpectrum(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += eta(x[i]);
  return s;
}

/**
 * Von Neumann entropy `S(rho) = -tr rho log2 rho`, in bits.
 * @example vonNeumannEntropy(maximallyMixed([2, 2])) // 2
 */
export function vonNeumannEntropy(rho: DensityMatrix): number {
  return entropyOfSpectrum(eigvalsh(rho.matrix));
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
