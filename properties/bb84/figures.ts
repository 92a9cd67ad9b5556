/**
 * Figure data of the private-key step, computed from the exact model: QBER against the
 * intercepted fraction, Eve's information against the disturbance, and the acceptance of eq. 4
 * against the QBER with its Hoeffding bounds.
 * @module
 */
import { acceptanceProbability, exactRun, hoeffdingBound, IDEAL_LINK, INTERCEPT_BASES, DEFAULT_RUN } from "../../model/bb84/index.js";
import { binaryEntropy } from "../../model/kernel/index.js";
import { asymptoticDecoyRate, finiteDecoyRateAt, gys, type DecoyIntensities, type Fluctuation } from "../../model/bb84/keyrate/index.js";
import type { FigureProvider } from "../figures.js";
import type { Figure } from "../types.js";

const grid = (n: number, lo: number, hi: number): number[] => Array.from({ length: n + 1 }, (_, i) => lo + ((hi - lo) * i) / n);

/** Sifted-key QBER against the intercepted fraction f, per intercept basis, with the line f/4. */
export function qberVersusFraction(): Figure {
  const fractions = grid(10, 0, 1);
  return {
    id: "bb84-qber-vs-fraction",
    title: "Intercept-resend: QBER against the intercepted fraction",
    caption:
      "Exact sifted-key QBER for intercept-resend on a fraction f of the photons (ideal link, paper variant). Every basis lies on f/4; " +
      "a Z-basis Eve puts all her errors in the X basis (e_X = f/2, e_Z = 0), which is why basis switching is essential.",
    xLabel: "intercepted fraction f",
    yLabel: "QBER",
    rules: [{ axis: "y", value: DEFAULT_RUN.threshold, label: `p_o = ${DEFAULT_RUN.threshold}` }],
    series: [
      { name: "f/4", mark: "line", points: fractions.map((f) => [f, f / 4] as const) },
      ...INTERCEPT_BASES.map((basis) => ({
        name: `${basis} basis`,
        mark: "point" as const,
        points: fractions.map((f) => [f, exactRun(IDEAL_LINK, { kind: "intercept-resend", fraction: f, basis }, "paper").qber] as const),
      })),
      { name: "Z basis: e_X", mark: "point", points: fractions.map((f) => [f, exactRun(IDEAL_LINK, { kind: "intercept-resend", fraction: f, basis: "Z" }, "paper").qberX] as const) },
    ],
  };
}

/** Eve's information per sifted bit against the disturbance she causes, with the bound h(D). */
export function informationVersusDisturbance(): Figure {
  const ds = grid(25, 0, 0.5);
  const cloner = ds.map((d) => exactRun(IDEAL_LINK, { kind: "cloner", disturbance: d }, "paper"));
  const fractions = grid(10, 0, 1);
  const ir = (basis: (typeof INTERCEPT_BASES)[number]) =>
    fractions.map((f) => {
      const r = exactRun(IDEAL_LINK, { kind: "intercept-resend", fraction: f, basis }, "paper");
      return [r.qber, r.holevo] as const;
    });
  return {
    id: "bb84-information-vs-disturbance",
    title: "Eve's information against the disturbance",
    caption:
      "Holevo information chi per sifted key bit after basis announcement (ideal link). The phase-covariant cloner meets the bound h(D) " +
      "(entropic uncertainty: chi(Z:E) <= h(e_X)); its Helstrom measurement (individual attack) gets less; intercept-resend points lie far below.",
    xLabel: "disturbance D (QBER)",
    yLabel: "bits per sifted key bit",
    series: [
      { name: "bound h(D)", mark: "line", points: ds.map((d) => [d, binaryEntropy(d)] as const) },
      { name: "cloner chi", mark: "line", points: cloner.map((r, i) => [ds[i], r.holevo] as const) },
      { name: "cloner, Helstrom measurement", mark: "line", points: cloner.map((r, i) => [ds[i], r.eveMutualInformation] as const) },
      { name: "intercept-resend, random basis", mark: "point", points: ir("random") },
      { name: "intercept-resend, Breidbart", mark: "point", points: ir("breidbart") },
    ],
  };
}

