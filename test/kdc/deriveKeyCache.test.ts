/** deriveKey is memoised (issue 12): same keys as an uncached HKDF, and callers never share a buffer. */
import { hkdfSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { deriveKey } from "../../model/kdc/aesGcm.js";

describe("kdc: memoised HKDF", () => {
  it("returns HKDF-SHA256(secret, salt qm-kdc, info) on every call, a fresh copy each time", () => {
    const secret = Uint8Array.from({ length: 32 }, (_, k) => k * 7);
    const direct = new Uint8Array(hkdfSync("sha256", secret, "qm-kdc", "group/1", 32));
    const a = deriveKey(secret, "group/1");
    expect(a).toEqual(direct);
    a.fill(0);
    expect(deriveKey(secret, "group/1")).toEqual(direct);
    expect(deriveKey(secret, "group/2")).not.toEqual(direct);
    expect(deriveKey(secret.subarray(0, 31), "group/1")).toEqual(new Uint8Array(hkdfSync("sha256", secret.subarray(0, 31), "qm-kdc", "group/1", 32)));
  });
  it("a secret changed in place after a derivation derives from its new bytes (the cache by array checks the bytes)", () => {
    const secret = Uint8Array.from({ length: 40 }, (_, k) => k + 1);
    const hkdf = (s: Uint8Array) => new Uint8Array(hkdfSync("sha256", s, "qm-kdc", "mutated", 32));
    expect(deriveKey(secret, "mutated")).toEqual(hkdf(secret));
    expect(deriveKey(secret, "mutated")).toEqual(hkdf(secret)); // the same array again: first level
    secret[39] ^= 1;
    expect(deriveKey(secret, "mutated")).toEqual(hkdf(secret));
    secret[39] ^= 1;
    expect(deriveKey(secret, "mutated")).toEqual(hkdf(secret));
    expect(deriveKey(secret.slice(), "mutated")).toEqual(hkdf(secret)); // another array, same bytes: second level
  });
});
