/**
 * `bb84.decoy-adversary`: the decoy-state bounds hold against an adversary, not only on the
 * honest Poisson channel. Eve chooses every photon number's yield and error yield (PNS: Y_1 = 0
 * and Y_n = 1 for n >= 2, and anything in between); the KDC sees only the gains of each intensity.
 * The estimator's single-photon lower bound must stay below her true Y_1 and its error upper
 * bound above her true e_1, whatever she chose.
 *
 * Estimators: `vacuum-weak` (Ma, Qi, Zhao, Lo 2005, eqs. 34 and 37, from observed gains),
 * `lim-two-decoy` (Lim et al. 2014, eqs. 2-4 without fluctuations), and the same with finite
 * statistics on a block of N pulses (N drawn from 10^4 ... 10^12): `lim-hoeffding` (Lim's
 * deviations), `lim-chernoff` (multiplicative Chernoff bounds per count) and `lim-kl` (Hoeffding's
 * relative-entropy bound within the basis total), evaluated on the counts
 * Eve's yields produce in expectation (their bounds sit below the no-fluctuation estimate, which the
 * property already compares with Eve's truth).
 * Negative control `ignores-vacuum`: the vacuum + weak estimator with the vacuum decoy's observations dropped.
 * @module
 */
import * as fc from "fast-check";
import { z } from "zod";
import type { PropertyDefinition, TraceStep } from "../types.js";
import {
  limKeyLength,
  observedGains,
  photonNumberProbability,
  vacuumWeakDecoyBounds,
  validateAttack,
  type DecoyIntensities,
  type Fluctuation,
  type PhotonNumberAttack,
} from "../../model/bb84/keyrate/index.js";

/** The estimators under test, and the negative control. */
export const decoyAdversaryVariants = ["vacuum-weak", "lim-two-decoy", "lim-hoeffding", "lim-chernoff", "lim-kl", "ignores-vacuum"] as const;

const params = z.object({ variant: z.enum(decoyAdversaryVariants).default("vacuum-weak") });

/** Parameters of {@link decoyAdversaryProperty}. */
export type DecoyAdversaryParams = z.infer<typeof params>;

/** Eve's attack and the KDC's intensities. */
export interface DecoyAdversaryInput {
  readonly attack: PhotonNumberAttack;
  /** μ1 > μ2 + μ3, μ2 > μ3 >= 0 (vacuum-weak uses μ1, μ2 and a true vacuum). */
  readonly intensities: DecoyIntensities;
  /** N: pulses in the block, for the variants with finite statistics (`lim-hoeffding`, `lim-chernoff`, `lim-kl`). */
  readonly blockPulses?: number;
}

/** Photon numbers Eve sets one by one (the rest share the tail). */
const PHOTON_NUMBERS = 8;
/** Relative floating-point slack. */
const RTOL = 1e-9;
/**
 * Round-off of the estimators: they subtract gains of order 1 and divide by small intensity
 * differences, so doubles leave an absolute error of about 1e-16 times that amplification; the
 * check allows 1e-13 times it (reported as `roundingSlack`), far below any real violation.
 */
const ROUNDING = 1e-13;

const yieldArbitrary = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1e-3, noNaN: true }));
const errorShare = fc.oneof(fc.constant(0), fc.constant(1), fc.constant(0.5), fc.double({ min: 0, max: 1, noNaN: true }));

const inputArbitrary: fc.Arbitrary<DecoyAdversaryInput> = fc
  .record({
    yields: fc.array(yieldArbitrary, { minLength: PHOTON_NUMBERS + 1, maxLength: PHOTON_NUMBERS + 1 }),
    shares: fc.array(errorShare, { minLength: PHOTON_NUMBERS + 1, maxLength: PHOTON_NUMBERS + 1 }),
    tail: yieldArbitrary,
    tailShare: errorShare,
    mu1: fc.double({ min: 0.1, max: 1, noNaN: true }),
    mu2Fraction: fc.double({ min: 0.02, max: 0.95, noNaN: true }),
    mu3Fraction: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.9, noNaN: true })),
    p: fc.tuple(fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true }), fc.double({ min: 0.05, max: 1, noNaN: true })),
    log10Block: fc.integer({ min: 4, max: 12 }),
  })
  .map((r) => {
    const mu2 = (r.mu1 * r.mu2Fraction) / (1 + r.mu3Fraction);
    const mu3 = mu2 * r.mu3Fraction * 0.9;
    const total = r.p[0] + r.p[1] + r.p[2];
    return {
      attack: {
        yields: r.yields,
        errorYields: r.yields.map((y, n) => y * r.shares[n]),
        tailYield: r.tail,
        tailErrorYield: r.tail * r.tailShare,
      },
      intensities: { mu: [r.mu1, mu2, mu3] as const, p: [r.p[0] / total, r.p[1] / total, r.p[2] / total] as const, qx: 0.5 },
      blockPulses: 10 ** r.log10Block,
    };
  });

