/**
 * The compiled CLI, as `npm start` and the `bin` entry run it: the shared build of
 * test/setup/compiled-package.ts in a temp directory laid out like the package (dist/ beside
 * package.json and scenarios/), run with node.
 */
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDir } from "../scenarios/fixtures.js";
import { compiledPackage } from "../setup/compiled.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pkg = join(tempDir("qkd-harness-compiled-"));
const bin = join(pkg, "dist", "cli", "main.js");

function node(args: readonly string[], cwd = pkg) {
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, CI: "true" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the compiled CLI", () => {
  beforeAll(async () => {
    for (const name of ["package.json", "node_modules", "scenarios"]) symlinkSync(join(root, name), join(pkg, name));
    symlinkSync(join(await compiledPackage(), "dist"), join(pkg, "dist"));
    expect(existsSync(bin)).toBe(true);
    expect(readFileSync(bin, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  }, 300_000);

  // one process for both facts: every start of the compiled CLI loads all of it (~3 s of CPU)
  it("the prepare script's make-bin-executable makes the bin executable (npm links it as qkd-harness); run directly, its --version prints the package version from dist/cli/", () => {
    mkdirSync(join(pkg, "scripts"));
    cpSync(join(root, "scripts", "make-bin-executable.mjs"), join(pkg, "scripts", "make-bin-executable.mjs"));
    expect(node([join(pkg, "scripts", "make-bin-executable.mjs")]).code).toBe(0);
    expect(statSync(bin).mode & 0o777).toBe(0o755);
    const direct = spawnSync(bin, ["--version"], { cwd: pkg, encoding: "utf8" });
    const version = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).version;
    expect(direct).toMatchObject({ status: 0, stdout: `${version}\n` });
    expect(JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts.prepare).toContain("node scripts/make-bin-executable.mjs");
  });

  it("finds the shipped scenarios from dist/cli/ (../../scenarios), not from the cwd", () => {
    const run = node([bin, "list"], tempDir());
    expect(run.stderr).not.toContain("cannot find the shipped scenarios");
    expect([0, 2]).toContain(run.code); // 2 only while no scenario files are shipped yet
    if (run.code === 2) expect(run.stderr).toContain(`no scenario files (.yaml, .yml, .json) under ${join(pkg, "scenarios")}`);
  });

  it("a tiny verify: exit 0 and the three reports; bad input: exit 2 from the real process", () => {
    writeFileSync(
      join(pkg, "tiny.mjs"),
      [
        'import * as fc from "fast-check";',
        'import { z } from "zod";',
        `import { main } from ${JSON.stringify(bin)};`,
        "const def = { id: 'tiny.ok', protocol: 'tiny', title: 'ok', statement: 'x >= 0', trust: { trusted: [], adversary: 'none' },",
        "  params: z.object({ max: z.number() }), arbitrary: (p) => fc.integer({ min: 0, max: p.max }), check: (p, x) => ({ ok: x >= 0 }) };",
        "const io = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: process.env };",
        "process.exitCode = await main(process.argv.slice(2), io, { definitions: [def] });",
      ].join("\n"),
    );
    writeFileSync(
      join(pkg, "tiny.yaml"),
      "name: tiny\ndescription: d\nprotocol: tiny\nparameters: { max: 10 }\nsettings: { runs: 5, seed: 1 }\nproperties:\n  - { id: tiny.ok, expect: holds }\n",
    );
    const ok = node([join(pkg, "tiny.mjs"), "verify", "tiny.yaml", "--out", "out"]);
    expect(ok.stdout).toContain("1 result: 1 matched (0 findings falsified, 1 holds");
    expect(ok.code).toBe(0);
    for (const f of ["index.html", "results.json", "junit.xml"]) expect(existsSync(join(pkg, "out", f))).toBe(true);

    const bad = node([bin, "verify", "tiny.yaml", "--out", "out2"]); // the shipped registry has no "tiny" protocol
    expect(bad.stderr).toContain('tiny.yaml: protocol: unknown protocol "tiny"');
    expect(bad.code).toBe(2);
    expect(existsSync(join(pkg, "out2"))).toBe(false);
  });
});
