/**
 * `fc.double` over a finite interval, the same values from the same draws and the same shrinks,
 * without its BigInt arithmetic per value. fast-check (4.x) draws a double as an index among the
 * doubles, a BigInt from `uniformBigInt` (two 32-bit draws for an interval as wide as [0, 1)), and
 * maps it back with BigInt shifts and masks (`indexToDouble`). Here the index is two 32-bit words,
 * and the double is its bit pattern (which is what fast-check's index of a non-negative double is).
 * Instructions per adversary of `runProperty(bb84.secrecy)` on generated single-photon attacks
 * (with-pa, seed 42), `perf stat -e instructions`: this step alone -22 % (its author's loop,
 * `node --single-threaded`, 18 minus 3 batches of runs: 442k -> 343k); with the steps that followed
 * it (fastDoubleArray, arbitraries made once, scratch views, sectors from the scratch) -33 % with
 * the bench's loop (632k -> 422k, in review). Absolute numbers depend on the loop measured.
 *
 * What stays fast-check's: every draw goes through `Random.nextInt` (a full-range `nextInt` is one
 * draw of the generator, as `uniformBigInt` takes them), the biased ranges are the ones
 * `BigIntArbitrary` computes (made once here, with BigInt), and shrinking is `fc.double`'s own: a
 * generated value carries no context, and fc.double shrinks a value without context from its index,
 * which is the one it would have kept as context.
 *
 * Versions: this reproduces internals of fast-check 4.10.2 (`DoubleArbitrary`'s index mapping,
 * `BigIntArbitrary`'s draw and bias ranges, `ArrayArbitrary`'s draw order and shrink context) and
 * of pure-rand 8.4.2 (`uniformBigInt`, its rejection and draw order). A change to any of them
 * makes test/bb84/fastDouble.test.ts fail: it compares values, the generator's state after each
 * draw and the shrink trees with the live `fc.double` and `fc.array`.
 * @module
 */
import * as fc from "fast-check";

const TWO_32 = 2 ** 32;

/** A non-negative integer below 2^64 (2^64 itself for a rejection bound) as two words. */
interface Words {
  readonly hi: number;
  readonly lo: number;
}

/** An index range `[min, min + size)` of doubles, its start as a sign and a magnitude in words. */
interface IndexRange {
  readonly negative: boolean;
  readonly start: Words;
  /** Its size when at most 2^32 (drawn with one `nextInt`), else 0. */
  readonly small: number;
}

/** A double from its bit pattern, big-endian words. */
const bits = new DataView(new ArrayBuffer(8));

/**
 * The constraints this module knows; `noDefaultInfinity` only changes a min or max not given, which
 * is fc.double's case anyway. A constraints object with any other key is fc.double's.
 */
const KNOWN_CONSTRAINTS: ReadonlySet<string> = new Set(["min", "max", "minExcluded", "maxExcluded", "noNaN", "noInteger", "noDefaultInfinity"]);

/**
 * `fc.double(constraints)` when it is the finite, NaN-free case this module reproduces (min and max
 * given and finite, `noNaN`, no `noInteger`, no constraint outside the known ones, from 2^60 to
 * 2^64 doubles in the interval, so that a draw is two words and its remainder by the size a few
 * subtractions), else `fc.double(constraints)` itself ({@link usesFastPath} tells which).
 * @example fastDouble({ min: 0, max: 1, maxExcluded: true, noNaN: true }) // the doubles of fc.double's, drawn the same way
 */
export function fastDouble(constraints: fc.DoubleConstraints): fc.Arbitrary<number> {
  const original = fc.double(constraints);
  const { min, max } = constraints;
  if (Object.keys(constraints).some((k) => !KNOWN_CONSTRAINTS.has(k))) return original;
  if (min === undefined || max === undefined || !Number.isFinite(min) || !Number.isFinite(max) || constraints.noNaN !== true || constraints.noInteger === true) return original;
  const minIndex = doubleIndex(min) + (constraints.minExcluded ? 1n : 0n);
  const maxIndex = doubleIndex(max) - (constraints.maxExcluded ? 1n : 0n);
  const size = maxIndex - minIndex + 1n;
  // never more than 2^64 (the finite doubles are fewer), and every biased range is small (at most
  // twice the decimal digits of 2^64, plus one): one nextInt draws it
  if (size < 2n ** 60n) return original;
  return new FastDoubleArbitrary(original, minIndex, size, biasedRanges(minIndex, maxIndex));
}

