/**
 * `fastDouble` is `fc.double` over the probes' intervals, and `fastDoubleArray` is `fc.array` of
 * `fc.double` of a fixed length: the same values from the same seeds (biased runs included), the
 * generator left in the same state (a draw after each value agrees), and the same shrinking
 * (counterexample, shrink count and replay path of failing properties); negative controls show
 * each comparison can fail. Which intervals take the fast path (and so are a comparison with
 * fc.double, not with itself) is asserted, the guard at 2^60 doubles included.
 */
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { fastDouble, fastDoubleArray, usesFastPath } from "../../properties/bb84/fastDouble.js";

const runs = Number(process.env.QKD_RUNS ?? 40);

/** The intervals the probe arbitraries use (properties/bb84/arbitraries.ts; arrays of d^2 and 2 d^2 for d = 4, 6, 8). */
const PROBE_INTERVALS: readonly fc.DoubleConstraints[] = [
  { min: 0, max: 1, maxExcluded: true, noNaN: true },
  { min: -Math.PI, max: Math.PI, noNaN: true },
];

/**
 * Intervals the fast path takes (each holds 2^60 doubles or more, asserted below): the probes', and
 * others of the kinds the module handles (crossing 0, excluded ends, negative only, ending at -0,
 * starting at -0 with tiny values, wide).
 */
const FAST_INTERVALS: readonly fc.DoubleConstraints[] = [
  ...PROBE_INTERVALS,
  { min: -1, max: 1, minExcluded: true, maxExcluded: true, noNaN: true },
  { min: -7.5, max: -1e-200, noNaN: true },
  { min: -1, max: -0, noNaN: true },
  { min: -0, max: 1e-200, noNaN: true },
  { min: 0, max: 1e300, minExcluded: true, noNaN: true },
  { min: -1e300, max: 1e300, noNaN: true },
];

/** A narrow interval (fewer than 2^60 doubles): fastDouble is fc.double itself there, compared as a fallback case. */
const NARROW_FALLBACK: fc.DoubleConstraints = { min: 0.15, max: 0.35, noNaN: true };

/** Every interval the comparisons run on: the fast ones, then the fallback. */
const INTERVALS: readonly fc.DoubleConstraints[] = [...FAST_INTERVALS, NARROW_FALLBACK];

/** The double of fast-check's index `i` (its bit pattern from +0 up, `-double(-i - 1)` from -0 down). */
function fromIndex(i: bigint): number {
  if (i < 0n) return -fromIndex(-i - 1n);
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, i);
  return view.getFloat64(0);
}

/** The interval of the `size` doubles from index `start` on. */
function indexInterval(start: bigint, size: bigint): fc.DoubleConstraints {
  return { min: fromIndex(start), max: fromIndex(start + size - 1n), noNaN: true };
}

/** Values of arrays of `n` doubles, each followed by an integer drawn after it (the generator's state). */
function sample(double: (c: fc.DoubleConstraints) => fc.Arbitrary<number>, c: fc.DoubleConstraints, seed: number, n: number): unknown[] {
  return fc.sample(fc.tuple(fc.array(fc.tuple(double(c), fc.integer()), { minLength: n, maxLength: n }), fc.integer()), { seed, numRuns: 50 + 5 * runs });
}

/** Whether two samples hold the same values (Object.is: -0 is not 0). */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return Object.is(a, b);
}

