/**
 * The compiled package for the tests that need it (see test/setup/compiled-package.ts, which
 * builds it in the background while other test files run): `await compiledPackage()` waits for
 * the build and returns the package-shaped directory holding dist/.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { inject } from "vitest";
import { BUILD_DONE, BUILD_LOG } from "./compiled-package.js";


const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The package-shaped directory holding dist/, once its build (if any) has finished. */
export async function compiledPackage(timeoutMs = 300_000): Promise<string> {
  const pkg = inject("compiledPackage");
  if (pkg === "") throw new Error("compiledPackage: nothing was built (test/setup/compiled-package.ts: add this file to COMPILED_TESTS)");
  const log = join(pkg, BUILD_LOG);
  if (existsSync(log)) {
    const deadline = Date.now() + timeoutMs;
    while (!existsSync(join(pkg, BUILD_DONE))) {
      if (Date.now() > deadline) throw new Error(`compiledPackage: the build did not finish in ${timeoutMs} ms\n${readFileSync(log, "utf8")}`);
      await sleep(100);
    }
  }
  if (!existsSync(join(pkg, "dist", "cli", "main.js"))) {
    const done = existsSync(join(pkg, BUILD_DONE)) ? readFileSync(join(pkg, BUILD_DONE), "utf8") : "";
    throw new Error(`compiledPackage: tsc emitted nothing ${done}\n${existsSync(log) ? readFileSync(log, "utf8") : ""}`);
  }
  return pkg;
}
