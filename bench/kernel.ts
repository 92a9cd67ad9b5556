/**
 * Kernel benchmark: the density-matrix kernel (model/kernel/) against numpy on one thread, with
 * the reference inside the repository (`bench/numpy_reference.py`, which defines each operation
 * in its usual numpy formulation). Optionally a second, older build of the kernel (`--baseline
 * DIR`, DIR holding a compiled `model/kernel/index.js`) is timed in the same rounds, so that one
 * run gives the ratios before and after a change.
 *
 * Method (see bench/README.md): per row, interleaved rounds of contenders (the kernel, each numpy
 * formulation of the op as a contender of its own, the baseline; in an order that rotates each
 * round), each a batch of one untimed warm-up op and then timed ops for at least `batchSeconds`
 * and one op. numpy's reference is the formulation with the best median over the rounds; the
 * row's ratio is the median over rounds of kernel / that formulation in the same round. numpy runs in one long-lived
 * child with OMP/OPENBLAS/MKL_NUM_THREADS=1 and OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset (in
 * the child only). Without python3/numpy nothing falls back silently: a warning is printed and
 * every row is marked "no reference".
 *
 * Bandwidth: bytes the current kernel moves per op (formulas in {@link bytesPerOp}) times its
 * median ops/s, over the copy bandwidth of a 128 MiB Float64Array measured in the same run.
 *
 * Load: the machine may be shared, so every row records the 1-minute load average when it was
 * measured, the table's header states the load before and after, and both go to results.json;
 * only ratios from the same run (and the same rounds) are comparable.
 * @module
 */
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { availableParallelism, loadavg } from "node:os";
import { createInterface } from "node:readline";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as current from "../model/kernel/index.js";
import type { CMatrix, DensityMatrix, Entry } from "../model/kernel/index.js";
import { phaseFixedQ } from "../properties/arbitraries/internal/householder.js";
import { BenchInputError, median, type BenchContext, type BenchRow, type BenchSection } from "./rows.js";

/** The kernel functions the benchmark calls (the current build or a baseline build). */
type Kernel = Pick<typeof current, "evolve" | "applyChannel" | "depolarizing" | "traceOut" | "eigvalsh" | "eigh" | "vonNeumannEntropy">;

/** The operations, as defined in bench/numpy_reference.py. */
export const KERNEL_OPS = ["gate1", "gate2", "kraus1", "ptrace1", "eigvalsh", "eigh", "entropy"] as const;
export type KernelOp = (typeof KERNEL_OPS)[number];
const QUBIT_OPS: readonly KernelOp[] = ["gate1", "gate2", "kraus1", "ptrace1"];

/** One kernel row: a {@link BenchRow} with the figures behind it. */
export interface KernelBenchRow extends BenchRow {
  readonly op: KernelOp;
  /** n (qubits) for gate1/gate2/kraus1/ptrace1, d (dimension) for eigvalsh/eigh/entropy. */
  readonly size: number;
  readonly kernelOpsPerSec: number;
  /** The reference: the numpy variant with the best median ops/s over the rounds, and its name. */
  readonly numpyOpsPerSec: number | null;
  readonly numpyVariant: string | null;
  /** Every numpy variant's median and per-round ops/s (each timed as a contender of its own). */
  readonly numpyVariants: readonly { readonly name: string; readonly opsPerSec: number; readonly perRound: readonly number[]; readonly faultsPerOp: number | null }[];
  /** The baseline build's median ops/s and its median ratio to numpy (when `--baseline` is given). */
  readonly baselineOpsPerSec: number | null;
  readonly ratioBefore: number | null;
  /** Bytes the current kernel moves per op, and that times ops/s over the copy bandwidth. */
  readonly bytesPerOp: number | null;
  readonly bandwidthFraction: number | null;
  /** 0.3 at n >= 10 for the qubit ops, else null. */
  readonly bandwidthTarget: number | null;
  /** Per-round kernel/numpy ratios (their median is `ratio`). */
  readonly roundRatios: readonly number[];
  /**
   * Minor page faults per op (median over rounds) of the kernel's process and of numpy's (its
   * reference variant): memory an op's allocations got fresh from the system, which a virtual
   * machine makes expensive (see bench/README.md); null without the figure.
   */
  readonly kernelFaultsPerOp: number | null;
  readonly numpyFaultsPerOp: number | null;
  readonly baselineFaultsPerOp: number | null;
  /** The 1-minute load average when the row's rounds ended. */
  readonly loadAverage: number;
}

