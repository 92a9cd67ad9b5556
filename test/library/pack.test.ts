/**
 * The package as a user gets it: build with tsconfig.build.json, `npm pack`, check the
 * tarball's file list, install it into a fresh project with vitest and fast-check, run a small
 * vitest suite there that imports `qkd-harness`, `qkd-harness/kernel` and `qkd-harness/vitest`,
 * type-check that suite against the shipped declarations, and run the CLI with npx.
 *
 * Slow (it installs packages: about 40 s of CPU, most of `npm test`'s child-process time), so it
 * runs with `QKD_PACK=1`: `npm run test:heavy` sets it, and `.ci/run` runs that after `npm test`.
 * The repository's dist/ is never touched (the build
 * goes to a temporary directory laid out like the package). `QKD_PACK_TSCONFIG` builds with
 * another configuration (to try a change before committing it); `QKD_KEEP_PACK_DIR=1` keeps
 * the temporary directory for inspection.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { compiledPackage } from "../setup/compiled.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const pkgJson = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as {
  version: string;
  exports: Record<string, string | { types: string; default: string }>;
};
const work = mkdtempSync(join(tmpdir(), "qkd-harness-pack-"));
const stage = join(work, "package");
const consumer = join(work, "consumer");
const MINUTES = 60_000;

/** The environment of child npm processes: the caller's, without npm's own per-run settings. */
const childEnv: NodeJS.ProcessEnv = Object.fromEntries(
  Object.entries({ ...process.env, CI: "true", NO_COLOR: "1" }).filter(([k]) => !/^npm_/i.test(k) && k !== "INIT_CWD" && !k.startsWith("VITEST")),
);

function run(command: string, args: readonly string[], cwd: string, timeout = 5 * MINUTES): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: "utf8", env: childEnv, timeout, maxBuffer: 64 * 1024 * 1024 });
}

function explain(r: SpawnSyncReturns<string>): string {
  return `exit ${r.status}${r.error ? ` (${r.error.message})` : ""}\n--- stdout\n${r.stdout?.slice(-4000)}\n--- stderr\n${r.stderr?.slice(-4000)}`;
}

/** The YAML scenario files under `dir`, relative to it. */
function findYaml(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? findYaml(dir, `${prefix}${e.name}/`) : /\.ya?ml$/.test(e.name) ? [`${prefix}${e.name}`] : [],
  );
}

let files: string[] = [];
let tarball = "";
const timings: Record<string, number> = {};

function timed<T>(name: string, f: () => T): T {
  const started = Date.now();
  try {
    return f();
  } finally {
    timings[name] = Date.now() - started;
  }
}

