/**
 * `npm run bench`: the kernel against numpy (or mathjs), then the protocol benchmarks — BB84
 * exact-secrecy checks and sampled pulses per second, authentication strategies per second,
 * KDC rekey cost per leave for N = 10 .. 10^6. Prints tables and writes everything to
 * bench/results.json (the kernel report plus a `protocols` section). `--quick` shortens it.
 * @module
 */
import { writeFileSync } from "node:fs";
import { runAuthBench } from "./auth.js";
import { runBb84Bench } from "./bb84.js";
import { runKdcRekeyBench } from "./kdcRekey.js";
import { median } from "./auth.js";
import { runVerifyBench } from "./verify.js";
import { repositoryRoot, runKernelBench } from "./kernel.js";
import { join } from "node:path";

/** Run every benchmark; resolves to the process exit code. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const quick = argv.includes("--quick");
  const kernel = await runKernelBench({ quick });

  console.log("\n== BB84 (targets: exact secrecy >= 1e4 adversaries/s, sampled >= 1e6 pulses/s) ==");
  const bb84 = await runBb84Bench();
  console.table(bb84.map((r) => ({ name: r.name, value: Number(r.value.toPrecision(4)), unit: r.unit, target: r.target, met: r.value >= r.target })));

  console.log("\n== EPR/CNOT authentication ==");
  const auth = await runAuthBench();
  console.table(auth.map((r) => ({ name: r.name, value: Number(r.value.toPrecision(4)), unit: r.unit, ...("target" in r ? { target: r.target, met: r.value >= r.target } : {}) })));

  console.log("\n== KDC rekey per leave (target: LKH <= 2 log2 N messages, < 1 s at N = 10^6) ==");
  const rekey = await runKdcRekeyBench(quick ? { maxN: 100_000, changes: 2 } : {});
  console.table(rekey.map((r) => ({ N: r.n, strategy: r.strategy, messages: r.messages, "2 log2 N": Number((2 * Math.log2(r.n)).toFixed(1)), bytes: r.bytes, "ms/change": Number(r.msPerChange.toFixed(2)) })));

  // verify wall time, 1 worker vs one per core (skipped with --quick: minutes per round)
  const verify = quick ? null : runVerifyBench();
  if (verify) console.log(`\n== verify wall time ==\n1 worker ${median(verify.oneWorkerSeconds).toFixed(1)} s, ${verify.workers} workers ${median(verify.manyWorkersSeconds).toFixed(1)} s: ${verify.speedup.toFixed(2)}x (target ${verify.target}x${verify.speedup >= verify.target ? ", met" : ", NOT met"}; load before ${verify.loadBefore.toFixed(1)})`);

  const file = join(repositoryRoot(), "bench", "results.json");
  writeFileSync(file, JSON.stringify({ ...kernel, protocols: { bb84, auth, kdcRekey: rekey, verify } }, null, 2) + "\n");
  console.log(`\nwritten: ${file}`);
  return 0;
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => { console.error(e); process.exitCode = 1; });
