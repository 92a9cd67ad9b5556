/**
 * Numerical soak (issue 7): long generated sequences of gates, channels, measurements and
 * partial traces on a qubit-qutrit-qubit register (dims [2, 3, 2]), checking after *every* step
 * that the state is finite, Hermitian, PSD and of unit trace within ATOL / PSD_ATOL, and
 * reporting the worst deviation seen.
 *
 * Total operations: `QKD_SOAK_OPS` (default 2 * 10^4, a few seconds). fast-check generates, per
 * run, pools of Haar gates, random Kraus channels, POVMs and fresh states, and a sequence of
 * 32-bit operation codes that pick from them. When `QKD_SOAK_OPS` is set explicitly (a long run),
 * the figures are written to bench/soak-results.json, e.g.
 * `QKD_SOAK_OPS=1000000 npx vitest run test/kernel/soak.test.ts`.
 */
import { expect, test } from "vitest";
import * as fc from "fast-check";
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  ATOL, PSD_ATOL, applyChannel, eigvalsh, evolve, hasNonFinite, hermiticityError, measure, permute, povm, tensor, trace, traceOut,
  type Channel, type CMatrix, type DensityMatrix,
} from "../../model/kernel/index.js";
import { arbDensityMatrix, arbHaarUnitary, arbKrausChannel, arbPovm } from "../../properties/arbitraries/index.js";

const DIMS = [2, 3, 2] as const;
const TOTAL_OPS = Number(process.env.QKD_SOAK_OPS ?? 2e4);
const OPS_PER_RUN = 5000;
const LONG = process.env.QKD_SOAK_OPS !== undefined;
const POOL = 8;

/** Operator pools for one run, keyed by subsystem dimension (2, 3) or pair dimension (4, 6). */
const arbPools = fc.record({
  gates: fc.record({
    2: fc.array(arbHaarUnitary(2), { minLength: POOL, maxLength: POOL }),
    3: fc.array(arbHaarUnitary(3), { minLength: POOL, maxLength: POOL }),
    4: fc.array(arbHaarUnitary(4), { minLength: POOL, maxLength: POOL }),
    6: fc.array(arbHaarUnitary(6), { minLength: POOL, maxLength: POOL }),
  }),
  channels: fc.record({
    2: fc.array(fc.integer({ min: 1, max: 4 }).chain((count) => arbKrausChannel(2, 2, { count })), { minLength: POOL, maxLength: POOL }),
    3: fc.array(fc.integer({ min: 1, max: 4 }).chain((count) => arbKrausChannel(3, 3, { count })), { minLength: POOL, maxLength: POOL }),
  }),
  povms: fc.record({
    2: fc.array(fc.integer({ min: 2, max: 4 }).chain((k) => arbPovm(2, k).map((e) => povm(e))), { minLength: POOL, maxLength: POOL }),
    3: fc.array(fc.integer({ min: 2, max: 4 }).chain((k) => arbPovm(3, k).map((e) => povm(e))), { minLength: POOL, maxLength: POOL }),
  }),
  fresh: fc.record({
    2: fc.array(arbDensityMatrix([2]), { minLength: POOL, maxLength: POOL }),
    3: fc.array(arbDensityMatrix([3]), { minLength: POOL, maxLength: POOL }),
  }),
  start: arbDensityMatrix([...DIMS]),
});
type Pools = typeof arbPools extends fc.Arbitrary<infer P> ? P : never;

const KINDS = ["gate1", "gate2", "channel", "measure", "partialTrace"] as const;
type Kind = (typeof KINDS)[number];

/** Worst deviations seen, and operation counts. */
interface Worst { hermiticity: number; trace: number; negativity: number; nonFinite: number; ops: number; byKind: Record<Kind, number> }

