/**
 * `fastDouble` is `fc.double` over the probes' intervals, and `fastDoubleArray` is `fc.array` of
 * `fc.double` of a fixed length: the same values from the same seeds (biased runs included), the
 * generator left in the same state (a draw after each value agrees), and the same shrinking
 * (counterexample, shrink count and replay path of failing properties); negative controls show
 * each comparison can fail.
 */
import * as fc from "fast-check";
import { describe, expect, test } from "vitest";
import { fastDouble, fastDoubleArray } from "../../properties/bb84/fastDouble.js";

const runs = Number(process.env.QKD_RUNS ?? 40);

/** The probes' intervals, and others of the kinds the module handles (crossing 0, excluded ends, narrow, negative). */
const INTERVALS: readonly fc.DoubleConstraints[] = [
  { min: 0, max: 1, maxExcluded: true, noNaN: true },
  { min: -Math.PI, max: Math.PI, noNaN: true },
  { min: -1, max: 1, minExcluded: true, maxExcluded: true, noNaN: true },
  { min: 0.15, max: 0.35, noNaN: true },
  { min: -7.5, max: -0.25, noNaN: true },
  { min: -1, max: -0, noNaN: true },
  { min: -0, max: 1e-300, noNaN: true },
  { min: 0, max: 1e300, minExcluded: true, noNaN: true },
  { min: -1e300, max: 1e300, noNaN: true },
];

/** Values of arrays of `n` doubles, each followed by an integer drawn after it (the generator's state). */
function sample(double: (c: fc.DoubleConstraints) => fc.Arbitrary<number>, c: fc.DoubleConstraints, seed: number, n: number): unknown[] {
  return fc.sample(fc.tuple(fc.array(fc.tuple(double(c), fc.integer()), { minLength: n, maxLength: n }), fc.integer()), { seed, numRuns: 50 + 5 * runs });
}

/** Whether two samples hold the same values (Object.is: -0 is not 0). */
function same(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => same(x, b[i]));
  return Object.is(a, b);
}

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