describe("fastDouble takes its fast path where it should", () => {
  test("on every interval the probes use (their doubles and their arrays) and every interval compared below but the fallback", () => {
    for (const c of FAST_INTERVALS) expect(usesFastPath(fastDouble(c)), JSON.stringify(c)).toBe(true);
    for (const c of PROBE_INTERVALS) for (const n of [16, 32, 36, 64, 72, 128]) expect(usesFastPath(fastDoubleArray(c, n)), `${JSON.stringify(c)} x ${n}`).toBe(true);
    expect(usesFastPath(fastDouble(NARROW_FALLBACK))).toBe(false);
    expect(usesFastPath(fastDoubleArray(NARROW_FALLBACK, 16))).toBe(false);
  });

  const TWO_60 = 2n ** 60n;
  /** Starts: at +0, at -0, negative only for every size, crossing 0, high positive. */
  const starts = [0n, -1n, -(2n ** 62n), -(2n ** 59n), 2n ** 62n];

  test("the guard: 2^60 - 1 doubles fall back, 2^60 and 2^60 + 1 take the fast path, with the same draws", () => {
    for (const start of starts) {
      expect(usesFastPath(fastDouble(indexInterval(start, TWO_60 - 1n))), `${start}, 2^60 - 1`).toBe(false);
      for (const size of [TWO_60, TWO_60 + 1n]) {
        const c = indexInterval(start, size);
        expect(usesFastPath(fastDouble(c)), `${start}, ${size}`).toBe(true);
        for (const seed of [1, 2]) expect(same(sample(fastDouble, c, seed, 3), sample(fc.double, c, seed, 3)), `${start}, ${size}`).toBe(true);
      }
    }
    expect(indexInterval(-1n, TWO_60).min).toBe(-0);
    expect(indexInterval(-(2n ** 62n), TWO_60 + 1n).max).toBeLessThan(0);
  });

  test("constraints with a key the module does not know are fc.double's", () => {
    const c = { ...PROBE_INTERVALS[0], unknownKey: true } as fc.DoubleConstraints;
    expect(usesFastPath(fastDouble(c))).toBe(false);
    expect(usesFastPath(fastDoubleArray(c, 16))).toBe(false);
    expect(same(sample(fastDouble, c, 5, 3), sample(fc.double, c, 5, 3))).toBe(true);
    expect(usesFastPath(fastDouble({ ...PROBE_INTERVALS[0], noDefaultInfinity: true }))).toBe(true);
  });
});

describe("fastDouble draws fc.double's values", () => {
  test("the same values and generator states on every interval, seeds 1..8 (biased runs included)", () => {
    for (const c of INTERVALS) {
      for (let seed = 1; seed <= 8; seed++) {
        const want = sample(fc.double, c, seed, 1 + (seed % 5));
        expect(same(sample(fastDouble, c, seed, 1 + (seed % 5)), want), JSON.stringify(c)).toBe(true);
      }
    }
  });

  test("the biased ranges are drawn: values within 20 indexes of the ends occur, as with fc.double", () => {
    const values = (sample(fastDouble, INTERVALS[0], 3, 8) as [[number, number][], number][]).flatMap(([pairs]) => pairs.map(([x]) => x));
    expect(values.some((x) => x > 0 && x < 1e-320)).toBe(true);
    expect(values.some((x) => x === 0)).toBe(true);
    expect(values.some((x) => x > 1 - 1e-15)).toBe(true);
  });

  test("negative control: a double drawn with one ulp more fails the comparison", () => {
    const off = (c: fc.DoubleConstraints): fc.Arbitrary<number> => fastDouble(c).map((x) => (x === 0 ? Number.MIN_VALUE : x * (1 + Number.EPSILON)));
    expect(same(sample(off, INTERVALS[1], 1, 3), sample(fc.double, INTERVALS[1], 1, 3))).toBe(false);
  });

  test("negative control: a double that takes one draw too many fails the comparison on the draw after it", () => {
    const extra = (c: fc.DoubleConstraints): fc.Arbitrary<number> => fc.tuple(fastDouble(c), fc.constant(0)).chain(([x]) => fc.integer().map(() => x));
    expect(same(sample(extra, INTERVALS[0], 1, 3), sample(fc.double, INTERVALS[0], 1, 3))).toBe(false);
  });

  test("what the module does not reproduce is fc.double itself (unbounded, NaN allowed, noInteger, narrow ranges)", () => {
    for (const c of [{}, { min: 0, max: 1 }, { min: 0, max: 1, noNaN: true, noInteger: true }, { min: 1, max: 1 + 1e-12, noNaN: true }] as fc.DoubleConstraints[]) {
      expect(usesFastPath(fastDouble(c)), JSON.stringify(c)).toBe(false);
      expect(same(sample(fastDouble, c, 5, 3), sample(fc.double, c, 5, 3)), JSON.stringify(c)).toBe(true);
    }
  });
});

