/**
 * `verify` wall time on the shipped scenarios with one worker and with one per core
 * (`--workers N`, default `os.availableParallelism()`), interleaved rounds, medians, and the
 * speed-up against its target (1.7x on 2 cores, issue 12 item 4). Runs the compiled CLI in a
 * child process, as `npm start` does.
 *
 * Two speed-ups, both printed: the target's ("on 2 cores at least 1.7x lower than on 1") is N
 * workers on N cores against 1 worker pinned to one core (util-linux's `taskset`, on the first
 * CPU the bench may use; the row says why when it cannot pin); the second is N workers against 1 worker both on N cores,
 * where the 1-worker run already uses the other cores for V8's compiler and GC threads, so it
 * shows what the extra workers add on top of that.
 *
 * Beside wall time it records each run's CPU time (all threads of the child, V8's compiler and
 * GC helper threads included; Linux only, from this process's `cutime + cstime`), which load on
 * a shared machine disturbs less than wall time (it still inflates it, through shared caches
 * and cores, by up to about 30 % as measured on 2026-11-27): with one worker the main thread computes
 * while V8 compiles and collects on the other cores for free, with N workers everything shares
 * the N cores. So N x (1-worker main-thread CPU) / (N-worker CPU) estimates the most speed-up
 * the N-worker run's own work allows (`ceiling`): an estimate that assumes the 1-worker run's
 * wall time equals its main-thread CPU, which load breaks (then the measured speed-up can exceed
 * it); the main thread is sampled from /proc/<pid>/task while it runs.
 * @module
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { median } from "./rows.js";
import { repositoryRoot } from "./kernel.js";

/** Wall times of a command with 1 worker pinned to one core, 1 worker on N cores and N workers on N cores. */
export interface WorkersTimings {
  readonly workers: number;
  readonly rounds: number;
  /** 1 worker pinned to one core (empty when it could not be pinned: see `oneCoreProblem`). */
  readonly oneCoreSeconds: readonly number[];
  /** Why the 1-core runs were not made (no taskset, or it failed), else null. */
  readonly oneCoreProblem: string | null;
  /** 1 worker on N cores (V8's compiler and GC threads then run beside it for free). */
  readonly oneWorkerSeconds: readonly number[];
  /** N workers on N cores. */
  readonly manyWorkersSeconds: readonly number[];
  /** CPU seconds of each N-worker run, all threads (NaN where /proc is missing). */
  readonly manyWorkersCpuSeconds: readonly number[];
  /** median(1 worker on N cores) / median(N workers on N cores). */
  readonly speedup: number;
  /** median(1 worker on one core) / median(N workers on N cores): the target's speed-up (NaN when not pinned). */
  readonly speedupOverOneCore: number;
  /** The 1-minute load average before the first round (other work on the machine). */
  readonly loadBefore: number;
}

/** The verify timings. */
export interface VerifyBenchResult extends WorkersTimings {
  readonly oneCoreCpuSeconds: readonly number[];
  /** CPU seconds of each 1-worker run, all threads (NaN where /proc is missing). */
  readonly oneWorkerCpuSeconds: readonly number[];
  /** CPU seconds of each 1-worker run's main thread (sampled every 100 ms: up to 0.1 s short). */
  readonly oneWorkerMainThreadCpuSeconds: readonly number[];
  /**
   * N * median(1-worker main-thread CPU) / median(N-worker CPU): the most the N-worker run's own
   * work allows against a 1-worker run whose helper threads cost it nothing.
   */
  readonly ceiling: number;
  /** 1.7 on 2 cores (scaled by 0.85 per core above). */
  readonly target: number;
}

/** One timed run: wall seconds, CPU seconds of all its threads and of its main thread. */
interface Timed {
  readonly wall: number;
  readonly cpu: number;
  readonly mainCpu: number;
}

