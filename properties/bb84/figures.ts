/**
 * Figure data of the private-key step, computed from the exact model: QBER against the
 * intercepted fraction, Eve's information against the disturbance, and the acceptance of eq. 4
 * against the QBER with its Hoeffding bounds.
 * @module
 */
import { acceptanceProbability, exactRun, hoeffdingBound, IDEAL_LINK, INTERCEPT_BASES, DEFAULT_RUN } from "../../model/bb84/index.js";
import { binaryEntropy } from "../../model/kernel/index.js";
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

/** The bb84 private-key figures, for the lead to wire into `properties/figures.ts`. */
export const bb84FigureProviders: readonly FigureProvider[] = [
  { id: "bb84-qber-vs-fraction", protocol: "bb84", compute: qberVersusFraction },
  { id: "bb84-information-vs-disturbance", protocol: "bb84", compute: informationVersusDisturbance },
  { id: "bb84-acceptance-vs-qber", protocol: "bb84", compute: acceptanceVersusQber },
];
