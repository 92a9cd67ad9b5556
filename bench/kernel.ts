/**
 * Kernel benchmark: local gates, Kraus channels and Hermitian eigenvalues of model/kernel/,
 * measured in one run against the fixed numpy reference `../shared/bench/numpy_reference.py`
 * (relative to the repository root), with the operations defined exactly as there:
 *
 * - `gate1` n: `rho -> U rho U^dagger`, U a Haar 2x2 unitary on qubit `k % n` (k counts the ops);
 * - `gate2` n: a Haar 4x4 unitary on qubits `(k % n, (k+1) % n)`;
 * - `kraus1` n: the 4-Kraus depolarizing channel (p = 0.1) on qubit `k % n`;
 * - `eigvalsh` d: eigenvalues of a random d x d Hermitian `a + a^dagger`, a complex Gaussian.
 *
 * The state is a random density matrix (a mixture of min(d, 4) Haar-random pure states; the
 * rank does not change the cost of a dense update). Every figure is the median of several timed
 * batches. For n >= 8 the fraction of memory bandwidth is reported: modelled bytes touched per
 * second over the copy bandwidth of a large Float64Array measured in the same run (model: a
 * gate reads and writes the d x d complex matrix twice, `4 * 16 d^2` bytes; the channel does so
 * per Kraus operator and accumulates, `(4K + 3(K-1)) * 16 d^2`). It also compares the kernel's
 * two eigensolvers (eigvalsh: Householder + QL; eigh: Jacobi) with ml-matrix on the real
 * embedding, for speed and accuracy against a spectrum known by construction.
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { EigenvalueDecomposition, Matrix } from "ml-matrix";
import {
  adjoint, applyChannel, depolarizing, eigh, eigvalsh, evolve, ket, matmul, mixture, pure,
  type CMatrix, type DensityMatrix, type Entry,
} from "../model/kernel/index.js";
import { phaseFixedQ } from "../properties/arbitraries/internal/householder.js";

/** How long and how wide to measure. */
export interface KernelBenchOptions {
  /** Shorter run: fewer sizes (n <= 10), shorter batches. */
  readonly quick?: boolean;
  /** Where to print progress and tables (default: console.log). */
  readonly log?: (line: string) => void;
  /** Where to write the results document (default: bench/results.json under the repository root). */
  readonly output?: string;
}

/** One measured operation at one size. */
export interface KernelBenchRow {
  readonly op: "gate1" | "gate2" | "kraus1" | "eigvalsh";
  readonly size: number;
  /** Median ops/s of the kernel over the timed batches. */
  readonly kernelOpsPerSec: number;
  readonly kernelBatches: readonly number[];
  /** numpy's ops/s, or null when no numpy was available. */
  readonly numpyOpsPerSec: number | null;
  /** kernel / numpy (null without numpy). */
  readonly ratio: number | null;
  /** The target ratio (1.0) where one is set, else null. */
  readonly target: number | null;
  /** Fraction of the measured copy bandwidth (n >= 8 only). */
  readonly bandwidthFraction: number | null;
  /** mathjs ops/s, only when numpy is unavailable (the fallback reference). */
  readonly mathjsOpsPerSec?: number;
}

/** One size of the eigensolver comparison. */
export interface EigenComparisonRow {
  readonly d: number;
  readonly eigvalshOpsPerSec: number;
  readonly eighOpsPerSec: number;
  readonly mlMatrixOpsPerSec: number;
  readonly eigvalshMaxError: number;
  readonly eighMaxError: number;
  readonly mlMatrixMaxError: number;
  readonly fastest: "eigvalsh" | "eigh" | "ml-matrix";
}

/** The results document written to bench/results.json. */
export interface KernelBenchReport {
  readonly date: string;
  readonly node: string;
  readonly quick: boolean;
  readonly numpy: { readonly available: boolean; readonly version: string | null; readonly script: string; readonly note: string };
  readonly copyBandwidthGBps: number;
  readonly rows: readonly KernelBenchRow[];
  readonly eigenComparison: readonly EigenComparisonRow[];
  readonly targetsMissed: readonly string[];
  readonly seconds: number;
}

