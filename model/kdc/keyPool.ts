/**
 * A pool of one-time key material (the output of QKD) as an immutable value.
 *
 * Consuming returns the bytes **and a new pool**; the material is never reused and never wraps
 * around: asking for more than remains is an error (Shannon 1949: a pad used twice leaks
 * `m1 XOR m2`).
 * @module
 */
import type { Rng } from "../random.js";
import { drawBytes } from "./internal/bytes.js";

/** Key material and the offset of the first unused byte. The material is never mutated. */
export interface KeyPool {
  readonly material: Uint8Array;
  readonly offset: number;
}

/** A fresh pool over a private copy of `material`. */
export function keyPool(material: Uint8Array): KeyPool {
  return { material: material.slice(), offset: 0 };
}

/** Unused bytes left: `|material| - offset`. */
export function remaining(pool: KeyPool): number {
  return pool.material.length - pool.offset;
}

/**
 * Consume the next `n` bytes: returns a copy of `material[offset, offset + n)` and the pool
 * advanced to `offset + n`. Throws when fewer than `n` bytes remain (exhaustion, never wrap-around).
 */
export function takeKey(pool: KeyPool, n: number): [Uint8Array, KeyPool] {
  return takeKeyAt(pool, pool.offset, n);
}

/**
 * Consume `n` bytes at an explicit `offset >= pool.offset` (a receiver following the sender's
 * position); bytes before `offset` are skipped and become unusable. Throws on reuse or exhaustion.
 */
export function takeKeyAt(pool: KeyPool, offset: number, n: number): [Uint8Array, KeyPool] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`takeKey: n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(offset) || offset < pool.offset) {
    throw new RangeError(`takeKey: offset ${offset} is before the first unused byte ${pool.offset} (key reuse)`);
  }
  if (offset + n > pool.material.length) {
    throw new RangeError(
      `takeKey: key pool exhausted: need ${n} bytes at offset ${offset}, ${pool.material.length - offset} remain`,
    );
  }
  return [pool.material.slice(offset, offset + n), { material: pool.material, offset: offset + n }];
}

/** `n` bytes of key material drawn from the seeded generator (stand-in QKD output, fresh keys). */
export function drawKeyMaterial(rng: Rng, n: number): [Uint8Array, Rng] {
  return drawBytes(rng, n);
}
