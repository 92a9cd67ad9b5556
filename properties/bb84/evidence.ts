/**
 * How a bb84 verdict is established when it is not by generated inputs: a fixed adversary (a
 * named strategy or strategy data) is one input, and its run is computed exactly from the
 * density matrices, so the verdict on that input space is exact.
 * @module
 */
import type { PropertyDefinition } from "../types.js";
import type { Bb84Params } from "./params.js";

/** `exact` when the scenario fixes the adversary; otherwise undefined (the verdict rests on generated attacks). */
export const fixedAdversaryEvidence: NonNullable<PropertyDefinition<Bb84Params>["evidence"]> = (p) =>
  p.adversary.kind === "fixed"
    ? { kind: "exact", detail: `one fixed attack (${p.adversary.strategy.kind}), its run computed exactly from the density matrices` }
    : undefined;
