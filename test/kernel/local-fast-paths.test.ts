/**
 * The unrolled and fused fast paths of model/kernel/internal/local.ts (dense complex 2x2 and 4x4
 * operators: `applyLeft` row sweeps, `applyRightAdjoint` 4x4 rows, `applyConjugate` one-pass
 * sandwich) and the scratch buffers of `eigvalsh`:
 * - bit for bit equal to straightforward generic loops (the pre-optimisation code, kept here as
 *   the reference), on mixed dims where the 2- or 4-dimensional target is one qudit or a pair,
 *   for operators that are not unitary and matrices that are not Hermitian;
 * - equal to the explicit Kronecker-product operator (independent oracle);
 * - the one-pass 1-qubit channel (`applyChannelLocal`) equals the sum of per-operator sandwiches
 *   bit for bit, for sparse and real Kraus operators too, and for non-finite states (fallback);
 * - on 5- and 6-qubit registers still bit for bit the generic loops: at 6 qubits the one-pass
 *   outputs are allocated without zero-fill (a forgotten entry would hold the allocator's
 *   leftovers), at 5 they are carved, zeroed, out of a shared chunk (model/kernel/internal/carve.ts);
 *   from WASM_MIN_DIM rows (6 qubits) 4x4 gates run in WebAssembly (still bit for bit) and
 *   channels take the WebAssembly superoperator (within rounding; its own tests: local-wasm.test.ts);
 * - pure: inputs are never written, and scratch reuse across sizes does not leak between calls.
 */
import { describe, expect, test } from "vitest";
import * as fc from "fast-check";
import {
  ATOL, applyChannel, channel, depolarizing, eigvalsh, evolve, maxAbsDiff, sandwich, unsafeDensity, type Channel, type CMatrix,
} from "../../model/kernel/index.js";
import { applyConjugate, applyLeft, applyRightAdjoint } from "../../model/kernel/internal/local.js";
import { product, splitOffsets } from "../../model/kernel/internal/dims.js";
import { WASM_MIN_DIM } from "../../model/kernel/internal/wasmLocal.js";
import { arbDensityMatrix, arbHaarUnitary, arbKrausChannel } from "../../properties/arbitraries/index.js";
import { conjugate, fullOperator, sameBits } from "./support/oracles.js";
import { params } from "./support/runs.js";

/** Reference `(A (x) I) M`: one accumulation sweep per entry of A (the generic loop). */
function refLeft(m: CMatrix, dims: readonly number[], a: CMatrix, targets: readonly number[]): Float64Array {
  const off = splitOffsets(dims, targets);
  const rowLen = 2 * m.cols, out = new Float64Array(m.data.length), A = a.data, d = a.rows;
  for (const b of off.rest) {
    for (let to = 0; to < d; to++) {
      const o = (b + off.target[to]) * rowLen;
      for (let ti = 0; ti < d; ti++) {
        const ar = A[2 * (to * d + ti)], ai = A[2 * (to * d + ti) + 1];
        const s = (b + off.target[ti]) * rowLen;
        for (let j = 0; j < rowLen; j += 2) {
          out[o + j] += ar * m.data[s + j] - ai * m.data[s + j + 1];
          out[o + j + 1] += ar * m.data[s + j + 1] + ai * m.data[s + j];
        }
      }
    }
  }
  return out;
}

/**
 * Reference `M (B (x) I)^dagger`: the generic loop (accumulators from 0), and for 2x2 the
 * original unrolled expression (a plain left-to-right sum).
 */
function refRight(m: CMatrix, dims: readonly number[], b: CMatrix, targets: readonly number[]): Float64Array {
  const off = splitOffsets(dims, targets);
  const out = new Float64Array(m.data.length), B = b.data, d = b.rows, C = m.cols;
  for (let i = 0; i < m.rows; i++) {
    for (const r of off.rest) {
      const p = 2 * (i * C + r);
      if (d === 2) {
        const s0 = p + 2 * off.target[0], s1 = p + 2 * off.target[1];
        const x0r = m.data[s0], x0i = m.data[s0 + 1], x1r = m.data[s1], x1i = m.data[s1 + 1];
        const c = [B[0], -B[1], B[2], -B[3], B[4], -B[5], B[6], -B[7]];
        out[s0] = x0r * c[0] - x0i * c[1] + x1r * c[2] - x1i * c[3];
        out[s0 + 1] = x0r * c[1] + x0i * c[0] + x1r * c[3] + x1i * c[2];
        out[s1] = x0r * c[4] - x0i * c[5] + x1r * c[6] - x1i * c[7];
        out[s1 + 1] = x0r * c[5] + x0i * c[4] + x1r * c[7] + x1i * c[6];
        continue;
      }
      for (let to = 0; to < d; to++) {
        let accR = 0, accI = 0;
        for (let t = 0; t < d; t++) {
          const xr = m.data[p + 2 * off.target[t]], xi = m.data[p + 2 * off.target[t] + 1];
          const br = B[2 * (to * d + t)], bi = -B[2 * (to * d + t) + 1];
          accR += xr * br - xi * bi;
          accI += xr * bi + xi * br;
        }
        out[p + 2 * off.target[to]] = accR;
        out[p + 2 * off.target[to] + 1] = accI;
      }
    }
  }
  return out;
}