/** The estimator's bounds next to Eve's true single-photon yield and error, per pulse of the mix. */
interface Evaluation {
  readonly y1Lower: number;
  readonly y1True: number;
  readonly errorsUpper: number;
  readonly errorsTrue: number;
  /** Absolute round-off allowed on both comparisons (see ROUNDING). */
  readonly slack: number;
}

/** Lim et al.'s estimator variants and the bound each puts on a count (unused by the asymptotic `lim-two-decoy`). */
const LIM_FLUCTUATION: Partial<Record<DecoyAdversaryParams["variant"], Fluctuation>> = {
  "lim-two-decoy": "hoeffding",
  "lim-hoeffding": "hoeffding",
  "lim-chernoff": "chernoff",
  "lim-kl": "kl",
};

function evaluate(variant: DecoyAdversaryParams["variant"], x: DecoyAdversaryInput): Evaluation {
  const a = validateAttack(x.attack);
  const [mu1, mu2] = x.intensities.mu;
  const Y1 = a.yields[1];
  const eY1 = a.errorYields[1];
  const fluctuation = LIM_FLUCTUATION[variant];
  if (fluctuation !== undefined) {
    const finite = variant !== "lim-two-decoy";
    // counts of a block of N pulses (N = 1: per pulse); bounds are divided by N to compare per pulse
    const N = finite ? (x.blockPulses ?? 1e8) : 1;
    const gains = x.intensities.mu.map((m) => observedGains(a, m));
    const n = gains.map((g, k) => N * x.intensities.p[k] * g.Q) as unknown as [number, number, number];
    const m = gains.map((g, k) => N * x.intensities.p[k] * g.EQ) as unknown as [number, number, number];
    const counts = limKeyLength(
      { nX: n, nZ: n, mX: m, mZ: m },
      x.intensities,
      { epsilonSec: finite ? 1e-10 : 0.5, epsilonCor: 0.5 },
      1,
      finite ? "finite" : "asymptotic",
      fluctuation,
    );
    const b = { sZ1: counts.sZ1 / N, vZ1: counts.vZ1 / N };
    const tau1 = photonNumberProbability(x.intensities, 1);
    const [m1, m2, m3] = x.intensities.mu;
    const weight = Math.max(...x.intensities.mu.map((mu, k) => Math.exp(mu) / x.intensities.p[k]));
    const amplification = (tau1 * weight * Math.max(m1 / (m1 * (m2 - m3) - m2 * m2 + m3 * m3), 1 / (m2 - m3))) * (1 + 1 / (m1 * m1));
    // s_1 and v_1 count single-photon detections and errors: τ_1 Y_1 and τ_1 e_1 Y_1 per pulse
    return { y1Lower: b.sZ1, y1True: tau1 * Y1, errorsUpper: b.vZ1, errorsTrue: tau1 * eY1, slack: ROUNDING * amplification };
  }
  const signal = observedGains(a, mu1);
  const decoy = observedGains(a, mu2);
  const ignore = variant === "ignores-vacuum";
  const bounds = vacuumWeakDecoyBounds({ mu: mu1, nu: mu2, Qmu: signal.Q, Qnu: decoy.Q, EQnu: decoy.EQ, Y0: ignore ? 0 : a.yields[0], E0Y0: ignore ? 0 : a.errorYields[0] });
  // e_1^U Y_1^L ν bounds the single-photon errors e_1 Y_1 ν: compare error yields, not rates
  const errorsUpper = bounds.Y1Lower > 0 ? bounds.e1UpperRaw * bounds.Y1Lower : Infinity;
  return { y1Lower: bounds.Y1Lower, y1True: Y1, errorsUpper, errorsTrue: eY1, slack: (ROUNDING * mu1 * Math.exp(mu1)) / (mu1 * mu2 - mu2 * mu2) };
}

