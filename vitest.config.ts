import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

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
  },
});
