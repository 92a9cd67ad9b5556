/**
 * `packed` (model/auth/internal/packed.ts): a new array with the same items in order, whatever the
 * input's length (one `apply` up to 1,024 items, slices of 1,024 beyond), its kind (small
 * integers, doubles, objects, mixed) and its holes (read as undefined), and never the input itself.
 */
import { describe, expect, it } from "vitest";
import { packed } from "../../model/auth/internal/packed.js";

describe("auth: packed copies", () => {
  it("keeps every item in order at every length around the slice size, for every kind", () => {
    for (const n of [0, 1, 1023, 1024, 1025, 2048, 5000]) {
      for (const make of [(k: number) => k, (k: number) => k + 0.5, (k: number) => ({ k }), (k: number) => (k % 2 ? { k } : k)]) {
        const items = Array.from({ length: n }, (_, k) => make(k));
        const out = packed(items);
        expect(out).not.toBe(items);
        expect(out).toEqual(items);
      }
    }
  });

  it("reads holes as undefined", () => {
    const holey: unknown[] = [1, , 3]; // eslint-disable-line no-sparse-arrays
    expect(packed(holey)).toEqual([1, undefined, 3]);
    expect(1 in packed(holey)).toBe(true);
  });
});
