/**
 * The composable finite-key length of single-photon BB84 and its ε ledger: which failure
 * probability each step contributes (parameter estimation, verification, privacy amplification)
 * and the total security parameter of the key that comes out.
 *
 * Reference: Tomamichel, Lim, Gisin, Renner, "Tight finite-key analysis for quantum
 * cryptography", Nat. Commun. 3, 634 (2012): main text eq. (2) and Supplementary Note 1,
 * Theorem 2, eq. (S3), with the sampling bound of Lemma 3, eq. (S15) (Serfling, Ann. Stat. 2, 39 (1974)).
 *
 * (S3): `ℓ ≤ n (q − h(Q_tol + μ(ε))) − 2 log2(1/(2 ε̃)) − leak_EC − log2(2/ε_cor)`, secret with
 * `ε_sec = 2ε + ε̃`, and `μ(ε) = sqrt( (n+k)/(nk) · (k+1)/k · ln(1/ε) )` (S15). The main text's
 * eq. (2) reads `ℓ ≤ n(q − h(Q_tol + μ)) − leak_EC − log2(2/(ε_sec² ε_cor))` with
 * `μ = sqrt( (n+k)/(nk) · (k+1)/k · ln(2/ε_sec) )` ({@link tomamichelKeyLength}); its Table II is
 * reproduced with `ln(2/ε_sec)` (test/bb84/finitekey/published.test.ts), while the arXiv text we
 * read prints `ln(4/ε_sec)`, which is what (S15) gives for the split ε = ε_sec/4, ε̃ = ε_sec/2.
 * The per-run ledger ({@link finiteKeyLedger}) uses (S3)/(S15) directly with its own ε's, so its
 * total `2 ε_PE + ε_PA` does not depend on that constant.
 *
 * Here ε_PE is the paper's ε (smoothing from the sampling bound) and ε_PA its ε̃ (leftover hash).
 * The verification tag of `t` bits gives `ε_cor = 2^-t`, and (S3) charges it `log2(2/ε_cor) = t + 1`
 * bits; `leak_EC` is Cascade's parity count as disclosed in the run. No f·h(Q) appears anywhere.
 * @module
 */
import { binaryEntropy } from "../keyrate/entropy.js";

/** What one run disclosed and measured, per basis (index 0 = Z, 1 = X). */
export interface FiniteKeyInputs {
  /** Key bits left after the test, per basis (n_Z, n_X). */
  readonly keyBitsByBasis: readonly [number, number];
  /** Test bits compared, per basis (k_Z, k_X). */
  readonly testBitsByBasis: readonly [number, number];
  /** Errors among the compared test bits, per basis. */
  readonly testErrorsByBasis: readonly [number, number];
  /** leak_EC: parity bits Cascade disclosed (as counted during the run). */
  readonly cascadeLeakBits: number;
  /** t: verification tag length; ε_cor = 2^-t. */
  readonly tagBits: number;
  /** ε_PE: the smoothing parameter ε of (S3), from the sampling bound. */
  readonly epsilonPE: number;
  /** ε_PA: the leftover-hash parameter ε̃ of (S3). */
  readonly epsilonPA: number;
  /**
   * `conjugate-basis` (sound): the phase errors of the key bits of one basis are bounded by the
   * test errors of the other basis (Tomamichel's gedankenexperiment). `same-basis` (unsound):
   * the only estimate a protocol without basis switching has (the `z-only` control).
   */
  readonly phaseEstimate?: "conjugate-basis" | "same-basis";
}

