/** Run counts for the kdc tests: modest defaults, scaled by the `QKD_RUNS` environment variable. */
export function runs(base: number): number {
  const scale = Number(process.env.QKD_RUNS ?? "1");
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