/** Run the kernel benchmark, print its tables and write the results document. */
export async function runKernelBench(options: KernelBenchOptions = {}): Promise<KernelBenchReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const quick = options.quick ?? false;
  const started = performance.now();
  const root = repositoryRoot();
  const script = resolve(root, "..", "shared", "bench", "numpy_reference.py");
  const numpy = probeNumpy(script);
  log(numpy.available ? `numpy ${numpy.version} (reference: ${script})` : `numpy reference unavailable: ${numpy.note}; comparing with mathjs instead`);
  const timing = quick ? { batches: 3, batchSeconds: 0.05, numpySeconds: 0.25 } : { batches: 5, batchSeconds: 0.15, numpySeconds: 0.6 };
  const maxQubits = quick ? 10 : 12;

  const copyBandwidth = measureCopyBandwidth();
  log(`copy bandwidth (Float64Array.set, 128 MiB, read + write): ${(copyBandwidth / 1e9).toFixed(2)} GB/s`);

  const rows: KernelBenchRow[] = [];
  const rng = mulberry32(7);
  // JIT warm-up of every code path before anything is timed
  for (const op of ["gate1", "gate2", "kraus1"] as const) timeBatches(densityWorkload(op, 5, rng), 1, 0.2);
  timeBatches(eigenWorkload(12, rng), 1, 0.2);
  for (const op of ["gate1", "gate2", "kraus1"] as const) {
    for (let n = 2; n <= maxQubits; n++) {
      const kernel = timeBatches(densityWorkload(op, n, rng), timing.batches, timing.batchSeconds);
      const ref = numpy.available ? runNumpy(script, op, n, timing.numpySeconds) : null;
      const mathjsOps = numpy.available ? undefined : (n <= 6 ? await mathjsDensityOps(op, n, rng, timing.batchSeconds) : undefined);
      const bytes = bytesPerOp(op, n);
      rows.push({
        op, size: n, kernelOpsPerSec: kernel.median, kernelBatches: kernel.samples,
        numpyOpsPerSec: ref, ratio: ref === null ? null : kernel.median / ref,
        target: op === "kraus1" ? null : 1.0,
        bandwidthFraction: n >= 8 ? (bytes * kernel.median) / copyBandwidth : null,
        ...(mathjsOps !== undefined ? { mathjsOpsPerSec: mathjsOps } : {}),
      });
      log(formatRow(rows[rows.length - 1]));
    }
  }
  for (const d of [2, 4, 8, 16, 32, 64]) {
    const kernel = timeBatches(eigenWorkload(d, rng), timing.batches, timing.batchSeconds);
    const ref = numpy.available ? runNumpy(script, "eigvalsh", d, timing.numpySeconds) : null;
    rows.push({
      op: "eigvalsh", size: d, kernelOpsPerSec: kernel.median, kernelBatches: kernel.samples,
      numpyOpsPerSec: ref, ratio: ref === null ? null : kernel.median / ref, target: d <= 16 ? 1.0 : null, bandwidthFraction: null,
    });
    log(formatRow(rows[rows.length - 1]));
  }
  const eigenComparison = [2, 4, 8, 16, 32, 64].map((d) => compareEigensolvers(d, rng, timing.batches, timing.batchSeconds));

  const targetsMissed = rows.filter((r) => r.target !== null && r.ratio !== null && r.ratio < r.target).map((r) => `${r.op} ${r.size}: ratio ${r.ratio!.toFixed(2)}`);
  log("");
  log(table(rows));
  log("");
  log(eigenTable(eigenComparison));
  log("");
  log(targetsMissed.length === 0 ? "targets: all met (ratio >= 1.0 for gate1/gate2 at every n and eigvalsh at d <= 16)" : `targets missed: ${targetsMissed.join("; ")}`);
  const report: KernelBenchReport = {
    date: new Date().toISOString(), node: process.version, quick,
    numpy: { available: numpy.available, version: numpy.version, script, note: numpy.note },
    copyBandwidthGBps: copyBandwidth / 1e9, rows, eigenComparison, targetsMissed,
    seconds: (performance.now() - started) / 1000,
  };
  const output = options.output ?? join(root, "bench", "results.json");
  writeFileSync(output, JSON.stringify(report, null, 2) + "\n");
  log(`kernel bench: ${report.seconds.toFixed(0)} s, results in ${output}`);
  return report;
}