/** The consumer's suite: written exactly as a user of the installed package writes one. */
const CONSUMER_TEST = `import { expect, test } from "vitest";
import { fc, runProperty, z, type PropertyDefinition } from "qkd-harness";
import { blochDensity, H, measureInBasis } from "qkd-harness/kernel";
import { expectProperty, PropertyAssertionError, propertyTest } from "qkd-harness/vitest";

const trust = { trusted: ["the preparation"], adversary: "chooses the Bloch vector (x, 0, 0)" };

/** Born's rule in the X basis: (x, 0, 0) gives + with probability (1 + x)/2. */
const bornRuleX: PropertyDefinition<{ tolerance: number }, number> = {
  id: "consumer.born-rule-x", protocol: "consumer", title: "Born's rule in the X basis",
  statement: "a qubit with Bloch vector (x, 0, 0) measured in the X basis gives + with probability (1 + x)/2",
  trust, params: z.object({ tolerance: z.number().min(0) }),
  arbitrary: () => fc.double({ min: -1, max: 1, noNaN: true }),
  check(params, x) {
    const p = measureInBasis(blochDensity(x, 0, 0), H, [0])[0].probability;
    const error = Math.abs(p - (1 + x) / 2);
    return { ok: error <= params.tolerance, margin: params.tolerance - error, metrics: { x, p } };
  },
};

/** Negative control: "+ is always at least as likely as -", false for x < 0. */
const plusIsLikely: PropertyDefinition<{}, number> = {
  ...bornRuleX, id: "consumer.plus-is-likely", title: "+ is likely", statement: "P(+) >= 1/2", params: z.object({}),
  check(_params, x) {
    const p = measureInBasis(blochDensity(x, 0, 0), H, [0])[0].probability;
    return { ok: p >= 0.5, margin: p - 0.5, metrics: { x, p }, message: "P(+) = " + p + " < 1/2" };
  },
  trace: (_params, x) => [{ step: "Prepare", detail: "Bloch vector (x, 0, 0)", values: { x } }],
};

test("runProperty turns a property into a result document", () => {
  const result = runProperty(bornRuleX, { tolerance: 1e-12 }, { runs: 50, seed: 1, scenario: "consumer", variant: "default", expected: "holds" });
  expect(result).toMatchObject({ verdict: "holds", matches: true, runs: 50, property: "consumer.born-rule-x" });
});

propertyTest(bornRuleX, { tolerance: 1e-12 }, { runs: 50 });
propertyTest(plusIsLikely, {}, { expect: "violated" });

test("a violation's message carries the counterexample, the attack trace and the replay", () => {
  let caught: unknown;
  try {
    expectProperty(plusIsLikely, {}, { seed: 3 }).toHold();
  } catch (e) {
    caught = e;
  }
  expect(caught).toBeInstanceOf(PropertyAssertionError);
  const message = (caught as PropertyAssertionError).message;
  expect(message).toContain("consumer.plus-is-likely: expected to hold, but it is violated (seed 3)");
  expect(message).toContain("attack trace:");
  expect(message).toContain("1. Prepare: Bloch vector (x, 0, 0)");
  expect(message).toContain("replay: pass { seed: 3, path: ");
});
`;

const CONSUMER_TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  },
  include: ["*.test.ts"],
};

