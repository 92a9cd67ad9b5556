/**
 * The stamped open-addressing index of the run loop (model/auth/internal/compiledRun.ts
 * `CellIndex`: the merger's cells and the run's outcome cache) against a Map: the same answers
 * for keys of every size a run makes (record ids times 2^(2 keyBits), past 2^32), across its
 * growth and across claims (a new claim empties it), and a stale claim is refused; `shrink`
 * (between runs) drops an index grown past its limit and keeps one within it. Negative
 * control: an index that ignores the stamp (answers from an earlier claim) fails the second
 * case (checked when written: `claim()` returning the old stamp fails it); a growth that drops
 * every odd slot fails the first (checked in the review fix that made the keys repeat and grow it).
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CellIndex } from "../../model/auth/internal/compiledRun.js";

/** `addIfNew` on a Map: the earlier value, or -1 after recording the new one. */
function mapAdd(map: Map<number, number>, key: number, value: number): number {
  const at = map.get(key);
  if (at !== undefined) return at;
  map.set(key, value);
  return -1;
}

describe("auth: the run loop's cell index", () => {
  it("answers as a Map, through growth, for keys up to 2^52", () => {
    fc.assert(
      // keys repeat (a small pool) and have the merger's structure (rec 2^24 + cell); enough of
      // them that the index grows (it starts at 256 slots and doubles past half full)
      fc.property(fc.array(fc.oneof(fc.nat(64), fc.nat(5000), fc.integer({ min: 0, max: 2 ** 52 }), fc.tuple(fc.nat(3000), fc.nat(255)).map(([r, c]) => r * 2 ** 24 + c)), { minLength: 300, maxLength: 3000, size: "max" }), (keys) => {
        const index = new CellIndex(), map = new Map<number, number>(), claim = index.claim();
        const wrong = keys.filter((key, k) => index.addIfNew(claim, key, k) !== mapAdd(map, key, k));
        // every key again, after all the growth: each answers its first value
        wrong.push(...keys.filter((key) => index.addIfNew(claim, key, -5) !== map.get(key)));
        expect(wrong).toEqual([]);
      }),
      { numRuns: 40, seed: 12 },
    );
  });

  it("is empty after each claim, and refuses a stale claim", () => {
    const index = new CellIndex();
    const first = index.claim();
    for (let k = 0; k < 1000; k++) expect(index.addIfNew(first, 7 * k, k)).toBe(-1);
    expect(index.addIfNew(first, 7 * 999, 5)).toBe(999);
    const second = index.claim();
    for (let k = 0; k < 1000; k++) expect(index.addIfNew(second, 7 * k, 2 * k)).toBe(-1);
    expect(index.addIfNew(second, 7 * 10, 0)).toBe(20);
    expect(() => index.addIfNew(first, 1, 1)).toThrow(/newer/);
  });

  it("shrink: an index grown past the limit goes back to 256 empty slots; one within it keeps its entries", () => {
    const index = new CellIndex();
    let claim = index.claim();
    for (let k = 0; k < 1000; k++) index.addIfNew(claim, k, k);
    expect(index.slots).toBe(2048);
    index.shrink(2048);
    expect(index.slots).toBe(2048);
    expect(index.addIfNew(claim, 5, 99)).toBe(5);
    index.shrink(1024);
    expect(index.slots).toBe(256);
    claim = index.claim();
    expect(index.addIfNew(claim, 5, 7)).toBe(-1);
    expect(index.addIfNew(claim, 5, 8)).toBe(7);
  });
});
