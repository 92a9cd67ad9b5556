/**
 * Random target lists.
 * @module
 */
import * as fc from "fast-check";
import { checkIntegerArgument } from "./internal/checks.js";

/** Options of {@link arbSubsystems}. */
export interface SubsystemsOptions {
  /** Fewest targets (default 1). */
  readonly minLength?: number;
  /** Most targets (default: all subsystems; larger values are clamped to the number of subsystems). */
  readonly maxLength?: number;
}

/**
 * A list of distinct subsystem indices of `dims`, in random order (the order matters: it is
 * the order of a local operator's factors). Shrinks towards fewer targets.
 * @example fc.sample(arbSubsystems([2, 3, 2], { minLength: 2, maxLength: 2 }), 1)[0] // e.g. [2, 0]
 */
export function arbSubsystems(dims: readonly number[], options: SubsystemsOptions = {}): fc.Arbitrary<readonly number[]> {
  const { minLength = 1 } = options;
  checkIntegerArgument("arbSubsystems", "minLength", minLength, 0, dims.length);
  const maxLength = Math.min(options.maxLength ?? dims.length, dims.length);
  checkIntegerArgument("arbSubsystems", "maxLength", maxLength, minLength, dims.length);
  return fc.shuffledSubarray(dims.map((_, k) => k), { minLength, maxLength });
}
