/**
 * Seeded, immutable randomness for every sampled part of the model.
 *
 * The only source of randomness in `model/` is an {@link Rng} value built from an explicit seed.
 * An `Rng` is never altered: every draw returns the values **and a new `Rng`**, so the same seed
 * always yields byte-identical results, and a caller can replay any intermediate point.
 *
 * The generator is pure-rand's xoroshiro128+ (the one fast-check uses). Internally a draw clones
 * the generator once and then advances the clone in place, which keeps bulk draws (10^6 pulses)
 * fast without ever mutating a value a caller holds.
 *
 * @example
 * const [bits, next] = drawBits(seeded(7), 8); // same 8 bits for seed 7, every time
 * @module
 */
import { xoroshiro128plus } from "pure-rand/generator/xoroshiro128plus";
import { uniformFloat64 } from "pure-rand/distribution/uniformFloat64";
import { uniformInt } from "pure-rand/distribution/uniformInt";

type Generator = ReturnType<typeof xoroshiro128plus>;

/** An immutable seeded random generator. Create with {@link seeded}. */
export interface Rng {
  readonly kind: "xoroshiro128plus";
  /** @internal never advance this instance directly: use the draw functions. */
  readonly generator: Generator;
}

/** A seeded generator; `seed` must be a 32-bit integer. */
export function seeded(seed: number): Rng {
  if (!Number.isInteger(seed) || seed < -0x8000_0000 || seed > 0xffff_ffff) {
    throw new RangeError(`seeded: seed must be a 32-bit integer, got ${seed}`);
  }
  return { kind: "xoroshiro128plus", generator: xoroshiro128plus(seed | 0) };
}

/**
 * Run `draw` on a private clone of the generator and return its result with the advanced state.
 * This is the one place where a generator is advanced in place; the input `rng` is untouched.
 */
export function withRng<T>(rng: Rng, draw: (next: RawDraws) => T): [T, Rng] {
  const g = rng.generator.clone();
  const raw: RawDraws = {
    float: () => uniformFloat64(g),
    int: (from, to) => uniformInt(g, from, to),
    bit: () => (g.next() >>> 31) as 0 | 1,
  };
  const value = draw(raw);
  return [value, { kind: "xoroshiro128plus", generator: g }];
}

/** Primitive draws available inside {@link withRng}. */
export interface RawDraws {
  /** Uniform in [0, 1) with 53 random bits. */
  float(): number;
  /** Uniform integer in [from, to], both included. */
  int(from: number, to: number): number;
  /** One uniform bit. */
  bit(): 0 | 1;
}

/** Two independent generators: the input advanced, and a copy jumped 2^64 steps ahead. */
export function split(rng: Rng): [Rng, Rng] {
  const a = rng.generator.clone();
  const b = a.clone() as Generator & { jump?: () => void };
  if (typeof b.jump === "function") b.jump();
  else for (let i = 0; i < 64; i++) b.next();
  a.next();
  return [
    { kind: "xoroshiro128plus", generator: a },
    { kind: "xoroshiro128plus", generator: b },
  ];
}

/** `n` uniform bits (0/1 bytes). */
export function drawBits(rng: Rng, n: number): [Uint8Array, Rng] {
  return withRng(rng, (r) => {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = r.bit();
    return out;
  });
}

/** `n` uniform floats in [0, 1). */
export function drawFloats(rng: Rng, n: number): [Float64Array, Rng] {
  return withRng(rng, (r) => {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = r.float();
    return out;
  });
}

/** One uniform integer in [from, to]. */
export function drawInt(rng: Rng, from: number, to: number): [number, Rng] {
  return withRng(rng, (r) => r.int(from, to));
}

/** Draw an index with the given probabilities (they must sum to 1 within 1e-9). */
export function drawCategorical(rng: Rng, probabilities: readonly number[]): [number, Rng] {
  return withRng(rng, (r) => categorical(r, probabilities));
}

/** Categorical draw on raw draws, for use inside {@link withRng} loops. */
export function categorical(r: RawDraws, probabilities: readonly number[]): number {
  const u = r.float();
  let acc = 0;
  for (let i = 0; i < probabilities.length; i++) {
    acc += probabilities[i];
    if (u < acc) return i;
  }
  return probabilities.length - 1;
}