/** What the kernel section reports beside its rows. */
export interface KernelBenchDetails {
  readonly numpy: NumpyInfo | { readonly available: false; readonly reason: string };
  readonly baseline: string | null;
  readonly copyBandwidthGBps: number;
  readonly allocator: { readonly glibcTunables: string | null; readonly transparentHugepages: string | null };
  readonly rounds: number;
  readonly batchSeconds: number;
  /** What the batches are timed by: wall time, or each process's own CPU time. */
  readonly clock: Clock;
  /** 1-, 5- and 15-minute load averages before the first row and after the last, and the core count. */
  readonly loadBefore: readonly number[];
  readonly loadAfter: readonly number[];
  readonly cores: number;
}

interface NumpyInfo {
  readonly available: true;
  readonly numpy: string;
  readonly python: string;
  readonly threadsVerified: boolean;
  readonly threadEnv: Record<string, string>;
  readonly madviseHugepage: boolean | null;
  readonly blas?: unknown;
  readonly threadpools?: unknown;
}

/**
 * The kernel section for bench/run.ts. Flags: `--ops a,b` (subset of ops), `--baseline DIR`,
 * `--sizes a,b` (only these n or d), `--clock wall|cpu` (default wall; cpu times each side by its own process's CPU time, user +
 * system, page faults included, so that other processes on a loaded machine do not enter the ratio).
 */
export const kernelSection: BenchSection = {
  name: "kernel",
  run: (context) => runKernelBench(context),
};

/** Run the kernel rows; prints each row as it is measured. */
export async function runKernelBench(context: BenchContext): Promise<{ rows: KernelBenchRow[]; details: KernelBenchDetails }> {
  const { quick, log } = context;
  const ops = parseOps(flagValue(context.args, "--ops"));
  const baselineDir = flagValue(context.args, "--baseline");
  const baseline = baselineDir === null ? null : await loadBaseline(baselineDir);
  const clock = parseClock(flagValue(context.args, "--clock"));
  const onlySizes = parseSizes(flagValue(context.args, "--sizes"));
  const rounds = quick ? 3 : 5, batchSeconds = quick ? 0.05 : 0.12;
  const maxQubits = quick ? 10 : 12;

  const loadBefore = loadavg(), cores = availableParallelism();
  log(`load average before: ${formatLoad(loadBefore)} on ${cores} cores`);
  const numpy = await NumpyReference.start(log);
  const copyBandwidth = measureCopyBandwidth(clock);
  const allocator = allocatorInfo();
  log(`copy bandwidth (Float64Array.set, 128 MiB, read + write, ${clock} clock): ${(copyBandwidth / 1e9).toFixed(2)} GB/s`);
  log(`allocator: node GLIBC_TUNABLES=${allocator.glibcTunables ?? "(unset)"}; transparent huge pages: ${allocator.transparentHugepages ?? "unknown"}` +
    (numpy.info.available ? `; numpy madvise hugepage: ${numpy.info.madviseHugepage}` : ""));
  log(`method: ${rounds} interleaved rounds per row, batches >= ${batchSeconds} s of ${clock === "cpu" ? "CPU time (user + system, each side its own process)" : "wall time"}, medians of per-round ratios` + (baseline ? `; baseline ${baselineDir}` : ""));

  const rows: KernelBenchRow[] = [];
  const rng = mulberry32(7);
  try {
    for (const op of ops) {
      const sizes = (QUBIT_OPS.includes(op) ? range(2, maxQubits) : [2, 4, 8, 16, 32, 64]).filter((x) => onlySizes === null || onlySizes.includes(x));
      for (const size of sizes) {
        const row = await measureRow(op, size, { numpy, baseline, rounds, batchSeconds, copyBandwidth, rng, clock });
        rows.push(row);
        log(formatRow(row));
      }
    }
  } finally {
    numpy.stop();
  }
  const loadAfter = loadavg();
  log("");
  log(`load average (1, 5, 15 min) before ${formatLoad(loadBefore)}, after ${formatLoad(loadAfter)}, ${cores} cores; ratios are comparable within this run only`);
  log(kernelTable(rows, baseline !== null));
  return {
    rows,
    details: {
      numpy: numpy.info, baseline: baselineDir === null ? null : resolve(baselineDir), copyBandwidthGBps: copyBandwidth / 1e9, allocator, rounds, batchSeconds, clock,
      loadBefore, loadAfter, cores,
    },
  };
}