const gaussianish = fc.double({ min: -2, max: 2, noNaN: true });
/** A nonzero imaginary part (what makes an operator "dense complex"). */
const imagPart = fc.oneof(fc.double({ min: 1e-3, max: 2, noNaN: true }), fc.double({ min: -2, max: -1e-3, noNaN: true }));
const arbDenseComplex = (d: number): fc.Arbitrary<CMatrix> =>
  fc.array(fc.tuple(gaussianish, imagPart), { minLength: d * d, maxLength: d * d })
    .map((entries) => ({ rows: d, cols: d, data: Float64Array.from(entries.flat()) }));
const arbMatrix = (d: number): fc.Arbitrary<CMatrix> =>
  fc.array(gaussianish, { minLength: 2 * d * d, maxLength: 2 * d * d }).map((xs) => ({ rows: d, cols: d, data: Float64Array.from(xs) }));

/**
 * Mixed dims with a target set of total dimension 2 or 4: one qubit, one ququart, or a pair of
 * qubits in either order, among spectator subsystems of dimension 2..3.
 */
const arbCase = fc.record({
  spectators: fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 0, maxLength: 3 }),
  kind: fc.constantFrom("qubit", "ququart", "pair", "pairReversed"),
  seed: fc.nat(),
}).filter(({ spectators, kind }) => product(spectators) * (kind === "qubit" ? 2 : 4) <= 48)
  .chain(({ spectators, kind, seed }) => {
    const dims = spectators.slice();
    const targets: number[] = [];
    const insert = (dim: number, at: number) => { dims.splice(at, 0, dim); targets.forEach((t, k) => { if (t >= at) targets[k] = t + 1; }); targets.push(at); };
    if (kind === "qubit") insert(2, seed % (dims.length + 1));
    else if (kind === "ququart") insert(4, seed % (dims.length + 1));
    else {
      insert(2, seed % (dims.length + 1));
      insert(2, (seed >> 3) % (dims.length + 1));
      if (kind === "pairReversed") targets.reverse();
    }
    const D = product(dims), dT = kind === "qubit" ? 2 : 4;
    return fc.record({ dims: fc.constant(dims), targets: fc.constant(targets), m: arbMatrix(D), a: arbDenseComplex(dT) });
  });

