/**
 * The exact model of one BB84 private-key run (docs/protocol/02-bb84-private-keys.md, eqs. 3-5) in the asymptotic
 * (many-pulse) limit, per protocol variant: QBER, the exact abort probability of the test
 * sample, Eve's information per sifted key bit, what privacy amplification removes, and the
 * per-bit leak that remains in the final key `P_k(m_i)` (eq. 5).
 * @module
 */
import { binaryEntropy } from "../kernel/index.js";
import { NO_ADVERSARY, type Adversary } from "./adversary.js";
import { pulseStatistics, type PulseStatistics } from "./exact.js";
import type { LinkSetup } from "./setup.js";
import { acceptanceProbability } from "./threshold.js";
import { hasPrivacyAmplification, switchesBases, testedBits, type ProtocolVariant } from "./variant.js";

/** Protocol parameters of a run. */
export interface RunParameters {
  /** The agreed threshold p_o of eq. 4. */
  readonly threshold: number;
  /** n, the number of sifted bits compared publicly. */
  readonly testSize: number;
  /** f_EC >= 1: error-correction leak relative to the Shannon limit `h(e)` (`with-pa` only). */
  readonly ecEfficiency: number;
}

/** Default run parameters: p_o = 0.11, n = 1000 test bits, f_EC = 1.16. */
export const DEFAULT_RUN: RunParameters = { threshold: 0.11, testSize: 1000, ecEfficiency: 1.16 };

/** The exact outcome of a run. */
export interface ExactRun {
  readonly variant: ProtocolVariant;
  readonly pulses: PulseStatistics;
  /** QBER of the sifted key: the click-weighted mean of e_Z and e_X (e_Z for `z-only`). */
  readonly qber: number;
  readonly qberZ: number;
  readonly qberX: number;
  /** Sifted key bits per pulse. */
  readonly siftedRate: number;
  /** Share of sifted bits from the Z and the X basis. */
  readonly basisShare: readonly [number, number];
  /** QBER of the bits actually tested (differs from `qber` for `predictable-test`). */
  readonly testedQber: number;
  /** Bits actually compared (differs from the test size for `truncated-test`). */
  readonly testedBits: number;
  /** Exact probability that eq. 4 accepts. */
  readonly acceptance: number;
  /** `chi(key bit : E)` per sifted key bit, the share-weighted Holevo quantity. */
  readonly holevo: number;
  /** Mutual information of Eve's Helstrom measurement with a sifted key bit. */
  readonly eveMutualInformation: number;
  /** Probability that Eve's Helstrom measurement guesses a sifted key bit. */
  readonly eveGuess: number;
  /** Error-correction leak per sifted key bit, `f_EC h(e_a)` averaged (0 for `paper`). */
  readonly ecLeak: number;
  /** Bits removed by privacy amplification per key bit, `h(e_phase) + ecLeak` (0 without PA). */
  readonly compression: number;
  /** Eve's information left per final key bit, `sum_a share_a max(0, chi_a - (compression_a - ecLeak_a))`. */
  readonly leakPerBit: number;
  /** Asymptotic secret fraction `sum_a share_a max(0, 1 - h(e_{phase,a}) - f_EC h(e_a))` (Shor-Preskill). */
  readonly keyFraction: number;
  /** Devetak-Winter fraction against this Eve, `sum_a share_a (1 - chi_a - h(e_a))` (may be negative). */
  readonly devetakWinterFraction: number;
}

/**
 * Exact run of the private-key step. The phase error rate that sizes privacy amplification for
 * key bits of basis a is the QBER of the other basis (`e_X` for Z bits; for `z-only`, the only
 * estimate there is, `e_Z`). Leak formula per key bit of basis a:
 * `leak_a = max(0, chi_a - (compression_a - ecLeak_a))` with `compression_a = h(e_phase) + ecLeak_a`.
 * The bound `chi(Z:E) <= h(e_X)` (entropic uncertainty; Koashi 2009, Berta et al. 2010) makes
 * it 0 for `with-pa` whenever the photons are single.
 * @example exactRun(IDEAL_LINK, { kind: "intercept-resend", fraction: 1, basis: "random" }, "paper").acceptance // ≈ 1e-20 for n = 1000
 */
