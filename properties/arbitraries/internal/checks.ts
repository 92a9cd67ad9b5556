/** Argument checks shared by the arbitraries (not exported from the barrel). */

/** Throws unless dims are positive integers; returns their product. */
export function checkDimsArgument(fn: string, dims: readonly number[]): number {
  if (dims.length === 0 || dims.some((d) => !Number.isInteger(d) || d < 1)) {
    throw new RangeError(`${fn}: dims must be a non-empty list of positive integers, got [${dims.join(",")}]`);
  }
  return dims.reduce((a, b) => a * b, 1);
}

/** Throws unless n is an integer in [min, max]. */
export function checkIntegerArgument(fn: string, name: string, n: number, min: number, max: number): void {
  if (!Number.isInteger(n) || n < min || n > max) throw new RangeError(`${fn}: ${name} must be an integer in [${min}, ${max}], got ${n}`);
}
