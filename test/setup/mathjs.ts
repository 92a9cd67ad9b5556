/**
 * mathjs for the tests' oracles, loaded from its single-file bundle (`mathjs/lib/browser/math.js`,
 * an entry the package exports; the same version as its main entry): the main entry loads some
 * 2,000 modules, about 1.5 s of CPU per test worker, the bundle about 0.1 s.
 */
import { createRequire } from "node:module";

export const mathjs = createRequire(import.meta.url)("mathjs/lib/browser/math.js") as typeof import("mathjs");
