/**
 * The bench's page-fault column (bench/README.md, "Page faults per op"): a batch counts its
 * process's minor page faults per op on both sides. The kernel side's count sees an op that
 * touches memory fresh from the system (a 64 MiB array each op, above the largest mmap threshold
 * glibc adopts by itself, 32 MiB, so mapped anew and faulted in) and hardly any for an op that allocates nothing (the control that
 * the count can tell them apart); the numpy child reports the same figure for its batches.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { timeBatch } from "../../bench/kernel.js";

const linux = process.platform === "linux";

describe.runIf(linux)("page faults per op", () => {
  test("the kernel side counts an op's fresh pages, and not an op without any", () => {
    let sink = 0;
    const fresh = timeBatch(() => { const a = new Float64Array(1 << 23); for (let i = 0; i < a.length; i += 512) a[i] = 1; sink += a[0]; }, 0.05, "wall", { next: 0 });
    const none = timeBatch((k) => { sink += Math.sqrt(k); }, 0.05, "wall", { next: 0 });
    // 64 MiB is 16,384 pages of 4 KiB, or 32 transparent huge pages
    expect(fresh.faultsPerOp).toBeGreaterThan(4);
    expect(none.faultsPerOp).toBeLessThan(0.01);
    expect(sink).toBeGreaterThan(0);
  });

  const script = fileURLToPath(new URL("../../bench/numpy_reference.py", import.meta.url));
  const numpy = spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" }).status === 0;
  test.runIf(numpy)("the numpy child reports faultsPerOp with every batch", () => {
    const out = spawnSync("python3", [script, "ptrace1", "4", "0.02"], { encoding: "utf8", env: { ...process.env, OPENBLAS_NUM_THREADS: "1" } });
    expect(out.status, out.stderr).toBe(0);
    const lines = out.stdout.trim().split("\n").map((l) => JSON.parse(l) as { faultsPerOp?: number });
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l.faultsPerOp).toBeGreaterThanOrEqual(0);
  });
});
