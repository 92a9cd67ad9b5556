/**
 * Bench: rekey cost per membership change (one leave) for N = 10 .. 10^6 members, flat vs LKH.
 * The measurement itself lives in properties/kdc/rekeyCost.ts (the report's figure uses it too).
 * @module
 */
import { measureLeaveCost, rekeyCostFigure, type KdcRekeyRow } from "../properties/kdc/rekeyCost.js";

export { rekeyCostFigure, type KdcRekeyRow };

/** Bench options (defaults: N up to 10^6, 3 leaves per size, flat stopped when the next size would exceed ~2 s). */
export interface KdcRekeyBenchOptions {
  readonly maxN?: number;
  readonly changes?: number;
  readonly flatBudgetMs?: number;
  readonly seed?: number;
}

/** Measure flat and LKH rekey cost per leave for N = 10, 100, ..., maxN. */
export async function runKdcRekeyBench(options: KdcRekeyBenchOptions = {}): Promise<KdcRekeyRow[]> {
  const maxN = options.maxN ?? 1_000_000;
  const changes = options.changes ?? 3;
  const budget = options.flatBudgetMs ?? 2000;
  const seed = options.seed ?? 2020;
  const rows: KdcRekeyRow[] = [];
  let flatOn = true;
  for (let n = 10; n <= maxN; n *= 10) {
    if (flatOn) {
      const row = measureLeaveCost("flat", n, changes, seed);
      rows.push(row);
      // the flat cost grows linearly: stop before a size whose predicted cost exceeds the budget
      if (row.msPerChange * 10 > budget) flatOn = false;
    }
    rows.push(measureLeaveCost("lkh", n, changes, seed));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return rows;
}
