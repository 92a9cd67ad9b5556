/**
 * The rediscovery suite (issue 11): each case on the first K seeds, K = QKD_SEEDS (default: the
 * case's `quickSeeds`, else 3; `QKD_SEEDS=20` runs the issue's twenty), and at least
 * K - floor(K / 20) must match (19 of 20).
 * With `QKD_SEEDS` set, each case prints a table row: target, reached median and worst, matched.
 * Cases the search does not meet yet (`notMet`, with what it reaches) run only under QKD_SEEDS.
 * `npm run test:heavy` (run by `.ci/run`) sets QKD_SEEDS=3: every case on seeds 1-3.
 */
import { describe, expect, it } from "vitest";
import { rediscoveryCases } from "./rediscovery.js";

const SWEEP = process.env.QKD_SEEDS === undefined ? undefined : Number(process.env.QKD_SEEDS);
if (SWEEP !== undefined && !(Number.isInteger(SWEEP) && SWEEP >= 1)) throw new Error(`QKD_SEEDS must be a positive integer, got ${process.env.QKD_SEEDS}`);

describe(`rediscovery from scratch on ${SWEEP ?? "a few"} seeds`, () => {
  for (const c of rediscoveryCases) {
    const SEEDS = SWEEP ?? c.quickSeeds ?? 3;
    it.skipIf((c.notMet !== undefined || SEEDS === 0) && SWEEP === undefined)(`${c.name}: ${c.target}${c.notMet ? ` [not met yet: ${c.notMet}]` : ""}`, () => {
      const runs = Array.from({ length: SEEDS }, (_, i) => ({ seed: i + 1, ...c.run(i + 1) }));
      const matched = runs.filter((r) => r.matched).length;
      const sorted = runs.map((r) => r.reached).sort((a, b) => a - b);
      if (process.env.QKD_SEEDS !== undefined) {
        console.log(`| ${c.name} | ${c.target} | ${sorted[Math.floor((SEEDS - 1) / 2)].toFixed(5)} | ${sorted[0].toFixed(5)} | ${matched}/${SEEDS} | ${runs.filter((r) => !r.matched).map((r) => `seed ${r.seed}: ${r.reached.toFixed(5)} (${r.detail})`).join("; ")} |`);
      }
      expect(matched, runs.filter((r) => !r.matched).map((r) => `seed ${r.seed}: ${r.reached} (${r.detail})`).join("; ")).toBeGreaterThanOrEqual(SEEDS - Math.floor(SEEDS / 20));
    }, 600_000);
  }
});