/** CPU seconds in a /proc `stat` line (utime + stime; NaN when unreadable). */
function statCpuSeconds(path: string, children = false): number {
  try {
    const stat = readFileSync(path, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const [u, s] = children ? [13, 14] : [11, 12]; // cutime, cstime / utime, stime
    return (Number(fields[u]) + Number(fields[s])) / 100; // clock ticks: USER_HZ is 100 on Linux
  } catch {
    return Number.NaN;
  }
}

/**
 * The first CPU this process may run on (`Cpus_allowed_list` of /proc/self/status; 0 where it
 * cannot be read), and whether util-linux's `taskset` can pin a child to it: the reason when not.
 */
function oneCore(): { readonly cpu: number; readonly problem: string | null } {
  let cpu = 0;
  try {
    const list = /^Cpus_allowed_list:\s*(\d+)/m.exec(readFileSync("/proc/self/status", "utf8"));
    if (list) cpu = Number(list[1]);
  } catch {
    // not Linux: try CPU 0
  }
  const r = spawnSync("taskset", ["-c", String(cpu), "true"], { encoding: "utf8" });
  if (r.error) return { cpu, problem: `taskset (util-linux) did not start: ${r.error.message}` };
  return { cpu, problem: r.status === 0 ? null : `taskset -c ${cpu} failed: ${(r.stderr ?? "").trim().slice(0, 200)}` };
}

/**
 * Run the compiled CLI with `args` in a child process, sampling its main thread's CPU; with
 * `pinTo`, the child (all its threads) is pinned to that CPU by `taskset`. Resolves to the
 * timings and the child's stdout.
 */
async function timeCli(root: string, args: readonly string[], pinTo: number | null = null): Promise<Timed & { readonly stdout: string; readonly stderr: string }> {
  const t0 = performance.now();
  const c0 = statCpuSeconds("/proc/self/stat", true);
  const cli = [join(root, "dist", "cli", "main.js"), ...args];
  const [command, argv] = pinTo !== null ? ["taskset", ["-c", String(pinTo), process.execPath, ...cli]] : [process.execPath, cli];
  const child = spawn(command, argv, {
    cwd: root,
    env: { ...process.env, CI: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "", stdout = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString("utf8")).slice(-2000)));
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  let mainCpu = Number.NaN;
  const sample = setInterval(() => {
    const v = statCpuSeconds(`/proc/${child.pid}/task/${child.pid}/stat`);
    if (Number.isFinite(v)) mainCpu = v;
  }, 100);
  const code = await new Promise<number | null>((resolve, reject) => child.on("error", reject).on("close", resolve)).finally(() => clearInterval(sample));
  if (code !== 0) throw new Error(`bench: qkd-harness ${args.join(" ")} exited ${code}\n${stderr}`);
  return { wall: (performance.now() - t0) / 1000, cpu: statCpuSeconds("/proc/self/stat", true) - c0, mainCpu, stdout, stderr };
}

/** Run the compiled `verify` with `n` workers (see {@link timeCli}). */
function timeVerify(root: string, n: number, out: string, pinTo: number | null = null): Promise<Timed> {
  return timeCli(root, ["verify", "--workers", String(n), "--format", "json", "--out", out], pinTo);
}

/** Time `verify` on the shipped scenarios, `rounds` times each with 1 and N workers, interleaved (default 3 rounds). */
export async function runVerifyBench(options: { readonly rounds?: number; readonly workers?: number } = {}): Promise<VerifyBenchResult> {
  const root = repositoryRoot();
  const workers = options.workers ?? availableParallelism();
  const rounds = options.rounds ?? 3;
  const out = mkdtempSync(join(tmpdir(), "qkd-verify-bench-"));
  const loadBefore = loadavg()[0];
  const pin = oneCore();
  const one: Timed[] = [], many: Timed[] = [], pinned: Timed[] = [];
  try {
    for (let k = 0; k < rounds; k++) {
      if (pin.problem === null) pinned.push(await timeVerify(root, 1, join(out, "1c"), pin.cpu));
      one.push(await timeVerify(root, 1, join(out, "1")));
      many.push(await timeVerify(root, workers, join(out, String(workers))));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  const wall = (ts: readonly Timed[]): number[] => ts.map((t) => t.wall);
  const cpu = (ts: readonly Timed[]): number[] => ts.map((t) => t.cpu);
  return {
    workers,
    rounds,
    oneWorkerSeconds: wall(one),
    manyWorkersSeconds: wall(many),
    oneCoreSeconds: wall(pinned),
    oneCoreCpuSeconds: cpu(pinned),
    oneCoreProblem: pin.problem,
    oneWorkerCpuSeconds: cpu(one),
    manyWorkersCpuSeconds: cpu(many),
    oneWorkerMainThreadCpuSeconds: one.map((t) => t.mainCpu),
    speedup: median(wall(one)) / median(wall(many)),
    speedupOverOneCore: pin.problem === null ? median(wall(pinned)) / median(wall(many)) : Number.NaN,
    ceiling: (workers * median(one.map((t) => t.mainCpu))) / median(cpu(many)),
    target: 0.85 * workers,
    loadBefore,
  };
}

/** The `search --workers N` timings (see {@link runSearchWorkersBench}). */
export interface SearchWorkersBenchResult extends WorkersTimings {
  readonly command: string;
  /**
   * Whether every run printed the same result (the search's promise: the same for any N) and
   * nothing on stderr (a note there says a worker failed and this thread ran its starts).
   */
  readonly identical: boolean;
}

/**
 * `search bb84` (its default `information` objective: one independent start per 2,000
 * evaluations, 50 starts at the budget used here, the least at which the default uses 2 threads) with `--workers 1` pinned to one core, with
 * `--workers 1` on all cores and with one worker per core, interleaved rounds, medians of wall
 * time; and whether all printed the
 * same result (and nothing on stderr; only when the 1-worker runs could be pinned, so that both
 * counts are compared).
 */
export async function runSearchWorkersBench(options: { readonly rounds?: number; readonly workers?: number; readonly budget?: number } = {}): Promise<SearchWorkersBenchResult> {
  const root = repositoryRoot();
  const workers = options.workers ?? availableParallelism();
  const rounds = options.rounds ?? 3;
  const args = ["search", "bb84", "--budget", String(options.budget ?? 100_000), "--json"];
  const loadBefore = loadavg()[0];
  const pin = oneCore();
  const pinned: Timed[] = [], one: Timed[] = [], many: Timed[] = [];
  const printed = new Set<string>();
  let quiet = true;
  for (let k = 0; k < rounds; k++) {
    if (pin.problem === null) {
      const t = await timeCli(root, [...args, "--workers", "1"], pin.cpu);
      pinned.push(t);
      printed.add(t.stdout);
      quiet &&= t.stderr === "";
    }
    for (const [n, runs] of [[1, one], [workers, many]] as const) {
      const t = await timeCli(root, [...args, "--workers", String(n)]);
      runs.push(t);
      printed.add(t.stdout);
      quiet &&= t.stderr === "";
    }
  }
  const wall = (ts: readonly Timed[]): number[] => ts.map((t) => t.wall);
  return {
    command: `qkd-harness ${args.join(" ")} --workers 1 | ${workers}`,
    workers,
    rounds,
    oneCoreSeconds: wall(pinned),
    oneCoreProblem: pin.problem,
    oneWorkerSeconds: wall(one),
    manyWorkersSeconds: wall(many),
    manyWorkersCpuSeconds: many.map((t) => t.cpu),
    speedupOverOneCore: pin.problem === null ? median(wall(pinned)) / median(wall(many)) : Number.NaN,
    speedup: median(wall(one)) / median(wall(many)),
    identical: printed.size === 1 && quiet && pin.problem === null,
    loadBefore,
  };
}
