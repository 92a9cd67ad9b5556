/**
 * The test selection Stryker runs against each mutant (`npm run mutation`): the suites that
 * exercise the mutated code (model/kernel, model/random.ts, the check engine and parameter
 * schemas), without the slow end-to-end suites (npm pack, the browser, whole-scenario verify).
 */
import { defineConfig, mergeConfig } from "vitest/config";
import base from "./vitest.config.js";

export default mergeConfig(
  base,
  defineConfig({
    test: {
      include: ["test/kernel/**/*.test.ts", "test/scenarios/**/*.test.ts", "test/cli/verify.test.ts", "test/cli/shards.test.ts"],
      // the soak repeats what the property suites already cover, 10^4 times over: too slow instrumented
      exclude: ["test/kernel/soak.test.ts"],
    },
  }),
  true,
);
