/**
 * `npm run bench`: every benchmark section, its rows printed with their targets (a row below
 * its target says so), and everything written to bench/results.json with a `ratio` per row.
 *
 * ```sh
 * npm run bench                                  # every section (several minutes)
 * npm run bench -- --quick                       # shorter batches, n <= 10
 * npm run bench -- --only kernel --quick         # only the kernel rows
 * npm run bench -- --only kernel --ops gate1,eigh --baseline /tmp/old/dist   # before/after in one run
 * npm run bench -- --only bb84 --baseline /tmp/old/dist   # the secrecy rows interleaved with the old build
 * npm run bench -- --allocator default           # without the huge-page allocator setting
 * ```
 *
 * Sections are the {@link SECTIONS} list: add a producer there (a {@link BenchSection}) to add rows.
 *
 * Allocator: unless `--allocator default` is given, the runner re-executes itself with
 * `GLIBC_TUNABLES=glibc.malloc.hugetlb=1`, so that glibc advises transparent huge pages for
 * large blocks, as numpy does for its arrays by default (`madvise hugepage`); the numpy child
 * inherits the same setting. Both are printed and stored.
 * @module
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { sanitizeForTerminal } from "../cli/io.js";
import { benchUsage, checkBenchArgs } from "./args.js";
import { runAuthBench } from "./auth.js";
import { runAuthSearchBench } from "./authSearch.js";
import { runBb84Bench } from "./bb84.js";
import { runKdcRekeyBench } from "./kdcRekey.js";
import { flagValue, kernelSection, repositoryRoot } from "./kernel.js";
import { BenchInputError, statusOf, type BenchContext, type BenchRow, type BenchSection } from "./rows.js";
import { runSearchWorkersBench, runVerifyBench, type WorkersTimings } from "./verify.js";

/** Rows of a rate with an absolute target: ratio = value / target. */
function rateRow(section: string, name: string, value: number, unit: string, target: number | null): BenchRow {
  return {
    section, name, value, unit, reference: null,
    ratio: target === null ? null : value / target, target: target === null ? null : 1,
    met: target === null ? null : value >= target,
    targetText: target === null ? "none" : `>= ${target} ${unit}`,
  };
}

/** Every section, in run order. */
export const SECTIONS: readonly BenchSection[] = [
  kernelSection,
  {
    name: "bb84",
    run: async ({ args, log }) => {
      const results = await runBb84Bench({ baseline: flagValue(args, "--baseline"), log });
      return { rows: results.map((r) => rateRow("bb84", r.name, r.value, r.unit, r.target)) };
    },
  },
  {
    name: "auth",
    run: async ({ args, log }) => {
      const results = [...(await runAuthBench({ baseline: flagValue(args, "--baseline"), log })), ...(await runAuthSearchBench())];
      return { rows: results.map((r) => rateRow("auth", r.name, r.value, r.unit, "target" in r ? r.target : null)) };
    },
  },
  {
    name: "kdc",
    run: async ({ quick }) => {
      const rekey = await runKdcRekeyBench(quick ? { maxN: 100_000, changes: 2 } : {});
      // target: LKH <= 2 log2 N messages per leave
      const rows = rekey.map((r) => {
        const bound = 2 * Math.log2(r.n);
        return r.strategy === "lkh"
          ? { ...rateRow("kdc", `lkh messages per leave N=${r.n}`, r.messages, "messages", null), ratio: bound / r.messages, target: 1, met: r.messages <= bound, targetText: `<= 2 log2 N = ${bound.toFixed(1)}` }
          : rateRow("kdc", `flat messages per leave N=${r.n}`, r.messages, "messages", null);
      });
      return { rows, details: rekey };
    },
  },
  {
    // verify wall time, 1 worker vs one per core (skipped with --quick: minutes per round)
    name: "verify",
    run: async ({ quick }) => {
      if (quick) return { rows: [] };
      const v = await runVerifyBench();
      const search = await runSearchWorkersBench();
      const searchName = `search bb84 wall time speed-up, ${search.workers} workers on ${search.workers} cores vs 1 worker on 1 core (${search.command}; results ${search.identical ? "identical" : "DIFFERENT or a note on stderr"})`;
      return {
        rows: [
          Number.isNaN(v.speedupOverOneCore)
            ? { ...rateRow("verify", `wall time speed-up, ${v.workers} workers on ${v.workers} cores vs 1 worker on 1 core`, Number.NaN, "x", null), targetText: `not measured: ${v.oneCoreProblem}` }
            : { ...rateRow("verify", `wall time speed-up, ${v.workers} workers on ${v.workers} cores vs 1 worker on 1 core`, v.speedupOverOneCore, "x", v.target), targetText: `>= ${v.target}x (${roundsText(v)}; load before ${v.loadBefore.toFixed(1)})` },
          { ...rateRow("verify", `wall time speed-up, ${v.workers} workers vs 1 worker, both on ${v.workers} cores`, v.speedup, "x", null), targetText: `none (the 1-worker run's V8 threads already use the other cores; CPU allows ${v.ceiling.toFixed(2)}x)` },
          Number.isNaN(search.speedupOverOneCore)
            ? { ...rateRow("verify", searchName, Number.NaN, "x", null), targetText: `not measured: ${search.oneCoreProblem}` }
            : { ...rateRow("verify", searchName, search.identical ? search.speedupOverOneCore : 0, "x", v.target), targetText: `>= ${v.target}x, the same result for any N (1 worker on ${search.workers} cores: ${search.speedup.toFixed(2)}x; ${roundsText(search)}; load before ${search.loadBefore.toFixed(1)})` },
        ],
        details: { verify: v, search },
      };
    },
  },
];

