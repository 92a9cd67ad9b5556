/** Number of fast-check runs for this folder's property tests, scaled by `QKD_RUNS`. */
export function runs(base: number): number {
  const scale = Number(process.env.QKD_RUNS ?? "1");
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
