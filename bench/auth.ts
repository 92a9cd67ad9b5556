/**
 * Benchmark of the auth model: generated strategies checked per second (exact runs of two
 * sessions, n = 4, both paper variants), and honest sessions per second at n = 8.
 * @module
 */
import * as fc from "fast-check";
import { honestStrategy } from "../model/auth/index.js";
import { arbStrategy } from "../properties/auth/arbitraries.js";
import { evaluateStrategy } from "../properties/auth/evaluate.js";
import { authParams } from "../properties/auth/params.js";

/** Run the auth benchmarks; each entry is one measured rate. */
export async function runAuthBench(): Promise<{ name: string; value: number; unit: string }[]> {
  const strategies = fc.sample(arbStrategy(["mitm", "impersonate-member", "impersonate-kdc"], 2, 3), { numRuns: 40, seed: 7 });
  const out: { name: string; value: number; unit: string }[] = [];
  for (const variant of ["parity", "basis-encoded"] as const) {
    const params = authParams.parse({ variant, keyBits: 4, sessions: 2 });
    const t0 = performance.now();
    for (const s of strategies) evaluateStrategy(params, s);
    const seconds = (performance.now() - t0) / 1000;
    out.push({ name: `auth ${variant}: generated strategies checked (n=4, 2 sessions)`, value: strategies.length / seconds, unit: "strategies/s" });
  }
  const params8 = authParams.parse({ variant: "parity", keyBits: 8, sessions: 1 });
  const t1 = performance.now();
  const reps = 5;
  for (let k = 0; k < reps; k++) evaluateStrategy(params8, honestStrategy);
  out.push({ name: "auth parity: honest session over all 256 keys (n=8)", value: reps / ((performance.now() - t1) / 1000), unit: "sessions/s" });
  return out;
}
