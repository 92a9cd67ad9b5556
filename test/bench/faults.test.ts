/**
 * The bench's page-fault column (bench/README.md, "Page faults per op"): a batch counts its
 * process's minor page faults over its timed ops, per op, on both sides.
 * - Kernel side (bench/kernel.ts `timeBatch`): an op that touches a fresh 64 MiB array (above the
 *   largest mmap threshold glibc adopts by itself, 32 MiB, so mapped anew) faults; an op that
 *   touches one array kept across ops does not; and when only the untimed warm-up op allocates
 *   fresh memory, the batch counts (almost) nothing, so the warm-up is left out.
 * - numpy side (bench/numpy_reference.py): an 8-qubit partial trace faults on every op when
 *   glibc's mmap threshold is fixed at 128 KiB (each 256 KiB output mapped anew) and not at all
 *   with glibc's own adaptive threshold.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { timeBatch } from "../../bench/kernel.js";

const DOUBLES = 1 << 23; // 64 MiB
/** Write one double per 4 KiB page of `a`. */
const touch = (a: Float64Array): void => { for (let i = 0; i < a.length; i += 512) a[i] = 1; };

describe.runIf(process.platform === "linux")("page faults per op", () => {
  test("the kernel side counts the timed ops' fresh pages, not kept memory's, not the warm-up's", () => {
    const fresh = timeBatch(() => touch(new Float64Array(DOUBLES)), 0.05, "wall", { next: 0 });
    // 64 MiB is 16,384 pages of 4 KiB, or 32 transparent huge pages
    expect(fresh.faultsPerOp).toBeGreaterThan(4);
    const kept = new Float64Array(DOUBLES);
    touch(kept);
    expect(timeBatch(() => touch(kept), 0.05, "wall", { next: 0 }).faultsPerOp).toBeLessThan(1);
    let warm = kept;
    const warmUpOnly = timeBatch((k) => {
      if (k === 0) warm = new Float64Array(DOUBLES); // op 0 is the untimed warm-up
      touch(warm);
    }, 0.05, "wall", { next: 0 });
    expect(warmUpOnly.faultsPerOp).toBeLessThan(1);
  });

  const script = fileURLToPath(new URL("../../bench/numpy_reference.py", import.meta.url));
  const numpy = spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" }).status === 0;
  /** faultsPerOp of each numpy formulation of ptrace1 at n = 8, under `tunables` (none: glibc's defaults). */
  const numpyFaults = (tunables: string | null): number[] => {
    const env: NodeJS.ProcessEnv = { ...process.env, OPENBLAS_NUM_THREADS: "1" };
    delete env.GLIBC_TUNABLES;
    if (tunables !== null) env.GLIBC_TUNABLES = tunables;
    const out = spawnSync("python3", [script, "ptrace1", "8", "0.02"], { encoding: "utf8", env });
    expect(out.status, out.stderr).toBe(0);
    return out.stdout.trim().split("\n").map((l) => (JSON.parse(l) as { faultsPerOp: number }).faultsPerOp);
  };
  test.runIf(numpy)("the numpy child counts them too: with a fixed 128 KiB mmap threshold every op faults, with glibc's own none", () => {
    const fixed = numpyFaults("glibc.malloc.mmap_threshold=131072"), adaptive = numpyFaults(null);
    expect(fixed.length).toBeGreaterThan(0);
    // a 256 KiB output is 64 pages
    for (const f of fixed) expect(f).toBeGreaterThan(32);
    for (const f of adaptive) expect(f).toBeLessThan(1);
  });
});
