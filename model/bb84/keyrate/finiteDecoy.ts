/**
 * Finite-size decoy-state BB84 with two decoys: the key length of Lim, Curty, Walenta, Xu,
 * Zbinden, "Concise security bounds for practical decoy-state quantum key distribution",
 * PRA 89, 022307 (2014), eqs. (1)-(5), for a block of N pulses, with Hoeffding fluctuations on
 * every gain and error count and the random-sampling bound on the phase error.
 *
 * The protocol: Alice sends intensity μ_k with probability p_k (μ1 > μ2 + μ3, μ2 > μ3 >= 0, μ3
 * "vacuum-ish"); both parties pick the key basis X with probability q_x and the test basis Z
 * otherwise. The key comes from X; Z estimates the phase error. All ε's are ε_sec/21 inside
 * (Lim's supplementary eq. 14), which is where `6 log2(21/ε_sec)` comes from.
 *
 * Counts are the channel model's expected counts (the convention of Lim et al.'s Fig. 1): the
 * result is the key an experiment with these parameters would get on a typical run, not a
 * guarantee for any particular run. λ_EC = f_EC n_X h(E_X) (no Cascade is run here).
 *
 * Why N = 10^12 at 50 km (GYS) gives only ~52 % of {@link asymptoticDecoyRate} (2.32e-4 vs
 * 4.46e-4 bit/pulse), and why that is the bound and not a bug (numbers asserted in
 * test/bb84/keyrate/finiteDecoy.test.ts):
 * - The reference is this bound's own N → ∞ limit: same channel, f_EC = 1.22, sifting 1, vacuum
 *   term; `blockPulses: "asymptotic"` gives 4.4604e-4 vs 4.4625e-4. The ratio does converge, slowly:
 *   0.27 (10^10), 0.52 (10^12), 0.74 (10^15), 0.88 (10^18). The optimiser is not stuck: 2·10^4 random
 *   operating points at 10^12 (μ1 up to 0.8, q_x down to 1/2) do not beat it.
 * - "δ/(p_k n) ~ 1e-3" holds for the signal only. Lim's Hoeffding deviation is δ(n_X) of the TOTAL
 *   count of a basis, applied to every intensity's count: at the 10^12 optimum (μ = 0.387, 0.147,
 *   2e-4; p = 0.74, 0.20, 0.07; q_x = 0.93) n_{Z,3} = 807 against δ(n_Z) = 8935, m_{Z,3} = 283
 *   against δ(m_Z) = 1639, n_{X,3} = 1.4e5 against δ(n_X) = 1.2e5. The vacuum-ish decoy carries no
 *   information (s_{X,0}: 1.0e6 → 0), m_{Z,2} = 19353 moves by 8.5 %, s_{Z,1} drops 11 %.
 * - So φ_X = 0.0515 against the true e_1 = 0.0332 (0.0398 without fluctuations at μ2 = 0.147: the
 *   two-decoy estimate keeps the e_2 Y_2 μ2/2 term), h(φ_X) = 0.293 against 0.211.
 * - The key is a difference, s_{X,1}(1 − h(φ_X)) − λ_EC with λ_EC ≈ 0.55 of the first term, so a
 *   loss there is doubled in ℓ; with q_x² = 0.865 of the detections in X and 26 % of pulses spent on
 *   decoys, the same operating point without any fluctuation term gives 62 %, with them 52 %.
 * To approach the asymptote sooner the vacuum-ish decoy's count needs a bound that scales with its
 * own size: `fluctuation: "chernoff"` ({@link chernoffExpectationBounds}; `keyrate --fluctuation
 * chernoff`) bounds every count by the multiplicative Chernoff bound inverted for the observed value
 * (Zhang, Zhao, Razavi, Ma, PRA 95, 012333 (2017)), same ε budget, same eqs. (1)-(5) otherwise. It
 * is an option, not the default: per count it is tighter than Hoeffding only below a quarter of the
 * basis total (the signal's count is better served by Hoeffding), so it is not an improvement in every
 * term. At 10^12, 50 km it gives 0.654 of the asymptote (0.519 with Hoeffding); 0.82 at 10^14.
 * `fluctuation: "kl"` ({@link klExpectationBounds}; `--fluctuation kl`) is Hoeffding's relative-entropy
 * form within the basis total, inside both intervals at the same ε: 0.655 at 10^12, 50 km. The count
 * bounds no longer limit the rate: at that optimum the counts taken as exact give 0.752 (q_x = 0.938,
 * 7.4 % weak decoys) and φ_X is 0.0468 against 0.0366 without fluctuations, while s_X1 loses < 0.3 %;
 * what is left is eqs. (4)-(5)'s phase error, resting on the weak decoy's Z errors
 * (test/bb84/keyrate/finiteDecoyKl.test.ts). Both references are asserted there: eq. 13 with q_x = 1
 * ({@link asymptoticDecoyRate}, 4.4625e-4 at 50 km) and this bound's N → ∞ limit (4.4604e-4).
 *
 * Why no valid bound reaches "within 2 % at 10^12" for this protocol (key from X only, phase errors
 * from the Z test): an idealised ceiling with free, exact decoys (every pulse at the signal intensity,
 * Y_1 and e_1 known) that keeps only a Gaussian deviation of the Z test's single-photon error rate at
 * ε = ε_sec = 1e-10 (z = 6.36), optimised over μ and the test-basis share, is 0.94 of the asymptote at
 * 10^12 and needs ~10^14 for 0.98 (test/bb84/keyrate/finiteDecoyChernoff.test.ts). The test basis must
 * hold enough single-photon errors to pin e_1 to a few per cent, and every test pulse is lost to the key.
 * @module
 */
