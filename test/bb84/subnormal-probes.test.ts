/**
 * Probes whose unitaries carry subnormal entries (down to 5e-312) made Eve's Helstrom projector
 * NaN: the closed form divided by a subnormal Bloch length and 0.5 / r overflowed to Infinity.
 * Found by a soak of bb84.secrecy (with-pa, 200 runs) over seeds 20000..20399: seeds 20093 and
 * 20393 ended in an error ("shannonEntropy: p[0] = NaN"), not in a verdict.
 */
import { describe, expect, it } from "vitest";
import * as fc from "fast-check";
import { exactRun } from "../../model/bb84/index.js";
import { positiveProjector } from "../../model/bb84/internal/blocks.js";
import { secrecy } from "../../properties/bb84/secrecy.js";
import { runProperty } from "../../properties/engine.js";

const params = secrecy.params.parse({ variant: "with-pa", threshold: 0.11, testSize: 1000 });

describe("subnormal probe entries", () => {
  it("the 2x2 positive projector stays finite and idempotent for a subnormal Bloch vector", () => {
    for (const t of [5e-312, 1e-300, 3e-200]) {
      const p = positiveProjector(Float64Array.of(0, 0, t, -t, t, t, 0, 0), 2);
      expect(p.every(Number.isFinite)).toBe(true);
      expect(p[0] + p[6]).toBeCloseTo(1, 14); // rank 1
      expect(Math.hypot(p[2], p[3]) ** 2).toBeCloseTo(p[0] * p[6], 14); // |P01|^2 = P00 P11
    }
  });
  it.each([[20093, 189], [20393, 151]])("seed %i, input %i of bb84.secrecy: a verdict, with finite metrics", (seed, index) => {
    const adversary = fc.sample(secrecy.arbitrary(params), { seed, numRuns: 200 })[index];
    const run = exactRun(params.link, adversary, "with-pa", params.run);
    expect([run.eveMutualInformation, ...run.pulses.holevoByBasis].every(Number.isFinite)).toBe(true);
    expect(runProperty(secrecy, params, { runs: 200, seed, scenario: "soak", variant: "with-pa", expected: "holds" }).verdict).toBe("holds");
  });
});
