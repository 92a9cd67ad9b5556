import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { LongFilesFirst } from "./test/setup/sequencer.js";

const root = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    // `qkd-harness` and its subpaths resolve to the TypeScript sources inside the repository
    // (the published package maps them to dist/ through package.json "exports"), so that the
    // examples import the harness exactly as a user does. Mirrors tsconfig.json "paths".
    alias: [
      { find: /^qkd-harness$/, replacement: root("./index.ts") },
      { find: /^qkd-harness\/(.+)$/, replacement: root("./entries/$1.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts", "examples/**/*.test.ts"],
    setupFiles: ["test/setup/fast-check.ts"],
    // one build shared by the tests that need compiled code (none when dist/ is current)
    globalSetup: ["test/setup/compiled-package.ts"],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: "forks",
    // one module cache per worker process, shared by the files it runs: the harness, mathjs,
    // vega and quantum-circuit are imported once per worker instead of once per test file (86
    // files; measured under load on 2 cores: the suite's CPU time 469 s -> 248 s, together with
    // the build changes of test/setup/compiled-package.ts). Files must not depend on fresh module
    // state: setupFiles still run per file; no test mocks modules; process.chdir and console
    // spies are restored where they are made. `forks`, not `threads`: a test chdirs.
    isolate: false,
    // one worker per core: vitest's default in run mode is cores - 1, so on this project's 2-core
    // machines the suite ran on one worker (105 s wall for 130 s of CPU)
    maxWorkers: availableParallelism(),
    // V8 settings of the worker processes: tier-up to the optimising compiler later (as the CLI
    // does, cli/jit.ts: most code a test runs runs briefly) and a larger young generation (fewer
    // scavenges). Measured 2026-11-28, whole runs with QKD_SEED=1 at load 8-11 (instructions of
    // every process): 364.2 / 364.9 G without, 340.7 G with the budget alone, 358.5 G with the
    // semi-space alone, 335.1 G with both; a budget of 1,000,000 gave 345.0 G.
    execArgv: ["--interrupt-budget=300000", "--max-semi-space-size=64"],
    sequence: { sequencer: LongFilesFirst },
  },
});