import { binaryEntropy } from "./entropy.js";
import { errorGainAt, gainAt, transmittance, validateChannel, validateDistance, type ChannelParameters } from "./channel.js";
import { keyRateAt } from "./keyRateCurve.js";
import { nelderMead } from "./optimize.js";

/** Intensities, their probabilities and the key-basis probability of one operating point. */
export interface DecoyIntensities {
  /** μ1 (signal), μ2 (decoy), μ3 (weakest decoy, near vacuum): μ1 > μ2 + μ3, μ2 > μ3 >= 0. */
  readonly mu: readonly [number, number, number];
  /** p_k: probability of each intensity; sums to 1. */
  readonly p: readonly [number, number, number];
  /** q_x: probability that Alice (and Bob) pick the key basis X, in (0, 1). */
  readonly qx: number;
}

/** The security parameters of a finite-decoy key. */
export interface DecoySecurity {
  /** ε_sec: secrecy (Lim et al. eq. 1); each of the 21 internal ε's is ε_sec/21. */
  readonly epsilonSec: number;
  /** ε_cor: correctness (verification hash of log2(1/ε_cor) bits). */
  readonly epsilonCor: number;
}

/** Counts per intensity: detections n and errors m in each basis. */
export interface DecoyCounts {
  readonly nX: readonly [number, number, number];
  readonly nZ: readonly [number, number, number];
  readonly mX: readonly [number, number, number];
  readonly mZ: readonly [number, number, number];
}

/** The bound's intermediate quantities and the key length. */
export interface LimKeyLength {
  /** s_{X,0}^l, s_{X,1}^l: vacuum and single-photon detections in X (lower bounds, eqs. 2-3). */
  readonly sX0: number;
  readonly sX1: number;
  /** s_{Z,1}^l and v_{Z,1}^u: single-photon detections and errors in Z (eqs. 3-4). */
  readonly sZ1: number;
  readonly vZ1: number;
  /** φ_X^u: single-photon phase error rate of X (eq. 5), capped at 1/2. */
  readonly phiX: number;
  /** λ_EC = f_EC n_X h(E_X). */
  readonly leakEC: number;
  /** 6 log2(21/ε_sec) + log2(2/ε_cor). */
  readonly penaltyBits: number;
  /** ℓ before clipping (may be negative). */
  readonly raw: number;
  /** max(0, ℓ). */
  readonly length: number;
}

/** Lim et al.'s split: 21 ε's of ε_sec/21 each (supplementary eq. 14). */
export const LIM_EPSILON_PARTS = 21;

/**
 * Throws unless the intensities are ordered as Lim et al. require and the probabilities are a
 * distribution; the message names the field (`mu1`, `mu2`, `mu3`, `p`, `qx`).
 */
export function validateDecoyIntensities(d: DecoyIntensities, where = "intensities"): DecoyIntensities {
  const [m1, m2, m3] = d.mu;
  if (!(Number.isFinite(m3) && m3 >= 0)) throw new RangeError(`${where}.mu3 must be a finite number >= 0, got ${m3}`);
  if (!(Number.isFinite(m2) && m2 > m3)) throw new RangeError(`${where}.mu2 must be > mu3 (${m3}), got ${m2}`);
  if (!(Number.isFinite(m1) && m1 > m2 + m3)) throw new RangeError(`${where}.mu1 must be > mu2 + mu3 (${m2 + m3}), got ${m1}`);
  if (!d.p.every((x) => Number.isFinite(x) && x > 0) || Math.abs(d.p[0] + d.p[1] + d.p[2] - 1) > 1e-9) {
    throw new RangeError(`${where}.p must be three probabilities > 0 summing to 1, got [${d.p.join(", ")}]`);
  }
  if (!(d.qx > 0 && d.qx < 1)) throw new RangeError(`${where}.qx must be in (0, 1), got ${d.qx}`);
  return d;
}

