/**
 * `qkd-harness/random`: seeded, immutable randomness for sampled protocol runs. Every draw
 * returns its values **and a new generator**, so the same seed gives byte-identical runs.
 *
 * @example
 * ```ts
 * import { drawBits, seeded } from "qkd-harness/random";
 * const [bits, next] = drawBits(seeded(7), 8); // the same 8 bits for seed 7, every time
 * ```
 * @module qkd-harness/random
 */
export {
  seeded,
  withRng,
  split,
  drawBits,
  drawFloats,
  drawInt,
  drawCategorical,
  categorical,
  type Rng,
  type RawDraws,
} from "../model/random.js";