// ---------------------------------------------------------------- one row

interface RowSetup {
  readonly numpy: NumpyReference;
  readonly baseline: Kernel | null;
  readonly rounds: number;
  readonly batchSeconds: number;
  readonly copyBandwidth: number;
  readonly rng: Rng;
  readonly clock: Clock;
}

/** A timed side of a row: the kernel, the baseline, or one numpy variant. */
interface Contender {
  readonly name: string;
  readonly time: () => Promise<Batch | null>;
}

/** One batch of a contender: its ops/s, and its process's minor page faults per op (null if unknown). */
export interface Batch {
  readonly opsPerSec: number;
  readonly faultsPerOp: number | null;
}

async function measureRow(op: KernelOp, size: number, s: RowSetup): Promise<KernelBenchRow> {
  const input = makeInput(op, size, s.rng);
  const kernelFn = workload(current, op, size, input);
  const baselineFn = s.baseline === null ? null : workload(s.baseline, op, size, input);
  const variantNames = await s.numpy.variants(op, size);
  const contenders: Contender[] = [
    { name: "kernel", time: timer(kernelFn, s) },
    ...variantNames.map((v, i): Contender => ({ name: `numpy ${v}`, time: () => s.numpy.measure(op, size, i, s.batchSeconds, s.clock) })),
  ];
  if (baselineFn !== null) contenders.push({ name: "baseline", time: timer(baselineFn, s) });
  // batches by contender index (names could repeat): kernel 0, variants 1..V, baseline V + 1
  const batches = await interleavedRounds(contenders, s.rounds);
  const samples = batches.map((byRound) => byRound.map((b) => b?.opsPerSec ?? null));
  const kernel = samples[0] as number[];
  const measured = variantNames.map((v, i) => ({ name: v, perRound: samples[1 + i], faultsPerOp: faultsOf(batches[1 + i]) }));
  const numpyOk = variantNames.length > 0 && measured.every((v) => v.perRound.every((x) => x !== null));
  // every variant's figures, or none when one failed (the row then has no reference)
  const variants = numpyOk ? measured.map((v) => ({ name: v.name, perRound: v.perRound as number[], opsPerSec: median(v.perRound as number[]), faultsPerOp: v.faultsPerOp })) : [];
  // The reference: the variant with the best median; each round's ratio is against it in that round.
  const reference = numpyOk ? variants.reduce((best, v) => (v.opsPerSec > best.opsPerSec ? v : best)) : null;
  const ratios = reference === null ? [] : kernel.map((k, r) => k / reference.perRound[r]);
  const baseline = baselineFn === null ? null : (samples[contenders.length - 1] as number[]);
  const before = reference !== null && baseline !== null ? baseline.map((b, r) => b / reference.perRound[r]) : [];
  const kernelOps = median(kernel);
  const bytes = bytesPerOp(op, size);
  const bandwidthFraction = bytes === null ? null : (bytes * kernelOps) / s.copyBandwidth;
  const bandwidthTarget = QUBIT_OPS.includes(op) && size >= 10 ? 0.3 : null;
  const ratio = reference === null ? null : median(ratios);
  const met = ratio === null ? null : ratio >= 1 && (bandwidthTarget === null || (bandwidthFraction ?? 0) >= bandwidthTarget);
  return {
    section: "kernel", name: `${op} ${QUBIT_OPS.includes(op) ? "n" : "d"}=${size}`, op, size,
    value: kernelOps, unit: "ops/s", reference: reference?.opsPerSec ?? null,
    ratio, target: 1, met,
    targetText: `kernel/numpy >= 1.0${bandwidthTarget === null ? "" : ", bandwidth >= 30%"}`,
    ...(numpyOk ? {} : { note: s.numpy.info.available ? "no reference: the numpy child failed on this row" : "no reference: python3/numpy unavailable" }),
    kernelOpsPerSec: kernelOps, numpyOpsPerSec: reference?.opsPerSec ?? null, numpyVariant: reference?.name ?? null, numpyVariants: variants,
    baselineOpsPerSec: baseline === null ? null : median(baseline),
    ratioBefore: before.length ? median(before) : null,
    bytesPerOp: bytes, bandwidthFraction, bandwidthTarget, roundRatios: ratios, loadAverage: loadavg()[0],
    kernelFaultsPerOp: faultsOf(batches[0]), numpyFaultsPerOp: reference?.faultsPerOp ?? null,
    baselineFaultsPerOp: baselineFn === null ? null : faultsOf(batches[contenders.length - 1]),
  };
}

