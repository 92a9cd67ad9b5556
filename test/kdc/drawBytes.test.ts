/** drawBytes (model/kdc/internal/bytes.ts) draws what `withRng`'s `int(0, 255)` draws, and leaves the generator where it does. */
import { describe, expect, it } from "vitest";
import * as fc from "fast-check";
import { drawBytes } from "../../model/kdc/internal/bytes.js";
import { drawInt, seeded, withRng } from "../../model/random.js";

describe("drawBytes", () => {
  it("equals r.int(0, 255) byte for byte, and the next draw after it agrees", () => {
    fc.assert(
      fc.property(fc.integer({ min: -0x8000_0000, max: 0x7fff_ffff }), fc.integer({ min: 0, max: 300 }), (seed, n) => {
        const [fast, after] = drawBytes(seeded(seed), n);
        const [slow, afterSlow] = withRng(seeded(seed), (r) => Uint8Array.from({ length: n }, () => r.int(0, 255)));
        expect(Array.from(fast)).toEqual(Array.from(slow));
        expect(drawInt(after, 0, 1e9)[0]).toBe(drawInt(afterSlow, 0, 1e9)[0]);
      }),
      { numRuns: 200 },
    );
  });
  it("leaves the given generator untouched (a pure function of its input)", () => {
    const rng = seeded(7);
    const [a] = drawBytes(rng, 64);
    const [b] = drawBytes(rng, 64);
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});