describe("dense complex 2x2 / 4x4 fast paths", () => {
  test("applyLeft, applyRightAdjoint and the one-pass applyConjugate equal the generic loops bit for bit", () => {
    fc.assert(fc.property(arbCase, ({ dims, targets, m, a }) => {
      const before = Float64Array.from(m.data), aBefore = Float64Array.from(a.data);
      const tdims = targets.map((t) => dims[t]);
      const left = applyLeft(m, dims, a, targets, tdims);
      const right = applyRightAdjoint(m, dims, a, targets, tdims);
      const both = applyConjugate(m, dims, a, targets, tdims);
      const refL = refLeft(m, dims, a, targets);
      const refBoth = refRight({ rows: m.rows, cols: m.cols, data: refL }, dims, a, targets);
      return both !== null && sameBits(left.data, refL) && sameBits(right.data, refRight(m, dims, a, targets)) &&
        sameBits(both.data, refBoth) && both.dims.join() === dims.join() &&
        sameBits(m.data, before) && sameBits(a.data, aBefore);
    }), params(200));
  });

  test("sandwich with a dense non-unitary operator equals the Kronecker-product operator", () => {
    fc.assert(fc.property(arbCase, ({ dims, targets, m, a }) => {
      const out = sandwich(m, dims, a, targets);
      const expected = conjugate(fullOperator(a, dims, targets), m);
      return maxAbsDiff({ rows: m.rows, cols: m.cols, data: out.data }, expected) <= 1e-12 * 64;
    }), params(100));
  });

  test("evolve with Haar 2x2 / 4x4 gates on mixed dims equals the Kronecker-product operator", () => {
    const arb = arbCase.chain(({ dims, targets }) => fc.record({
      dims: fc.constant(dims), targets: fc.constant(targets),
      rho: arbDensityMatrix(dims), u: arbHaarUnitary(product(targets.map((t) => dims[t]))),
    }));
    fc.assert(fc.property(arb, ({ dims, targets, rho, u }) =>
      maxAbsDiff(evolve(rho, u, targets).matrix, conjugate(fullOperator(u, dims, targets), rho.matrix)) <= ATOL), params(100));
  });

  test("a 2x2 gate whose targets include dimension-1 subsystems acts on the qubit among them (equals the Kronecker-product operator)", () => {
    // dims such as [1, 2] or [3, 1, 2, 5] with targets [0, 1] / [1, 2]: the product is 2, and the
    // qubit need not be the first target (a review found the fast path taking targets[0])
    const arb = fc.record({
      before: fc.array(fc.constantFrom(1, 2, 3), { maxLength: 2 }), after: fc.array(fc.constantFrom(1, 2, 3), { maxLength: 2 }),
      ones: fc.integer({ min: 1, max: 2 }), qubitFirst: fc.boolean(), real: fc.boolean(),
    }).chain(({ before, after, ones, qubitFirst, real }) => {
      const block = qubitFirst ? [2, ...Array(ones).fill(1)] : [...Array(ones).fill(1), 2];
      const dims = [...before, ...block, ...after];
      const targets = block.map((_, k) => before.length + k);
      const hadamard = { rows: 2, cols: 2, data: Float64Array.from([1, 0, 1, 0, 1, 0, -1, 0].map((x) => x / Math.SQRT2)) };
      return fc.record({ dims: fc.constant(dims), targets: fc.constant(targets), rho: arbDensityMatrix(dims), u: real ? fc.constant(hadamard) : arbHaarUnitary(2) });
    });
    fc.assert(fc.property(arb, ({ dims, targets, rho, u }) =>
      maxAbsDiff(evolve(rho, u, targets).matrix, conjugate(fullOperator(u, dims, targets), rho.matrix)) <= ATOL), params(100));
  });

  test("dense real 2x2 (Hadamard-like): the one-pass path equals the generic loops up to the sign of zeros; non-finite M declined", () => {
    const nonzero = fc.oneof(fc.double({ min: 1e-3, max: 2, noNaN: true }), fc.double({ min: -2, max: -1e-3, noNaN: true }));
    const arbReal = fc.array(nonzero, { minLength: 4, maxLength: 4 }).map((x): CMatrix => ({ rows: 2, cols: 2, data: Float64Array.of(x[0], 0, x[1], 0, x[2], 0, x[3], 0) }));
    fc.assert(fc.property(arbCase.filter((c) => c.a.rows === 2), arbReal, ({ dims, targets, m }, a) => {
      const tdims = targets.map((t) => dims[t]);
      const both = applyConjugate(m, dims, a, targets, tdims);
      const ref = refRight({ rows: m.rows, cols: m.cols, data: refLeft(m, dims, a, targets) }, dims, a, targets);
      return both !== null && maxAbsDiff({ rows: m.rows, cols: m.cols, data: both.data }, { rows: m.rows, cols: m.cols, data: ref }) === 0;
    }), params(100));
    const h: CMatrix = { rows: 2, cols: 2, data: Float64Array.of(1, 0, 1, 0, 1, 0, -1, 0) };
    const bad: CMatrix = { rows: 4, cols: 4, data: new Float64Array(32).fill(1).map((v, i) => (i === 9 ? Infinity : v)) };
    expect(applyConjugate(bad, [2, 2], h, [1], [2])).toBeNull();
  });

  test("applyConjugate declines what it does not cover (the caller composes left and right)", () => {
    const m: CMatrix = { rows: 4, cols: 4, data: new Float64Array(32).fill(1) };
    const real: CMatrix = { rows: 2, cols: 2, data: Float64Array.of(1, 0, 0, 0, 0, 0, 1, 0) };
    const dense: CMatrix = { rows: 2, cols: 2, data: Float64Array.of(1, 1, 1, 1, 1, 1, 1, 1) };
    expect(applyConjugate(m, [2, 2], real, [0], [2])).toBeNull(); // zero / real entries
    expect(applyConjugate(m, [2, 2], dense, [0], [2])).not.toBeNull();
    const isometry: CMatrix = { rows: 3, cols: 2, data: new Float64Array(12).fill(1) };
    expect(applyConjugate(m, [2, 2], isometry, [0], [3])).toBeNull(); // dimension-changing
  });
});