/** The median over rounds of a contender's faults per op; null if a batch failed or lacks the figure. */
function faultsOf(perRound: readonly (Batch | null)[]): number | null {
  const faults = perRound.map((b) => b?.faultsPerOp ?? null);
  return faults.length > 0 && faults.every((f): f is number => f !== null) ? median(faults) : null;
}

/**
 * One warm-up batch per contender (JIT, the reference's state), then `rounds` rounds of one batch
 * per contender, in an order that rotates every round. Returns each contender's per-round batches.
 */
async function interleavedRounds(contenders: readonly Contender[], rounds: number): Promise<(Batch | null)[][]> {
  for (const c of contenders) await c.time();
  const samples = contenders.map(() => [] as (Batch | null)[]);
  for (let r = 0; r < rounds; r++) {
    for (let k = 0; k < contenders.length; k++) {
      const i = (k + r) % contenders.length;
      samples[i].push(await contenders[i].time());
    }
  }
  return samples;
}

/**
 * Bytes the current kernel moves per op (useful bytes: each complex entry read or written counts
 * 16 bytes once; D = 2^n):
 * - gate1, gate2, kraus1: one pass over rho (`applyConjugate` / `applyChannelLocal`): reads D^2
 *   entries, writes D^2: `32 D^2`. From n = 6 gate1 (a dense complex 2x2), gate2 and kraus1 run in WebAssembly (internal/wasmLocal.ts):
 *   rho is copied into the instance and the result out, in chunks that stay in the level-2 cache,
 *   so main memory still sees one read of rho and one write of the result (the copies' second
 *   read and write hit the cache and are not counted);
 * - ptrace1: reads the D^2/2 entries whose traced digits agree, writes (D/2)^2. The reads are
 *   counted in the 64-byte cache lines they touch: tracing qubit q skips blocks of 2^(n-q-1)
 *   entries, and below 4 entries (q >= n - 2) a block shares its lines with the next, so every
 *   line of rho is read. Averaged over the targets k % n the rows cycle through:
 *   `(8 D^2 (n - 2) + 16 D^2 min(n, 2)) / n + 4 D^2` (it was `12 D^2`, useful bytes only);
 * - eigensolvers and entropy: compute-bound, no bandwidth figure (null).
 */
export function bytesPerOp(op: KernelOp, size: number): number | null {
  const D2 = 4 ** size;
  if (op === "gate1" || op === "gate2" || op === "kraus1") return 32 * D2;
  if (op === "ptrace1") {
    const wholeLines = Math.min(size, 2);
    return (8 * D2 * (size - wholeLines) + 16 * D2 * wholeLines) / size + 4 * D2;
  }
  return null;
}

