/**
 * Figure data for the auth protocol: Eve's information about the current key vs session number
 * (honest channel, intercept-resend and a hand-written GHZ tap, per variant) and honest acceptance vs channel noise.
 * @module
 */
import { honestSessionAcceptance, honestStrategy, type PaperVariant, paperVariants } from "../../model/auth/index.js";
import type { FigureProvider } from "../figures.js";
import type { FigureSeries } from "../types.js";
import { evaluateStrategy } from "./evaluate.js";
import { ghzTapParityRead, interceptResend } from "./namedStrategies.js";
import { authParams } from "./params.js";

const KEY_BITS = 4;
const SESSIONS = 4;

function informationSeries(variant: PaperVariant, name: string, strategy: typeof honestStrategy, dash?: "dashed" | "dotted"): FigureSeries {
  const ev = evaluateStrategy(authParams.parse({ variant, keyBits: KEY_BITS, sessions: SESSIONS }), strategy);
  return { name: `${variant}: ${name}`, mark: "line", ...(dash ? { dash } : {}), points: ev.sessions.map((s) => [s.session, s.knowledge?.holevo ?? 0] as const) };
}

/** Eve's Holevo information about the current key after r sessions. */
const accumulationFigure: FigureProvider = {
  id: "auth-accumulation",
  protocol: "auth",
  compute: () => ({
    id: "auth-accumulation",
    title: "Eve's information about the current authentication key vs session",
    caption: `Holevo quantity chi(K_c : Eve) in bits after r sessions (n = ${KEY_BITS}, accepted sessions only), for the honest channel, plain intercept-resend in Z, and the hand-written GHZ tap with reversible parity read. ${KEY_BITS} bits is the whole key.`,
    xLabel: "session r",
    yLabel: "chi(K_c : R E) [bits]",
    series: paperVariants.flatMap((v) => [
      informationSeries(v, "honest", honestStrategy),
      informationSeries(v, "intercept-resend", interceptResend, "dashed"),
      informationSeries(v, "GHZ tap + parity read (hand-written)", ghzTapParityRead, "dotted"),
    ]),
  }),
};

const NOISE = [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3];

/** Honest acceptance of one session vs depolarizing noise, computed and analytic. */
const noiseFigure: FigureProvider = {
  id: "auth-noise",
  protocol: "auth",
  compute: () => ({
    id: "auth-noise",
    title: "Honest acceptance vs channel noise",
    caption: `Probability that the honest member passes one session (n = ${KEY_BITS}) with depolarizing noise p on both transits: density-matrix computation (points) and the analytic formula (lines).`,
    xLabel: "depolarizing probability p",
    yLabel: "P(accept)",
    series: paperVariants.flatMap((v): FigureSeries[] => [
      { name: `${v}: computed`, mark: "point", points: NOISE.map((p) => [p, evaluateStrategy(authParams.parse({ variant: v, keyBits: KEY_BITS, sessions: 1, noise: p }), honestStrategy).final.acceptance] as const) },
      { name: `${v}: analytic`, mark: "line", points: NOISE.map((p) => [p, honestSessionAcceptance(v, p, KEY_BITS)] as const) },
    ]),
  }),
};

/** Every auth figure provider. */
export const authFigureProviders: readonly FigureProvider[] = [accumulationFigure, noiseFigure];
