/**
 * Figure providers: functions that compute the report's plot data from the model.
 * One explicit list; the CLI calls {@link allFigures} once per run.
 * @module
 */
import type { Figure } from "./types.js";
import { keyRateFigure } from "./bb84/keyrate.js";
import { rekeyCostFigureFromModel } from "./kdc/rekeyCost.js";
import { authFigureProviders } from "./auth/figures.js";
import { bb84FigureProviders } from "./bb84/figures.js";

/** A named provider of figure data. */
export interface FigureProvider {
  readonly id: string;
  /** Protocol the figure belongs to: the figure is drawn when a scenario of that protocol ran. */
  readonly protocol: string;
  compute(): Figure;
}

/**
 * A provider that computes its figure once per process: the shipped figures take no input, and
 * some are costly (the finite-decoy curves optimise an operating point per distance and block
 * size: about a second), while one process may build many result documents (a test, a library user).
 */
function once(provider: FigureProvider): FigureProvider {
  let figure: Figure | undefined;
  return { ...provider, compute: () => (figure ??= deepFreeze(provider.compute())) };
}

/** Freeze a figure and everything in it: the one copy is handed to every caller. */
function deepFreeze<V>(value: V): V {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** Every shipped figure provider. */
export const figureProviders: readonly FigureProvider[] = [
  ...bb84FigureProviders,
  { id: "bb84.keyrate-vs-distance", protocol: "bb84", compute: keyRateFigure },
  { id: "kdc.rekey-cost", protocol: "kdc", compute: rekeyCostFigureFromModel },
  ...authFigureProviders,
].map(once);

/** Compute the figures of the given protocols (all when `protocols` is omitted), in list order. */
export function allFigures(protocols?: readonly string[]): Figure[] {
  return figureProviders.filter((f) => !protocols || protocols.includes(f.protocol)).map((f) => f.compute());
}
