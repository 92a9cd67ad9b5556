/**
 * The hot path of the bb84 exact checks (issue 12's secrecy rows) computes the same doubles as
 * before it was made faster: the blocks of `slab`, the per-n rows of `acceptanceProbability`, and
 * a digest of exact runs and outcome tables on generated adversaries against the one of the
 * build before (ccbf2e9), with negative controls showing each comparison can fail.
 */
import { createHash } from "node:crypto";
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { scratchDoubles, slab, withScratch, type Take } from "../../model/bb84/internal/blocks.js";
import { acceptanceProbability, binomialPmf, acceptsEstimate, cachedLogChooseRows } from "../../model/bb84/threshold.js";
import { eveIsometry, validatedIsometry } from "../../model/bb84/isometry.js";
import { checkedSectors, pulseSectors } from "../../model/bb84/sectors.js";
import { haarUnitaryFromUniforms, probe } from "../../model/bb84/probes.js";
import { pulseStatistics } from "../../model/bb84/exact.js";
import { exactRun } from "../../model/bb84/exactRun.js";
import { outcomeTable } from "../../model/bb84/outcomeTable.js";
import { IDEAL_LINK, linkSetup } from "../../model/bb84/setup.js";
import type { Adversary } from "../../model/bb84/adversary.js";
import { adversaryArbitrary } from "../../properties/bb84/arbitraries.js";

const runs = Number(process.env.QKD_RUNS ?? 30);

/** Whether the blocks are zeroed, of the asked lengths, and disjoint (writing one leaves the others). */
function blocksAreSound(take: Take, sizes: readonly number[]): boolean {
  const blocks = sizes.map((n) => take(n));
  if (!blocks.every((b, i) => b.length === sizes[i] && b.every((v) => v === 0))) return false;
  blocks.forEach((b, i) => b.fill(i + 1));
  return blocks.every((b, i) => b.every((v) => v === i + 1));
}

describe("slab", () => {
  test("hands out zeroed, disjoint blocks of the asked sizes (small ones, views, and blocks beyond a chunk)", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { maxLength: 40 }), fc.integer({ min: 1, max: 4096 }), (sizes, chunk) => blocksAreSound(slab(chunk), sizes)),
      { numRuns: runs * 4 },
    );
  });

  test("negative control: a take that reuses its chunk fails the check", () => {
    const reusing: Take = (() => {
      const chunk = new Float64Array(64);
      return (n) => chunk.subarray(0, n);
    })();
    expect(blocksAreSound(reusing, [16, 16])).toBe(false);
  });
});