/** Throws unless 0 < ε < 1 for both security parameters (naming `epsilonSec` / `epsilonCor`). */
export function validateDecoySecurity(s: DecoySecurity, where = "security"): DecoySecurity {
  for (const [name, v] of [["epsilonSec", s.epsilonSec], ["epsilonCor", s.epsilonCor]] as const) {
    if (!(Number.isFinite(v) && v > 0 && v < 1)) throw new RangeError(`${where}.${name} must be in (0, 1), got ${v}`);
  }
  return s;
}

/** Hoeffding's deviation `δ(n, ε) = sqrt(n/2 · ln(1/ε))` (Lim et al., below eq. 2). */
export function hoeffdingDeviation(n: number, epsilon: number): number {
  return Math.sqrt((Math.max(0, n) / 2) * Math.log(1 / epsilon));
}

/** τ_n = Σ_k p_k e^{-μ_k} μ_k^n / n!: probability that a pulse carries n photons. */
export function photonNumberProbability(d: DecoyIntensities, n: number): number {
  let factorial = 1;
  for (let i = 2; i <= n; i++) factorial *= i;
  return d.mu.reduce((s, m, k) => s + (d.p[k] * Math.exp(-m) * m ** n) / factorial, 0);
}

/**
 * The random-sampling deviation of Lim et al. eq. (5) (Fung, Ma, Chau, PRA 81, 012318 (2010)):
 * `γ(a, b, c, d) = sqrt( (c+d)(1−b)b/(c d ln 2) · log2( (c+d)/(c d (1−b) b) · 21²/a² ) )`.
 */
export function samplingDeviation(a: number, b: number, c: number, d: number): number {
  if (!(c > 0 && d > 0 && b > 0 && b < 1)) return b <= 0 && c > 0 && d > 0 ? samplingDeviation(a, 1e-12, c, d) : 0.5;
  const arg = ((c + d) / (c * d * (1 - b) * b)) * (LIM_EPSILON_PARTS / a) ** 2;
  return arg <= 1 ? 0 : Math.sqrt((((c + d) * (1 - b) * b) / (c * d * Math.LN2)) * Math.log2(arg));
}

/** Whether the bound includes finite-size terms (the default) or is its N → ∞ limit. */
export type Statistics = "finite" | "asymptotic";

/**
 * How the expected count behind each observed count is bounded:
 * - `hoeffding` (Lim et al. 2014, below eq. 2): `x_k ± δ(n_total, ε)`, one deviation for every
 *   intensity's count, set by the TOTAL count of the basis.
 * - `chernoff`: the multiplicative Chernoff bound inverted for the observed value, so each count's
 *   interval scales with its own size ({@link chernoffExpectationBounds}).
 * - `kl`: Hoeffding's own tighter form (Hoeffding, JASA 58, 13 (1963), Thm. 1, eq. 2.1), the binary
 *   relative entropy of the count within its basis total ({@link klExpectationBounds}): inside both
 *   intervals above for every count, at the same ε, so it is never looser than either.
 * All assume what Lim et al. assume: given the photon numbers of the detected events, each event's
 * intensity label is an independent draw with P(k | n) (Alice's random intensity choice).
 */
export type Fluctuation = "hoeffding" | "chernoff" | "kl";

/**
 * D(x‖μ) = x ln(x/μ) − x + μ: the exponent of the multiplicative Chernoff bound (0 at μ = x).
 * Near μ = x computed as x (t − ln(1 + t)) with t = (μ − x)/x: the direct form cancels at large
 * counts there (an absolute error near 1e-4 at x = 1e12, against ln(1/ε) ≈ 27).
 */
function chernoffExponent(x: number, mu: number): number {
  if (!(x > 0)) return mu;
  const t = (mu - x) / x;
  // near μ = x the cancellation-free form; far from it (where t may overflow) the direct one
  return Math.abs(t) < 0.5 ? x * (t - Math.log1p(t)) : x * Math.log(x / mu) - x + mu;
}

/**
 * The end of a confidence interval: the root of `exponent(m) = β` on the side of x where `start`
 * lies (`outward` = +1 above x, −1 below), for an exponent convex in m and 0 at m = x. Newton's
 * method from `start` (where exponent >= β) approaches the root from outside; its last step may
 * land a rounding inside, so the target is β (1 + 1e-9) and the result is then moved outward
 * until the computed exponent reaches it: the margin covers the exponent's own rounding (about
 * 1e-11 relative with the cancellation-free forms), and costs a relative 1e-9 of ln(1/ε).
 * Clamped to `[0, limit]`.
 */