// ---------------------------------------------------------------- workloads

type Rng = () => number;

/** mulberry32: uniform in [0, 1), deterministic. */
function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function gaussians(rng: Rng, count: number): number[] {
  const out: number[] = [];
  while (out.length < count) {
    const u = 1 - rng(), v = rng();
    const r = Math.sqrt(-2 * Math.log(u));
    out.push(r * Math.cos(2 * Math.PI * v), r * Math.sin(2 * Math.PI * v));
  }
  return out.slice(0, count);
}

/** A random density matrix on n qubits: a mixture of min(2^n, 4) Haar-random pure states. */
function randomState(rng: Rng, n: number): DensityMatrix {
  const d = 2 ** n, r = Math.min(d, 4);
  const dims = Array<number>(n).fill(2);
  const terms = Array.from({ length: r }, () => {
    const g = gaussians(rng, 2 * d);
    const norm = Math.sqrt(g.reduce((s, x) => s + x * x, 0));
    const amplitudes: Entry[] = Array.from({ length: d }, (_, i) => [g[2 * i] / norm, g[2 * i + 1] / norm]);
    return [1 / r, current.pure(current.ket(amplitudes, dims))] as const;
  });
  return current.mixture(terms);
}

/** A full-rank d x d density matrix `a a^dagger / tr`, a complex Gaussian. */
function fullRankState(rng: Rng, d: number): DensityMatrix {
  const a: CMatrix = { rows: d, cols: d, data: Float64Array.from(gaussians(rng, 2 * d * d)) };
  const m = current.matmul(a, current.adjoint(a));
  const tr = current.trace(m)[0];
  return current.densityMatrix(current.scale(m, 1 / tr));
}

function randomHermitian(rng: Rng, d: number): CMatrix {
  const a: CMatrix = { rows: d, cols: d, data: Float64Array.from(gaussians(rng, 2 * d * d)) };
  return current.add(a, current.adjoint(a));
}

interface Input { readonly rho?: DensityMatrix; readonly h?: CMatrix; readonly u?: CMatrix }

function makeInput(op: KernelOp, size: number, rng: Rng): Input {
  if (op === "eigvalsh" || op === "eigh") return { h: randomHermitian(rng, size) };
  if (op === "entropy") return { rho: fullRankState(rng, size) };
  const rho = randomState(rng, size);
  if (op === "gate1") return { rho, u: phaseFixedQ(2, 2, gaussians(rng, 8)) };
  if (op === "gate2") return { rho, u: phaseFixedQ(4, 4, gaussians(rng, 32)) };
  return { rho };
}

/** The k-th op as a closure; density-matrix ops evolve their own copy of the state in sequence. */
function workload(K: Kernel, op: KernelOp, n: number, input: Input): (k: number) => void {
  let rho = input.rho!;
  let sink = 0;
  const keep = (x: number) => { sink += x; if (sink === Infinity) throw new Error("unreachable"); };
  switch (op) {
    case "gate1": return (k) => { rho = K.evolve(rho, input.u!, [k % n]); };
    case "gate2": return (k) => { rho = K.evolve(rho, input.u!, [k % n, (k + 1) % n]); };
    case "kraus1": { const ch = K.depolarizing(0.1); return (k) => { rho = K.applyChannel(rho, ch, [k % n]); }; }
    case "ptrace1": return (k) => keep(K.traceOut(rho, [k % n]).matrix.data[0]);
    case "eigvalsh": return () => keep(K.eigvalsh(input.h!)[0]);
    case "eigh": return () => keep(K.eigh(input.h!).values[0]);
    case "entropy": return () => keep(K.vonNeumannEntropy(rho));
  }
}

async function loadBaseline(dir: string): Promise<Kernel> {
  const entry = resolve(dir, "model", "kernel", "index.js");
  if (!existsSync(entry)) throw new BenchInputError(`--baseline: no compiled kernel at ${entry} (build the old commit with tsc -p tsconfig.build.json and give its dist folder)`);
  return (await import(pathToFileURL(entry).href)) as Kernel;
}

