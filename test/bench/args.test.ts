/**
 * The bench runner's command line (bench/args.ts): unknown options, missing values and stray
 * words are bad input, exit 2 and named, before any section runs; `--help` prints the options.
 * Before, `npm run bench -- --help` ran every section and overwrote bench/results.json.
 */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { benchUsage, checkBenchArgs, SWITCHES, VALUE_OPTIONS } from "../../bench/args.js";
import { BenchInputError } from "../../bench/rows.js";
import { compiledPackage } from "../setup/compiled.js";

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
  it("accepts every documented option, in both spellings", () => {
    expect(checkBenchArgs([])).toEqual({ help: false });
    expect(checkBenchArgs(["--quick", "--only", "kernel", "--ops=gate1,eigh", "--sizes", "11,12", "--baseline", "/tmp/old/dist", "--clock=cpu", "--allocator", "default"])).toEqual({ help: false });
    expect(checkBenchArgs(["--only", "verify", "--help"])).toEqual({ help: true });
    expect(checkBenchArgs(["-h"])).toEqual({ help: true });
    for (const flag of [...Object.keys(VALUE_OPTIONS), ...Object.keys(SWITCHES)]) expect(benchUsage()).toContain(flag);
  });

  it("rejects an unknown option, a missing value, a stray word and another allocator, naming each", () => {
    expect(rejects(["--onyl", "kernel"])).toBe('bench: unknown option "--onyl" (known: --only, --ops, --sizes, --baseline, --clock, --allocator, --quick, --help, -h)');
    expect(rejects(["--only", "kernel", "auth"])).toMatch(/^bench: unexpected argument "auth": options only/);
    expect(rejects(["--only"])).toBe("bench: --only: expected sections, separated by commas, got nothing");
    expect(rejects(["--baseline", "--quick"])).toBe('bench: --baseline: expected the dist/ folder of an older build, timed in the same rounds, got "--quick"');
    expect(rejects(["--ops="])).toMatch(/^bench: --ops: expected kernel operations, .*got nothing$/);
    expect(rejects(["--allocator", "hugetlb"])).toBe('bench: --allocator: expected default, got "hugetlb"');
    expect(rejects(["--quick=1"])).toMatch(/^bench: unknown option "--quick=1"/);
  });

  it("echoes no control character to the terminal", () => {
    const message = rejects(["--\u001b]0;pwned\u0007", "x"]);
    expect(message).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(message).toContain("\\u001b");
  });

  it("the compiled runner: a bad option exits 2 with one line and no stack trace, --help exits 0; neither runs a section nor writes results", async () => {
    const pkg = await compiledPackage();
    const results = join(pkg, "bench", "results.json");
    const before = existsSync(results) ? statSync(results).mtimeMs : null;
    const run = (argv: string[]) => spawnSync(process.execPath, [join(pkg, "dist", "bench", "run.js"), ...argv], { encoding: "utf8", cwd: pkg });
    const bad = run(["--onyl", "kernel"]);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("");
    expect(bad.stderr).toBe('bench: unknown option "--onyl" (known: --only, --ops, --sizes, --baseline, --clock, --allocator, --quick, --help, -h)\n');
    const help = run(["--help"]);
    expect(help.status).toBe(0);
    expect(help.stdout).toBe(benchUsage());
    expect(help.stderr).toBe("");
    expect(existsSync(results) ? statSync(results).mtimeMs : null).toBe(before);
  });
});
