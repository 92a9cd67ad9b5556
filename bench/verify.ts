/**
 * `verify` wall time on the shipped scenarios with one worker and with one per core
 * (`--workers N`, default `os.availableParallelism()`), interleaved rounds, medians, and the
 * speed-up against its target (1.7x on 2 cores, issue 12 item 4). Runs the compiled CLI in a
 * child process, as `npm start` does.
 *
 * Beside wall time it records each run's CPU time (all threads of the child, V8's compiler and
 * GC helper threads included; Linux only, from this process's `cutime + cstime`), which load on
 * a shared machine disturbs far less than wall time: with one worker the main thread computes
 * while V8 compiles and collects on the other cores for free, with N workers everything shares
 * the N cores, so `median(1-worker wall) / (median(N-worker CPU) / N)` is the most the N-worker
 * run's own work allows (`ceiling`), whatever the schedule.
 * @module
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { median } from "./auth.js";
import { repositoryRoot } from "./kernel.js";

/** The verify timings. */
export interface VerifyBenchResult {
  readonly workers: number;
  readonly rounds: number;
  readonly oneWorkerSeconds: readonly number[];
  readonly manyWorkersSeconds: readonly number[];
  /** CPU seconds of each run (all threads; NaN where /proc is missing). */
  readonly oneWorkerCpuSeconds: readonly number[];
  readonly manyWorkersCpuSeconds: readonly number[];
  /** median(1 worker) / median(N workers). */
  readonly speedup: number;
  /** median(1-worker wall) / (median(N-worker CPU) / N): the speed-up the N-worker run's CPU time allows on N cores. */
  readonly ceiling: number;
  /** 1.7 on 2 cores (scaled by 0.85 per core above). */
  readonly target: number;
  /** The 1-minute load average before the first round (other work on the machine). */
  readonly loadBefore: number;
}

/** CPU seconds of this process's waited-for children so far (`cutime + cstime` of /proc/self/stat; NaN elsewhere). */
function childrenCpuSeconds(): number {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[13]) + Number(fields[14])) / 100; // clock ticks: USER_HZ is 100 on Linux
  } catch {
    return Number.NaN;
  }
}

/** Time `verify` on the shipped scenarios, `rounds` times each with 1 and N workers, interleaved (default 3 rounds). */
export function runVerifyBench(options: { readonly rounds?: number; readonly workers?: number } = {}): VerifyBenchResult {
  const root = repositoryRoot();
  const workers = options.workers ?? availableParallelism();
  const rounds = options.rounds ?? 3;
  const out = mkdtempSync(join(tmpdir(), "qkd-verify-bench-"));
  const loadBefore = loadavg()[0];
  const oneCpu: number[] = [], manyCpu: number[] = [];
  const time = (n: number, cpu: number[]): number => {
    const t0 = performance.now();
    const c0 = childrenCpuSeconds();
    const r = spawnSync(process.execPath, [join(root, "dist", "cli", "main.js"), "verify", "--workers", String(n), "--format", "json", "--out", join(out, String(n))], { cwd: root, encoding: "utf8", env: { ...process.env, CI: "true" } });
    if (r.status !== 0) throw new Error(`verify bench: verify --workers ${n} exited ${r.status}\n${r.stderr.slice(-2000)}`);
    cpu.push(childrenCpuSeconds() - c0);
    return (performance.now() - t0) / 1000;
  };
  const one: number[] = [], many: number[] = [];
  try {
    for (let k = 0; k < rounds; k++) {
      one.push(time(1, oneCpu));
      many.push(time(workers, manyCpu));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return {
    workers,
    rounds,
    oneWorkerSeconds: one,
    manyWorkersSeconds: many,
    oneWorkerCpuSeconds: oneCpu,
    manyWorkersCpuSeconds: manyCpu,
    speedup: median(one) / median(many),
    ceiling: median(one) / (median(manyCpu) / workers),
    target: 0.85 * workers,
    loadBefore,
  };
}
