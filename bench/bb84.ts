/**
 * Throughput of the bb84 private-key model: exact secrecy checks of generated adversaries per
 * second (target 10^4/s on one core), sampled pulses per second including sifting and
 * estimation (target 10^6/s), and the post-processing of a 10^5-bit key: Cascade at QBER 5 %
 * and Toeplitz hashing to 5·10^4 bits (target: at least one key per second each), and the
 * optimising adversary search's evaluations per second on individual probes (issue 11). The tests
 * check what these functions compute; how fast they are is measured here, not in timed tests.
 * With `--baseline DIR` (an older compiled build) the two secrecy rows time it in the same run,
 * batch for batch, and add its rates and the speed-ups (see `interleavedRows`).
 * @module
 */
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import * as fc from "fast-check";
import { estimate, outcomeTable, samplePulses, sift, IDEAL_LINK, type Adversary } from "../model/bb84/index.js";
import { drawBits, drawFloats, seeded } from "../model/random.js";
import { reconcile } from "../model/bb84/postprocessing/reconcile.js";
import { privacyAmplify } from "../model/bb84/postprocessing/privacyAmplification.js";
import { adversaryArbitrary } from "../properties/bb84/arbitraries.js";
import { searchBb84 } from "../properties/bb84/search.js";
import { secrecy } from "../properties/bb84/secrecy.js";
import { runProperty } from "../properties/engine.js";
import { BenchInputError, median } from "./rows.js";

/** One measured rate. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
  /** The rate the issue asks for, or null for a row that is measured without a target. */
  readonly target: number | null;
}

/** The work of one timed batch of each row (the bench's sizes; the smoke test scales them down). */
interface Sizes {
  /** Adversaries per batch of the secrecy rows, and of their warm-up (one whole batch). */
  readonly adversaries: number;
  /** Pulses per batch of the sampling row, and test-sample bits compared. */
  readonly pulses: number;
  readonly sample: number;
  /** Bits of the key that Cascade and the Toeplitz hash process. */
  readonly keyBits: number;
}

/** The bench's sizes times `scale` (each kept above a floor at which its row still does its work). */
function sizes(scale: number): Sizes {
  if (!(scale > 0 && scale <= 1)) throw new BenchInputError(`bb84 bench: scale must be in (0, 1], got ${scale}`);
  const of = (n: number, floor: number): number => Math.max(floor, Math.round(n * scale));
  // an even key length: the hash outputs half of it
  return { adversaries: of(2000, 20), pulses: of(1_000_000, 20_000), sample: of(10_000, 100), keyBits: 2 * of(50_000, 500) };
}

/**
 * Run the bb84 benchmarks; each measures for `windowMs` (default a second; the bench's smoke
 * test sets it lower, and the search row's budget shrinks in proportion). `scale` (default 1)
 * multiplies the work per batch, which a row repeats at least once whatever the window: the
 * smoke test, which checks the rows and not their rates, sets it to 0.01.
 */
export async function runBb84Bench(options: Bb84BenchOptions = {}): Promise<BenchResult[]> {
  const ms = options.windowMs ?? 1000;
  const size = sizes(options.scale ?? 1);
  if (options.baseline) {
    const baseline = await loadBaseline(options.baseline);
    const log = options.log ?? (() => {});
    return [
      ...interleavedRows(ms, size, baseline, options.baseline, "checks", log),
      ...interleavedRows(ms, size, baseline, options.baseline, "engine", log),
      ...[sampledPulsesPerSecond, cascadeKeysPerSecond, toeplitzKeysPerSecond, probeSearchEvaluationsPerSecond].map((row) => row(ms, size)),
    ];
  }
  return [secrecyChecksPerSecond, adversariesThroughEngine, sampledPulsesPerSecond, cascadeKeysPerSecond, toeplitzKeysPerSecond, probeSearchEvaluationsPerSecond].flatMap((row) => row(ms, size));
}