describe("withScratch", () => {
  test("each call gets zeroed, disjoint blocks, also after a call that wrote its blocks or threw, and a nested call its own", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 30 }), (sizes) => {
        withScratch((take) => sizes.forEach((n) => take(n).fill(7)));
        try {
          withScratch((take) => {
            take(100).fill(9);
            throw new Error("thrown inside");
          });
        } catch {
          // the scratch is released and zeroed all the same
        }
        return withScratch((outer) => {
          const mine = outer(64).fill(5);
          const nested = withScratch((inner) => blocksAreSound(inner, sizes));
          return nested && blocksAreSound(outer, sizes) && mine.every((v) => v === 5);
        });
      }),
      { numRuns: runs * 4 },
    );
  });

  /** Whether two calls in a row get their blocks from the same array, also after a call that threw (it was released). */
  const reusesScratch = (run: typeof withScratch): boolean => {
    const first = run((take) => take(16).buffer);
    try {
      run((take) => {
        take(16).fill(3);
        throw new Error("thrown inside");
      });
    } catch {
      // released all the same
    }
    return run((take) => take(16).buffer) === first;
  };

  test("two calls in a row share its array, also after a call that threw", () => {
    expect(reusesScratch(withScratch)).toBe(true);
  });

  test("negative control: a scratch left busy by a throw fails the check", () => {
    const mine = new Float64Array(64);
    let busy = false;
    const leaky = <T>(compute: (take: Take) => T): T => {
      if (busy) return compute(slab());
      busy = true;
      const out = compute((n) => mine.fill(0).subarray(0, n));
      busy = false;
      return out;
    };
    expect(reusesScratch(leaky)).toBe(false);
  });

  test("a block of the same start and length is the same view in the next call (zeroed), another length a new view", () => {
    const first = withScratch((take) => [take(4).fill(1), take(32).fill(2)]);
    const again = withScratch((take) => [take(4), take(32)]);
    expect(again[0]).toBe(first[0]);
    expect(again[1]).toBe(first[1]);
    expect(again.every((b) => b.every((v) => v === 0))).toBe(true);
    const other = withScratch((take) => [take(4), take(16)]);
    expect(other[0]).toBe(first[0]);
    expect(other[1]).not.toBe(first[1]); // control: the check tells views apart
    expect(other[1].length).toBe(16);
  });

  test("keeps at most 64k doubles between calls: an array grown past that goes back to one chunk, a smaller one stays", () => {
    let during = 0;
    withScratch((take) => {
      for (let i = 0; i < 300; i++) take(1000).fill(1);
      during = scratchDoubles();
    });
    expect(during).toBeGreaterThan(65_536); // the count sees the growth (control)
    expect(scratchDoubles()).toBe(2048);
    withScratch((take) => take(5000).fill(1));
    expect(scratchDoubles()).toBe(5000);
    expect(withScratch((take) => take(5000).every((v) => v === 0))).toBe(true);
  });
});

describe("acceptanceProbability", () => {
  /** The sum as binomialPmf defines it, term by term (the code before its per-n rows). */
  const bySum = (q: number, n: number, threshold: number): number => {
    let total = 0;
    for (let e = 0; e <= n && acceptsEstimate(e, n, threshold); e++) total += binomialPmf(n, e, q);
    return Math.min(1, total);
  };
  const inputs = fc.record({ q: fc.double({ min: 0, max: 1, noNaN: true }), n: fc.integer({ min: 1, max: 3000 }), threshold: fc.double({ min: 0, max: 0.5, noNaN: true }) });

  test("is binomialPmf's sum to the last bit, on generated q, n and p_o", () => {
    fc.assert(fc.property(inputs, ({ q, n, threshold }) => Object.is(acceptanceProbability(q, n, threshold), bySum(q, n, threshold))), { numRuns: runs * 10 });
  });

  test("negative control: the same terms summed from the other end differ in the last bits somewhere", () => {
    const reversed = (q: number, n: number, threshold: number): number => {
      let last = 0;
      while (last + 1 <= n && acceptsEstimate(last + 1, n, threshold)) last++;
      let total = 0;
      for (let e = last; e >= 0; e--) total += binomialPmf(n, e, q);
      return Math.min(1, total);
    };
    const samples = fc.sample(inputs, { numRuns: 200, seed: 12 });
    expect(samples.some(({ q, n, threshold }) => reversed(q, n, threshold) !== acceptanceProbability(q, n, threshold))).toBe(true);
  });

  test("is binomialPmf's sum to the last bit also around n = 1e5, where it stops keeping rows", () => {
    for (const n of [99_999, 100_000, 200_000]) for (const q of [0.05, 0.3]) expect(Object.is(acceptanceProbability(q, n, 0.11), bySum(q, n, 0.11))).toBe(true);
  });

  test("keeps at most the last 4 rows, none for n >= 1e5, none for a sum without a term", () => {
    for (let n = 1; n <= 2000; n++) acceptanceProbability(0.3, n, 0.5);
    const last = [1997, 1998, 1999, 2000];
    expect(cachedLogChooseRows().map((r) => r.n)).toEqual(last);
    expect(cachedLogChooseRows().every((r) => r.length <= r.n + 1)).toBe(true);
    acceptanceProbability(0.3, 200_000, 0.5); // 1e5 terms, logChoose each
    acceptanceProbability(0.3, 777, 0); // eq. 4 accepts no e at p_o = 0
    expect(cachedLogChooseRows().map((r) => r.n)).toEqual(last);
  });

  test("negative control: the row count sees a new row, reading an old one moves it last", () => {
    acceptanceProbability(0.3, 500, 0.5);
    const row = cachedLogChooseRows().at(-1);
    expect(row?.n).toBe(500);
    expect(row!.length).toBeGreaterThan(249); // e = 0..249 accepted at p_o = 0.5
    const before = cachedLogChooseRows()[0].n;
    acceptanceProbability(0.3, before, 0.5);
    expect(cachedLogChooseRows().at(-1)?.n).toBe(before);
    expect(cachedLogChooseRows()).toHaveLength(4);
  });
});

