/**
 * Record compaction's representatives (model/auth/internal/compiledRun.ts `Representatives`):
 * the first record given a signature represents every later record with an equal signature, and
 * signatures whose hashes collide stay apart, however many share a hash. A negative control: a
 * signature that differs in one entry is not represented by the other.
 */
import { describe, expect, it } from "vitest";
import { Representatives } from "../../model/auth/internal/compiledRun.js";

/** Signatures [a + t, b - 31 t] share their hash (h -> 31 h + x, twice, over the low 32 bits) for every t. */
function colliding(a: number, b: number, count: number): number[][] {
  return Array.from({ length: count }, (_, t) => [a + t, b - 31 * t]);
}

describe("auth: record compaction's representatives", () => {
  it("represents equal signatures by the first record, colliding ones apart", () => {
    const reps = new Representatives();
    const signatures = colliding(7, 1000, 5);
    signatures.forEach((sig, k) => expect(reps.of(10 + k, sig)).toBe(10 + k));
    // again, as copies, in another order: each by its first record, whatever its place in the chain
    [3, 0, 4, 1, 2].forEach((k) => expect(reps.of(20 + k, [...signatures[k]])).toBe(10 + k));
    expect(reps.of(30, [7, 1000, 0])).toBe(30);
    expect(reps.of(31, [7, 1000, 0])).toBe(30);
  });

  it("tells apart a signature differing in one entry (negative control)", () => {
    const reps = new Representatives();
    expect(reps.of(1, [1, 2, 3])).toBe(1);
    expect(reps.of(2, [1, 2, 4])).toBe(2);
    expect(reps.of(3, [1, 2, 3])).toBe(1);
  });
});