/** Options of {@link runBb84Bench}. */
export interface Bb84BenchOptions {
  readonly windowMs?: number;
  readonly scale?: number;
  /**
   * A directory holding an older compiled build (its `properties/bb84/secrecy.js` and
   * `properties/engine.js`): the two secrecy rows then time it in the same rounds as this build.
   */
  readonly baseline?: string | null;
  readonly log?: (line: string) => void;
}

/** What the secrecy rows run of one build. */
interface SecrecyBuild {
  readonly secrecy: typeof secrecy;
  readonly runProperty: typeof runProperty;
}

async function loadBaseline(dir: string): Promise<SecrecyBuild> {
  const load = async (path: string): Promise<Record<string, unknown>> => {
    const file = resolve(dir, path);
    try {
      return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    } catch (e) {
      throw new BenchInputError(`--baseline: cannot load ${file} (${(e as Error).message.split("\n")[0]})`);
    }
  };
  const [sec, engine] = await Promise.all([load("properties/bb84/secrecy.js"), load("properties/engine.js")]);
  if (typeof sec.secrecy !== "object" || typeof engine.runProperty !== "function") throw new BenchInputError(`--baseline: ${dir} has no properties/bb84/secrecy.js secrecy or properties/engine.js runProperty`);
  return { secrecy: sec.secrecy as typeof secrecy, runProperty: engine.runProperty as typeof runProperty };
}

/** Items per second of one call of `batch` doing `items`, by the wall clock and by the process's CPU time (all threads). */
function timed(batch: () => void, items: number): { wall: number; cpu: number } {
  const t0 = performance.now(), c0 = process.cpuUsage();
  batch();
  const c = process.cpuUsage(c0);
  return { wall: items / ((performance.now() - t0) / 1000), cpu: items / ((c.user + c.system) / 1e6) };
}

/**
 * A secrecy row with a baseline build, interleaved: rounds of one batch of each build (2,000
 * adversaries each: the checks row checks the same generated adversaries in both, the engine row
 * runs `runProperty` of each build's own definition on seed 42), in the order A B B A A B ...
 * (this build first in the warm-up, then the order alternates every round: neither build always
 * runs on the other's leftovers, as in the kernel section's rotation), repeated until each build
 * has had the window (at least 6 rounds, an even number), after one batch of warm-up each (its
 * rate is reported too; the rows without a baseline warm up on one whole batch as well, and
 * report it too). A
 * burst of load from elsewhere so hits both builds alike. Rows: this build's rate (median of the
 * batches, wall clock; the row the target is for), the baseline's, and the speed-up as the
 * median of the per-round ratios, by the wall clock and by the process's CPU time. The engine
 * comparison runs after the checks comparison, so its warm-up batch is not cold: its rows say so.
 */