/** The ε ledger of one private key and the length it allows. */
export interface EpsilonLedger {
  /** ε_PE (ε of S3): sampling-bound failure, entering the secrecy twice (2ε). */
  readonly epsilonPE: number;
  /** ε_PA (ε̃ of S3): leftover hash lemma. */
  readonly epsilonPA: number;
  /** ε_sec = 2 ε_PE + ε_PA (Theorem 2). */
  readonly epsilonSec: number;
  /** ε_cor = 2^-t (Theorem 1: the verification hash). */
  readonly epsilonCor: number;
  /** ε_sec + ε_cor: the key is ε-secure with this ε. */
  readonly epsilonTotal: number;
  /** n: key bits entering privacy amplification. */
  readonly keyBits: number;
  /** The phase-error rate bound e^U = weighted (λ_b' + μ_b) over the key's bases, capped at 1/2. */
  readonly phaseErrorUpper: number;
  /** μ per key basis (the statistical fluctuation of S15); NaN for a basis without key bits. */
  readonly fluctuationByBasis: readonly [number, number];
  /** n (1 − h(e^U)): the smooth min-entropy bound before any disclosure. */
  readonly entropyBits: number;
  /** Cascade's parity bits (leak_EC). */
  readonly cascadeLeakBits: number;
  /** t, the verification tag. */
  readonly tagBits: number;
  /** Bits the run disclosed about the key: Cascade + tag. */
  readonly disclosedBits: number;
  /** Bits charged for the disclosure: leak_EC + log2(2/ε_cor) = Cascade + t + 1 >= disclosed. */
  readonly chargedBits: number;
  /** 2 log2(1/(2 ε_PA)): the leftover-hash penalty. */
  readonly hashPenaltyBits: number;
  /** ℓ: the final key length, floor of (S3), clipped at 0. */
  readonly length: number;
  readonly phaseEstimate: "conjugate-basis" | "same-basis";
}

/**
 * The statistical fluctuation μ of Lemma 3, eq. (S15): `sqrt( (n+k)/(nk) · (k+1)/k · ln(1/ε) )`.
 * @example fluctuation(1e4, 1e3, 1e-10) // ≈ 0.159
 */
export function fluctuation(keyBits: number, testBits: number, epsilon: number): number {
  if (!(keyBits > 0 && testBits > 0)) throw new RangeError(`fluctuation: keyBits and testBits must be > 0, got ${keyBits}, ${testBits}`);
  if (!(epsilon > 0 && epsilon < 1)) throw new RangeError(`fluctuation: epsilon must be in (0, 1), got ${epsilon}`);
  const n = keyBits, k = testBits;
  return Math.sqrt(((n + k) / (n * k)) * ((k + 1) / k) * Math.log(1 / epsilon));
}

/** Settings of {@link tomamichelKeyLength}: eq. (2) for one key basis and one test basis. */
export interface TomamichelInputs {
  /** n: raw key bits (X basis). */
  readonly n: number;
  /** k: parameter-estimation bits (Z basis). */
  readonly k: number;
  /** Q_tol (or the observed test error rate). */
  readonly qTol: number;
  /** leak_EC in bits. */
  readonly leakEC: number;
  readonly epsilonSec: number;
  readonly epsilonCor: number;
  /** Preparation quality q (1 for BB84 qubits). */
  readonly q?: number;
}

/**
 * Tomamichel et al. (2012), main text eq. (2) as a real number (not floored, may be negative):
 * `n (q − h(Q_tol + μ)) − leak_EC − log2(2/(ε_sec² ε_cor))`, `μ = sqrt((n+k)/(nk) (k+1)/k ln(2/ε_sec))`.
 * `h` is taken as 1 beyond 1/2.
 */
export function tomamichelKeyLength(x: TomamichelInputs): number {
  for (const [name, v] of [["epsilonSec", x.epsilonSec], ["epsilonCor", x.epsilonCor]] as const) {
    if (!(v > 0 && v < 1)) throw new RangeError(`tomamichelKeyLength: ${name} must be in (0, 1), got ${v}`);
  }
  const mu = fluctuation(x.n, x.k, x.epsilonSec / 2);
  const e = x.qTol + mu;
  const hv = e >= 0.5 ? 1 : binaryEntropy(Math.max(0, e));
  return x.n * ((x.q ?? 1) - hv) - x.leakEC - Math.log2(2 / (x.epsilonSec * x.epsilonSec * x.epsilonCor));
}

/**
 * The ε ledger and the final key length of one run, from (S3) with the per-basis sampling bound:
 * key bits of basis b have their phase errors bounded by the test errors of the other basis,
 * `e_b^U = λ_{1−b} + μ(n_b, k_{1−b}, ε_PE/√B)` with B the number of bases holding key bits (so the
 * squared smoothing failures add up to ε_PE², S14), and `e^U = Σ_b n_b e_b^U / n`; then
 * `ℓ = floor( n (1 − h(e^U)) − leak_EC − log2(2/ε_cor) − 2 log2(1/(2 ε_PA)) )`.
 * A basis with key bits but no test bits in the conjugate basis gets e_b^U = 1/2 (no key).
 */
