/**
 * Test file order: the known long files first, so that on 2 workers no long file starts last
 * and runs alone while the other worker idles (vitest's own order needs a results cache from
 * an earlier run, which a fresh clone in CI has not got). The compiled-code files come after
 * the long files that need no build, so that the background build of
 * test/setup/compiled-package.ts has run by the time they wait for it. The rest keep vitest's
 * order (slowest first by cache, else largest first).
 */
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** The files measured the longest in `npm test` (wall time per file, 2026-11-27); the compiled-code ones last. */
export const LONG_FILES = [
  "test/reliability/determinism.test.ts",
  "test/search/rediscovery.test.ts",
  "test/reports/browser.test.ts",
  "test/parallel/workers.test.ts",
  "test/library/pack.test.ts",
  "test/cli/compiled.test.ts",
];

export class LongFilesFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = LONG_FILES.findIndex((l) => f.moduleId.endsWith(l));
      return i === -1 ? LONG_FILES.length : i;
    };
    const sorted = await super.sort(files);
    return sorted.map((f, i) => ({ f, i })).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({ f }) => f);
  }
}
