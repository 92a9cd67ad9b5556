/**
 * Benchmark of the optimising auth search (issue 11, "How it is checked"): objective evaluations
 * per second inside `searchAuth` on the instance it runs on for n = 8 — n = 4, two sessions,
 * parity reading, objective `acceptedInformation` — neighbourhood enumeration, caching and
 * bookkeeping included. The median of a few searches with different seeds (each a fixed budget).
 * Kept apart from bench/auth.ts (the model's own rates) so that the two change independently.
 * It runs in the bench's own process, where no auth strategy was evaluated before (bench/auth.ts
 * evaluates in child processes; the kernel and bb84 sections may have run): the first search runs
 * cold, as in a fresh `qkd-harness search auth` (which also raises V8's tier-up threshold,
 * cli/jit.ts; the bench does not). Until 2026-11-28 it ran after ~2,800 evaluations in the same
 * process and read 2-4x higher.
 * @module
 */
import { performance } from "node:perf_hooks";
import { searchAuth } from "../properties/auth/search.js";
import { median } from "./rows.js";

/** Evaluations/s of the auth search at n = 4, two sessions (one row; no target of its own). */
export async function runAuthSearchBench(options: { readonly searches?: number; readonly budget?: number } = {}): Promise<{ name: string; value: number; unit: string }[]> {
  const budget = options.budget ?? 200, searches = options.searches ?? 3;
  const rates: number[] = [];
  for (let seed = 1; seed <= searches; seed++) {
    const t0 = performance.now();
    const o = searchAuth({ variant: "parity", keyBits: 4, sessions: 2, noise: 0 }, { seed, budget, objective: "acceptedInformation" });
    rates.push(o.evaluations / ((performance.now() - t0) / 1000));
  }
  return [{ name: `auth search: evaluations inside searchAuth in the bench's own process, which evaluated no auth strategy before (the first search runs cold) (parity, n=4, 2 sessions, budget ${budget}, median of ${searches} seeds)`, value: median(rates), unit: "evaluations/s" }];
}
