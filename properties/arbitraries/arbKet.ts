/**
 * Haar-random pure states.
 * @module
 */
import * as fc from "fast-check";
import { ket, type Entry, type Ket } from "../../model/kernel/index.js";
import { arbHaarIsometry } from "./arbHaarUnitary.js";
import { checkDimsArgument } from "./internal/checks.js";

/**
 * A Haar-random normalised ket on a space with the given subsystem dims: a normalised complex
 * Gaussian vector (the first column of a Haar unitary), validated by the kernel's `ket`.
 * Shrinks towards the basis state `|0...0>`.
 * @example fc.sample(arbKet([2, 3]), 1)[0].dims // [2, 3]
 */
export function arbKet(dims: readonly number[]): fc.Arbitrary<Ket> {
  const d = checkDimsArgument("arbKet", dims);
  return arbHaarIsometry(d, 1).map((v) => {
    const amplitudes: Entry[] = [];
    for (let i = 0; i < d; i++) amplitudes.push([v.data[2 * i], v.data[2 * i + 1]]);
    return ket(amplitudes, dims);
  });
}