/**
 * The per-operator composition applyChannel performed before the one-pass path: per Kraus
 * operator the dense one-pass sandwich or left-then-right (not the partial-monomial path that
 * `sandwich` now takes for sparse operators, which rounds phases differently; see
 * monomial-fast-path.test.ts).
 */
function channelBySandwiches(m: CMatrix, dims: readonly number[], ch: Channel, targets: readonly number[]): Float64Array {
  let acc: Float64Array | undefined;
  for (const k of ch.kraus) {
    const term = (applyConjugate(m, dims, k, targets, ch.outDims) ??
      applyRightAdjoint({ rows: m.rows, cols: m.cols, data: applyLeft(m, dims, k, targets, ch.outDims).data }, dims, k, targets, ch.outDims)).data;
    if (acc === undefined) acc = term;
    else for (let i = 0; i < acc.length; i++) acc[i] += term[i];
  }
  return acc!;
}

describe("one-pass 1-qubit channels", () => {
  const arbQubitCase = fc.record({
    spectators: fc.array(fc.integer({ min: 2, max: 3 }), { minLength: 0, maxLength: 3 }),
    seed: fc.nat(),
  }).chain(({ spectators, seed }) => {
    const dims = spectators.slice();
    const at = seed % (dims.length + 1);
    dims.splice(at, 0, 2);
    return fc.record({
      dims: fc.constant(dims), target: fc.constant(at), rho: arbDensityMatrix(dims),
      ch: fc.oneof(arbKrausChannel(2, 2), fc.double({ min: 0, max: 1, noNaN: true }).map((p) => depolarizing(p))),
    });
  });

  test("equals the sum of per-operator sandwiches bit for bit (random and sparse Kraus sets)", () => {
    fc.assert(fc.property(arbQubitCase, ({ dims, target, rho, ch }) => {
      const before = Float64Array.from(rho.matrix.data);
      const out = applyChannel(rho, ch, [target]);
      return sameBits(out.matrix.data, channelBySandwiches(rho.matrix, dims, ch, [target])) &&
        out.dims.join() === dims.join() && sameBits(rho.matrix.data, before);
    }), params(150));
  });

  test("a non-finite state takes the general path (same NaN/Inf pattern as before)", () => {
    const ch = channel("real-sparse", [
      { rows: 2, cols: 2, data: Float64Array.of(Math.SQRT1_2, 0, 0, 0, 0, 0, Math.SQRT1_2, 0) },
      { rows: 2, cols: 2, data: Float64Array.of(0, 0, Math.SQRT1_2, 0, Math.SQRT1_2, 0, 0, 0) },
    ]);
    for (const bad of [Infinity, -Infinity, NaN]) {
      const data = new Float64Array(2 * 16);
      data[0] = 0.5; data[2 * 5] = 0.5;
      data[2 * 6 + 1] = bad;
      const rho = unsafeDensity({ rows: 4, cols: 4, data }, [2, 2]);
      for (const t of [0, 1]) expect(sameBits(applyChannel(rho, ch, [t]).matrix.data, channelBySandwiches(rho.matrix, [2, 2], ch, [t]))).toBe(true);
    }
  });
});

