import { describe, expect, test } from "vitest";
import * as fc from "fast-check";
import { seeded } from "../../model/random.js";
import { keyPool, remaining, takeKey, drawKeyMaterial } from "../../model/kdc/keyPool.js";
import { otpDecrypt, otpEncrypt } from "../../model/kdc/oneTimePad.js";
import { forgeryBound, oneTimeTag, polynomialHash } from "../../model/kdc/oneTimeMac.js";
import { aesGcmOpen, aesGcmSeal, counterNonce, deriveKey, nonceCounter } from "../../model/kdc/aesGcm.js";
import { decryptGroupKey, encryptGroupKey, privateKey } from "../../model/kdc/groupKeyCipher.js";
import { runs } from "./runs.js";

describe("keyPool", () => {
  test("consuming returns a new pool and leaves the old one untouched", () => {
    const pool = keyPool(Uint8Array.of(1, 2, 3, 4));
    const [bytes, next] = takeKey(pool, 3);
    expect([...bytes]).toEqual([1, 2, 3]);
    expect(pool.offset).toBe(0);
    expect(remaining(next)).toBe(1);
  });
  test("exhaustion is an error, not a wrap-around", () => {
    const [, next] = takeKey(keyPool(Uint8Array.of(1, 2)), 2);
    expect(() => takeKey(next, 1)).toThrow(/takeKey: key pool exhausted: need 1 bytes at offset 2, 0 remain/);
    expect(() => otpEncrypt(keyPool(new Uint8Array(40)), new Uint8Array(9))).toThrow(/otpEncrypt: key pool exhausted: need 41 bytes, 40 remain/);
  });
  test("keyPool copies its material", () => {
    const material = Uint8Array.of(7, 7);
    const pool = keyPool(material);
    material[0] = 0;
    expect(pool.material[0]).toBe(7);
  });
});

describe("one-time pad + MAC", () => {
  test("D(E(m)) = m and the pool advances by |m| + 32", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 0, max: 1000 }), (m, seed) => {
        const [material] = drawKeyMaterial(seeded(seed), 200);
        const [c, after] = otpEncrypt(keyPool(material), m, "aad");
        expect(after.offset).toBe(m.length + 32);
        const opened = otpDecrypt(keyPool(material), c, "aad");
        expect(opened.ok && [...opened.plaintext]).toEqual([...m]);
        const wrongAad = otpDecrypt(keyPool(material), c, "other");
        expect(wrongAad.ok).toBe(false);
      }),
      { numRuns: runs(30) },
    );
  });
  test("a consumed pad position is refused (replay)", () => {
    const [material] = drawKeyMaterial(seeded(1), 200);
    const [c] = otpEncrypt(keyPool(material), Uint8Array.of(1, 2, 3));
    const first = otpDecrypt(keyPool(material), c);
    expect(first.ok).toBe(true);
    const again = otpDecrypt(first.ok ? first.state : keyPool(material), c);
    expect(again.ok === false && again.reason).toMatch(/already consumed/);
  });
  test("GF(2^128) hash: h_k of the empty message is len(0)*k = 0; k = 1 gives the xor-sum of blocks and length", () => {
    expect([...polynomialHash(new Uint8Array(16), Uint8Array.of(5))].every((b) => b === 0)).toBe(true);
    const one = new Uint8Array(16);
    one[15] = 1;
    const h = polynomialHash(one, Uint8Array.of(0xab));
    // (0xab << 120) xor 8 (bit length)
    expect(h[0]).toBe(0xab);
    expect(h[15]).toBe(8);
    expect(oneTimeTag(new Uint8Array(32), Uint8Array.of(1)).length).toBe(16);
    expect(forgeryBound(32)).toBe(3 / 2 ** 128);
  });
});

describe("AES-256-GCM", () => {
  test("counterNonce is injective and inverted by nonceCounter", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat(Number.MAX_SAFE_INTEGER), { minLength: 2, maxLength: 20 }), (counters) => {
        const nonces = counters.map((c) => Buffer.from(counterNonce(c)).toString("hex"));
        expect(new Set(nonces).size).toBe(counters.length);
        expect(counters.map((c) => nonceCounter(counterNonce(c)))).toEqual(counters);
      }),
      { numRuns: runs(30) },
    );
  });
  test("seal/open; tampering rejected; HKDF is deterministic and domain-separated", () => {
    const key = deriveKey(Uint8Array.of(1, 2, 3), "a");
    expect(Buffer.from(key).equals(Buffer.from(deriveKey(Uint8Array.of(1, 2, 3), "a")))).toBe(true);
    expect(Buffer.from(key).equals(Buffer.from(deriveKey(Uint8Array.of(1, 2, 3), "b")))).toBe(false);
    const c = aesGcmSeal(key, counterNonce(5), Uint8Array.of(9, 8, 7), Uint8Array.of(1));
    expect([...aesGcmOpen(key, c, Uint8Array.of(1))!]).toEqual([9, 8, 7]);
    const body = c.body.slice();
    body[0] ^= 1;
    expect(aesGcmOpen(key, { ...c, body }, Uint8Array.of(1))).toBeNull();
    expect(aesGcmOpen(key, c, Uint8Array.of(2))).toBeNull();
  });
  test("eqs. 6-7 with AES: the receiver refuses an older nonce counter", () => {
    const [material] = drawKeyMaterial(seeded(2), 32);
    const pk = privateKey("m0", "aes-256-gcm", material);
    const [c0, pk1] = encryptGroupKey(pk, Uint8Array.of(1), "x");
    const [c1] = encryptGroupKey(pk1, Uint8Array.of(2), "x");
    const r1 = decryptGroupKey(pk, c1, "x");
    expect(r1.ok).toBe(true);
    const r0 = decryptGroupKey(r1.ok ? r1.state : pk, c0, "x");
    expect(r0.ok === false && r0.reason).toMatch(/replay or reorder/);
  });
});
