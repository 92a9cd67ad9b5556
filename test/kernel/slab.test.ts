/**
 * Arrays carved out of the thread's shared chunks (model/kernel/internal/slab.ts) behave as
 * `new Float64Array(n)`: zeroed when handed out, of their length, and no two of them overlap, so
 * that writing one never changes another; arrays of 9 to CARVED_MAX doubles share a chunk and
 * larger or smaller ones own their buffer. Negative control: a carver that hands the same
 * doubles out twice is falsified. And the kernel's small outputs, which are carved, keep their
 * values while later operations carve theirs (what the README's library section says about them
 * is checked here too).
 */
import { describe, expect, test } from "vitest";
import * as fc from "fast-check";
import { CARVED_MAX, carve, freshFloat64, type Chunk } from "../../model/kernel/internal/slab.js";
import { uninitializedFloat64 } from "../../model/kernel/internal/dims.js";
import { evolve, H, CNOT, traceOut, matmul, kron, adjoint, densityOf, bitsKet, type DensityMatrix } from "../../model/kernel/index.js";
import { params } from "./support/runs.js";
import { expectFalsified } from "./support/controls.js";

/** Lengths around the edges: on the heap (<= 8), carved (9..CARVED_MAX), own buffer above. */
const arbLength = fc.oneof(
  fc.integer({ min: 0, max: 16 }),
  fc.integer({ min: 9, max: CARVED_MAX }),
  fc.integer({ min: CARVED_MAX - 4, max: CARVED_MAX + 4 }),
  fc.integer({ min: 1000, max: 3 * CARVED_MAX }),
);

/**
 * Allocate one array per length, each zeroed and of its length when handed out, then write a
 * marker into every entry of each: afterwards each array holds only its own marker.
 */
function independent(alloc: (n: number) => Float64Array, lengths: readonly number[]): boolean {
  const arrays = lengths.map((n) => alloc(n));
  for (let k = 0; k < arrays.length; k++) {
    if (arrays[k].length !== lengths[k] || arrays[k].some((x) => !Object.is(x, 0))) return false;
    arrays[k].fill(k + 1);
  }
  return arrays.every((a, k) => a.every((x) => x === k + 1));
}

describe("carved arrays", () => {
  test("freshFloat64 and uninitializedFloat64: zeroed, of their length, never overlapping", () => {
    fc.assert(fc.property(fc.array(arbLength, { minLength: 1, maxLength: 40 }), (lengths) =>
      independent(freshFloat64, lengths) && independent(uninitializedFloat64, lengths.filter((n) => n <= CARVED_MAX))), params(200));
  });

  test("negative control: a carver that hands the same doubles out twice is falsified", () => {
    const chunk: Chunk = { chunk: new Float64Array(0), used: 0 };
    const reusing = (n: number): Float64Array => {
      const a = carve(chunk, n, 8192);
      chunk.used -= n; // the mutant: the next array starts where this one did
      return a;
    };
    expectFalsified(fc.check(fc.property(fc.array(arbLength, { minLength: 1, maxLength: 40 }), (lengths) => independent(reusing, lengths)), params(200)));
  });

  test("9 to CARVED_MAX doubles share a 64 KiB chunk; up to 8 and above CARVED_MAX own their buffer", () => {
    let a = freshFloat64(100), b = freshFloat64(100);
    if (b.buffer !== a.buffer) [a, b] = [b, freshFloat64(100)]; // a was its chunk's last array
    expect(b.buffer).toBe(a.buffer);
    expect(b.byteOffset - a.byteOffset).toBe(800);
    expect(a.buffer.byteLength).toBe(65536);
    for (const n of [0, 1, 8, CARVED_MAX + 1, 10_000]) {
      const own = freshFloat64(n);
      expect([own.byteOffset, own.buffer.byteLength]).toEqual([0, 8 * n]);
    }
  });
});

describe("the kernel's small outputs", () => {
  const plus3 = (): DensityMatrix => evolve(densityOf(bitsKet("000")), H, [0]);

  test("keep their values while later operations carve theirs", () => {
    const kept = [plus3(), traceOut(plus3(), [1])];
    const copies = kept.map((r) => r.matrix.data.slice());
    let rho = plus3();
    for (let k = 0; k < 2000; k++) {
      rho = evolve(evolve(rho, H, [k % 3]), CNOT, [k % 3, (k + 1) % 3]);
      const m = matmul(rho.matrix, adjoint(rho.matrix));
      kron(traceOut(rho, [k % 3]).matrix, m);
    }
    kept.forEach((r, i) => expect(Array.from(r.matrix.data).every((x, j) => Object.is(x, copies[i][j]))).toBe(true));
  });

  test("share their ArrayBuffer with other arrays (the README's library section); slice() gives one its own", () => {
    const out = traceOut(plus3(), [2]).matrix.data; // 4 x 4 complex: 32 doubles, carved
    expect(out.buffer.byteLength).toBeGreaterThan(out.byteLength);
    const own = out.slice();
    expect([own.byteOffset, own.buffer.byteLength]).toEqual([0, out.byteLength]);
    // up to 5 qubits (2,048 doubles) carved, from 6 qubits a buffer of its own
    const on = (n: number): Float64Array => evolve(densityOf(bitsKet("0".repeat(n))), H, [0]).matrix.data;
    expect(on(5).buffer.byteLength).toBe(65536);
    expect([on(6).byteOffset, on(6).buffer.byteLength]).toEqual([0, 8 * 2 * 64 * 64]);
  });
});
