/**
 * Throughput of the bb84 private-key model: exact secrecy checks of generated adversaries per
 * second (target 10^4/s on one core) and sampled pulses per second including sifting and
 * estimation (target 10^6/s).
 * @module
 */
import { performance } from "node:perf_hooks";
import * as fc from "fast-check";
import { estimate, outcomeTable, samplePulses, sift, IDEAL_LINK, type Adversary } from "../model/bb84/index.js";
import { seeded } from "../model/random.js";
import { adversaryArbitrary } from "../properties/bb84/arbitraries.js";
import { secrecy } from "../properties/bb84/secrecy.js";
import { runProperty } from "../properties/engine.js";

/** One measured rate. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  readonly target: number;
}

/** Run the bb84 benchmarks; each measures for about a second. */
export async function runBb84Bench(): Promise<BenchResult[]> {
  return [secrecyChecksPerSecond(), adversariesThroughEngine(), sampledPulsesPerSecond()];
}

/** Generated adversaries per second through the check engine (runProperty: generation, check, shrinking bookkeeping). */
function adversariesThroughEngine(): BenchResult {
  const params = secrecy.params.parse({ variant: "with-pa", adversary: { kind: "generated", space: "single-photon" } });
  const settings = { runs: 2000, seed: 42, scenario: "bench", variant: "with-pa", expected: "holds" as const };
  runProperty(secrecy, params, { ...settings, runs: 200 }); // warm-up
  let adversaries = 0;
  const start = performance.now();
  while (performance.now() - start < 1000) {
    const result = runProperty(secrecy, params, settings);
    if (result.verdict !== "holds") throw new Error(`bb84 bench: secrecy on with-pa gave ${result.verdict}`);
    adversaries += settings.runs;
  }
  const seconds = (performance.now() - start) / 1000;
  return { name: "bb84 secrecy through the engine (runProperty, generated single-photon attacks, with-pa)", value: adversaries / seconds, unit: "adversaries/s", target: 1e4 };
}

function secrecyChecksPerSecond(): BenchResult {
  const params = secrecy.params.parse({ variant: "with-pa", adversary: { kind: "generated", space: "single-photon" } });
  const adversaries: Adversary[] = fc.sample(adversaryArbitrary("single-photon"), { numRuns: 2000, seed: 42 });
  for (const a of adversaries.slice(0, 200)) secrecy.check(params, a); // warm-up
  let checks = 0, failures = 0;
  const start = performance.now();
  while (performance.now() - start < 1000) {
    for (const a of adversaries) {
      if (!secrecy.check(params, a).ok) failures++;
      checks++;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  if (failures > 0) throw new Error(`bb84 bench: ${failures} secrecy checks failed on the with-pa variant`);
  return { name: "bb84 exact secrecy checks (generated single-photon attacks, with-pa)", value: checks / seconds, unit: "checks/s", target: 1e4 };
}

function sampledPulsesPerSecond(): BenchResult {
  const stats = outcomeTable(IDEAL_LINK, { kind: "cloner", disturbance: 0.05 });
  const n = 1_000_000;
  samplePulses(stats, 50_000, "random", seeded(0)); // warm-up
  let pulses = 0, seed = 1;
  const start = performance.now();
  while (performance.now() - start < 1000) {
    const [records, rng] = samplePulses(stats, n, "random", seeded(seed++));
    estimate(sift(records), 10_000, 0.11, { positions: "random", compared: 10_000 }, rng);
    pulses += n;
  }
  const seconds = (performance.now() - start) / 1000;
  return { name: "bb84 sampled pulses incl. sifting and estimation", value: pulses / seconds, unit: "pulses/s", target: 1e6 };
}
