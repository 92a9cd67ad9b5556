/**
 * How an auth verdict is established when it is not by generated strategies: a named strategy
 * or strategy data is the whole input space, and its run is computed exactly from the density
 * matrices over every key K_c (or the fixed key), so the verdict on it is exact.
 * @module
 */
import type { PropertyDefinition } from "../types.js";
import type { AuthParams } from "./params.js";

/** `exact` when the scenario fixes Eve's strategy; otherwise undefined (the verdict rests on generated strategies). */
export const fixedStrategyEvidence: NonNullable<PropertyDefinition<AuthParams>["evidence"]> = (p) =>
  p.adversary.kind === "generated"
    ? undefined
    : {
        kind: "exact",
        detail: `one fixed strategy (${p.adversary.kind === "named" ? p.adversary.name : "strategy data"}), computed exactly from the density matrices ${p.key === undefined ? "over every key K_c" : "for the fixed key"}`,
      };

/** `exact` when the scenario fixes the key K_c: the honest run's one input, computed exactly. */
export const fixedKeyEvidence: NonNullable<PropertyDefinition<AuthParams>["evidence"]> = (p) =>
  p.key === undefined ? undefined : { kind: "exact", detail: "one fixed key K_c, the honest run computed exactly from the density matrices" };