// ---------------------------------------------------------------- timing

/** `wall`: performance.now(); `cpu`: this process's user + system CPU time. */
export type Clock = "wall" | "cpu";

export function parseClock(value: string | null): Clock {
  if (value === null || value === "wall" || value === "cpu") return value ?? "wall";
  throw new BenchInputError(`--clock: expected wall or cpu, got ${JSON.stringify(value)}`);
}

/** Seconds on `clock` (the CPU clock is a system call, about 1 us: read it once per chunk of ops). */
function readClock(clock: Clock): number {
  if (clock === "wall") return performance.now() / 1000;
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
}

/**
 * ops/s of one batch: one untimed warm-up op (after the other contenders' batches, caches hold
 * their data), then timed ops for at least `seconds` and one op. The clock is read after chunks
 * of ops that grow to an eighth of the ops done so far (the batch overshoots by at most 1/8), so
 * that reading it costs nothing beside a 1-us op. bench/numpy_reference.py `measure` does the same.
 * Also the process's minor page faults during the timed ops, per op (test/bench/faults.test.ts).
 * @internal exported for that test.
 */
export function timeBatch(fn: (k: number) => void, seconds: number, clock: Clock, counter: { next: number }): Batch {
  fn(counter.next++);
  const f0 = process.resourceUsage().minorPageFault;
  const t0 = readClock(clock);
  let ops = 0, el = 0;
  do {
    for (let end = ops + Math.max(1, ops >> 3); ops < end; ops++) fn(counter.next++);
    el = readClock(clock) - t0;
  } while (el < seconds);
  return { opsPerSec: ops / el, faultsPerOp: (process.resourceUsage().minorPageFault - f0) / ops };
}

/**
 * A contender's batches of `fn`, whose op index runs on from batch to batch (numpy's side does
 * the same): ops that cycle through targets (ptrace1 traces qubit k % n) then time every target
 * in turn, as {@link bytesPerOp} averages, even when a batch holds only a few ops (n >= 10).
 */
function timer(fn: (k: number) => void, s: RowSetup): () => Promise<Batch> {
  const counter = { next: 0 };
  return async () => timeBatch(fn, s.batchSeconds, s.clock, counter);
}

/**
 * Copy bandwidth in bytes/s (read + write) of a 128 MiB Float64Array, median of 5 copies, on the
 * rows' clock (so that a row's bandwidth fraction compares like with like).
 */
function measureCopyBandwidth(clock: Clock): number {
  const n = 2 ** 24, src = new Float64Array(n), dst = new Float64Array(n);
  for (let i = 0; i < n; i++) src[i] = i;
  dst.set(src);
  return median(Array.from({ length: 5 }, () => {
    const t0 = readClock(clock);
    dst.set(src);
    return (2 * 8 * n) / (readClock(clock) - t0);
  }));
}

const formatLoad = (l: readonly number[]): string => l.map((x) => x.toFixed(2)).join(", ");

function allocatorInfo(): KernelBenchDetails["allocator"] {
  let thp: string | null = null;
  try {
    thp = /\[(\w+)\]/.exec(readFileSync("/sys/kernel/mm/transparent_hugepage/enabled", "utf8"))?.[1] ?? null;
  } catch { /* not Linux */ }
  return { glibcTunables: process.env.GLIBC_TUNABLES ?? null, transparentHugepages: thp };
}

// ---------------------------------------------------------------- the numpy child

const THREAD_ENV = { OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1", VECLIB_MAXIMUM_THREADS: "1", NUMEXPR_NUM_THREADS: "1" };

/** The child's environment: one thread; OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed together (this process keeps them). */
function numpyEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...THREAD_ENV };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

/** A long-lived `numpy_reference.py serve` child: one JSON request and answer per line. */
class NumpyReference {
  private constructor(
    readonly info: NumpyInfo | { readonly available: false; readonly reason: string },
    private readonly child: ChildProcessWithoutNullStreams | null,
    private readonly answers: AsyncIterator<string> | null,
  ) {}

