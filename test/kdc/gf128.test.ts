/**
 * GF(2^128) on 32-bit words (model/kdc/internal/gf128.ts) against the definition on bigints
 * (bit i = coefficient of x^i, bit-serial carry-less product, reduction by x^128 + x^7 + x^2 + x + 1),
 * and the one-time MAC's polynomial hash against the same hash computed with the definition.
 */
import { describe, expect, test } from "vitest";
import * as fc from "fast-check";
import { elementToBlock, gfMultiplyInto, xorBlockInto } from "../../model/kdc/internal/gf128.js";
import { polynomialHash } from "../../model/kdc/oneTimeMac.js";

const MASK = (1n << 128n) - 1n;
const REDUCTION = 0x87n;

function multiplyDefinition(a: bigint, b: bigint): bigint {
  let result = 0n;
  let x = a;
  for (let y = b; y > 0n; y >>= 1n) {
    if (y & 1n) result ^= x;
    const carry = (x >> 127n) & 1n;
    x = (x << 1n) & MASK;
    if (carry) x ^= REDUCTION;
  }
  return result;
}

/** A block (zero-padded on the right) as a big-endian integer. */
function blockValue(block: Uint8Array): bigint {
  let v = 0n;
  for (let i = 0; i < 16; i++) v = (v << 8n) | BigInt(i < block.length ? block[i] : 0);
  return v;
}

function words(v: bigint): Uint32Array {
  return Uint32Array.from([0, 1, 2, 3], (w) => Number((v >> BigInt(32 * w)) & 0xffffffffn));
}

function hashDefinition(k: Uint8Array, data: Uint8Array): bigint {
  const point = blockValue(k);
  let acc = 0n;
  for (let at = 0; at < data.length; at += 16) acc = multiplyDefinition(acc ^ blockValue(data.subarray(at, Math.min(at + 16, data.length))), point);
  return multiplyDefinition(acc ^ BigInt(data.length * 8), point);
}

const element = fc.bigInt({ min: 0n, max: MASK });
const block = fc.uint8Array({ minLength: 16, maxLength: 16 });

describe("GF(2^128) on words", () => {
  test("the product equals the bit-serial definition", () => {
    fc.assert(
      fc.property(element, element, (a, b) => {
        expect(gfMultiplyInto(new Uint32Array(4), words(a), words(b))).toEqual(words(multiplyDefinition(a, b)));
      }),
      { numRuns: 300 },
    );
  });
  test("the output may be an input", () => {
    fc.assert(
      fc.property(element, element, (a, b) => {
        const x = words(a);
        expect(gfMultiplyInto(x, x, words(b))).toEqual(words(multiplyDefinition(a, b)));
      }),
    );
  });
  test("a block read into words and written back is the same block", () => {
    fc.assert(
      fc.property(block, (b) => {
        const w = xorBlockInto(new Uint32Array(4), b, 0);
        expect(w).toEqual(words(blockValue(b)));
        expect(elementToBlock(w)).toEqual(b);
      }),
    );
  });
  test("x^127 * x = x^7 + x^2 + x + 1 (the reduction), 1 is the unit", () => {
    expect(gfMultiplyInto(new Uint32Array(4), words(1n << 127n), words(2n))).toEqual(words(0x87n));
    expect(gfMultiplyInto(new Uint32Array(4), words(1n), words(12345678901234567890n))).toEqual(words(12345678901234567890n));
  });
  test("the MAC's polynomial hash equals the definition, any length", () => {
    fc.assert(
      fc.property(block, fc.uint8Array({ maxLength: 80 }), (k, data) => {
        expect(polynomialHash(k, data)).toEqual(Uint8Array.from(elementToBlock(words(hashDefinition(k, data)))));
      }),
      { numRuns: 200 },
    );
  });
});