function rootFromOutside(exponent: (m: number) => number, slope: (m: number) => number, beta: number, start: number, outward: 1 | -1, limit = Infinity): number {
  const target = beta * (1 + 1e-9);
  let m = start;
  for (let i = 0; i < 100; i++) {
    const next = m - (exponent(m) - target) / slope(m);
    if (!(Math.abs(next - m) > 1e-12 * m)) break;
    m = next;
  }
  for (let step = 1e-13 * m; m > 0 && m < limit && exponent(m) < target; step *= 2) m = Math.min(limit, Math.max(0, m + outward * step));
  return m;
}

/**
 * The expected value of a sum of independent Bernoulli variables, bounded from one observation x:
 * `[μ_L, μ_U]` with `D(x‖μ_L) = D(x‖μ_U) = ln(1/ε)`, μ_L <= x <= μ_U, where
 * `D(x‖μ) = x ln(x/μ) − x + μ`. The multiplicative Chernoff bounds
 * `P(X >= (1+δ)μ) <= [e^δ/(1+δ)^{1+δ}]^μ` and `P(X <= (1−δ)μ) <= [e^{−δ}/(1−δ)^{1−δ}]^μ`
 * (Mitzenmacher, Upfal, "Probability and Computing", Thms. 4.4(1) and 4.5(1)) both equal
 * `exp(−D(x‖μ))` at x = (1 ± δ)μ, so each side fails with probability at most ε: the inversion for an
 * observed value, the approach of Zhang, Zhao, Razavi, Ma, PRA 95, 012333 (2017) for decoy counts
 * (their exact equation numbers were not available to check here; the bounds above are the source).
 * Solved by Newton's method on g(μ) = D(x‖μ) − ln(1/ε), which is convex in μ and monotone
 * on each side of x, started outside the root and finished by {@link rootFromOutside}, so that the
 * result errs on the safe side in floating point too (μ_L never above, μ_U never below the exact root).
 * @example chernoffExpectationBounds(100, Math.exp(-10)) // ≈ [61.7, 151.6]
 */
export function chernoffExpectationBounds(x: number, epsilon: number): [number, number] {
  if (!(Number.isFinite(x) && x >= 0)) throw new RangeError(`chernoffExpectationBounds: x must be a finite number >= 0, got ${x}`);
  if (!(epsilon > 0 && epsilon < 1)) throw new RangeError(`chernoffExpectationBounds: epsilon must be in (0, 1), got ${epsilon}`);
  const beta = Math.log(1 / epsilon);
  const exponent = (mu: number) => chernoffExponent(x, mu);
  const slope = (mu: number) => 1 - x / mu;
  // D(x‖μ) >= (μ − x)²/(2μ) above x and >= (x − μ)²/(2x) below it, so these starts have g >= 0
  const upper = rootFromOutside(exponent, slope, beta, x + 2 * beta + Math.sqrt(beta * beta + 2 * beta * x), 1);
  if (x === 0) return [0, upper];
  const lowerStart = x - Math.sqrt(4 * beta * x);
  const start = lowerStart > 0 ? lowerStart : x * Math.exp(-1 - (2 * beta) / x);
  // a count so small that the start underflows: its expectation may be 0
  return [start > 0 ? rootFromOutside(exponent, slope, beta, start, -1) : 0, upper];
}

/**
 * n·D(x/n ‖ m/n), the binary relative entropy (nats) of x successes in n trials against mean m:
 * `x ln(x/m) + (n − x) ln((n − x)/(n − m))`, written as the two non-negative parts
 * `[x ln(x/m) − x + m] + (n − x)(−ln(1 − s) − s)` with s = (m − x)/(n − x): the first is
 * {@link chernoffExponent}, the second is computed with log1p; neither cancels near m = x (the
 * direct form loses every digit there at counts near 1e12).
 */
function binaryKlExponent(x: number, n: number, m: number): number {
  const rest = n - x;
  const s = (m - x) / rest;
  // at x = n the second part's limit is x − m, so that the sum is x ln(x/m)
  const second = rest > 0 ? rest * (-Math.log1p(-s) - s) : x - m;
  return chernoffExponent(x, m) + second;
}

/**
 * The expected value of a sum of n independent variables in [0, 1], bounded from one observation x:
 * `[m_L, m_U]` with `n D(x/n ‖ m/n) = ln(1/ε)` on each side of x (D the binary relative entropy).
 * Hoeffding (1963), Thm. 1, eq. (2.1): `P(X >= x) <= exp(−n D(x/n ‖ m/n))` for x >= m, and the same
 * below by symmetry, whatever the individual means (m is their sum). The exponent is at least
 * Pinsker's `2 (x − m)²/n` (so the interval lies inside Hoeffding's `x ± sqrt(n/2 ln(1/ε))`) and at
 * least the Poisson form `x ln(x/m) − x + m` (so it lies inside {@link chernoffExpectationBounds}'s):
 * a tighter bound at the same ε, not a different trade-off. Solved by Newton's method from the
 * tighter of those two intervals' ends, which lie outside the root (the exponent is convex in m),
 * finished by {@link rootFromOutside} so that it errs on the safe side, as the Chernoff bound.
 * @example klExpectationBounds(100, 1000, Math.exp(-10)) // ≈ [62.9, 147.7]
 */