describe.skipIf(process.env.QKD_PACK !== "1")("npm pack and a fresh install (QKD_PACK=1)", () => {
  beforeAll(async () => {
    mkdirSync(stage, { recursive: true });
    mkdirSync(consumer, { recursive: true });
    // 1. build like `npm run build`, into a directory laid out like the package (the suite's
    // shared build of test/setup/compiled-package.ts unless another configuration is asked for)
    const tsconfig = process.env.QKD_PACK_TSCONFIG;
    const compiled = tsconfig === undefined ? await compiledPackage() : "";
    const build = timed("build", () =>
      tsconfig !== undefined
        ? run("npx", ["tsc", "-p", tsconfig, "--outDir", join(stage, "dist")], root)
        : (cpSync(join(compiled, "dist"), join(stage, "dist"), { recursive: true, filter: (src) => !src.endsWith(".build-stamp") }), { status: 0, stdout: "", stderr: "" } as SpawnSyncReturns<string>));
    // others' work in progress may carry type errors: tsc still emits; the file checks below decide
    for (const target of Object.values(pkgJson.exports)) {
      for (const file of typeof target === "string" ? [target] : [target.default, target.types]) {
        if (file.startsWith("./dist/") && !existsSync(join(stage, file))) {
          throw new Error(`${file} was not built: add its source folder to tsconfig.build.json "include"\n${explain(build)}`);
        }
      }
    }
    cpSync(join(root, "package.json"), join(stage, "package.json"));
    cpSync(join(root, "scenarios"), join(stage, "scenarios"), { recursive: true });
    for (const doc of ["README.md", "LICENSE"]) if (existsSync(join(root, doc))) cpSync(join(root, doc), join(stage, doc));
    // decoys that `files` must keep out of the tarball
    for (const decoy of ["test/decoy.test.ts", "examples/decoy/model.ts", "dist/test/decoy.test.js", "dist/examples/decoy.js", "dist/model/decoy.test.js"]) {
      mkdirSync(dirname(join(stage, decoy)), { recursive: true });
      writeFileSync(join(stage, decoy), "export {};\n");
    }

    // 2. npm pack
    // --ignore-scripts: the stage is already built; its package.json "prepare" would build again without sources
    const pack = timed("pack", () => run("npm", ["pack", "--json", "--ignore-scripts", "--pack-destination", work], stage));
    if (pack.status !== 0) throw new Error(`npm pack failed: ${explain(pack)}`);
    const [info] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf("["))) as { filename: string; files: { path: string }[] }[];
    files = info.files.map((f) => f.path).sort();
    tarball = join(work, info.filename);

    // 3. a fresh project that installs the tarball
    writeFileSync(join(consumer, "package.json"), `${JSON.stringify({ name: "qkd-harness-consumer", private: true, type: "module" }, null, 2)}\n`);
    writeFileSync(join(consumer, "tsconfig.json"), `${JSON.stringify(CONSUMER_TSCONFIG, null, 2)}\n`);
    writeFileSync(join(consumer, "consumer.test.ts"), CONSUMER_TEST);
    const install = timed("install", () =>
      run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline", tarball, "vitest@^4.1", "fast-check@^4.10"], consumer, 8 * MINUTES),
    );
    if (install.status !== 0) throw new Error(`npm install of the tarball failed: ${explain(install)}`);
  }, 12 * MINUTES);

  afterAll(() => {
    console.info(`pack test timings (ms): ${JSON.stringify(timings)}`);
    if (!process.env.QKD_KEEP_PACK_DIR) rmSync(work, { recursive: true, force: true });
  });

  test("the tarball holds compiled JavaScript, declarations, the CLI and the scenario data — no sources, no tests", () => {
    expect(files).toContain("package.json");
    expect(files).toContain("dist/cli/main.js");
    expect(files).toContain("scenarios/scenario.schema.json");
    const shippedScenarios = findYaml(join(root, "scenarios")).map((f) => `scenarios/${f}`);
    for (const f of shippedScenarios) expect(files).toContain(f);
    for (const target of Object.values(pkgJson.exports)) {
      for (const file of typeof target === "string" ? [target] : [target.default, target.types]) expect(files).toContain(file.replace(/^\.\//, ""));
    }
    expect(files.filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))).toEqual([]);
    expect(files.filter((f) => /(^|\/)(test|examples)\//.test(f) || /\.test\./.test(f))).toEqual([]);
    expect(files.filter((f) => !f.startsWith("dist/") && !f.startsWith("scenarios/") && !/^(package\.json|README\.md|LICENSE)$/.test(f))).toEqual([]);
  });

  test("a vitest suite in the fresh project imports qkd-harness, its kernel and its vitest helpers, and passes", () => {
    const vitest = timed("consumer vitest", () => run("npx", ["--no", "vitest", "run", "--reporter=verbose"], consumer));
    expect(vitest.status, explain(vitest)).toBe(0);
    expect(vitest.stdout).toContain("consumer.born-rule-x: Born's rule in the X basis");
    expect(vitest.stdout).toContain("consumer.plus-is-likely: + is likely (negative control)");
    expect(vitest.stdout).toMatch(/Tests\s+4 passed/);
  }, 5 * MINUTES);

  test("the suite type-checks against the shipped declarations (exports 'types')", () => {
    const tsc = run(process.execPath, [join(root, "node_modules", "typescript", "bin", "tsc"), "-p", join(consumer, "tsconfig.json")], consumer);
    expect(tsc.status, explain(tsc)).toBe(0);
  }, 3 * MINUTES);

  test("npx qkd-harness --version and --help", () => {
    const version = run("npx", ["qkd-harness", "--version"], consumer);
    expect(version.status, explain(version)).toBe(0);
    expect(version.stdout.trim()).toBe(pkgJson.version);
    const help = run("npx", ["qkd-harness", "--help"], consumer);
    expect(help.status, explain(help)).toBe(0);
    expect(help.stdout).toContain("usage: qkd-harness <command>");
    expect(help.stdout).toMatch(/^\s+verify\s/m);
  });
});
