/**
 * `npm run bench`: the kernel benchmark, then the protocol benchmarks when their files exist
 * (bench/bb84.ts, bench/auth.ts, bench/kdcRekey.ts). A missing protocol bench is reported, not
 * fatal. `--quick` shortens every benchmark.
 * @module
 */
import { runKernelBench } from "./kernel.js";

/** A protocol benchmark module: its file, and the name of the function it exports. */
interface ProtocolBench {
  readonly file: string;
  readonly exportName: string;
}

const PROTOCOL_BENCHES: readonly ProtocolBench[] = [
  { file: "./bb84.js", exportName: "runBb84Bench" },
  { file: "./auth.js", exportName: "runAuthBench" },
  { file: "./kdcRekey.js", exportName: "runKdcRekeyBench" },
];

/** Run every benchmark; resolves to the process exit code (0 unless a present benchmark threw). */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  const quick = argv.includes("--quick");
  let code = 0;
  await runKernelBench({ quick });
  for (const { file, exportName } of PROTOCOL_BENCHES) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(file)) as Record<string, unknown>;
    } catch (e) {
      // missing only if the module itself is absent (not one of its own imports)
      const missing = (e as { code?: string }).code === "ERR_MODULE_NOT_FOUND" && String(e).includes(`bench/${file.slice(2)}'`);
      console.log(`${exportName}: ${missing ? `skipped, ${file.replace(/\.js$/, ".ts")} not present` : `failed to load: ${String(e)}`}`);
      if (!missing) code = 1;
      continue;
    }
    const fn = mod[exportName];
    if (typeof fn !== "function") {
      console.log(`${exportName}: ${file} does not export it`);
      code = 1;
      continue;
    }
    try {
      console.log(`\n== ${exportName} ==`);
      await (fn as (o: { quick: boolean }) => unknown)({ quick });
    } catch (e) {
      console.log(`${exportName}: failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      code = 1;
    }
  }
  return code;
}

main().then((code) => { process.exitCode = code; }, (e: unknown) => { console.error(e); process.exitCode = 1; });