export function klExpectationBounds(x: number, n: number, epsilon: number): [number, number] {
  if (!(Number.isFinite(n) && n >= 0)) throw new RangeError(`klExpectationBounds: n must be a finite number >= 0, got ${n}`);
  if (!(Number.isFinite(x) && x >= 0 && x <= n)) throw new RangeError(`klExpectationBounds: x must be in [0, n], got ${x}`);
  if (!(epsilon > 0 && epsilon < 1)) throw new RangeError(`klExpectationBounds: epsilon must be in (0, 1), got ${epsilon}`);
  // no trials (a basis without a single count): the sum is 0 with certainty
  if (n === 0) return [0, 0];
  const [chernoffLow, chernoffHigh] = chernoffExpectationBounds(x, epsilon);
  const beta = Math.log(1 / epsilon);
  const dev = hoeffdingDeviation(n, epsilon);
  const exponent = (m: number) => binaryKlExponent(x, n, m);
  const slope = (m: number) => ((m - x) * n) / (m * (n - m));
  // the exponent grows without bound as m → n (x < n), so the root lies below n; the two bounds' ends
  // lie outside it, but both may be past n; a start just below n may be inside the root (n − x tiny),
  // and then n itself is the safe upper bound
  const upperStart = Math.min(chernoffHigh, x + dev, x + (n - x) * (1 - 1e-9));
  const upper = x >= n || exponent(upperStart) < beta * (1 + 1e-9) ? n : rootFromOutside(exponent, slope, beta, upperStart, 1, n);
  const lowerStart = Math.max(chernoffLow, x - dev);
  return [x > 0 && lowerStart > 0 ? rootFromOutside(exponent, slope, beta, lowerStart, -1) : Math.max(0, lowerStart), upper];
}

/** Bounds `[lower, upper]` on the expected count behind observation x (of a basis total `total`). */
function expectationBounds(x: number, total: number, eps: number, stats: Statistics, fluctuation: Fluctuation): [number, number] {
  if (stats === "asymptotic") return [x, x];
  if (fluctuation === "chernoff") return chernoffExpectationBounds(x, eps);
  if (fluctuation === "kl") return klExpectationBounds(x, total, eps);
  const dev = hoeffdingDeviation(total, eps);
  return [Math.max(0, x - dev), x + dev];
}

/**
 * What {@link limKeyLength} needs of the intensities more than once, computed once per bound:
 * τ_0, τ_1 and each intensity's scale `e^{μ_k}/p_k` (a count's bound times it is that count scaled
 * to the photon-number mixture).
 */
interface Mixture {
  readonly tau0: number;
  readonly tau1: number;
  readonly scale: readonly [number, number, number];
}

function mixtureOf(d: DecoyIntensities): Mixture {
  return {
    tau0: photonNumberProbability(d, 0),
    tau1: photonNumberProbability(d, 1),
    scale: [Math.exp(d.mu[0]) / d.p[0], Math.exp(d.mu[1]) / d.p[1], Math.exp(d.mu[2]) / d.p[2]],
  };
}

/** Per-intensity [lower, upper] expected counts of one basis. */
function countBounds(x: readonly number[], eps: number, stats: Statistics, fluctuation: Fluctuation): [number, number][] {
  const total = x[0] + x[1] + x[2];
  return [expectationBounds(x[0], total, eps, stats, fluctuation), expectationBounds(x[1], total, eps, stats, fluctuation), expectationBounds(x[2], total, eps, stats, fluctuation)];
}

function vacuumAndSinglePhoton(d: DecoyIntensities, mix: Mixture, n: readonly number[], eps: number, stats: Statistics, fluctuation: Fluctuation): [number, number] {
  const [m1, m2, m3] = d.mu;
  const b = countBounds(n, eps, stats, fluctuation);
  const lo = (k: number) => mix.scale[k] * b[k][0];
  const hi = (k: number) => mix.scale[k] * b[k][1];
  const { tau0, tau1 } = mix;
  // Lim et al. eq. (2): vacuum lower bound
  const s0 = Math.max(0, (tau0 * (m2 * lo(2) - m3 * hi(1))) / (m2 - m3));
  // eq. (3): single-photon lower bound
  const denominator = m1 * (m2 - m3) - m2 * m2 + m3 * m3;
  // degenerate intensities (the optimiser's edges): the bound says nothing, no key is claimed
  if (!(m2 - m3 > 1e-9 && denominator > 1e-12)) return [0, 0];
  const s1 = (tau1 * m1 * (lo(1) - hi(2) - ((m2 * m2 - m3 * m3) / (m1 * m1)) * (hi(0) - s0 / tau0))) / denominator;
  return [s0, Math.max(0, s1)];
}