/** A Haar-random probe with ancilla dimension dE from fast-check uniforms of a fixed seed. */
function haarProbe(dE: number, seed: number): Extract<Adversary, { kind: "probe" }> {
  const d = 2 * dE, n = 2 * d * d;
  const [u] = fc.sample(fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: n, maxLength: n }), { numRuns: 1, seed });
  return probe(dE, haarUnitaryFromUniforms(u, d), "haar") as Extract<Adversary, { kind: "probe" }>;
}

describe("public arrays own their buffers (no slab escapes)", () => {
  /** Whether the arrays are distinct and each one's buffer is exactly it. */
  const ownBuffers = (arrays: readonly Float64Array[]): boolean =>
    new Set(arrays.map((a) => a.buffer)).size === arrays.length && arrays.every((a) => a.byteOffset === 0 && a.buffer.byteLength === a.byteLength);
  const weak = linkSetup({ source: { kind: "weak-coherent", meanPhotonNumber: 0.5 } });
  const mixed: Adversary = { kind: "mixture", parts: [{ weight: 0.5, attack: haarProbe(3, 1) }, { weight: 0.5, attack: { kind: "pns", singlePhoton: haarProbe(4, 2) } }] };
  const transits = (sectors: readonly { transit: (a: 0 | 1, x: 0 | 1) => Float64Array }[]): Float64Array[] =>
    sectors.flatMap((s) => ([0, 1] as const).flatMap((a) => ([0, 1] as const).map((x) => s.transit(a, x))));

  test("eveIsometry's images and pulseSectors' transit vectors", () => {
    for (const dE of [3, 4, 8]) expect(ownBuffers(eveIsometry(haarProbe(dE, dE)).images)).toBe(true);
    expect(ownBuffers(transits(pulseSectors(weak, mixed)))).toBe(true);
  });

  test("negative control: the internal validatedIsometry and checkedSectors share a slab and fail the check", () => {
    expect(ownBuffers(validatedIsometry(haarProbe(3, 3)).images)).toBe(false);
    expect(ownBuffers(transits(checkedSectors(weak, mixed)))).toBe(false);
  });
});

describe("validation stays at the public boundary", () => {
  const notUnitary: Adversary = { kind: "probe", ancillaDim: 2, origin: "test", unitary: [2, ...new Array<number>(31).fill(0)] };
  test("eveIsometry, pulseSectors and pulseStatistics reject a probe that is not unitary", () => {
    expect(() => eveIsometry(notUnitary as Extract<Adversary, { kind: "probe" }>)).toThrow(/probe.unitary is not unitary/);
    expect(() => pulseSectors(IDEAL_LINK, { kind: "mixture", parts: [{ weight: 1, attack: notUnitary }] })).toThrow(/not unitary/);
    expect(() => pulseStatistics(IDEAL_LINK, { kind: "pns", singlePhoton: notUnitary })).toThrow(/adversary.singlePhoton.unitary is not unitary/);
  });

  test("negative control: a unitary probe passes the same three calls", () => {
    // the same probe with the identity for its matrix (notUnitary's first entry is 2, the other diagonal ones 0)
    const unitary = { ...notUnitary, unitary: notUnitary.unitary.map((_, k) => (k % 10 === 0 ? 1 : 0)) } as Extract<Adversary, { kind: "probe" }>;
    expect(() => eveIsometry(unitary)).not.toThrow();
    expect(() => pulseSectors(IDEAL_LINK, { kind: "mixture", parts: [{ weight: 1, attack: unitary }] })).not.toThrow();
    expect(() => pulseStatistics(IDEAL_LINK, { kind: "pns", singlePhoton: unitary })).not.toThrow();
  });
});

