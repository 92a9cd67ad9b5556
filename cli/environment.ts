/**
 * The environment of a run, for the results document's `run` section (never in `results`):
 * versions, the machine, the command line that produced the document and, when the harness runs
 * from a git checkout, its commit.
 * @module
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { arch, hostname, platform, release } from "node:os";
import { join, resolve } from "node:path";
import { shellWord } from "./display-path.js";
import { dependencyVersion, packageRoot, packageVersion } from "./package-info.js";

const dependencies = ["fast-check", "zod", "mathjs", "yaml", "vega-lite"] as const;

/**
 * Node version, operating system, host name, package versions; with `argv` (after the program
 * name) the command line, shell-quoted and with control characters replaced; the git commit of
 * the harness's checkout when there is one.
 */
export function runEnvironment(argv?: readonly string[]): Record<string, string> {
  const env: Record<string, string> = {
    node: process.version,
    os: `${platform()} ${release()} ${arch()}`,
    hostname: hostname(),
    "qkd-harness": packageVersion(),
  };
  for (const name of dependencies) env[name] = dependencyVersion(name);
  if (argv !== undefined) env["command"] = commandLine(argv);
  const commit = gitCommit(packageRoot());
  if (commit !== undefined) env["commit"] = commit;
  return env;
}

/** `qkd-harness verify --seed 3 ...`: each word shell-quoted, control characters shown as `?`. */
export function commandLine(argv: readonly string[]): string {
  return ["qkd-harness", ...argv].map((word) => shellWord(word.replace(/\p{Cc}/gu, "?"))).join(" ");
}

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

/**
 * The commit checked out in `dir`, read from `.git` without running git (a worktree's `.git`
 * file, a detached HEAD, loose and packed refs); undefined when `dir` is not a checkout or
 * anything is unexpected.
 */
export function gitCommit(dir: string): string | undefined {
  try {
    let gitDir = join(dir, ".git");
    if (!existsSync(gitDir)) return undefined;
    if (statSync(gitDir).isFile()) {
      const pointer = /^gitdir: (.+)$/m.exec(readFileSync(gitDir, "utf8"))?.[1];
      if (pointer === undefined) return undefined;
      gitDir = resolve(dir, pointer.trim());
    }
    const head = readFileSync(join(gitDir, "HEAD"), "utf8").trim();
    if (SHA.test(head)) return head;
    const ref = /^ref: (refs\/[\w./-]+)$/.exec(head)?.[1];
    if (ref === undefined || ref.split("/").includes("..")) return undefined;
    const commonFile = join(gitDir, "commondir");
    const common = existsSync(commonFile) ? resolve(gitDir, readFileSync(commonFile, "utf8").trim()) : gitDir;
    for (const d of [gitDir, common]) {
      const loose = join(d, ref);
      if (existsSync(loose)) {
        const sha = readFileSync(loose, "utf8").trim();
        return SHA.test(sha) ? sha : undefined;
      }
    }
    const packed = join(common, "packed-refs");
    if (!existsSync(packed)) return undefined;
    const line = readFileSync(packed, "utf8").split("\n").find((l) => l.endsWith(` ${ref}`));
    const sha = line?.split(" ")[0];
    return sha !== undefined && SHA.test(sha) ? sha : undefined;
  } catch {
    return undefined;
  }
}
