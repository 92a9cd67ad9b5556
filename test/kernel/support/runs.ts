/**
 * fast-check run counts for the kernel properties. `QKD_RUNS` multiplies every default (e.g.
 * `QKD_RUNS=20 npx vitest run test/kernel` for a long run); the defaults keep the whole folder
 * to a few seconds per file on two cores.
 */
const factor = Number(process.env.QKD_RUNS ?? "1");

/** `base` scaled by the `QKD_RUNS` factor (at least 1). */
export function runs(base: number): number {
  return Math.max(1, Math.round(base * (Number.isFinite(factor) && factor > 0 ? factor : 1)));
}

/** fast-check parameters: scaled run count, and the seed from `QKD_SEED` when set (to replay). */
export function params(base: number): { numRuns: number; seed?: number } {
  const seed = process.env.QKD_SEED;
  return seed === undefined ? { numRuns: runs(base) } : { numRuns: runs(base), seed: Number(seed) };
}