  static async start(log: (line: string) => void): Promise<NumpyReference> {
    const script = join(benchSourceDir(), "numpy_reference.py");
    const fail = (reason: string): NumpyReference => {
      const line = `WARNING: no numpy reference (${reason}); every kernel row is marked "no reference"`;
      console.error(line);
      log(line);
      return new NumpyReference({ available: false, reason }, null, null);
    };
    if (!existsSync(script)) return fail(`${script} not found`);
    const probe = spawnSync("python3", [script, "info"], { env: numpyEnv(), encoding: "utf8" });
    if (probe.error !== undefined || probe.status !== 0) return fail(`python3 with numpy failed: ${(probe.stderr || String(probe.error ?? "")).trim().split("\n").pop()}`);
    const parsed = JSON.parse(probe.stdout.trim().split("\n").pop() ?? "{}") as Omit<NumpyInfo, "available" | "threadEnv">;
    const info: NumpyInfo = { available: true, threadEnv: THREAD_ENV, ...parsed };
    log(`numpy ${info.numpy} (python ${info.python}), reference ${script}; ` +
      (info.threadsVerified ? `threads verified by threadpoolctl: ${JSON.stringify(info.threadpools)}` :
        `threadpoolctl absent: one thread by ${Object.keys(THREAD_ENV).join("/")}=1, not verified; BLAS ${JSON.stringify((info.blas as { "openblas configuration"?: string } | undefined)?.["openblas configuration"] ?? info.blas)}`) +
      "; OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE unset in the child");
    const child = spawn("python3", [script, "serve"], { env: numpyEnv(), stdio: ["pipe", "pipe", "pipe"] });
    child.stderr.on("data", (b: Buffer) => process.stderr.write(`[numpy] ${b.toString()}`));
    const answers = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    return new NumpyReference(info, child, answers);
  }

  /** The names of the row's numpy formulations (variants); empty if unavailable or failed. */
  async variants(op: KernelOp, size: number): Promise<string[]> {
    const answer = await this.request<{ variants?: string[] }>(op, size, { list: true });
    return answer?.variants ?? [];
  }

  /** numpy's ops/s (and minor page faults per op) for one batch of one variant, null if unavailable or failed. */
  async measure(op: KernelOp, size: number, variant: number, seconds: number, clock: Clock): Promise<Batch | null> {
    const answer = await this.request<{ opsPerSec?: number; faultsPerOp?: number }>(op, size, { variant, seconds, clock });
    return typeof answer?.opsPerSec !== "number" ? null : { opsPerSec: answer.opsPerSec, faultsPerOp: typeof answer.faultsPerOp === "number" ? answer.faultsPerOp : null };
  }

  private async request<T>(op: KernelOp, size: number, fields: Record<string, unknown>): Promise<T | null> {
    if (this.child === null || this.answers === null) return null;
    this.child.stdin.write(JSON.stringify({ op, size, ...fields }) + "\n");
    const next = await this.answers.next();
    if (next.done) return null;
    const answer = JSON.parse(next.value) as T & { error?: string };
    if (answer.error !== undefined) {
      console.error(`numpy reference failed on ${op} ${size}: ${answer.error}`);
      return null;
    }
    return answer;
  }

  stop(): void {
    this.child?.stdin.end();
  }
}

/** bench/ in the source tree (the .py file is not compiled, so dist/bench maps back to bench/). */
function benchSourceDir(): string {
  return join(repositoryRoot(), "bench");
}

/** The repository root: the nearest folder up whose package.json is qkd-harness (from src or dist). */
export function repositoryRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg) && /"name":\s*"qkd-harness"/.test(readFileSync(pkg, "utf8"))) return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

// ---------------------------------------------------------------- arguments and formatting

/** The value after `flag` (`--flag value` or `--flag=value`), or null. */
export function flagValue(args: readonly string[], flag: string): string | null {
  for (let i = 0; i < args.length; i++) {
    if (args[i] === flag) return args[i + 1] ?? null;
    if (args[i].startsWith(`${flag}=`)) return args[i].slice(flag.length + 1);
  }
  return null;
}

