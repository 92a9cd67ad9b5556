/**
 * Every command's help lists allowed values, defaults and units; `--strategy` takes a strategy
 * shipped in the package by name; the JSON results carry the command line, the host and the git
 * commit; JUnit suites carry timestamp and hostname.
 */
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { commandLine, gitCommit } from "../../cli/environment.js";
import { commands } from "../../cli/main.js";
import type { ResultsDocument } from "../../properties/types.js";
import { goodScenario, tempDir, writeScenario } from "../scenarios/fixtures.js";
import { cli } from "./capture.js";

const root = fileURLToPath(new URL("../..", import.meta.url));

describe("--help", () => {
  it.each(commands.map((c) => [c.name, c] as const))("%s: every flag that takes a value states its default, or that it is required", async (name, command) => {
    const help = (await cli([name, "--help"])).stdout;
    for (const flag of command.flags.filter((f) => f.kind !== "boolean")) {
      expect(flag.description, `${name} --${flag.name}`).toMatch(/default|required/);
      expect(help).toContain(`--${flag.name}`);
    }
    expect(help).toContain("exit codes: 0");
  });

  it("analyze lists the allowed values and units", async () => {
    const help = (await cli(["analyze", "--help"])).stdout;
    for (const text of ["intercept-resend | cloner", "Z | X | random | breidbart", "paper | with-pa", "dB/km", "in km", "best-attack"]) expect(help).toContain(text);
  });

  it("keyrate names its presets, units and the repetition rate of the default one", async () => {
    const help = (await cli(["keyrate", "--help"])).stdout;
    for (const text of ["gys", "2 MHz", "bits per second", "in km", "infinite-decoy | vacuum-weak-decoy"]) expect(help).toContain(text);
  });
});

describe("analyze auth --strategy NAME", () => {
  it("resolves a strategy shipped in the package, the same as its JSON file", async () => {
    const byName = await cli(["analyze", "auth", "--variant", "parity", "--key-bits", "8", "--strategy", "best-attack", "--json"]);
    const byFile = await cli(["analyze", "auth", "--variant", "parity", "--key-bits", "8", "--strategy", join(root, "properties/auth/strategies/best-attack.json"), "--json"]);
    expect(byName.code).toBe(0);
    expect(byName.stdout).toBe(byFile.stdout);
    expect(JSON.parse(byName.stdout).strategyAcceptance).toBeGreaterThanOrEqual(0.999); // the search keeps attacks accepted with p >= 0.999
  });
});

describe("provenance in the reports", () => {
  const dir = tempDir();
  const file = writeScenario(dir, "prov.json", goodScenario("prov"));

  it("JSON: the command line (shell-quoted, control characters replaced), the host and the commit", async () => {
    const out = join(dir, "out");
    const run = await cli(["verify", file, "--json", "--format", "json,junit", "--out", out]);
    const doc = JSON.parse(run.stdout) as ResultsDocument;
    expect(doc.run.environment["command"]).toBe(`qkd-harness verify ${file} --json --format json,junit --out ${out}`);
    expect(doc.run.environment["hostname"]).toBe(hostname());
    const head = execFileSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
    expect(doc.run.environment["commit"]).toBe(head);
    expect(commandLine(["run", "a b", "x\u001b[31my"])).toBe("qkd-harness run 'a b' 'x?[31my'");

    const junit = readFileSync(join(out, "junit.xml"), "utf8");
    const stamp = doc.run.startedAt.slice(0, 19);
    expect(junit).toMatch(new RegExp(`<testsuites [^>]*timestamp="${stamp}" hostname="${hostname()}"`));
    expect(junit).toMatch(new RegExp(`<testsuite name="prov" [^>]*timestamp="${stamp}" hostname="${hostname()}"`));
  });

  it("gitCommit: none outside a checkout; a detached HEAD; a ref through a worktree's .git file and packed-refs", () => {
    expect(gitCommit(tempDir())).toBeUndefined();
    const sha = "0123456789abcdef0123456789abcdef01234567";
    const detached = tempDir();
    execFileSync("mkdir", ["-p", join(detached, ".git")]);
    writeFileSync(join(detached, ".git", "HEAD"), `${sha}\n`);
    expect(gitCommit(detached)).toBe(sha);

    const common = tempDir();
    const worktreeGit = join(common, "worktrees", "w");
    execFileSync("mkdir", ["-p", worktreeGit]);
    writeFileSync(join(worktreeGit, "HEAD"), "ref: refs/heads/topic\n");
    writeFileSync(join(worktreeGit, "commondir"), "../..\n");
    writeFileSync(join(common, "packed-refs"), `# pack-refs with: peeled\n${sha} refs/heads/topic\n`);
    const checkout = tempDir();
    writeFileSync(join(checkout, ".git"), `gitdir: ${worktreeGit}\n`);
    expect(gitCommit(checkout)).toBe(sha);

    writeFileSync(join(worktreeGit, "HEAD"), "ref: refs/heads/../../../etc/passwd\n");
    expect(gitCommit(checkout)).toBeUndefined();
  });
});
