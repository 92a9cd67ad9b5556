/**
 * Figure data of the six-state example: computed from the model, drawn by the report.
 * @module
 */
import type { Figure, FigureProvider } from "qkd-harness";
import { bb84Rate, sixStateRate } from "./keyrate.js";
import { pulseStatistics } from "./statistics.js";

const steps = (n: number, max: number): number[] => Array.from({ length: n + 1 }, (_, i) => (i * max) / n);

/** QBER against the intercepted fraction, Eve in a random basis: six-state (slope 1/3) and BB84 (slope 1/4). */
export function qberVsFraction(): Figure {
  const line = (name: string, bases: readonly ("X" | "Y" | "Z")[], basis: "random" | "Z") => ({
    name,
    mark: "line" as const,
    points: steps(10, 1).map((f) => [f, pulseStatistics({ kind: "intercept-resend", fraction: f, basis }, bases).qber] as const),
  });
  return {
    id: "six-state.qber-vs-fraction",
    title: "Intercept-resend: QBER against intercepted fraction",
    caption: "Exact QBER when Eve intercepts a fraction f; the six-state protocol shows f/3, BB84 (Eve in Z) only f/4.",
    xLabel: "intercepted fraction f",
    yLabel: "QBER",
    series: [line("six-state, Eve random basis", ["X", "Y", "Z"], "random"), line("BB84, Eve in Z", ["X", "Z"], "Z")],
  };
}

/** One-way key rate against QBER: six-state against BB84. */
export function rateVsQber(): Figure {
  const es = steps(40, 0.16);
  return {
    id: "six-state.rate-vs-qber",
    title: "One-way key rate against QBER",
    caption: "Six-state r(e) (Lo 2001) stays positive up to about 12.6 %, BB84's 1 - 2h(e) up to about 11.0 %.",
    xLabel: "QBER e",
    yLabel: "key rate per sifted bit",
    series: [
      { name: "six-state", mark: "line", points: es.map((e) => [e, sixStateRate(e)] as const) },
      { name: "BB84", mark: "line", points: es.map((e) => [e, bb84Rate(e)] as const) },
    ],
  };
}

/** The six-state figure providers. */
export const sixStateFigures: readonly FigureProvider[] = [
  { id: "six-state.qber-vs-fraction", protocol: "six-state", compute: qberVsFraction },
  { id: "six-state.rate-vs-qber", protocol: "six-state", compute: rateVsQber },
];