// ---------------------------------------------------------------- workloads

type Rng = () => number;

/** A small deterministic PRNG (mulberry32): uniform in [0, 1). */
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

function haar(rng: Rng, d: number): CMatrix {
  return phaseFixedQ(d, d, gaussians(rng, 2 * d * d));
}

/** A random density matrix on n qubits: a mixture of min(2^n, 4) Haar-random pure states. */
function randomState(rng: Rng, n: number): DensityMatrix {
  const d = 2 ** n, r = Math.min(d, 4);
  const dims = Array<number>(n).fill(2);
  const terms = Array.from({ length: r }, () => {
    const g = gaussians(rng, 2 * d);
    const norm = Math.sqrt(g.reduce((s, x) => s + x * x, 0));
    const amplitudes: Entry[] = Array.from({ length: d }, (_, i) => [g[2 * i] / norm, g[2 * i + 1] / norm]);
    return [1 / r, pure(ket(amplitudes, dims))] as const;
  });
  return mixture(terms);
}

function densityWorkload(op: "gate1" | "gate2" | "kraus1", n: number, rng: Rng): (k: number) => void {
  let rho = randomState(rng, n);
  if (op === "gate1") {
    const u = haar(rng, 2);
    return (k) => { rho = evolve(rho, u, [k % n]); };
  }
  if (op === "gate2") {
    const u = haar(rng, 4);
    return (k) => { rho = evolve(rho, u, [k % n, (k + 1) % n]); };
  }
  const ch = depolarizing(0.1);
  return (k) => { rho = applyChannel(rho, ch, [k % n]); };
}

function randomHermitian(rng: Rng, d: number): CMatrix {
  const g = gaussians(rng, 2 * d * d);
  const a: CMatrix = { rows: d, cols: d, data: Float64Array.from(g) };
  const ad = adjoint(a);
  return { rows: d, cols: d, data: a.data.map((v, i) => v + ad.data[i]) };
}

function eigenWorkload(d: number, rng: Rng): () => void {
  const h = randomHermitian(rng, d);
  let sink = 0;
  return () => { sink += eigvalsh(h)[0]; if (sink === Infinity) throw new Error("unreachable"); };
}

/** Modelled bytes touched by one operation (see the module comment). */
function bytesPerOp(op: "gate1" | "gate2" | "kraus1", n: number): number {
  const matrixBytes = 16 * 4 ** n;
  return op === "kraus1" ? (4 * 4 + 3 * 3) * matrixBytes : 4 * matrixBytes;
}

// ---------------------------------------------------------------- timing

/** Median ops/s over `batches` timed batches of at least `seconds` and one op each, after a warm-up batch. */
function timeBatches(fn: (k: number) => void, batches: number, seconds: number): { median: number; samples: number[] } {
  let k = 0;
  const batch = (): number => {
    const t0 = performance.now();
    let ops = 0, el = 0;
    do { fn(k++); ops++; el = (performance.now() - t0) / 1000; } while (el < seconds);
    return ops / el;
  };
  batch(); // warm-up of this size: caches and allocator
  const samples = Array.from({ length: batches }, batch);
  return { median: median(samples), samples };
}