export function exactRun(link: LinkSetup, adversary: Adversary, variant: ProtocolVariant, run: RunParameters = DEFAULT_RUN): ExactRun {
  if (!(run.threshold >= 0 && run.threshold <= 0.5)) throw new RangeError(`exactRun: threshold must be in [0, 0.5], got ${run.threshold}`);
  if (!(Number.isInteger(run.testSize) && run.testSize > 0)) throw new RangeError(`exactRun: testSize must be a positive integer, got ${run.testSize}`);
  if (!(run.ecEfficiency >= 1)) throw new RangeError(`exactRun: ecEfficiency must be >= 1, got ${run.ecEfficiency}`);
  const pulses = pulseStatistics(link, adversary);
  const e = pulses.qberByBasis;
  const share = shareOf(variant, pulses);
  const qber = share[0] * e[0] + share[1] * e[1];
  const siftedRate = switchesBases(variant) ? (pulses.clickByBasis[0] + pulses.clickByBasis[1]) / 4 : pulses.clickByBasis[0];
  const testedQber = variant === "predictable-test" ? testedQberOf(link, variant) : qber;
  const n = testedBits(variant, run.testSize);
  const pa = hasPrivacyAmplification(variant);
  let ecLeak = 0, compression = 0, leak = 0, keyFraction = 0, dw = 0, holevo = 0, mi = 0, guess = 0;
  for (const a of [0, 1] as const) {
    if (share[a] === 0) continue;
    const phase = switchesBases(variant) ? e[1 - a] : e[a];
    const leakEc = pa ? run.ecEfficiency * binaryEntropy(e[a]) : 0;
    const compress = pa ? binaryEntropy(phase) + leakEc : 0;
    const chi = pulses.holevoByBasis[a];
    ecLeak += share[a] * leakEc;
    compression += share[a] * compress;
    leak += share[a] * Math.max(0, chi - (compress - leakEc));
    keyFraction += share[a] * Math.max(0, 1 - binaryEntropy(phase) - run.ecEfficiency * binaryEntropy(e[a]));
    dw += share[a] * (1 - chi - binaryEntropy(e[a]));
    holevo += share[a] * chi;
    mi += share[a] * pulses.eveMutualInformationByBasis[a];
    guess += share[a] * pulses.eveGuessByBasis[a];
  }
  return {
    variant,
    pulses,
    qber,
    qberZ: e[0],
    qberX: e[1],
    siftedRate,
    basisShare: share,
    testedQber,
    testedBits: n,
    acceptance: acceptanceProbability(Math.min(1, Math.max(0, testedQber)), n, run.threshold),
    holevo,
    eveMutualInformation: mi,
    eveGuess: guess,
    ecLeak,
    compression,
    leakPerBit: leak,
    keyFraction,
    devetakWinterFraction: dw,
  };
}

function shareOf(variant: ProtocolVariant, p: PulseStatistics): readonly [number, number] {
  if (!switchesBases(variant)) return [1, 0];
  const total = p.clickByBasis[0] + p.clickByBasis[1];
  return total > 0 ? [p.clickByBasis[0] / total, p.clickByBasis[1] / total] : [0.5, 0.5];
}

/** `predictable-test`: Eve leaves the known test positions alone, so they show the honest QBER. */
function testedQberOf(link: LinkSetup, variant: ProtocolVariant): number {
  const honest = pulseStatistics(link, NO_ADVERSARY);
  const share = shareOf(variant, honest);
  return share[0] * honest.qberByBasis[0] + share[1] * honest.qberByBasis[1];
}
