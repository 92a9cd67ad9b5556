/**
 * Key-rate properties of decoy-state BB84 (the paper's eq. 13) and the key-rate figure.
 *
 * `bb84.keyrate-decoy-bound`: for generated channel parameters, the vacuum + weak decoy rate is a
 * lower bound: never above the infinite-decoy rate, and clipped at zero exactly. Negative control
 * `no-vacuum-estimator`: an estimator that drops the vacuum decoy's Y0 term and so overestimates Y1.
 * @module
 */
import * as fc from "fast-check";
import { z } from "zod";
import type { Figure, PropertyDefinition, TraceStep } from "../types.js";
import { infiniteDecoyInputs, vacuumWeakDecoyInputs, type RateInputs } from "../../model/bb84/keyrate/decoy.js";
import { errorGain, gain, validateChannel, type ChannelParameters } from "../../model/bb84/keyrate/channel.js";
import { secureKeyRatePerPulse, type RateFormula } from "../../model/bb84/keyrate/rate.js";
import { keyRateAt, DEFAULT_WEAK_DECOY, type DecoyMethod } from "../../model/bb84/keyrate/keyRateCurve.js";
import { gys } from "../../model/bb84/keyrate/presets.js";
import { paperClaimSet } from "../../model/bb84/keyrate/paperClaims.js";
import { paperClaimsProperty } from "./paperClaims.js";

/** Estimators: the protocol's, and the deliberately broken negative control. */
export const decoyBoundVariants = ["vacuum-weak-decoy", "no-vacuum-estimator"] as const;

const params = z.object({
  variant: z.enum(decoyBoundVariants).default("vacuum-weak-decoy"),
});

/** Parameters of {@link decoyBoundProperty}. */
export type DecoyBoundParams = z.infer<typeof params>;

/** A generated link and operating point. */
export interface DecoyBoundInput {
  readonly channel: ChannelParameters;
  readonly distanceKm: number;
  readonly mu: number;
  readonly nu: number;
  readonly formula: RateFormula;
}

/** Relative slack for comparing two rates computed in floating point. */
const RATE_RTOL = 1e-9;

const inputArbitrary: fc.Arbitrary<DecoyBoundInput> = fc
  .record({
    alphaDbPerKm: fc.double({ min: 0.15, max: 0.35, noNaN: true }),
    etaBob: fc.double({ min: 0.01, max: 0.9, noNaN: true }),
    log10Y0: fc.double({ min: -8, max: -3, noNaN: true }),
    eDetector: fc.double({ min: 0, max: 0.1, noNaN: true }),
    fEC: fc.double({ min: 1, max: 1.5, noNaN: true }),
    distanceKm: fc.double({ min: 0, max: 200, noNaN: true }),
    mu: fc.double({ min: 0.05, max: 1, noNaN: true }),
    nuFraction: fc.double({ min: 0.02, max: 0.9, noNaN: true }),
    formula: fc.constantFrom<RateFormula>("gllp", "eq13"),
  })
  .map((r) => ({
    channel: validateChannel({
      ...gys,
      alphaDbPerKm: r.alphaDbPerKm,
      etaBob: r.etaBob,
      darkCountYield: 10 ** r.log10Y0,
      eDetector: r.eDetector,
      fEC: r.fEC,
    }),
    distanceKm: r.distanceKm,
    mu: r.mu,
    nu: r.mu * r.nuFraction,
    formula: r.formula,
  }));

/**
 * The negative control: the vacuum + weak bound without the vacuum decoy's `- (mu^2 - nu^2)/mu^2 Y0`
 * term (as if Y0 were 0), which overestimates Y_1 by `(mu + nu) Y0 / (mu nu)` and underestimates e_1.
 */
function noVacuumInputs(p: ChannelParameters, L: number, mu: number, nu: number): RateInputs {
  const honest = vacuumWeakDecoyInputs(p, L, mu, nu);
  const Qmu = gain(p, L, mu);
  const Qnu = gain(p, L, nu);
  const Y1 = Math.max(0, (mu / (mu * nu - nu * nu)) * (Qnu * Math.exp(nu) - (Qmu * Math.exp(mu) * nu * nu) / (mu * mu)));
  const e1 = Y1 > 0 ? Math.min(0.5, Math.max(0, (errorGain(p, L, nu) * Math.exp(nu)) / (Y1 * nu))) : 0.5;
  return { ...honest, Y1, e1, Q1: Y1 * mu * Math.exp(-mu) };
}

function evaluate(variant: DecoyBoundParams["variant"], x: DecoyBoundInput) {
  const settings = { fEC: x.channel.fEC, siftingFactor: x.channel.siftingFactor, formula: x.formula };
  const exact = infiniteDecoyInputs(x.channel, x.distanceKm, x.mu);
  const estimate =
    variant === "vacuum-weak-decoy"
      ? vacuumWeakDecoyInputs(x.channel, x.distanceKm, x.mu, x.nu)
      : noVacuumInputs(x.channel, x.distanceKm, x.mu, x.nu);
  return { exact, estimate, infinite: secureKeyRatePerPulse(exact, settings), decoy: secureKeyRatePerPulse(estimate, settings) };
}