function interleavedRows(ms: number, size: Sizes, baseline: SecrecyBuild, dir: string, row: "checks" | "engine", log: (line: string) => void): BenchResult[] {
  const builds: SecrecyBuild[] = [{ secrecy, runProperty }, baseline];
  const spec = { variant: "with-pa", adversary: { kind: "generated", space: "single-photon" } };
  const adversaries: Adversary[] = fc.sample(adversaryArbitrary("single-photon"), { numRuns: size.adversaries, seed: 42 });
  const settings = { runs: size.adversaries, seed: 42, scenario: "bench", variant: "with-pa", expected: "holds" as const };
  const batches = builds.map((b) => {
    const params = b.secrecy.params.parse(spec);
    return row === "checks"
      ? (): void => {
          for (const a of adversaries) if (!b.secrecy.check(params, a).ok) throw new Error("bb84 bench: a secrecy check failed on the with-pa variant");
        }
      : (): void => {
          if (b.runProperty(b.secrecy, params, settings).verdict !== "holds") throw new Error("bb84 bench: secrecy on with-pa did not hold");
        };
  });
  // a whole batch of warm-up per build (V8 tiers the check up over the first thousands: the
  // first batch runs several times slower, and its rate is a row of its own), this build first
  const cold = batches.map((batch) => timed(batch, size.adversaries).wall);
  const load = loadavg()[0];
  const wall: number[][] = [[], []], cpu: number[][] = [[], []];
  const start = performance.now();
  for (let round = 0; round < 6 || round % 2 === 1 || performance.now() - start < 2 * ms; round++) {
    // B A in the round after the warm-up's A B, then A B, ...
    for (const b of round % 2 === 0 ? [1, 0] : [0, 1]) {
      const rate = timed(batches[b], size.adversaries);
      wall[b].push(rate.wall);
      cpu[b].push(rate.cpu);
    }
  }
  const n = wall[0].length, ratio = (r: number[][]): number => median(r[0].map((v, k) => v / r[1][k]));
  const what = row === "checks" ? "bb84 exact secrecy checks (generated single-photon attacks, with-pa)" : "bb84 secrecy through the engine (runProperty, generated single-photon attacks, with-pa)";
  const unit = row === "checks" ? "checks/s" : "adversaries/s";
  const tail = `interleaved with the baseline build in ABBA order, median of ${n} batches of ${size.adversaries}; load ${load.toFixed(1)} -> ${loadavg()[0].toFixed(1)}`;
  const first = row === "checks" ? "first (coldest) batch, the warm-up," : "first batch, the warm-up (after the checks comparison warmed both builds' checks),";
  log(`${what}: ${median(wall[0]).toFixed(0)} ${unit} now, ${median(wall[1]).toFixed(0)} with the baseline ${dir}; speed-up ${ratio(wall).toFixed(2)}x wall clock, ${ratio(cpu).toFixed(2)}x per CPU-second (${tail})`);
  return [
    { name: `${what} (${tail})`, value: median(wall[0]), unit, target: 1e4 },
    { name: `${what}: baseline build (${tail})`, value: median(wall[1]), unit, target: null },
    { name: `${what}: ${first} of this build (run before the baseline's)`, value: cold[0], unit, target: null },
    { name: `${what}: ${first} of the baseline build (run after this build's)`, value: cold[1], unit, target: null },
    { name: `${what}: speed-up over the baseline build, wall clock (median of per-round ratios)`, value: ratio(wall), unit: "x", target: null },
    { name: `${what}: speed-up over the baseline build per CPU-second of the process (median of per-round ratios)`, value: ratio(cpu), unit: "x", target: null },
  ];
}

/** `n` as the rows name it: `10^5`, `5·10^4`, else in digits. */
function powerOfTen(n: number): string {
  const k = Math.floor(Math.log10(n));
  const m = n / 10 ** k;
  return Number.isInteger(m) && m < 10 ? `${m === 1 ? "" : `${m}·`}10^${k}` : String(n);
}

/**
 * Generated adversaries per second through the check engine (runProperty: generation, check,
 * shrinking bookkeeping), after one warm-up batch (as the rows with a baseline), whose rate is
 * a row of its own. It runs after the checks row, which has warmed the check itself: a `verify`
 * cell (200 adversaries in scenarios/bb84/with-privacy-amplification.yaml) runs colder than
 * either.
 */
function adversariesThroughEngine(ms: number, size: Sizes): BenchResult[] {
  const params = secrecy.params.parse({ variant: "with-pa", adversary: { kind: "generated", space: "single-photon" } });
  const settings = { runs: size.adversaries, seed: 42, scenario: "bench", variant: "with-pa", expected: "holds" as const };
  const warm = timed(() => void runProperty(secrecy, params, settings), size.adversaries).wall;
  let adversaries = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    const result = runProperty(secrecy, params, settings);
    if (result.verdict !== "holds") throw new Error(`bb84 bench: secrecy on with-pa gave ${result.verdict}`);
    adversaries += settings.runs;
  }
  const seconds = (performance.now() - start) / 1000;
  const what = "bb84 secrecy through the engine (runProperty, generated single-photon attacks, with-pa)";
  return [
    { name: `${what} (after one warm-up batch of ${size.adversaries})`, value: adversaries / seconds, unit: "adversaries/s", target: 1e4 },
    { name: `${what}: the warm-up batch (after the checks row warmed the checks)`, value: warm, unit: "adversaries/s", target: null },
  ];
}