function median(xs: readonly number[]): number {
  const s = xs.slice().sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Copy bandwidth in bytes/s (read + write) of a 128 MiB Float64Array, median of 5 copies. */
function measureCopyBandwidth(): number {
  const n = 2 ** 24, src = new Float64Array(n), dst = new Float64Array(n);
  for (let i = 0; i < n; i++) src[i] = i;
  dst.set(src);
  const rates = Array.from({ length: 5 }, () => {
    const t0 = performance.now();
    dst.set(src);
    return (2 * 8 * n) / ((performance.now() - t0) / 1000);
  });
  return median(rates);
}

// ---------------------------------------------------------------- references

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

/** The child's environment: OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE removed together (this process keeps them). */
function numpyEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

function probeNumpy(script: string): { available: boolean; version: string | null; note: string } {
  if (!existsSync(script)) return { available: false, version: null, note: `reference script not found at ${script}` };
  const r = spawnSync("python3", ["-c", "import numpy; print(numpy.__version__)"], { env: numpyEnv(), encoding: "utf8" });
  if (r.status !== 0) return { available: false, version: null, note: `python3 with numpy not found (${(r.stderr || String(r.error ?? "")).trim().split("\n").pop()})` };
  return { available: true, version: r.stdout.trim(), note: "OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset in the child only" };
}

function runNumpy(script: string, op: string, size: number, seconds: number): number | null {
  const r = spawnSync("python3", [script, op, String(size), String(seconds)], { env: numpyEnv(), encoding: "utf8", timeout: 600_000, maxBuffer: 1 << 20 });
  if (r.status !== 0) return null;
  const line = r.stdout.trim().split("\n").pop() ?? "";
  try {
    return (JSON.parse(line) as { opsPerSec: number }).opsPerSec;
  } catch {
    return null;
  }
}

/** Fallback reference without numpy: the same density-matrix operation with mathjs's dense complex matrices. */
async function mathjsDensityOps(op: "gate1" | "gate2" | "kraus1", n: number, rng: Rng, seconds: number): Promise<number> {
  const { create, all } = await import("mathjs");
  const math = create(all);
  const toMath = (m: CMatrix) => math.matrix(Array.from({ length: m.rows }, (_, i) => Array.from({ length: m.cols }, (_, j) => math.complex(m.data[2 * (i * m.cols + j)], m.data[2 * (i * m.cols + j) + 1]))));
  const full = (u: CMatrix, q: number, width: number) => math.kron(math.kron(math.identity(2 ** q) as never, toMath(u)), math.identity(2 ** (n - q - width)) as never);
  let rho = toMath(randomState(rng, n).matrix);
  const ops = op === "kraus1" ? depolarizing(0.1).kraus : [haar(rng, op === "gate1" ? 2 : 4)];
  const width = op === "gate2" ? 2 : 1;
  const fn = (k: number) => {
    const q = Math.min(k % n, n - width); // adjacent pair without wrap-around: same cost
    const terms = ops.map((m) => { const f = full(m, q, width); return math.multiply(math.multiply(f, rho), math.ctranspose(f)); });
    rho = terms.reduce((a, b) => math.add(a, b) as never);
  };
  return timeBatches(fn, 1, seconds).median;
}

// ---------------------------------------------------------------- eigensolver comparison

function compareEigensolvers(d: number, rng: Rng, batches: number, seconds: number): EigenComparisonRow {
  const u = haar(rng, d);
  const lambda = Float64Array.from(gaussians(rng, d)).sort();
  const scaled = Float64Array.from(u.data);
  for (let r = 0; r < d; r++) for (let c = 0; c < d; c++) { scaled[2 * (r * d + c)] *= lambda[c]; scaled[2 * (r * d + c) + 1] *= lambda[c]; }
  const h = matmul({ rows: d, cols: d, data: scaled }, adjoint(u));
  for (let i = 0; i < d; i++) for (let j = 0; j < i; j++) { // exact Hermitian symmetry
    const a = 2 * (i * d + j), b = 2 * (j * d + i);
    h.data[b] = h.data[a]; h.data[b + 1] = -h.data[a + 1];
  }
  for (let i = 0; i < d; i++) h.data[2 * (i * d + i) + 1] = 0;
  const embedding = new Matrix(Array.from({ length: 2 * d }, (_, i) => Array.from({ length: 2 * d }, (_, j) => {
    const re = h.data[2 * ((i % d) * d + (j % d))], im = h.data[2 * ((i % d) * d + (j % d)) + 1];
    return (i < d) === (j < d) ? re : i < d ? -im : im;
  })));
  const err = (vals: ArrayLike<number>, doubled: boolean) => {
    let w = 0;
    for (let i = 0; i < d; i++) w = Math.max(w, Math.abs((doubled ? vals[2 * i] : vals[i]) - lambda[i]));
    return w;
  };
  const mlValues = () => new EigenvalueDecomposition(embedding, { assumeSymmetric: true }).realEigenvalues.slice().sort((a, b) => a - b);
  const row = {
    d,
    eigvalshOpsPerSec: timeBatches(() => eigvalsh(h), batches, seconds / 2).median,
    eighOpsPerSec: timeBatches(() => eigh(h), batches, seconds / 2).median,
    mlMatrixOpsPerSec: timeBatches(() => mlValues(), batches, seconds / 2).median,
    eigvalshMaxError: err(eigvalsh(h), false),
    eighMaxError: err(eigh(h).values, false),
    mlMatrixMaxError: err(mlValues(), true),
  };
  const best = Math.max(row.eigvalshOpsPerSec, row.eighOpsPerSec, row.mlMatrixOpsPerSec);
  return { ...row, fastest: best === row.eigvalshOpsPerSec ? "eigvalsh" : best === row.eighOpsPerSec ? "eigh" : "ml-matrix" };
}

// ---------------------------------------------------------------- formatting

const fmt = (x: number | null | undefined, digits = 0): string => (x === null || x === undefined ? "-" : x >= 1e4 ? x.toExponential(2) : x.toFixed(digits));

function formatRow(r: KernelBenchRow): string {
  return `${r.op.padEnd(8)} ${String(r.size).padStart(3)}  kernel ${fmt(r.kernelOpsPerSec, 1).padStart(9)}/s  numpy ${fmt(r.numpyOpsPerSec, 1).padStart(9)}/s  ratio ${fmt(r.ratio, 2).padStart(6)}` +
    (r.bandwidthFraction !== null ? `  bandwidth ${(100 * r.bandwidthFraction).toFixed(0)}%` : "") +
    (r.mathjsOpsPerSec !== undefined ? `  mathjs ${fmt(r.mathjsOpsPerSec, 1)}/s` : "");
}

function table(rows: readonly KernelBenchRow[]): string {
  const head = "| op       | size | kernel ops/s | numpy ops/s | kernel/numpy | target | bandwidth |";
  const sep = "|----------|-----:|-------------:|------------:|-------------:|-------:|----------:|";
  const body = rows.map((r) => `| ${r.op.padEnd(8)} | ${String(r.size).padStart(4)} | ${fmt(r.kernelOpsPerSec, 1).padStart(12)} | ${fmt(r.numpyOpsPerSec, 1).padStart(11)} | ${fmt(r.ratio, 2).padStart(12)} | ${r.target === null ? "     -" : r.ratio === null ? "     ?" : r.ratio >= r.target ? "   met" : "  MISS"} | ${r.bandwidthFraction === null ? "        -" : `${(100 * r.bandwidthFraction).toFixed(0)}%`.padStart(9)} |`);
  return [head, sep, ...body].join("\n");
}

function eigenTable(rows: readonly EigenComparisonRow[]): string {
  const head = "| d  | eigvalsh ops/s | eigh ops/s | ml-matrix ops/s | eigvalsh err | eigh err | ml-matrix err | fastest  |";
  const sep = "|---:|---------------:|-----------:|----------------:|-------------:|---------:|--------------:|----------|";
  const e = (x: number) => x.toExponential(1);
  const body = rows.map((r) => `| ${String(r.d).padStart(2)} | ${fmt(r.eigvalshOpsPerSec).padStart(14)} | ${fmt(r.eighOpsPerSec).padStart(10)} | ${fmt(r.mlMatrixOpsPerSec).padStart(15)} | ${e(r.eigvalshMaxError).padStart(12)} | ${e(r.eighMaxError).padStart(8)} | ${e(r.mlMatrixMaxError).padStart(13)} | ${r.fastest.padEnd(8)} |`);
  return [head, sep, ...body].join("\n");
}
