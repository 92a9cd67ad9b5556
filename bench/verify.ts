/**
 * `verify` wall time on the shipped scenarios with one worker and with one per core
 * (`--workers N`, default `os.availableParallelism()`), interleaved rounds, medians, and the
 * speed-up against its target (1.7x on 2 cores, issue 12 item 4). Runs the compiled CLI in a
 * child process, as `npm start` does.
 * @module
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
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
  /** median(1 worker) / median(N workers). */
  readonly speedup: number;
  /** 1.7 on 2 cores (scaled by 0.85 per core above). */
  readonly target: number;
  /** The 1-minute load average before the first round (other work on the machine). */
  readonly loadBefore: number;
}

/** Time `verify` on the shipped scenarios, `rounds` times each with 1 and N workers, interleaved. */
export function runVerifyBench(options: { readonly rounds?: number; readonly workers?: number } = {}): VerifyBenchResult {
  const root = repositoryRoot();
  const workers = options.workers ?? availableParallelism();
  const rounds = options.rounds ?? 1;
  const out = mkdtempSync(join(tmpdir(), "qkd-verify-bench-"));
  const loadBefore = loadavg()[0];
  const time = (n: number): number => {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [join(root, "dist", "cli", "main.js"), "verify", "--workers", String(n), "--format", "json", "--out", join(out, String(n))], { cwd: root, encoding: "utf8", env: { ...process.env, CI: "true" } });
    if (r.status !== 0) throw new Error(`verify bench: verify --workers ${n} exited ${r.status}\n${r.stderr.slice(-2000)}`);
    return (performance.now() - t0) / 1000;
  };
  const one: number[] = [], many: number[] = [];
  try {
    for (let k = 0; k < rounds; k++) {
      one.push(time(1));
      many.push(time(workers));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return { workers, rounds, oneWorkerSeconds: one, manyWorkersSeconds: many, speedup: median(one) / median(many), target: 0.85 * workers, loadBefore };
}
