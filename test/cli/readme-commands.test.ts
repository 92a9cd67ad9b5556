/**
 * The README's commands, as written: every command of "Set-up" and "Other commands".
 *
 * Default (seconds): each `npx qkd-harness …` line names a command and flags the CLI accepts,
 * the files it names exist (a `dist/` file: its source), its `--out` is ignored by git and is
 * never `reports/out`, each `npm …` line names a script of package.json; the cheap commands
 * (`list`, `analyze`, `keyrate`) run literally, in-process, from a copy of the working tree.
 *
 * `QKD_README_FRESH=1` (minutes): a fresh clone of HEAD, `npm ci`, then every command of the two
 * blocks literally with `sh` in order (except `npm test`, which is this suite, and the slow
 * `npm run mutation` and `npm run bench`); `npm pack --dry-run` lists `dist/`; nothing they
 * write shows in `git status`. `QKD_KEEP_FRESH_CLONE=1` keeps the clone.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parseArgs } from "../../cli/args.js";
import { commands } from "../../cli/main.js";
import { tempDir } from "../scenarios/fixtures.js";
import { cli } from "./capture.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const readme = readFileSync(join(root, "README.md"), "utf8");
const scripts = (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;

/** The commands of the ```sh blocks of one README section, without comments. */
function sectionCommands(heading: string): string[] {
  const start = readme.indexOf(`## ${heading}`);
  expect(start, `README section "${heading}"`).toBeGreaterThanOrEqual(0);
  const end = readme.indexOf("\n## ", start + 3);
  const section = readme.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/^```sh\n([\s\S]*?)^```$/gm)]
    .flatMap((m) => m[1]!.split("\n"))
    .map((line) => line.replace(/\s+#.*$/, "").trim())
    .flatMap((line) => line.split(/\s+&&\s+/)) // `npm ci && npm start`: each command on its own
    .filter((line) => line !== "");
}

const commandsShown = [...sectionCommands("Set-up on a fresh machine"), ...sectionCommands("Other commands")];
const cliLines = commandsShown.filter((c) => c.startsWith("npx qkd-harness"));
const words = (line: string): string[] => line.split(/\s+/).slice(2);

/** The value of `--name` in a command line. */
function flagValue(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
}

describe("the README's commands, checked", () => {
  it("shows the set-up and the CLI", () => {
    expect(commandsShown.slice(0, 5)).toEqual(["npm ci", "npm start", "npm ci", "npm test", "npx qkd-harness --help"]);
    expect(cliLines.length).toBeGreaterThanOrEqual(8);
  });

  it("every npm command names a script of package.json", () => {
    for (const line of commandsShown.filter((c) => c.startsWith("npm "))) {
      const [, verb, name] = line.split(/\s+/);
      if (verb === "ci") continue;
      expect(scripts, line).toHaveProperty(verb === "run" ? name! : verb!);
    }
  });

  it.each(cliLines.filter((l) => words(l)[0] !== "--help"))("%s: a command and flags the CLI accepts; its files exist; its output is ignored by git", (line) => {
    const [name, ...rest] = words(line);
    const command = commands.find((c) => c.name === name);
    expect(command, line).toBeDefined();
    const parsed = parseArgs(rest, command!.flags, command!.name);
    const files = [...parsed.positionals.filter((p) => p.includes("/")), ...((parsed.flags.get("plugin") as string[] | undefined) ?? [])];
    for (const file of files) {
      const source = file.replace(/^dist\//, "").replace(/\.js$/, ".ts");
      expect(existsSync(join(root, file)) || existsSync(join(root, source)), `${line}: ${file}`).toBe(true);
    }
    const out = flagValue(rest, "out");
    if (command!.name === "verify" || command!.name === "run" || command!.name === "report") {
      expect(out, `${line}: writes reports, so names --out`).toBeDefined();
    }
    if (out !== undefined) {
      expect(out.startsWith("reports/out"), `${line} must not overwrite reports/out`).toBe(false);
      const ignored = spawnSync("git", ["check-ignore", "-q", "--no-index", `${out}/index.html`], { cwd: root });
      expect(ignored.status, `${out} is ignored by git`).toBe(0);
    }
  });
});

describe("the cheap README commands, run literally from a copy of the working tree", () => {
  const copy = tempDir("qkd-harness-readme-");
  const here = process.cwd();
  afterAll(() => {
    process.chdir(here);
    rmSync(copy, { recursive: true, force: true });
  });
  const tracked = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: root, encoding: "utf8" }).split("\0").filter((f) => f !== "");
  for (const file of tracked) {
    if (!existsSync(join(root, file))) continue; // deleted in the working tree
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(root, file), join(copy, file));
  }
  symlinkSync(join(root, "node_modules"), join(copy, "node_modules"));
  const cheap = cliLines.filter((l) => ["--help", "list", "analyze", "keyrate"].includes(words(l)[0]!));

  it.each(cheap)("%s: exit 0", async (line) => {
    process.chdir(copy);
    try {
      const run = await cli(words(line), { definitions: [] });
      expect(run.stderr, line).toBe("");
      expect(run.code, line).toBe(0);
    } finally {
      process.chdir(here);
    }
  });
});

const FRESH = process.env.QKD_README_FRESH === "1";
const MINUTES = 60_000;

describe.runIf(FRESH)("QKD_README_FRESH=1: a fresh clone, npm ci, every README command with sh", () => {
  let clone = "";
  const childEnv = Object.fromEntries(Object.entries({ ...process.env, CI: "true", NO_COLOR: "1" }).filter(([k]) => !/^npm_/i.test(k) && k !== "INIT_CWD" && !k.startsWith("VITEST")));
  const sh = (command: string) => {
    const started = Date.now();
    const r = spawnSync("sh", ["-c", command], { cwd: clone, encoding: "utf8", env: childEnv, maxBuffer: 256 * 1024 * 1024 });
    console.info(`readme fresh: ${command}: exit ${r.status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    return r;
  };
  const skipped = new Set(["npm test", "npm run mutation", "npm run bench"]);
  afterAll(() => {
    if (clone !== "" && !process.env.QKD_KEEP_FRESH_CLONE) rmSync(dirname(clone), { recursive: true, force: true });
  });

  it("runs them all", () => {
    clone = join(tempDir("qkd-harness-fresh-"), "clone");
    execFileSync("git", ["clone", "--quiet", root, clone]);
    for (const command of commandsShown.filter((c) => !skipped.has(c))) {
      const r = sh(command);
      expect(r.status, `${command}\n${r.stdout.slice(-2000)}\n${r.stderr.slice(-2000)}`).toBe(0);
    }
    const pack = sh("npm pack --dry-run --json");
    expect(pack.status).toBe(0);
    const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf("["))) as { files: { path: string }[] }[];
    expect(info!.files.map((f) => f.path)).toContain("dist/cli/main.js");
    expect(execFileSync("git", ["status", "--porcelain"], { cwd: clone, encoding: "utf8" })).toBe("");
  }, 60 * MINUTES);
});