/** Apply the operation coded by `code` (kind, subsystems, pool index, outcome fraction from its bits). */
function step(rho: DensityMatrix, code: number, p: Pools): { rho: DensityMatrix; kind: Kind } {
  const kind = KINDS[code % KINDS.length];
  const q = (code >>> 3) % 3, q2 = (q + 1 + ((code >>> 5) & 1)) % 3, idx = (code >>> 6) % POOL;
  const d = DIMS[q] as 2 | 3;
  switch (kind) {
    case "gate1": return { rho: evolve(rho, p.gates[d][idx], [q]), kind };
    case "gate2": return { rho: evolve(rho, p.gates[(d * DIMS[q2]) as 4 | 6][idx], [q, q2]), kind };
    case "channel": return { rho: applyChannel(rho, p.channels[d][idx] as Channel, [q]), kind };
    case "measure": {
      const outcomes = measure(rho, p.povms[d][idx], [q]);
      let u = ((code >>> 9) & 0xffff) / 0x10000; // choose a branch with its probability
      const chosen = outcomes.find((o) => (u -= o.probability) < 0 && o.state !== null) ?? outcomes.find((o) => o.state !== null)!;
      return { rho: chosen.state!, kind };
    }
    case "partialTrace": {
      const reduced = traceOut(rho, [q]);
      const order = [0, 1].slice(0, q).concat([2], [0, 1].slice(q)); // fresh factor (last) back to position q
      return { rho: permute(tensor(reduced, p.fresh[d][idx]), order), kind };
    }
  }
}

function record(worst: Worst, m: CMatrix): void {
  if (hasNonFinite(m)) { worst.nonFinite++; return; }
  const [tr, ti] = trace(m);
  worst.hermiticity = Math.max(worst.hermiticity, hermiticityError(m));
  worst.trace = Math.max(worst.trace, Math.hypot(tr - 1, ti));
  worst.negativity = Math.max(worst.negativity, -eigvalsh(m)[0]);
}

const within = (w: Worst): boolean => w.nonFinite === 0 && w.hermiticity <= ATOL && w.trace <= ATOL && w.negativity <= PSD_ATOL;

test(`soak: ${TOTAL_OPS} generated operations keep the state valid after every step`, () => {
  const worst: Worst = { hermiticity: 0, trace: 0, negativity: -Infinity, nonFinite: 0, ops: 0, byKind: { gate1: 0, gate2: 0, channel: 0, measure: 0, partialTrace: 0 } };
  const perRun = Math.min(OPS_PER_RUN, TOTAL_OPS);
  const runs = Math.ceil(TOTAL_OPS / perRun);
  const seed = Number(process.env.QKD_SEED ?? 20240607);
  const t0 = performance.now();
  fc.assert(fc.property(arbPools, fc.array(fc.integer({ min: 0, max: 2 ** 31 - 1 }), { minLength: perRun, maxLength: perRun }), (pools, codes) => {
    let rho = pools.start;
    for (const code of codes) {
      const next = step(rho, code, pools);
      rho = next.rho;
      worst.ops++;
      worst.byKind[next.kind]++;
      record(worst, rho.matrix);
      if (!within(worst)) return false;
    }
    return true;
  }), { numRuns: runs, seed, endOnFailure: true });
  const seconds = (performance.now() - t0) / 1000;
  const summary = {
    ops: worst.ops, seconds: Number(seconds.toFixed(2)), opsPerSecond: Math.round(worst.ops / seconds), dims: DIMS, seed,
    worst: { hermiticity: worst.hermiticity, traceError: worst.trace, negativity: Math.max(0, worst.negativity), nonFinite: worst.nonFinite },
    tolerances: { ATOL, PSD_ATOL }, byKind: worst.byKind, date: new Date().toISOString(), node: process.version,
  };
  console.log(`soak: ${JSON.stringify(summary)}`);
  expect(worst.ops).toBeGreaterThanOrEqual(TOTAL_OPS);
  expect(Object.values(worst.byKind).every((n) => n > 0)).toBe(true);
  expect(worst.nonFinite).toBe(0);
  expect(worst.hermiticity).toBeLessThanOrEqual(ATOL);
  expect(worst.trace).toBeLessThanOrEqual(ATOL);
  expect(worst.negativity).toBeLessThanOrEqual(PSD_ATOL);
  if (LONG) writeFileSync(fileURLToPath(new URL("../../bench/soak-results.json", import.meta.url)), JSON.stringify(summary, null, 2) + "\n");
}, Math.max(120_000, TOTAL_OPS * 0.5));