/** Exact secrecy checks per second after one warm-up batch (as the rows with a baseline), whose rate is a row of its own. */
function secrecyChecksPerSecond(ms: number, size: Sizes): BenchResult[] {
  const params = secrecy.params.parse({ variant: "with-pa", adversary: { kind: "generated", space: "single-photon" } });
  const adversaries: Adversary[] = fc.sample(adversaryArbitrary("single-photon"), { numRuns: size.adversaries, seed: 42 });
  const warm = timed(() => adversaries.forEach((a) => secrecy.check(params, a)), size.adversaries).wall;
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
  const what = "bb84 exact secrecy checks (generated single-photon attacks, with-pa)";
  return [
    { name: `${what} (after one warm-up batch of ${size.adversaries})`, value: checks / seconds, unit: "checks/s", target: 1e4 },
    { name: `${what}: the warm-up batch (the coldest)`, value: warm, unit: "checks/s", target: null },
  ];
}

function sampledPulsesPerSecond(ms: number, size: Sizes): BenchResult {
  const stats = outcomeTable(IDEAL_LINK, { kind: "cloner", disturbance: 0.05 });
  const n = size.pulses;
  samplePulses(stats, Math.round(n / 20), "random", seeded(0)); // warm-up
  let pulses = 0, seed = 1;
  const start = performance.now();
  while (performance.now() - start < ms) {
    const [records, rng] = samplePulses(stats, n, "random", seeded(seed++));
    estimate(sift(records), size.sample, 0.11, { positions: "random", compared: size.sample }, rng);
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

function cascadeKeysPerSecond(ms: number, size: Sizes): BenchResult {
  const qber = 0.05;
  const pairs = [1, 2, 3].map((seed) => {
    const [alice, r1] = drawBits(seeded(seed), size.keyBits);
    const [u, rng] = drawFloats(r1, size.keyBits);
    return { alice, bob: alice.map((b, i) => (u[i] < qber ? b ^ 1 : b)), rng };
  });
  const value = perSecond(ms, (i) => {
    const { alice, bob, rng } = pairs[i % pairs.length];
    if (!reconcile(alice, bob, { qber, rng }).accepted) throw new Error("bb84 bench: Cascade did not reconcile a 5 % key");
  });
  return { name: `bb84 Cascade on a ${powerOfTen(size.keyBits)}-bit key at QBER 5 %`, value, unit: "keys/s", target: 1 };
}

function toeplitzKeysPerSecond(ms: number, size: Sizes): BenchResult {
  const [key, rng] = drawBits(seeded(11), size.keyBits);
  const value = perSecond(ms, () => void privacyAmplify(key, size.keyBits / 2, rng));
  return { name: `bb84 Toeplitz hashing of a ${powerOfTen(size.keyBits)}-bit key to ${powerOfTen(size.keyBits / 2)} bits`, value, unit: "keys/s", target: 1 };
}

/** Objective evaluations per second inside `searchBb84` (probes at D = 0.10; the median of three seeds). */
function probeSearchEvaluationsPerSecond(ms: number, _size: Sizes): BenchResult {
  const params = secrecy.params.parse({ variant: "paper" });
  const budget = Math.max(20, Math.round(2 * ms));
  const rates = [1, 2, 3].map((seed) => {
    const start = performance.now();
    const o = searchBb84(params, { seed, budget, objective: "information", disturbance: 0.1 });
    return o.evaluations / ((performance.now() - start) / 1000);
  }).sort((a, b) => a - b);
  return { name: `bb84 search: evaluations inside searchBb84 (probes at D = 0.10, budget ${budget}, median of 3 seeds)`, value: rates[1], unit: "evaluations/s", target: null };
}