/**
 * Lim et al. (2014) eq. (1): `ℓ = s_{X,0} + s_{X,1}(1 − h(φ_X)) − λ_EC − 6 log2(21/ε_sec) − log2(2/ε_cor)`,
 * with eqs. (2)-(5) for the bounds. `statistics: "asymptotic"` drops δ, γ and the ε terms (N → ∞).
 */
export function limKeyLength(
  counts: DecoyCounts,
  d: DecoyIntensities,
  security: DecoySecurity,
  fEC: number,
  statistics: Statistics = "finite",
  fluctuation: Fluctuation = "hoeffding",
): LimKeyLength {
  const eps = security.epsilonSec / LIM_EPSILON_PARTS;
  const mix = mixtureOf(d);
  const [sX0, sX1] = vacuumAndSinglePhoton(d, mix, counts.nX, eps, statistics, fluctuation);
  const [, sZ1] = vacuumAndSinglePhoton(d, mix, counts.nZ, eps, statistics, fluctuation);
  const [, m2, m3] = d.mu;
  const errors = countBounds(counts.mZ, eps, statistics, fluctuation);
  // eq. (4): single-photon errors in Z, upper bound
  const vZ1 = m2 - m3 <= 1e-9 ? Infinity : Math.max(0, (mix.tau1 * (mix.scale[1] * errors[1][1] - mix.scale[2] * errors[2][0])) / (m2 - m3));
  const ratio = sZ1 > 0 ? Math.min(1, vZ1 / sZ1) : 0.5;
  // eq. (5): phase error of X's single photons
  const phiX = sZ1 > 0 && sX1 > 0 ? Math.min(0.5, ratio + (statistics === "finite" ? samplingDeviation(security.epsilonSec, ratio, sZ1, sX1) : 0)) : 0.5;
  const nX = counts.nX[0] + counts.nX[1] + counts.nX[2];
  const mX = counts.mX[0] + counts.mX[1] + counts.mX[2];
  const leakEC = nX > 0 ? fEC * nX * binaryEntropy(Math.min(1, mX / nX)) : 0;
  const penaltyBits = statistics === "finite" ? 6 * Math.log2(LIM_EPSILON_PARTS / security.epsilonSec) + Math.log2(2 / security.epsilonCor) : 0;
  const raw = sX0 + sX1 * (1 - binaryEntropy(phiX)) - leakEC - penaltyBits;
  return { sX0, sX1, sZ1, vZ1, phiX, leakEC, penaltyBits, raw, length: Math.max(0, raw) };
}

/**
 * Expected counts of N pulses through the channel model: `n_{X,k} = N q_x² p_k Q_{μ_k}`,
 * `m_{X,k} = N q_x² p_k E_{μ_k} Q_{μ_k}`, and the same with `(1 − q_x)²` for Z (Ma, Qi, Zhao, Lo
 * 2005, eqs. 9-10, for Q and EQ).
 */
export function expectedDecoyCounts(p: ChannelParameters, distanceKm: number, pulses: number, d: DecoyIntensities): DecoyCounts {
  return countsAt(p, transmittance(p, distanceKm), pulses, d);
}

/** {@link expectedDecoyCounts} at a transmittance already computed. */
function countsAt(p: ChannelParameters, eta: number, pulses: number, d: DecoyIntensities): DecoyCounts {
  const g = d.mu.map((m) => (m > 0 ? gainAt(p, eta, m) : p.darkCountYield));
  const eg = d.mu.map((m) => (m > 0 ? errorGainAt(p, eta, m) : p.eDark * p.darkCountYield));
  const per = (share: number, v: readonly number[]) => [0, 1, 2].map((k) => pulses * share * d.p[k] * v[k]) as unknown as [number, number, number];
  const x = d.qx * d.qx, z = (1 - d.qx) * (1 - d.qx);
  return { nX: per(x, g), nZ: per(z, g), mX: per(x, eg), mZ: per(z, eg) };
}

/** Default weakest decoy μ3 (near vacuum), as in Lim et al.'s simulations. */
export const DEFAULT_VACUUM_DECOY = 2e-4;
/** Smallest block accepted: below it a block cannot hold a test sample of every intensity in both bases. */
export const MIN_BLOCK_PULSES = 1000;

