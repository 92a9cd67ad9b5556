/**
 * Throughput of the bb84 private-key model: exact secrecy checks of generated adversaries per
 * second (target 10^4/s on one core), sampled pulses per second including sifting and
 * estimation (target 10^6/s), and the post-processing of a 10^5-bit key: Cascade at QBER 5 %
 * and Toeplitz hashing to 5·10^4 bits (target: at least one key per second each), and the
 * optimising adversary search's evaluations per second on individual probes (issue 11). The tests
 * check what these functions compute; how fast they are is measured here, not in timed tests.
 * @module
 */
import { performance } from "node:perf_hooks";
import * as fc from "fast-check";
import { estimate, outcomeTable, samplePulses, sift, IDEAL_LINK, type Adversary } from "../model/bb84/index.js";
import { drawBits, drawFloats, seeded } from "../model/random.js";
import { reconcile } from "../model/bb84/postprocessing/reconcile.js";
import { privacyAmplify } from "../model/bb84/postprocessing/privacyAmplification.js";
import { adversaryArbitrary } from "../properties/bb84/arbitraries.js";
import { searchBb84 } from "../properties/bb84/search.js";
import { secrecy } from "../properties/bb84/secrecy.js";
import { runProperty } from "../properties/engine.js";

/** One measured rate. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The rate the issue asks for, or null for a row that is measured without a target. */
  readonly target: number | null;
}

/**
 * Run the bb84 benchmarks; each measures for `windowMs` (default a second; the bench's smoke
 * test sets it lower, and the search row's budget shrinks in proportion).
 */
export async function runBb84Bench(options: { readonly windowMs?: number } = {}): Promise<BenchResult[]> {
  const ms = options.windowMs ?? 1000;
  return [secrecyChecksPerSecond, adversariesThroughEngine, sampledPulsesPerSecond, cascadeKeysPerSecond, toeplitzKeysPerSecond, probeSearchEvaluationsPerSecond].map((row) => row(ms));
}

/** Generated adversaries per second through the check engine (runProperty: generation, check, shrinking bookkeeping). */
function adversariesThroughEngine(ms: number): BenchResult {
  const params = secrecy.params.parse({ variant: "with-pa", adversary: { kind: "generated", space: "single-photon" } });
  const settings = { runs: 2000, seed: 42, scenario: "bench", variant: "with-pa", expected: "holds" as const };
  runProperty(secrecy, params, { ...settings, runs: 200 }); // warm-up
  let adversaries = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    const result = runProperty(secrecy, params, settings);
    if (result.verdict !== "holds") throw new Error(`bb84 bench: secrecy on with-pa gave ${result.verdict}`);
    adversaries += settings.runs;
  }
  const seconds = (performance.now() - start) / 1000;
  return { name: "bb84 secrecy through the engine (runProperty, generated single-photon attacks, with-pa)", value: adversaries / seconds, unit: "adversaries/s", target: 1e4 };
}

function secrecyChecksPerSecond(ms: number): BenchResult {
  const params = secrecy.params.parse({ variant: "with-pa", adversary: { kind: "generated", space: "single-photon" } });
  const adversaries: Adversary[] = fc.sample(adversaryArbitrary("single-photon"), { numRuns: 2000, seed: 42 });
  for (const a of adversaries.slice(0, 200)) secrecy.check(params, a); // warm-up
  let checks = 0, failures = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (const a of adversaries) {
      if (!secrecy.check(params, a).ok) failures++;
      checks++;
    }
  }
  const seconds = (performance.now() - start) / 1000;
  if (failures > 0) throw new Error(`bb84 bench: ${failures} secrecy checks failed on the with-pa variant`);
  return { name: "bb84 exact secrecy checks (generated single-photon attacks, with-pa)", value: checks / seconds, unit: "checks/s", target: 1e4 };
}

function sampledPulsesPerSecond(ms: number): BenchResult {
  const stats = outcomeTable(IDEAL_LINK, { kind: "cloner", disturbance: 0.05 });
  const n = 1_000_000;
  samplePulses(stats, 50_000, "random", seeded(0)); // warm-up
  let pulses = 0, seed = 1;
  const start = performance.now();
  while (performance.now() - start < ms) {
    const [records, rng] = samplePulses(stats, n, "random", seeded(seed++));
    estimate(sift(records), 10_000, 0.11, { positions: "random", compared: 10_000 }, rng);
    pulses += n;
  }
  const seconds = (performance.now() - start) / 1000;
  return { name: "bb84 sampled pulses incl. sifting and estimation", value: pulses / seconds, unit: "pulses/s", target: 1e6 };
}

/** Repeat `once` for `ms` (after one warm-up call); calls per second. */
function perSecond(ms: number, once: (i: number) => void): number {
  once(0);
  let calls = 0;
  const start = performance.now();
  while (performance.now() - start < ms) once(++calls);
  return calls / ((performance.now() - start) / 1000);
}

const KEY_BITS = 100_000;

function cascadeKeysPerSecond(ms: number): BenchResult {
  const qber = 0.05;
  const pairs = [1, 2, 3].map((seed) => {
    const [alice, r1] = drawBits(seeded(seed), KEY_BITS);
    const [u, rng] = drawFloats(r1, KEY_BITS);
    return { alice, bob: alice.map((b, i) => (u[i] < qber ? b ^ 1 : b)), rng };
  });
  const value = perSecond(ms, (i) => {
    const { alice, bob, rng } = pairs[i % pairs.length];
    if (!reconcile(alice, bob, { qber, rng }).accepted) throw new Error("bb84 bench: Cascade did not reconcile a 5 % key");
  });
  return { name: "bb84 Cascade on a 10^5-bit key at QBER 5 %", value, unit: "keys/s", target: 1 };
}

function toeplitzKeysPerSecond(ms: number): BenchResult {
  const [key, rng] = drawBits(seeded(11), KEY_BITS);
  const value = perSecond(ms, () => void privacyAmplify(key, KEY_BITS / 2, rng));
  return { name: "bb84 Toeplitz hashing of a 10^5-bit key to 5·10^4 bits", value, unit: "keys/s", target: 1 };
}

/** Objective evaluations per second inside `searchBb84` (probes at D = 0.10; the median of three seeds). */
function probeSearchEvaluationsPerSecond(ms: number): BenchResult {
  const params = secrecy.params.parse({ variant: "paper" });
  const budget = Math.max(20, Math.round(2 * ms));
  const rates = [1, 2, 3].map((seed) => {
    const start = performance.now();
    const o = searchBb84(params, { seed, budget, objective: "information", disturbance: 0.1 });
    return o.evaluations / ((performance.now() - start) / 1000);
  }).sort((a, b) => a - b);
  return { name: `bb84 search: evaluations inside searchBb84 (probes at D = 0.10, budget ${budget}, median of 3 seeds)`, value: rates[1], unit: "evaluations/s", target: null };
}
