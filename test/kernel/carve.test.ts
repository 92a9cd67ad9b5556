/**
 * Arrays carved out of the thread's shared chunks (model/kernel/internal/carve.ts) behave as
 * `new Float64Array(n)`: zeroed when handed out, of their length, and no two of them overlap, so
 * that writing one never changes another; arrays of 9 to CARVED_MAX doubles share a chunk and
 * larger or smaller ones own their buffer; a length that is no integer leaves the chunk intact.
 * Negative control: a carver whose next array starts one double early is falsified. The kernel's
 * small outputs, which are carved, keep their values while later operations carve theirs (what
 * the README's library section says about them is checked here too), and no source file of the
 * repository transfers an ArrayBuffer (which would detach a chunk's other arrays).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import * as fc from "fast-check";
import { CARVED_MAX, carve, freshFloat64, type Chunk } from "../../model/kernel/internal/carve.js";
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

  test("negative control: a carver whose next array starts one double early is falsified", () => {
    const chunk: Chunk = { chunk: new Float64Array(0), used: 0 };
    const overlapping = (n: number): Float64Array => {
      const a = carve(chunk, n, 8192);
      if (n > 8) chunk.used -= 1; // the mutant: the next carved array overlaps this one's last double
      return a;
    };
    expectFalsified(fc.check(fc.property(fc.array(arbLength, { minLength: 1, maxLength: 40 }), (lengths) => independent(overlapping, lengths)), params(200)));
  });

  test("a length that is no integer gets what new Float64Array gives and leaves the chunk intact", () => {
    for (const bad of [NaN, 2.5, Infinity]) {
      let got: unknown;
      try { got = freshFloat64(bad).length; } catch (e) { got = e instanceof RangeError ? "RangeError" : e; }
      let expected: unknown;
      try { expected = new Float64Array(bad).length; } catch (e) { expected = e instanceof RangeError ? "RangeError" : e; }
      expect(got).toEqual(expected);
      expect(freshFloat64(16).length).toBe(16);
    }
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
    // posting (a structured clone) copies the whole chunk, a slice only itself
    expect(structuredClone(out).buffer.byteLength).toBe(65536);
    expect(structuredClone(own).buffer.byteLength).toBe(out.byteLength);
    // up to 5 qubits (2,048 doubles) carved, from 6 qubits a buffer of its own
    const on = (n: number): Float64Array => evolve(densityOf(bitsKet("0".repeat(n))), H, [0]).matrix.data;
    expect(on(5).buffer.byteLength).toBe(65536);
    expect([on(6).byteOffset, on(6).buffer.byteLength]).toEqual([0, 8 * 2 * 64 * 64]);
  });
});

/**
 * Places a source transfers an ArrayBuffer: a transfer list after a message, a `transfer` option,
 * `ArrayBuffer.prototype.transfer`; comments (which may show one, as carve.ts's does) are left out.
 */
function transfers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
  return [/postMessage\([^;]*,\s*\[/g, /\btransfer\s*:/g, /\.transfer(ToFixedLength)?\(/g].flatMap((re) => code.match(re) ?? []);
}

/** The repository's TypeScript sources outside test/ and node_modules. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return ["node_modules", "dist", "test", ".git"].includes(e.name) ? [] : sources(path);
    return /\.(ts|mts|mjs)$/.test(e.name) && !e.name.endsWith(".d.ts") ? [path] : [];
  });
}

describe("no source transfers an ArrayBuffer", () => {
  test("the scan finds a transfer list, a transfer option and ArrayBuffer.transfer (control)", () => {
    expect(transfers("w.postMessage(m, [m.data.buffer]);").length).toBe(1);
    expect(transfers("structuredClone(x, { transfer: [x.buffer] })").length).toBe(1);
    expect(transfers("const b = a.buffer.transfer(8);").length).toBe(1);
    expect(transfers("w.postMessage({ data, keys });").length).toBe(0);
    expect(transfers("/** never `postMessage(x, [x.buffer])` */\n// nor x.buffer.transfer()").length).toBe(0);
  });

  test("no file of the repository's sources does", () => {
    const root = fileURLToPath(new URL("../..", import.meta.url));
    const files = sources(root);
    expect(files.length).toBeGreaterThan(100);
    expect(files.flatMap((f) => transfers(readFileSync(f, "utf8")).map((hit) => `${f}: ${hit}`))).toEqual([]);
  });
});