/** Settings of one finite-decoy rate point. */
export interface FiniteDecoySettings extends DecoySecurity {
  /** N: pulses in the block (an integer >= {@link MIN_BLOCK_PULSES}). */
  readonly blockPulses: number | "asymptotic";
  /** Fixed μ1 (`--mu`); optimised when omitted. */
  readonly mu1?: number;
  /** Fixed μ2 (`--nu`); optimised when omitted. */
  readonly mu2?: number;
  /** μ3 (default {@link DEFAULT_VACUUM_DECOY}). */
  readonly mu3?: number;
  /** Warm start: the operating point of a neighbouring block size or distance. */
  readonly start?: DecoyIntensities;
  /** How each count's expectation is bounded (default `hoeffding`, Lim et al.'s). */
  readonly fluctuation?: Fluctuation;
}

/** One point of a finite-decoy curve. */
export interface FiniteDecoyPoint {
  readonly distanceKm: number;
  /** Secure bits per pulse sent, ℓ/N (for `asymptotic`, the N → ∞ limit of ℓ/N). */
  readonly ratePerPulse: number;
  readonly ratePerSecond: number;
  readonly intensities: DecoyIntensities;
  readonly bound: LimKeyLength;
  readonly blockPulses: number | "asymptotic";
  readonly fluctuation: Fluctuation;
}