/**
 * Whether an arbitrary of {@link fastDouble} or {@link fastDoubleArray} is this module's own (the
 * fast path) rather than fast-check's, for tests that must know which one they compare.
 * @example usesFastPath(fastDouble({ min: 0, max: 1, noNaN: true })) // true
 */
export function usesFastPath(arbitrary: fc.Arbitrary<unknown>): boolean {
  return arbitrary instanceof FastDoubleArbitrary || arbitrary instanceof FastDoubleArrayArbitrary;
}

class FastDoubleArbitrary extends fc.Arbitrary<number> {
  private readonly full: IndexRange;
  private readonly size: Words;
  /** The largest multiple of the size at most 2^64: draws at or above it are drawn again (`uniformBigInt`). */
  private readonly accepted: Words;
  private readonly biased: readonly IndexRange[];

  constructor(
    private readonly original: fc.Arbitrary<number>,
    minIndex: bigint,
    size: bigint,
    biased: readonly { min: bigint; size: bigint }[],
  ) {
    super();
    this.full = indexRange(minIndex, 0n);
    this.size = words(size);
    this.accepted = words(2n ** 64n - (2n ** 64n % size));
    this.biased = biased.map((r) => indexRange(r.min, r.size));
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<number> {
    return new fc.Value(this.draw(mrng, biasFactor), undefined);
  }

  /** `BigIntArbitrary.generate` (its range, biased with probability 1/biasFactor) mapped by `indexToDouble`. */
  draw(mrng: fc.Random, biasFactor: number | undefined): number {
    let range = this.full;
    if (biasFactor !== undefined && mrng.nextInt(1, biasFactor) === 1) {
      const n = this.biased.length;
      const id = n === 1 ? -1 : mrng.nextInt(-2 * (n - 1), n - 2);
      range = id < 0 ? this.biased[0] : this.biased[id + 1];
    }
    if (range.small > 0) return indexToDouble(range, 0, mrng.nextInt(0, range.small - 1));
    // uniformBigInt on two words: the high word first, draws at or above `accepted` drawn again, then mod size
    let hi: number, lo: number;
    do {
      hi = word(mrng);
      lo = word(mrng);
    } while (atLeast(hi, lo, this.accepted));
    while (atLeast(hi, lo, this.size)) {
      hi = highMinus(hi, lo, this.size);
      lo = lowMinus(lo, this.size);
    }
    return indexToDouble(range, hi, lo);
  }

  canShrinkWithoutContext(value: unknown): value is number {
    return this.original.canShrinkWithoutContext(value);
  }

  shrink(value: number, context: unknown): fc.Stream<fc.Value<number>> {
    return this.original.shrink(value, context);
  }
}

/**
 * `fc.array(fastDouble(constraints), { minLength: length, maxLength: length })`: the same values,
 * draws and shrinks, the array drawn in one call (fast-check's array makes a Value, a sliced
 * generator's `next` and the wrapper's copies per element). Instructions per element, measured in
 * review (node 20, arrays of 32, [0, 1) / [-pi, pi]): `fc.array(fc.double)` 3,727 / 5,248,
 * `fc.array(fastDouble)` 927 / 1,011, this 656 / 742; ~13k instructions (3.0 %) per adversary of
 * `runProperty(bb84.secrecy)` on generated single-photon attacks. Shrinking is fast-check's array of
 * `fastDouble`s, from the context its generate gives a fixed-length array with elements that
 * carry none.
 * @example fastDoubleArray({ min: -Math.PI, max: Math.PI, noNaN: true }, 16) // 16 doubles, as fc.array(fc.double(...)) draws them
 */
export function fastDoubleArray(constraints: fc.DoubleConstraints, length: number): fc.Arbitrary<number[]> {
  const element = fastDouble(constraints);
  const original = fc.array(element, { minLength: length, maxLength: length });
  return element instanceof FastDoubleArbitrary ? new FastDoubleArrayArbitrary(original, element, length) : original;
}

class FastDoubleArrayArbitrary extends fc.Arbitrary<number[]> {
  /** The contexts of the elements of a generated array: none (see `FastDoubleArbitrary.shrink`). */
  private readonly noContexts: readonly undefined[];

  constructor(
    private readonly original: fc.Arbitrary<number[]>,
    private readonly element: FastDoubleArbitrary,
    private readonly length: number,
  ) {
    super();
    this.noContexts = new Array<undefined>(length).fill(undefined);
  }