/** For every attack: lower bound <= true Y_1, upper bound >= true e_1 Y_1. */
export const decoyAdversaryProperty: PropertyDefinition<DecoyAdversaryParams, DecoyAdversaryInput> = {
  id: "bb84.decoy-adversary",
  protocol: "bb84",
  title: "The decoy bounds hold for every photon-number attack consistent with the observed gains",
  statement:
    "Eve chooses the yield Y_n in [0, 1] and the error yield e_n Y_n in [0, Y_n] of every photon number (PNS and beyond); " +
    "from the gains and error gains this produces at each intensity, the decoy estimator's single-photon lower bound is " +
    "at most her true Y_1 and its single-photon error bound at least her true e_1 Y_1 (vacuum + weak decoy of Ma-Qi-Zhao-Lo, " +
    "or Lim et al.'s two decoys without fluctuations, or with Hoeffding or Chernoff fluctuations on a block of N pulses, mu1 > mu2 + mu3, mu2 > mu3 >= 0).",
  equation:
    "\\forall\\,\\{Y_n, e_nY_n\\}:\\ Q_\\mu = \\sum_n \\tfrac{e^{-\\mu}\\mu^n}{n!}Y_n \\ \\Rightarrow\\ Y_1^L[Q_{\\mu_k}, E_{\\mu_k}Q_{\\mu_k}] \\le Y_1,\\quad e_1^U Y_1^L \\ge e_1 Y_1",
  trust: {
    trusted: ["Alice's source: phase-randomised coherent states of the stated intensities, chosen at random per pulse", "the intensity choice is hidden from Eve"],
    adversary: "controls the channel and the detection events: sets every photon number's yield and error yield freely (photon-number splitting and beyond); the KDC sees only the gains",
  },
  params,
  arbitrary: () => inputArbitrary,
  check: (p, x) => {
    const e = evaluate(p.variant, x);
    const yOk = e.y1Lower <= e.y1True * (1 + RTOL) + e.slack;
    const eOk = e.errorsUpper >= e.errorsTrue * (1 - RTOL) - e.slack;
    const ok = yOk && eOk;
    return {
      ok,
      margin: Math.min(e.y1True - e.y1Lower, e.errorsUpper === Infinity ? 1 : e.errorsUpper - e.errorsTrue),
      metrics: {
        y1Lower: e.y1Lower,
        y1True: e.y1True,
        errorsUpper: Number.isFinite(e.errorsUpper) ? e.errorsUpper : null,
        errorsTrue: e.errorsTrue,
        mu1: x.intensities.mu[0],
        mu2: x.intensities.mu[1],
        mu3: x.intensities.mu[2],
        Y0: x.attack.yields[0],
        roundingSlack: e.slack,
      },
      ...(ok
        ? {}
        : {
            message: !yOk
              ? `single-photon lower bound ${e.y1Lower.toExponential(4)} exceeds Eve's true value ${e.y1True.toExponential(4)}`
              : `single-photon error bound ${e.errorsUpper.toExponential(4)} is below Eve's true errors ${e.errorsTrue.toExponential(4)}`,
          }),
    };
  },
  trace: (p, x): TraceStep[] => {
    const e = evaluate(p.variant, x);
    return [
      { step: "Eve's yields", detail: "Y_n for n = 0..8 and the tail", values: Object.fromEntries(x.attack.yields.map((y, n) => [`Y${n}`, y])) },
      { step: "observed gains", detail: "what the KDC sees per intensity", values: Object.fromEntries(x.intensities.mu.map((m, k) => [`Q(mu${k + 1}=${m.toPrecision(4)})`, observedGains(x.attack, m).Q])) },
      { step: `${p.variant} estimate`, detail: "bounds vs Eve's true single-photon values", values: { y1Lower: e.y1Lower, y1True: e.y1True, errorsUpper: e.errorsUpper, errorsTrue: e.errorsTrue } },
    ];
  },
};