/** Throws unless N is an integer >= {@link MIN_BLOCK_PULSES} (naming `blockPulses`). */
export function validateBlock(n: number | "asymptotic", where = "blockPulses"): number | "asymptotic" {
  if (n === "asymptotic") return n;
  if (!(Number.isInteger(n) && n >= MIN_BLOCK_PULSES)) {
    throw new RangeError(`${where} must be an integer >= ${MIN_BLOCK_PULSES} (a smaller block cannot hold a test sample of every intensity in both bases), got ${n}`);
  }
  return n;
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const logit = (t: number) => Math.log(Math.min(1 - 1e-12, Math.max(1e-12, t)) / (1 - Math.min(1 - 1e-12, Math.max(1e-12, t))));

/** Largest signal intensity searched. */
const MU1_MAX = 1.5;

function decode(raw: readonly number[], s: FiniteDecoySettings, asymptotic: boolean): DecoyIntensities {
  const z = raw.map((v) => Math.max(-30, Math.min(30, v)));
  const mu3 = s.mu3 ?? DEFAULT_VACUUM_DECOY;
  const mu1 = s.mu1 ?? 2 * mu3 + 1e-6 + (MU1_MAX - 2 * mu3) * sigmoid(z[0]);
  const mu2 = s.mu2 ?? mu3 + (mu1 - 2 * mu3) * sigmoid(z[1]) * (1 - 1e-9);
  const e = [Math.exp(z[2]), Math.exp(z[3]), 1];
  const total = e[0] + e[1] + e[2];
  const p: [number, number, number] = [e[0] / total, e[1] / total, e[2] / total];
  return { mu: [mu1, mu2, mu3], p, qx: asymptotic ? 0.5 : 0.5 + 0.5 * sigmoid(z[4]) * (1 - 1e-9) };
}

function encode(d: DecoyIntensities): number[] {
  const [mu1, mu2, mu3] = d.mu;
  return [
    logit((mu1 - 2 * mu3 - 1e-6) / (MU1_MAX - 2 * mu3)),
    logit((mu2 - mu3) / Math.max(1e-12, mu1 - 2 * mu3)),
    Math.log(d.p[0] / d.p[2]),
    Math.log(d.p[1] / d.p[2]),
    logit((d.qx - 0.5) / 0.5),
  ];
}

const STARTS: readonly DecoyIntensities[] = [
  { mu: [0.5, 0.1, DEFAULT_VACUUM_DECOY], p: [0.7, 0.2, 0.1], qx: 0.9 },
  { mu: [0.4, 0.05, DEFAULT_VACUUM_DECOY], p: [0.5, 0.3, 0.2], qx: 0.7 },
  { mu: [0.6, 0.2, DEFAULT_VACUUM_DECOY], p: [0.85, 0.1, 0.05], qx: 0.97 },
];

/**
 * The finite-decoy rate at one distance: Lim et al.'s ℓ/N at the best intensities, probabilities
 * and basis bias (Nelder-Mead from fixed starts and the warm start), or at the given μ1/μ2.
 * `blockPulses: "asymptotic"`: the N → ∞ limit of the same bound (no δ, γ, ε terms; q_x → 1, so
 * the rate per pulse counts every detection in X).
 */
export function finiteDecoyRateAt(p: ChannelParameters, distanceKm: number, s: FiniteDecoySettings): FiniteDecoyPoint {
  validateChannel(p);
  validateDistance(distanceKm);
  validateBlock(s.blockPulses);
  validateDecoySecurity(s);
  const asymptotic = s.blockPulses === "asymptotic";
  const N = asymptotic ? 1 : (s.blockPulses as number);
  const eta = transmittance(p, distanceKm);
  const evaluate = (d: DecoyIntensities): LimKeyLength => {
    if (!asymptotic) return limKeyLength(countsAt(p, eta, N, d), d, s, p.fEC, "finite", s.fluctuation ?? "hoeffding");
    // N → ∞ with q_x → 1: every pulse counts in X; Z's ratios do not depend on its share
    const key = countsAt(p, eta, 1, { ...d, qx: 1 - 1e-12 });
    const test = countsAt(p, eta, 1, { ...d, qx: 1e-12 });
    return limKeyLength({ nX: key.nX, mX: key.mX, nZ: test.nX, mZ: test.mX }, { ...d, p: d.p }, s, p.fEC, "asymptotic");
  };
  const objective = (z: readonly number[]) => evaluate(decode(z, s, asymptotic)).raw / N;
  const fixed = s.mu1 !== undefined && s.mu2 !== undefined;
  if (fixed) validateDecoyIntensities({ mu: [s.mu1!, s.mu2!, s.mu3 ?? DEFAULT_VACUUM_DECOY], p: [0.6, 0.3, 0.1], qx: 0.9 });
  const starts = (s.start ? [s.start, STARTS[0]] : STARTS).map((d) =>
    encode({ ...d, mu: [s.mu1 ?? d.mu[0], s.mu2 ?? Math.min(d.mu[1], (s.mu1 ?? d.mu[0]) / 2), s.mu3 ?? d.mu[2]] }),
  );
  let best = { z: starts[0], value: objective(starts[0]) };
  for (const z0 of starts) {
    const v = objective(z0);
    if (v > best.value) best = { z: z0, value: v };
    let z = z0;
    for (let round = 0; round < 2; round++) {
      const m = nelderMead((y) => -objective(y), z, { step: round === 0 ? 0.8 : 0.3, maxIterations: 700, tolerance: 1e-18 });
      z = [...m.x];
      if (-m.value > best.value) best = { z, value: -m.value };
    }
  }
  const intensities = decode(best.z, s, asymptotic);
  const bound = evaluate(intensities);
  const ratePerPulse = bound.length / N;
  return { distanceKm, ratePerPulse, ratePerSecond: ratePerPulse * p.repetitionRateHz, intensities, bound, blockPulses: s.blockPulses, fluctuation: s.fluctuation ?? "hoeffding" };
}

/**
 * Finite-decoy rate at each distance for one channel, warm-starting each distance from the
 * previous optimum (the optimum moves slowly with distance).
 */
export function finiteDecoyCurve(p: ChannelParameters, distancesKm: readonly number[], s: FiniteDecoySettings): FiniteDecoyPoint[] {
  const out: FiniteDecoyPoint[] = [];
  for (const d of distancesKm) {
    const previous = out.length > 0 && out[out.length - 1].ratePerPulse > 0 ? out[out.length - 1].intensities : s.start;
    out.push(finiteDecoyRateAt(p, d, { ...s, ...(previous ? { start: previous } : {}) }));
  }
  return out;
}

/**
 * The N → ∞ limit of Lim et al.'s bound when the decoys and the test basis take a vanishing share
 * (μ2, μ3 → 0, p1 → 1, q_x → 1): eq. 13 with infinite decoys and every detection sifted into the
 * key basis (sifting factor 1; Lo, Chau, Ardehali, J. Cryptol. 18, 133 (2005)), in bits per pulse.
 */
export function asymptoticDecoyRate(p: ChannelParameters, distanceKm: number): number {
  return keyRateAt({ ...p, siftingFactor: 1 }, distanceKm, { method: "infinite-decoy", formula: "eq13" }).ratePerPulse;
}

/**
 * The finite-decoy rate at one distance for growing block sizes, each search warm-started from
 * the previous block's optimum: at fixed intensities ℓ/N grows with N (the fluctuation and ε
 * terms shrink relative to the counts), so the sequence is non-decreasing by construction.
 */
export function finiteDecoyBlockSweep(p: ChannelParameters, distanceKm: number, blocks: readonly number[], s: Omit<FiniteDecoySettings, "blockPulses">): FiniteDecoyPoint[] {
  const out: FiniteDecoyPoint[] = [];
  for (const N of blocks) {
    const previous = out.length > 0 && out[out.length - 1].ratePerPulse > 0 ? out[out.length - 1].intensities : s.start;
    out.push(finiteDecoyRateAt(p, distanceKm, { ...s, blockPulses: N, ...(previous ? { start: previous } : {}) }));
  }
  return out;
}