export function finiteKeyLedger(x: FiniteKeyInputs): EpsilonLedger {
  const where = "finiteKeyLedger";
  for (const [name, v] of [["epsilonPE", x.epsilonPE], ["epsilonPA", x.epsilonPA]] as const) {
    if (!(v > 0 && v < 1)) throw new RangeError(`${where}: ${name} must be in (0, 1), got ${v}`);
  }
  if (!(Number.isInteger(x.tagBits) && x.tagBits >= 1)) throw new RangeError(`${where}: tagBits must be an integer >= 1, got ${x.tagBits}`);
  if (!(x.cascadeLeakBits >= 0)) throw new RangeError(`${where}: cascadeLeakBits must be >= 0, got ${x.cascadeLeakBits}`);
  const phaseEstimate = x.phaseEstimate ?? "conjugate-basis";
  const n = x.keyBitsByBasis[0] + x.keyBitsByBasis[1];
  const bases = [0, 1].filter((b) => x.keyBitsByBasis[b] > 0);
  const perBasisEpsilon = x.epsilonPE / Math.sqrt(Math.max(1, bases.length));
  const mus: [number, number] = [NaN, NaN];
  let phaseErrors = 0;
  for (const b of bases) {
    const source = phaseEstimate === "conjugate-basis" ? 1 - b : b;
    const k = x.testBitsByBasis[source];
    if (k <= 0) {
      phaseErrors += 0.5 * x.keyBitsByBasis[b];
      continue;
    }
    mus[b] = fluctuation(x.keyBitsByBasis[b], k, perBasisEpsilon);
    phaseErrors += x.keyBitsByBasis[b] * Math.min(0.5, x.testErrorsByBasis[source] / k + mus[b]);
  }
  const phaseErrorUpper = n > 0 ? phaseErrors / n : 0.5;
  const epsilonCor = 2 ** -x.tagBits;
  const entropyBits = n * (1 - binaryEntropy(phaseErrorUpper));
  const chargedBits = x.cascadeLeakBits + Math.log2(2 / epsilonCor);
  const hashPenaltyBits = 2 * Math.log2(1 / (2 * x.epsilonPA));
  const epsilonSec = 2 * x.epsilonPE + x.epsilonPA;
  return {
    epsilonPE: x.epsilonPE,
    epsilonPA: x.epsilonPA,
    epsilonSec,
    epsilonCor,
    epsilonTotal: epsilonSec + epsilonCor,
    keyBits: n,
    phaseErrorUpper,
    fluctuationByBasis: mus,
    entropyBits,
    cascadeLeakBits: x.cascadeLeakBits,
    tagBits: x.tagBits,
    disclosedBits: x.cascadeLeakBits + x.tagBits,
    chargedBits,
    hashPenaltyBits,
    length: Math.max(0, Math.min(n, Math.floor(entropyBits - chargedBits - hashPenaltyBits))),
    phaseEstimate,
  };
}

/** The ledger as flat metrics (for result documents): `eps*`, bit counts, length. */
export function ledgerMetrics(l: EpsilonLedger): Record<string, number | string> {
  return {
    epsilonPE: l.epsilonPE,
    epsilonPA: l.epsilonPA,
    epsilonSec: l.epsilonSec,
    epsilonCor: l.epsilonCor,
    epsilonTotal: l.epsilonTotal,
    ledgerKeyBits: l.keyBits,
    phaseErrorUpper: l.phaseErrorUpper,
    entropyBits: l.entropyBits,
    cascadeLeakBits: l.cascadeLeakBits,
    tagBits: l.tagBits,
    disclosedBits: l.disclosedBits,
    chargedBits: l.chargedBits,
    hashPenaltyBits: l.hashPenaltyBits,
    finalKeyBits: l.length,
    phaseEstimate: l.phaseEstimate,
  };
}
