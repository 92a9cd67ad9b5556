/**
 * The bench runner's command line (bench/args.ts): unknown options, missing or repeated values,
 * stray words and bad kernel values are bad input, exit 2 and named, before any section runs;
 * `--help` prints the options. Before, `npm run bench -- --help` ran every section and
 * overwrote bench/results.json.
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BENCH_FLAGS, benchUsage, checkBenchArgs } from "../../bench/args.js";
import { BenchInputError } from "../../bench/rows.js";
import { compiledPackage } from "../setup/compiled.js";

const KNOWN = "known: --only, --ops, --sizes, --baseline, --clock, --allocator, --quick, --help, -h";

const rejects = (argv: string[]): string => {
  try {
    checkBenchArgs(argv);
  } catch (e) {
    expect(e).toBeInstanceOf(BenchInputError);
    return (e as Error).message;
  }
  throw new Error(`accepted ${JSON.stringify(argv)}`);
};

describe("bench arguments", () => {
  it("accepts every documented option, in both spellings; help wins", () => {
    expect(checkBenchArgs([])).toEqual({ help: false });
    expect(checkBenchArgs(["--quick", "--only", "kernel", "--ops=gate1,eigh", "--sizes", "11,12", "--baseline", "/tmp/old/dist", "--clock=cpu", "--allocator", "default"])).toEqual({ help: false });
    expect(checkBenchArgs(["--only", "verify", "--help"])).toEqual({ help: true });
    expect(checkBenchArgs(["-h", "--bogus"])).toEqual({ help: true });
    for (const flag of BENCH_FLAGS) expect(benchUsage()).toContain(`--${flag.name}`);
  });

  it("rejects an unknown option, a missing or repeated value, a stray word and bad values, naming each", () => {
    expect(rejects(["--onyl", "kernel"])).toBe(`bench: unknown option "--onyl" (${KNOWN})`);
    expect(rejects(["--quick=1"])).toBe("bench: --quick: takes no value");
    expect(rejects(["--only", "kernel", "auth"])).toBe(`bench: unexpected argument "auth": options only (${KNOWN})`);
    expect(rejects(["--only"])).toBe("bench: --only: missing value (SECTIONS)");
    expect(rejects(["--baseline", "--quick"])).toBe("bench: --baseline: missing value (DIR)");
    expect(rejects(["--only", "kernel", "--only", "auth"])).toBe("bench: --only: given twice");
    expect(rejects(["--allocator", "hugetlb"])).toBe('bench: --allocator: expected default, got "hugetlb"');
    // the kernel's options are checked whichever sections run
    expect(rejects(["--only", "bb84", "--ops", "typo"])).toMatch(/^--ops: unknown operation typo \(known: gate1, /);
    expect(rejects(["--sizes", "0,3"])).toBe('--sizes: expected positive integers separated by commas, got "0,3"');
    expect(rejects(["--clock", "tsc"])).toBe('--clock: expected wall or cpu, got "tsc"');
  });

  it("the compiled runner: bad input exits 2 with one terminal-safe line and no stack trace, --help exits 0; neither runs a section nor writes results", async () => {
    const pkg = await compiledPackage();
    const results = join(pkg, "bench", "results.json");
    const before = existsSync(results) ? statSync(results).mtimeMs : null;
    // a timeout: a runner that ignored the options would start the whole bench (minutes)
    const run = (argv: string[]) => spawnSync(process.execPath, [join(pkg, "dist", "bench", "run.js"), ...argv], { encoding: "utf8", cwd: pkg, timeout: 30_000 });
    const bad = run(["--onyl", "kernel"]);
    expect(bad.signal).toBe(null);
    expect([bad.status, bad.stdout, bad.stderr]).toEqual([2, "", `bench: unknown option "--onyl" (${KNOWN})\n`]);
    // a value echoed back (here by the --only check of bench/run.ts; every message passes the same handler) reaches the terminal escaped
    const hostile = run(["--only", "ke\u001b]0;pwned\u0007rnel\u009b31m\u202e"]);
    expect(hostile.signal).toBe(null);
    expect(hostile.status).toBe(2);
    expect(hostile.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    expect(hostile.stderr).toContain("\\u009b");
    expect(hostile.stderr.trimEnd().split("\n")).toHaveLength(1);
    const help = run(["--help"]);
    expect(help.signal).toBe(null);
    expect([help.status, help.stdout, help.stderr]).toEqual([0, benchUsage(), ""]);
    expect(existsSync(results) ? statSync(results).mtimeMs : null).toBe(before);
  });
});