/**
 * The rounds behind a speed-up over one core: each round's own ratio and both wall times, so that
 * a reader sees when the median sits near the target (verify's read 1.39x, 1.96x, 1.44x, 1.55x
 * and 1.46x in five runs of this bench on one quiet machine, 2026-11-28).
 */
function roundsText(t: WorkersTimings): string {
  const s = (xs: readonly number[]): string => xs.map((x) => x.toFixed(2)).join(", ");
  const perRound = t.oneCoreSeconds.map((one, k) => one / t.manyWorkersSeconds[k]);
  return `rounds ${s(perRound)}x; 1 worker on 1 core ${s(t.oneCoreSeconds)} s, ${t.workers} workers ${s(t.manyWorkersSeconds)} s`;
}

/** Run the selected sections; resolves to the process exit code. */
export async function main(argv: readonly string[] = process.argv.slice(2)): Promise<number> {
  if (checkBenchArgs(argv).help) {
    process.stdout.write(benchUsage());
    return 0;
  }
  const reexec = withAllocator(argv);
  if (reexec !== null) return reexec;
  const quick = argv.includes("--quick");
  const only = flagValue(argv, "--only");
  const names = only === null ? SECTIONS.map((s) => s.name) : only.split(",").map((s) => s.trim());
  const unknown = names.filter((n) => !SECTIONS.some((s) => s.name === n));
  if (unknown.length) throw new BenchInputError(`bench: unknown section ${unknown.join(", ")} for --only (known: ${SECTIONS.map((s) => s.name).join(", ")})`);
  const context: BenchContext = { quick, args: argv, log: (line) => console.log(line) };
  const started = performance.now();
  const rows: BenchRow[] = [];
  const details: Record<string, unknown> = {};
  for (const section of SECTIONS.filter((s) => names.includes(s.name))) {
    console.log(`\n== ${section.name} ==`);
    const out = await section.run(context);
    rows.push(...out.rows);
    if (out.details !== undefined) details[section.name] = out.details;
  }
  const below = rows.filter((r) => r.met === false);
  const unjudged = rows.filter((r) => r.met === null && r.target !== null);
  console.log("\n== summary ==");
  for (const r of rows.filter((r) => r.section !== "kernel")) console.log(`${r.section} ${r.name}: ${r.value.toPrecision(4)} ${r.unit}; target ${r.targetText}: ${statusOf(r)}`);
  console.log(`${rows.length} rows; ${below.length} BELOW TARGET${below.length ? `: ${below.map((r) => `${r.section} ${r.name} (ratio ${r.ratio?.toFixed(2)})`).join("; ")}` : ""}` +
    (unjudged.length ? `; ${unjudged.length} with no reference` : ""));
  const file = join(repositoryRoot(), "bench", "results.json");
  const document = {
    date: new Date().toISOString(), node: process.version, command: `bench ${argv.join(" ")}`.trim(), quick,
    seconds: (performance.now() - started) / 1000,
    rows, belowTarget: below.map((r) => `${r.section} ${r.name}`), details,
  };
  writeFileSync(file, JSON.stringify(document, null, 2) + "\n");
  console.log(`written: ${file}`);
  return 0;
}

/**
 * Re-executes this runner with the huge-page allocator setting (see the module notes) and
 * returns its exit code; null when already set, not Linux, or `--allocator default`.
 */
function withAllocator(argv: readonly string[]): number | null {
  const setting = "glibc.malloc.hugetlb=1";
  const current = process.env.GLIBC_TUNABLES ?? "";
  if (process.platform !== "linux" || flagValue(argv, "--allocator") === "default" || current.includes(setting)) return null;
  const env = { ...process.env, GLIBC_TUNABLES: current ? `${current}:${setting}` : setting };
  const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1], ...argv], { env, stdio: "inherit" });
  return r.status ?? 1;
}

// bad input (an option, a --baseline that cannot be loaded) exits 2, as the CLI; anything else 1
// every message passes through sanitizeForTerminal: a value echoed from the command line (an
// unknown --ops name, a --baseline path) must not reach a terminal as a control sequence
main().then((code) => { process.exitCode = code; }, (e: unknown) => { console.error(sanitizeForTerminal(e instanceof Error ? e.message : String(e))); process.exitCode = e instanceof BenchInputError ? 2 : 1; });