describe("one-pass outputs carved zeroed or allocated without zero-fill (5- and 6-qubit registers: 2,048 and 8,192 doubles)", () => {
  // outputs come from uninitializedFloat64 (model/kernel/internal/dims.ts): above 2,048 doubles
  // without zero-fill, so that an entry a loop forgot would hold the allocator's leftovers, not the
  // generic loops' value; up to 2,048 carved out of a zeroed shared chunk (internal/carve.ts)
  const arbRegister = fc.record({ n: fc.constantFrom(5, 6), q: fc.nat(), r: fc.nat(), pair: fc.boolean() }).chain(({ n, q, r, pair }) => {
    const dims = Array<number>(n).fill(2), t0 = q % n, t1 = (t0 + 1 + (r % (n - 1))) % n;
    const targets = pair ? [t0, t1] : [t0];
    return fc.record({ dims: fc.constant(dims), targets: fc.constant(targets), m: arbMatrix(2 ** n), a: arbDenseComplex(pair ? 4 : 2) });
  });
  test("applyConjugate (dense complex 2x2 and 4x4) equals the generic loops bit for bit", () => {
    fc.assert(fc.property(arbRegister, ({ dims, targets, m, a }) => {
      const both = applyConjugate(m, dims, a, targets, targets.map((t) => dims[t]));
      // from WASM_MIN_DIM rows (6 qubits) the 4x4 case runs in WebAssembly, bit for bit too
      return both !== null && sameBits(both.data, refRight({ rows: m.rows, cols: m.cols, data: refLeft(m, dims, a, targets) }, dims, a, targets));
    }), params(12));
  });
  test("dense real 2x2 on 6 qubits (the JavaScript path, its output not zero-filled) equals the generic loops up to the sign of zeros", () => {
    // dense complex gates at 6 qubits run in WebAssembly and 5-qubit outputs are carved zeroed:
    // this is the case where a forgotten entry of a JavaScript loop would show the allocator's leftovers
    const nonzero = fc.oneof(fc.double({ min: 1e-3, max: 2, noNaN: true }), fc.double({ min: -2, max: -1e-3, noNaN: true }));
    const arbReal = fc.array(nonzero, { minLength: 4, maxLength: 4 }).map((x): CMatrix => ({ rows: 2, cols: 2, data: Float64Array.of(x[0], 0, x[1], 0, x[2], 0, x[3], 0) }));
    const dims = Array<number>(6).fill(2);
    fc.assert(fc.property(fc.nat({ max: 5 }), arbMatrix(64), arbReal, (t, m, a) => {
      const both = applyConjugate(m, dims, a, [t], [2]);
      const ref = refRight({ rows: m.rows, cols: m.cols, data: refLeft(m, dims, a, [t]) }, dims, a, [t]);
      return both !== null && maxAbsDiff({ rows: m.rows, cols: m.cols, data: both.data }, { rows: m.rows, cols: m.cols, data: ref }) === 0;
    }), params(12));
  });
  test("a 1-qubit channel equals the sum of per-operator sandwiches bit for bit", () => {
    const arb = fc.record({ n: fc.constantFrom(5, 6), q: fc.nat() }).chain(({ n, q }) => {
      const dims = Array<number>(n).fill(2);
      return fc.record({ dims: fc.constant(dims), target: fc.constant(q % n), rho: arbDensityMatrix(dims), ch: arbKrausChannel(2, 2) });
    });
    fc.assert(fc.property(arb, ({ dims, target, rho, ch }) => {
      const got = applyChannel(rho, ch, [target]).matrix.data, ref = channelBySandwiches(rho.matrix, dims, ch, [target]);
      // from WASM_MIN_DIM rows: the WebAssembly superoperator, within rounding (see above): a few
      // ulps of rho's largest entry per operator (review of kernel6: at most 1.85 ulps measured)
      const scale = rho.matrix.data.reduce((a, x) => Math.max(a, Math.abs(x)), 0);
      return rho.matrix.rows >= WASM_MIN_DIM ? got.every((x, k) => Math.abs(x - ref[k]) <= 16 * ch.kraus.length * Number.EPSILON * scale) : sameBits(got, ref);
    }), params(8));
  });
});

describe("eigvalsh scratch buffers", () => {
  test("reuse across sizes does not leak between calls, and the input is not written", () => {
    const sizes = [3, 20, 5, 33, 4, 20, 3];
    const mats = sizes.map((d, k) => {
      const x = fc.sample(arbMatrix(d), { seed: 11 + k, numRuns: 1 })[0];
      const h = new Float64Array(2 * d * d);
      for (let i = 0; i < d; i++) for (let j = 0; j < d; j++) {
        h[2 * (i * d + j)] = x.data[2 * (i * d + j)] + x.data[2 * (j * d + i)];
        h[2 * (i * d + j) + 1] = x.data[2 * (i * d + j) + 1] - x.data[2 * (j * d + i) + 1];
      }
      return { rows: d, cols: d, data: h } as CMatrix;
    });
    const first = mats.map((h) => eigvalsh(h));
    const copies = mats.map((h) => Float64Array.from(h.data));
    const again = mats.slice().reverse().map((h) => eigvalsh(h)).reverse();
    first.forEach((v, k) => expect(sameBits(v, again[k])).toBe(true));
    mats.forEach((h, k) => expect(sameBits(h.data, copies[k])).toBe(true));
    // the returned arrays are distinct (no scratch escapes)
    expect(new Set(first.map((v) => v.buffer)).size).toBe(first.length);
  });
});