  /**
   * `ArrayArbitrary.generate` of a fixed length: the length drawn (one draw, as an integer from
   * `length` to `length`), then the elements with the array's bias factor (no custom slices, so
   * no sliced generator draws), and the context its `wrapper` makes of a generated array.
   */
  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<number[]> {
    mrng.nextInt(this.length, this.length);
    const values: number[] = [];
    for (let i = 0; i < this.length; i++) values.push(this.element.draw(mrng, biasFactor));
    return new fc.Value(values, { shrunkOnce: false, lengthContext: undefined, itemsContexts: this.noContexts, startIndex: 0 });
  }

  canShrinkWithoutContext(value: unknown): value is number[] {
    return this.original.canShrinkWithoutContext(value);
  }

  shrink(value: number[], context: unknown): fc.Stream<fc.Value<number[]>> {
    return this.original.shrink(value, context);
  }
}

/** One draw of the generator as `uniformBigInt` takes it, `next() + 2^31` (a full-range `nextInt` is one `next()`). */
function word(mrng: fc.Random): number {
  return mrng.nextInt(-0x80000000, 0x7fffffff) + 0x80000000;
}

/** The double of index `start + (hi, lo)` (fast-check's `indexToDouble`: -indexToDouble(-i - 1) below 0). */
function indexToDouble(range: IndexRange, hi: number, lo: number): number {
  const s = range.start;
  if (!range.negative) {
    const sum = s.lo + lo, carry = sum >= TWO_32 ? 1 : 0;
    return fromBits(s.hi + hi + carry, sum - carry * TWO_32);
  }
  if (atLeast(hi, lo, s)) return fromBits(highMinus(hi, lo, s), lowMinus(lo, s));
  // start + r < 0: the negative of the double of index -(start + r) - 1 = |start| - r - 1
  const l = s.lo - lo - 1;
  return l < 0 ? -fromBits(s.hi - hi - 1, l + TWO_32) : -fromBits(s.hi - hi, l);
}

function fromBits(hi: number, lo: number): number {
  bits.setUint32(0, hi);
  bits.setUint32(4, lo);
  return bits.getFloat64(0);
}

function atLeast(hi: number, lo: number, w: Words): boolean {
  return hi > w.hi || (hi === w.hi && lo >= w.lo);
}

/** The high word of `(hi, lo) - w`, for `(hi, lo) >= w`. */
function highMinus(hi: number, lo: number, w: Words): number {
  return lo < w.lo ? hi - w.hi - 1 : hi - w.hi;
}

/** The low word of `(hi, lo) - w`. */
function lowMinus(lo: number, w: Words): number {
  return lo < w.lo ? lo - w.lo + TWO_32 : lo - w.lo;
}

function words(v: bigint): Words {
  return { hi: Number(v >> 32n), lo: Number(v & 0xffffffffn) };
}

function indexRange(min: bigint, size: bigint): IndexRange {
  return { negative: min < 0n, start: words(min < 0n ? -min : min), small: Number(size) };
}

/** fast-check's index of a double (`doubleToIndex`): its bit pattern from +0 up, `-index(-d) - 1` from -0 down. */
function doubleIndex(d: number): bigint {
  bits.setFloat64(0, Math.abs(d));
  const pattern = (BigInt(bits.getUint32(0)) << 32n) | BigInt(bits.getUint32(4));
  return d > 0 || Object.is(d, 0) ? pattern : -pattern - 1n;
}

/**
 * The index ranges a biased draw picks from, as `{ min, size }`, in the order `BigIntArbitrary`
 * lists them. It reproduces, as it must for identical draws, the bias ranges of fast-check 4.10.2's
 * integer arbitraries (`biasNumericRange` with `bigIntLogLike`, BiasNumericRange.ts, MIT). With
 * `k(v)` the number of decimal digits of `v`: one index is its own range; an interval across 0
 * gives the indexes from -k(-min) to k(max), then the k(max) + 1 highest, then the k(-min) + 1
 * lowest; any other interval gives its k(max - min) + 1 indexes at each end, the end nearer 0 first.
 */
function biasedRanges(min: bigint, max: bigint): { min: bigint; size: bigint }[] {
  if (min === max) return [{ min, size: 1n }];
  const lowest = (k: bigint) => ({ min, size: k + 1n });
  const highest = (k: bigint) => ({ min: max - k, size: k + 1n });
  if (min < 0n && max > 0n) {
    const below = decimalDigits(-min), above = decimalDigits(max);
    return [{ min: -below, size: below + above + 1n }, highest(above), lowest(below)];
  }
  const k = decimalDigits(max - min);
  return min < 0n ? [highest(k), lowest(k)] : [lowest(k), highest(k)];
}

/** The number of decimal digits of a positive integer. */
function decimalDigits(v: bigint): bigint {
  return BigInt(v.toString().length);
}
