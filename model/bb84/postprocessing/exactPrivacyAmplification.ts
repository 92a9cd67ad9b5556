/**
 * Privacy amplification checked exactly on small blocks: the distance of the hashed key and
 * Eve's quantum system from (uniform key ⊗ Eve), computed from density matrices and averaged
 * over every hash seed, next to the leftover-hash bound that the finite-key ledger uses.
 *
 * The key is n uniform bits; Eve holds one qubit per bit (a collective attack: her state is
 * `ρ_E^x = ⊗_i ρ_i^{x_i}`, `ρ_i^x = (I + (−1)^x a_i X + b_i Z)/2`, trace distance a_i between her
 * two states of bit i). For a seed s the secrecy is
 * `Δ_s = ½ ‖ρ_{K E} − ω_K ⊗ ρ_E‖₁ = ½ Σ_k ‖σ_k − 2^{−ℓ} ρ_E‖₁`, `σ_k = Σ_{x: f_s(x) = k} 2^{−n} ρ_E^x`,
 * and the secrecy of the protocol (seed public) is the mean over seeds. The quantum leftover hash
 * lemma bounds it by `½ sqrt(2^{ℓ − H_min(X|E)})` for a two-universal family (Renner, PhD thesis
 * (2005), Cor. 5.6.1; Tomamichel et al. 2012, eq. S2 with ε = 0), and for a product state
 * `H_min(X|E) = Σ_i −log2 p_guess,i` with `p_guess,i = (1 + a_i)/2` (Helstrom).
 * @module
 */
import { add, kron, matrix, scale, sub, traceNorm, zeros, type CMatrix } from "../../kernel/index.js";
import { toeplitzHash } from "./toeplitz.js";

/** Eve's qubit for one key bit: `ρ^x = (I + (−1)^x a X + b Z)/2`, `a² + b² <= 1`. */
export interface BitProbe {
  /** a: trace distance between Eve's two states (0: she learns nothing, 1: she learns the bit). */
  readonly distinguishability: number;
  /** b: a common Z component (makes her states mixed and unequal in purity to nothing). */
  readonly bias: number;
}

/** The hash applied: the two-universal Toeplitz family, or the first ℓ bits (not two-universal). */
export type ExactHash = "toeplitz" | "truncation";

/** The exact secrecy of one block and its leftover-hash bound. */
export interface ExactPrivacyAmplification {
  readonly inputBits: number;
  readonly outputBits: number;
  /** Mean over all 2^{n+ℓ−1} seeds of ½ ‖ρ_{KE} − ω_K ⊗ ρ_E‖₁. */
  readonly secrecy: number;
  /** The worst seed's distance. */
  readonly worstSeed: number;
  /** H_min(X|E) of the block (bits). */
  readonly minEntropy: number;
  /** ½ sqrt(2^{ℓ − H_min}): the leftover-hash bound the ledger's ε_PA stands for. */
  readonly bound: number;
  readonly seeds: number;
}

/**
 * The leftover-hash ε of an ℓ-bit output from a block of min-entropy H: `½ sqrt(2^{ℓ − H})`.
 * The ledger charges `2 log2(1/(2 ε_PA))` bits, which is the same relation solved for ℓ.
 */
export function leftoverHashEpsilon(outputBits: number, minEntropy: number): number {
  return 0.5 * Math.sqrt(2 ** (outputBits - minEntropy));
}

function probeState(p: BitProbe, bit: number): CMatrix {
  const a = (bit === 0 ? 1 : -1) * p.distinguishability;
  const b = p.bias;
  return matrix([
    [(1 + b) / 2, a / 2],
    [a / 2, (1 - b) / 2],
  ]);
}

/** Validate a probe list (naming the index and field). */
export function validateProbes(probes: readonly BitProbe[]): readonly BitProbe[] {
  probes.forEach((p, i) => {
    const { distinguishability: a, bias: b } = p;
    if (!(a >= 0 && a <= 1)) throw new RangeError(`probes[${i}].distinguishability must be in [0, 1], got ${a}`);
    if (!(Number.isFinite(b) && a * a + b * b <= 1 + 1e-12)) throw new RangeError(`probes[${i}].bias must satisfy a² + b² <= 1, got a ${a}, b ${b}`);
  });
  return probes;
}

/**
 * Exact secrecy of ℓ hashed bits from an n-bit uniform key under the collective probe, averaged
 * over every seed of the hash family (n <= 5: Eve's system is 2^n-dimensional).
 */
export function exactPrivacyAmplification(probes: readonly BitProbe[], outputBits: number, hash: ExactHash = "toeplitz"): ExactPrivacyAmplification {
  validateProbes(probes);
  const n = probes.length;
  if (!(n >= 1 && n <= 5)) throw new RangeError(`exactPrivacyAmplification: 1 to 5 key bits, got ${n}`);
  if (!(Number.isInteger(outputBits) && outputBits >= 1 && outputBits <= n)) {
    throw new RangeError(`exactPrivacyAmplification: outputBits must be an integer in [1, ${n}], got ${outputBits}`);
  }
  const keys = 1 << n;
  const eve: CMatrix[] = [];
  for (let x = 0; x < keys; x++) {
    let m = probeState(probes[0], (x >> (n - 1)) & 1);
    for (let i = 1; i < n; i++) m = kron(m, probeState(probes[i], (x >> (n - 1 - i)) & 1));
    eve.push(scale(m, 1 / keys));
  }
  const rhoE = eve.reduce((s, m) => add(s, m));
  const outputs = 1 << outputBits;
  const uniformE = scale(rhoE, 1 / outputs);
  const seedBits = n + outputBits - 1;
  const seeds = hash === "toeplitz" ? 1 << seedBits : 1;
  const bits = (v: number, width: number) => Uint8Array.from({ length: width }, (_, i) => (v >> (width - 1 - i)) & 1);
  const inputs = Array.from({ length: keys }, (_, x) => bits(x, n));
  let total = 0, worst = 0;
  for (let s = 0; s < seeds; s++) {
    const seed = bits(s, seedBits);
    const sigma: CMatrix[] = Array.from({ length: outputs }, () => zeros(1 << n));
    for (let x = 0; x < keys; x++) {
      const out = hash === "toeplitz" ? toeplitzHash(seed, inputs[x], outputBits) : inputs[x].subarray(0, outputBits);
      let k = 0;
      for (const b of out) k = (k << 1) | b;
      sigma[k] = add(sigma[k], eve[x]);
    }
    const delta = 0.5 * sigma.reduce((acc, m) => acc + traceNorm(sub(m, uniformE)), 0);
    total += delta;
    worst = Math.max(worst, delta);
  }
  const minEntropy = probes.reduce((h, p) => h - Math.log2((1 + p.distinguishability) / 2), 0);
  return { inputBits: n, outputBits, secrecy: total / seeds, worstSeed: worst, minEntropy, bound: leftoverHashEpsilon(outputBits, minEntropy), seeds };
}