/** Acceptance probability of eq. 4 against the QBER for the default test sample, with Hoeffding's bounds. */
export function acceptanceVersusQber(): Figure {
  const n = DEFAULT_RUN.testSize, p = DEFAULT_RUN.threshold;
  const qs = grid(60, 0, 0.3);
  return {
    id: "bb84-acceptance-vs-qber",
    title: `Acceptance of eq. 4 against the QBER (n = ${n}, p_o = ${p})`,
    caption:
      "Exact binomial probability that the test sample passes P^e < p_o, with the Hoeffding upper bound exp(-2n(q-p_o)^2) above the " +
      "threshold and the completeness lower bound 1 - exp(-2n(p_o-q)^2) below it. Log scale: the tail falls below 1e-20 at the 25 % of full intercept-resend.",
    xLabel: "QBER q",
    yLabel: "probability",
    yScale: "log",
    yFloor: 1e-30,
    rules: [{ axis: "x", value: p, label: `p_o = ${p}` }],
    series: [
      { name: "exact acceptance", mark: "line", points: qs.map((q) => [q, Math.max(acceptanceProbability(q, n, p), 1e-300)] as const) },
      { name: "Hoeffding upper bound", mark: "line", points: qs.filter((q) => q > p).map((q) => [q, hoeffdingBound(n, q - p)] as const) },
      { name: "completeness lower bound", mark: "line", points: qs.filter((q) => q < p - 0.01).map((q) => [q, 1 - hoeffdingBound(n, p - q)] as const) },
    ],
  };
}

/** Block sizes of the finite-decoy figure (pulses). */
export const FINITE_DECOY_BLOCKS: readonly number[] = [1e6, 1e8, 1e10, 1e12];
/** ε's of the finite-decoy figure (Lim et al.'s simulation values). */
export const FINITE_DECOY_SECURITY = { epsilonSec: 1e-10, epsilonCor: 1e-15 } as const;

/**
 * Finite-size two-decoy BB84 (Lim et al. 2014) vs distance for N = 10^6 ... 10^12 pulses, beside
 * the asymptotic rate (the N → ∞ limit: eq. 13, infinite decoys, every detection in the key basis),
 * GYS link at 2 MHz, bits per pulse. Each block size warm-starts from the previous distance.
 */
export function finiteDecoyVersusDistance(): Figure {
  const distances = grid(15, 0, 150);
  const curve = (N: number, fluctuation: Fluctuation = "hoeffding") => {
    let start: DecoyIntensities | undefined;
    return distances.flatMap((d) => {
      const r = finiteDecoyRateAt(gys, d, { ...FINITE_DECOY_SECURITY, blockPulses: N, fluctuation, ...(start ? { start } : {}) });
      if (r.ratePerPulse > 0) start = r.intensities;
      return r.ratePerPulse > 0 ? [[d, r.ratePerPulse] as const] : [];
    });
  };
  return {
    id: "bb84-finite-decoy-vs-distance",
    title: "Finite-size decoy BB84: key rate vs distance for N = 10^6 ... 10^12 pulses",
    caption:
      `Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307 (2014), eqs. (1)-(5): two decoys, Hoeffding fluctuations on every gain and error, ` +
      `eps_sec = ${FINITE_DECOY_SECURITY.epsilonSec}, eps_cor = ${FINITE_DECOY_SECURITY.epsilonCor}, intensities, probabilities and basis bias optimised ` +
      `per point, expected counts of the GYS link (0.21 dB/km, eta_Bob 4.5 %, Y0 1.7e-6, e_d 3.3 %, f_EC 1.22, 2 MHz). Line: the N -> infinity limit ` +
      `(eq. 13, infinite decoys, sifting factor 1). At 50 km there is no key for N <= 10^8 pulses, and none at any distance for N = 10^6. ` +
      `Dashed: N = 10^12 with multiplicative Chernoff bounds on each count instead of Hoeffding's deviation of the basis total (keyrate --fluctuation chernoff).`,
    xLabel: "fibre length (km)",
    yLabel: "secure bits per pulse",
    yScale: "log",
    series: [
      { name: "asymptotic (N -> infinity)", mark: "line", points: distances.map((d) => [d, asymptoticDecoyRate(gys, d)] as const).filter(([, r]) => r > 0) },
      ...FINITE_DECOY_BLOCKS.map((N) => ({ name: `N = 10^${Math.log10(N)}`, mark: "line" as const, points: curve(N) })),
      { name: "N = 10^12, Chernoff", mark: "line", dash: "dashed", points: curve(1e12, "chernoff") },
    ],
  };
}

/** The bb84 private-key figures, for the lead to wire into `properties/figures.ts`. */
export const bb84FigureProviders: readonly FigureProvider[] = [
  { id: "bb84-qber-vs-fraction", protocol: "bb84", compute: qberVersusFraction },
  { id: "bb84-information-vs-disturbance", protocol: "bb84", compute: informationVersusDisturbance },
  { id: "bb84-acceptance-vs-qber", protocol: "bb84", compute: acceptanceVersusQber },
  { id: "bb84-finite-decoy-vs-distance", protocol: "bb84", compute: finiteDecoyVersusDistance },
];