describe("the exact runs are those of the build before the hot path was reworked", () => {
  const links = [
    IDEAL_LINK,
    linkSetup({ source: { kind: "weak-coherent", meanPhotonNumber: 0.5 }, fibreLossDbPerKm: 0.2, distanceKm: 20, detectorEfficiency: 0.6, darkCountProbability: 1e-5, misalignment: 0.01, depolarizing: 0.02, dephasing: 0.01 }),
  ];
  /** sha256 of exactRun (with-pa and paper) and outcomeTable on both links for the adversaries (300 generated ones of every space unless given). */
  const digest = (perturb: (x: number) => number = (x) => x, adversaries: readonly Adversary[] = fc.sample(adversaryArbitrary("any"), { numRuns: 300, seed: 20261128 })): string => {
    const h = createHash("sha256");
    for (const link of links) {
      for (const a of adversaries) {
        for (const v of ["with-pa", "paper"] as const) h.update(JSON.stringify(exactRun(link, a, v), (_, x: unknown) => (typeof x === "number" ? perturb(x) : x)));
        h.update(JSON.stringify(Array.from(outcomeTable(link, a))));
      }
    }
    return h.digest("hex");
  };
  // computed by the same loop on the compiled ccbf2e9 (before the slab, the per-n rows and the rest)
  const BEFORE = "c25aa211985b581333a95bb642591135f0e27f5937ef47b158700d2dcfb14f53";

  test("byte-identical: the same digest", () => {
    expect(digest()).toBe(BEFORE);
  });

  const ulp = (x: number): number => (x === 0 || !Number.isFinite(x) ? x : x * (1 + Number.EPSILON));

  test("negative control: one ulp on every number changes the digest", () => {
    expect(digest(ulp)).not.toBe(BEFORE);
  });

  // probes of ancilla dimension 5-8 (the generated ones stop at 4), a mixture of 24 of them and
  // PNS attacks forwarding them: sectors of Eve's dimension up to 8, whose blocks outgrow
  // withScratch's first chunk (its growth path)
  const many = [5, 6, 7, 8].flatMap((dE) => [0, 1, 2, 3, 4, 5].map((k) => haarProbe(dE, 1000 * dE + k)));
  const largeAdversaries: Adversary[] = [
    ...many.slice(0, 8),
    { kind: "mixture", parts: many.map((attack) => ({ weight: 1 / many.length, attack })) },
    ...[5, 8].map((dE): Adversary => ({ kind: "pns", singlePhoton: haarProbe(dE, dE) })),
    { kind: "pns", singlePhoton: { kind: "mixture", parts: many.slice(-6).map((attack) => ({ weight: 1 / 6, attack })) } },
  ];
  // computed by the same inputs and loop importing the compiled ccbf2e9 (/tmp/base-cc/dist), never this code
  const BEFORE_LARGE = "0cd3f4707764893c09c53d6ea0eadad74d545904bcac3dced2e9f3cd0e09a03d";

  test("byte-identical on large probes, their mixture and PNS: the same digest", () => {
    expect(digest(undefined, largeAdversaries)).toBe(BEFORE_LARGE);
  });

  test("negative control: one ulp on every number changes the large probes' digest", () => {
    expect(digest(ulp, largeAdversaries)).not.toBe(BEFORE_LARGE);
  });
});