describe("fastDouble shrinks as fc.double", () => {
  /** fc.check of a property that fails for most arrays of 4 doubles: what it reports of the shrinking. */
  const shrunk = (double: (c: fc.DoubleConstraints) => fc.Arbitrary<number>, c: fc.DoubleConstraints, seed: number, bound: number): unknown => {
    const d = fc.check(fc.property(fc.array(double(c), { minLength: 4, maxLength: 4 }), (xs) => xs.every((x) => Math.abs(x) < bound)), { seed, numRuns: runs });
    return { failed: d.failed, counterexample: d.counterexample, shrinks: d.numShrinks, path: d.counterexamplePath, runs: d.numRuns };
  };

  test("the same counterexample, number of shrinks and replay path on every interval", () => {
    for (const c of INTERVALS) {
      for (const seed of [1, 2, 3]) {
        const bound = (Math.abs(c.min!) + Math.abs(c.max!)) / 7;
        const want = shrunk(fc.double, c, seed, bound);
        expect((want as { failed: boolean }).failed).toBe(true);
        expect(same(JSON.stringify(shrunk(fastDouble, c, seed, bound)), JSON.stringify(want)), JSON.stringify(c)).toBe(true);
      }
    }
  });

  /** fastDouble's values, shrunk by halving towards 0 instead of fc.double's shrinker. */
  class HalvingDouble extends fc.Arbitrary<number> {
    constructor(private readonly inner: fc.Arbitrary<number>) {
      super();
    }
    generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<number> {
      return this.inner.generate(mrng, biasFactor);
    }
    canShrinkWithoutContext(value: unknown): value is number {
      return typeof value === "number";
    }
    shrink(value: number): fc.Stream<fc.Value<number>> {
      return value === 0 ? fc.Stream.nil() : fc.Stream.of(new fc.Value(value / 2, undefined));
    }
  }

  test("negative control: the same draws shrunk another way fail the comparison", () => {
    const c = INTERVALS[1];
    const halving = (k: fc.DoubleConstraints): fc.Arbitrary<number> => new HalvingDouble(fastDouble(k));
    expect(JSON.stringify(shrunk(halving, c, 1, 0.5))).not.toBe(JSON.stringify(shrunk(fc.double, c, 1, 0.5)));
  });
});

describe("fastDoubleArray draws and shrinks fc.array of fc.double", () => {
  const reference = (c: fc.DoubleConstraints, n: number): fc.Arbitrary<number[]> => fc.array(fc.double(c), { minLength: n, maxLength: n });
  const lengths = [1, 16, 72];

  test("the same arrays and generator states on every interval and length, seeds 1..4", () => {
    for (const c of INTERVALS) {
      for (const n of lengths) {
        for (let seed = 1; seed <= 4; seed++) {
          const draw = (arb: fc.Arbitrary<number[]>): unknown[] => fc.sample(fc.tuple(arb, fc.integer()), { seed, numRuns: 20 + runs });
          expect(same(draw(fastDoubleArray(c, n)), draw(reference(c, n))), `${JSON.stringify(c)} x ${n}`).toBe(true);
        }
      }
    }
  });

  /** fc.check of a property failing for most arrays: what it reports of the shrinking. */
  const shrunk = (arb: fc.Arbitrary<number[]>, seed: number, bound: number): string => {
    const d = fc.check(fc.property(arb, (xs) => xs.filter((x) => Math.abs(x) >= bound).length < 2), { seed, numRuns: runs });
    return JSON.stringify({ failed: d.failed, counterexample: d.counterexample, shrinks: d.numShrinks, path: d.counterexamplePath, runs: d.numRuns });
  };

  test("the same counterexample, number of shrinks and replay path on every interval and length", () => {
    for (const c of INTERVALS) {
      for (const n of [16, 72]) {
        for (const seed of [1, 2]) {
          const bound = (Math.abs(c.min!) + Math.abs(c.max!)) / 7;
          const want = shrunk(reference(c, n), seed, bound);
          expect(JSON.parse(want).failed).toBe(true);
          expect(shrunk(fastDoubleArray(c, n), seed, bound), `${JSON.stringify(c)} x ${n}`).toBe(want);
        }
      }
    }
  });

  test("negative control: an array of one element more, or drawn after an extra draw, fails the comparisons", () => {
    const c = INTERVALS[0];
    const draw = (arb: fc.Arbitrary<number[]>): unknown[] => fc.sample(fc.tuple(arb, fc.integer()), { seed: 1, numRuns: 20 });
    expect(same(draw(fastDoubleArray(c, 17)), draw(reference(c, 16)))).toBe(false);
    const late = fc.tuple(fc.integer(), fastDoubleArray(c, 16)).map(([, xs]) => xs);
    expect(same(draw(late), draw(reference(c, 16)))).toBe(false);
    expect(shrunk(fastDoubleArray(c, 17), 1, 1 / 7)).not.toBe(shrunk(reference(c, 16), 1, 1 / 7));
  });
});