export function parseOps(value: string | null): KernelOp[] {
  if (value === null) return KERNEL_OPS.slice();
  const ops = value.split(",").map((s) => s.trim()).filter(Boolean);
  const unknown = ops.filter((o) => !(KERNEL_OPS as readonly string[]).includes(o));
  if (unknown.length) throw new BenchInputError(`--ops: unknown operation ${unknown.join(", ")} (known: ${KERNEL_OPS.join(", ")})`);
  return ops as KernelOp[];
}

export function parseSizes(value: string | null): number[] | null {
  if (value === null) return null;
  const sizes = value.split(",").map((x) => Number(x.trim()));
  if (sizes.some((x) => !Number.isInteger(x) || x < 1)) throw new BenchInputError(`--sizes: expected positive integers separated by commas, got ${JSON.stringify(value)}`);
  return sizes;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

const fmt = (x: number | null, digits = 2): string => (x === null ? "-" : x >= 1e4 ? x.toExponential(2) : x.toFixed(digits));
const pct = (x: number | null): string => (x === null ? "-" : `${(100 * x).toFixed(0)}%`);

function status(r: KernelBenchRow): string {
  if (r.met === null) return "no reference";
  if (r.met) return "met";
  const why = [r.ratio !== null && r.ratio < 1 ? "ratio" : "", r.bandwidthTarget !== null && (r.bandwidthFraction ?? 0) < r.bandwidthTarget ? "bandwidth" : ""].filter(Boolean);
  return `BELOW TARGET (${why.join(", ")})`;
}

function formatRow(r: KernelBenchRow): string {
  const others = r.numpyVariants.filter((v) => v.name !== r.numpyVariant).map((v) => `${v.name} ${fmt(v.opsPerSec, 1)}/s`);
  return `${r.name.padEnd(13)} kernel ${fmt(r.kernelOpsPerSec, 1).padStart(9)}/s  numpy ${fmt(r.numpyOpsPerSec, 1).padStart(9)}/s (${r.numpyVariant ?? "-"}${others.length ? `; ${others.join(", ")}` : ""})  ratio ${fmt(r.ratio).padStart(5)}` +
    (r.ratioBefore !== null ? ` (before ${fmt(r.ratioBefore)})` : "") +
    (r.bandwidthFraction !== null ? `  bandwidth ${pct(r.bandwidthFraction)}` : "") +
    `  faults/op ${formatFaults(r)}  load ${r.loadAverage.toFixed(1)}  target ${r.targetText}: ${status(r)}`;
}

/** Minor page faults per op, kernel / numpy (one decimal below 10, whole numbers above). */
function formatFaults(r: KernelBenchRow): string {
  const f = (x: number | null): string => (x === null ? "-" : x < 10 ? x.toFixed(1) : x.toFixed(0));
  return `${f(r.kernelFaultsPerOp)} / ${f(r.numpyFaultsPerOp)}`;
}

function kernelTable(rows: readonly KernelBenchRow[], withBefore: boolean): string {
  const head = `| operation | size | kernel ops/s | numpy ops/s | numpy variant |${withBefore ? " ratio before |" : ""} ratio | bandwidth | page faults per op, kernel / numpy | load | target | status |`;
  const sep = `|---|---:|---:|---:|---|${withBefore ? "---:|" : ""}---:|---:|---:|---:|---|---|`;
  const body = rows.map((r) => `| ${r.op} | ${QUBIT_OPS.includes(r.op) ? "n" : "d"}=${r.size} | ${fmt(r.kernelOpsPerSec, 1)} | ${fmt(r.numpyOpsPerSec, 1)} | ${r.numpyVariant ?? "-"} |` +
    `${withBefore ? ` ${fmt(r.ratioBefore)} |` : ""} ${fmt(r.ratio)} | ${pct(r.bandwidthFraction)} | ${formatFaults(r)} | ${r.loadAverage.toFixed(1)} | ${r.targetText} | ${status(r)} |`);
  return [head, sep, ...body].join("\n");
}
