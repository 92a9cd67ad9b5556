/**
 * Benchmark of the auth model: generated strategies evaluated per second (exact runs of two
 * sessions, n = 4, both paper readings, strategies as properties/auth/arbitraries.ts makes them;
 * target 2,000/s on one core, issue 12), and honest sessions per second at n = 8. Each rate is
 * the median of interleaved batches (parity, basis-encoded, parity, ...), so a burst of load
 * from elsewhere hits both readings alike.
 * @module
 */
import { performance } from "node:perf_hooks";
import * as fc from "fast-check";
import { honestStrategy } from "../model/auth/index.js";
import { arbStrategy } from "../properties/auth/arbitraries.js";
import { evaluateStrategy } from "../properties/auth/evaluate.js";
import { authParams } from "../properties/auth/params.js";
import type { BenchResult } from "./bb84.js";

/** Strategies/s the optimising search needs (issue 12, item 3). */
export const AUTH_TARGET_PER_SECOND = 2000;

/** Run the auth benchmarks; each entry is one measured rate. */
export async function runAuthBench(options: { readonly batches?: number } = {}): Promise<(BenchResult | { name: string; value: number; unit: string })[]> {
  const strategies = fc.sample(arbStrategy(["mitm", "impersonate-member", "impersonate-kdc"], 2, 3), { numRuns: 200, seed: 7 });
  const variants = ["parity", "basis-encoded"] as const;
  const params = variants.map((variant) => authParams.parse({ variant, keyBits: 4, sessions: 2 }));
  for (const p of params) for (const s of strategies.slice(0, 50)) evaluateStrategy(p, s); // warm-up
  const rates: number[][] = variants.map(() => []);
  for (let batch = 0; batch < (options.batches ?? 5); batch++) {
    params.forEach((p, v) => {
      const t0 = performance.now();
      for (const s of strategies) evaluateStrategy(p, s);
      rates[v].push(strategies.length / ((performance.now() - t0) / 1000));
    });
  }
  const out: (BenchResult | { name: string; value: number; unit: string })[] = variants.map((variant, v) => ({
    name: `auth ${variant}: generated strategies evaluated (n=4, 2 sessions, median of ${rates[v].length} batches)`,
    value: median(rates[v]),
    unit: "strategies/s",
    target: AUTH_TARGET_PER_SECOND,
  }));
  const params8 = authParams.parse({ variant: "parity", keyBits: 8, sessions: 1 });
  const t1 = performance.now();
  const reps = 5;
  for (let k = 0; k < reps; k++) evaluateStrategy(params8, honestStrategy);
  out.push({ name: "auth parity: honest session over all 256 keys (n=8)", value: reps / ((performance.now() - t1) / 1000), unit: "sessions/s" });
  return out;
}

/** The median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}