/** `R_{vacuum+weak} <= R_{infinite decoy}` for every link, with `R = max(0, eq. 13)`. */
export const decoyBoundProperty: PropertyDefinition<DecoyBoundParams, DecoyBoundInput> = {
  id: "bb84.keyrate-decoy-bound",
  protocol: "bb84",
  title: "The vacuum + weak decoy rate is a lower bound on the infinite-decoy rate",
  statement:
    "For every fibre link and operating point (mu > nu > 0), the eq. 13 rate computed from the vacuum + weak decoy " +
    "estimates (\\(Y_1^L\\), \\(e_1^U\\) of Ma-Qi-Zhao-Lo) never exceeds the rate with the true single-photon yield and error, " +
    "and is clipped at zero exactly (\\(Y_1^L \\le Y_1,\\ e_1^U \\ge e_1\\)).",
  equation:
    "0 \\le \\max(0, R[Y_1^L, e_1^U]) \\le \\max(0, R[Y_1, e_1]),\\quad Y_1^L = \\tfrac{\\mu}{\\mu\\nu-\\nu^2}\\big(Q_\\nu e^{\\nu} - Q_\\mu e^{\\mu}\\tfrac{\\nu^2}{\\mu^2} - \\tfrac{\\mu^2-\\nu^2}{\\mu^2} Y_0\\big)",
  trust: {
    trusted: ["Alice's source (phase-randomised coherent states of known intensities)", "Bob's detectors (characterised)"],
    adversary: "Eve controls the channel and sets any photon-number yields Y_n >= 0 (PNS attacks included); the generated links are the honest observations",
  },
  params,
  arbitrary: () => inputArbitrary,
  check: (p, x) => {
    const { exact, estimate, infinite, decoy } = evaluate(p.variant, x);
    const slack = RATE_RTOL * Math.max(infinite.clipped, 1e-300);
    const clippedRight = decoy.clipped === Math.max(0, decoy.raw) && decoy.clipped >= 0;
    const below = decoy.clipped <= infinite.clipped + slack;
    const ok = clippedRight && below;
    return {
      ok,
      margin: infinite.clipped - decoy.clipped,
      metrics: {
        rateInfinite: infinite.clipped,
        rateDecoy: decoy.clipped,
        rawDecoy: decoy.raw,
        Y1: exact.Y1,
        Y1Estimate: estimate.Y1,
        e1: exact.e1,
        e1Estimate: estimate.e1,
        distanceKm: x.distanceKm,
        mu: x.mu,
        nu: x.nu,
      },
      ...(ok
        ? {}
        : {
            message: !clippedRight
              ? `clipping wrong: raw ${decoy.raw}, clipped ${decoy.clipped}`
              : `decoy-estimated rate ${decoy.clipped.toExponential(4)} exceeds the infinite-decoy rate ${infinite.clipped.toExponential(4)} (Y1 estimate ${estimate.Y1.toExponential(4)} vs true ${exact.Y1.toExponential(4)})`,
          }),
    };
  },
  trace: (p, x): TraceStep[] => {
    const { exact, estimate, infinite, decoy } = evaluate(p.variant, x);
    return [
      { step: "link", detail: `${x.distanceKm.toFixed(2)} km, mu ${x.mu.toFixed(4)}, nu ${x.nu.toFixed(4)}, formula ${x.formula}` },
      { step: "true single-photon terms", detail: "infinite-decoy limit", values: { Y1: exact.Y1, e1: exact.e1 } },
      { step: `${p.variant} estimate`, detail: "from Q_mu, Q_nu, E_nu Q_nu and Y0", values: { Y1: estimate.Y1, e1: estimate.e1 } },
      { step: "rates per pulse", detail: "eq. 13, clipped at 0", values: { infinite: infinite.clipped, decoy: decoy.clipped } },
    ];
  },
};

/** Every key-rate property of bb84, for the lead to wire into the bb84 list. */
export const keyRateProperties: readonly PropertyDefinition[] = [decoyBoundProperty, paperClaimsProperty];

/** Distances of the figure, km. */
const FIGURE_DISTANCES = Array.from({ length: 76 }, (_, i) => 2 * i);

function curve(method: DecoyMethod): [number, number][] {
  return FIGURE_DISTANCES.map((d) => [d, keyRateAt(gys, d, { method, formula: "eq13", nu: DEFAULT_WEAK_DECOY }).ratePerSecond] as [number, number]).filter(
    ([, r]) => r > 0,
  );
}

/**
 * Rate vs distance (0-150 km) for the GYS parameters at 2 MHz, infinite decoy and vacuum + weak
 * decoy (nu = 0.1), eq. 13 at the optimal mu, with the paper's Fig. 10 claims overlaid (bit/s).
 */
export function keyRateFigure(): Figure {
  return {
    id: "bb84.keyrate-vs-distance",
    title: "Secure key rate vs fibre length: eq. 13 with GYS parameters vs the paper's Fig. 10",
    caption:
      "Lines: eq. 13 (with Q_0) at the optimal mean photon number for the GYS link (0.21 dB/km, eta_Bob 4.5 %, Y0 1.7e-6, " +
      "e_d 3.3 %, f_EC 1.22, 2 MHz), infinite decoy and vacuum + weak decoy (nu = 0.1). Points: the paper's claimed secure and " +
      "sifted rates (Fig. 10), which sit about 1000x above the GYS curve and require a GHz source.",
    xLabel: "fibre length (km)",
    yLabel: "key rate (bit/s)",
    xScale: "linear",
    yScale: "log",
    series: [
      { name: "GYS, infinite decoy (eq. 13)", mark: "line", points: curve("infinite-decoy") },
      { name: `GYS, vacuum + weak decoy nu=${DEFAULT_WEAK_DECOY} (eq. 13)`, mark: "line", points: curve("vacuum-weak-decoy") },
      { name: "paper Fig. 10: secure rate (claimed)", mark: "point", points: paperClaimSet.rateVsDistance.map((c) => [c.distanceKm, c.secureKbps * 1000] as const) },
      { name: "paper Fig. 10: sifted rate (claimed)", mark: "point", points: paperClaimSet.rateVsDistance.map((c) => [c.distanceKm, c.siftedKbps * 1000] as const) },
    ],
  };
}
