/**
 * Random pure-state circuits (H, X, Z, S, T, rx, ry, rz, CNOT on 2..4 qubits) simulated by the
 * kernel agree with the quantum-circuit package's state vector, both on kets (evolveKet) and on
 * density matrices (evolve). quantum-circuit is little-endian (wire 0 is the least significant
 * bit of the state index, checked on a basis state below), so its index is bit-reversed into
 * ours. Negative control: reading its index without the reversal is falsified.
 */
import { describe, expect, test } from "vitest";
import * as fc from "fast-check";
import { createRequire } from "node:module";
import {
  ATOL, CNOT, H, S_GATE, T_GATE, X, Z, bitsKet, evolve, evolveKet, pure, rx, ry, rz, type CMatrix,
} from "../../model/kernel/index.js";
import { params } from "./support/runs.js";
import { expectFalsified } from "./support/controls.js";

interface QcComplex { readonly re: number; readonly im: number }
interface QuantumCircuitInstance {
  addGate(name: string, column: number, wires: number | number[], options?: { params: Record<string, number> }): void;
  run(): void;
  readonly state: Record<string, QcComplex | undefined>;
}
type QuantumCircuitCtor = new (qubits: number) => QuantumCircuitInstance;
const QuantumCircuit = createRequire(import.meta.url)("quantum-circuit") as QuantumCircuitCtor;

type Gate =
  | { readonly name: "h" | "x" | "z" | "s" | "t"; readonly q: number }
  | { readonly name: "rx" | "ry" | "rz"; readonly q: number; readonly angle: number }
  | { readonly name: "cx"; readonly c: number; readonly t: number };

const arbGate = (n: number): fc.Arbitrary<Gate> => fc.oneof(
  fc.record({ name: fc.constantFrom("h" as const, "x" as const, "z" as const, "s" as const, "t" as const), q: fc.integer({ min: 0, max: n - 1 }) }),
  fc.record({ name: fc.constantFrom("rx" as const, "ry" as const, "rz" as const), q: fc.integer({ min: 0, max: n - 1 }), angle: fc.double({ min: -2 * Math.PI, max: 2 * Math.PI, noNaN: true }) }),
  fc.shuffledSubarray(Array.from({ length: n }, (_, i) => i), { minLength: 2, maxLength: 2 }).map(([c, t]) => ({ name: "cx" as const, c, t })),
);
const arbCircuit = fc.integer({ min: 2, max: 4 }).chain((n) => fc.record({ n: fc.constant(n), gates: fc.array(arbGate(n), { minLength: 1, maxLength: 20 }) }));

const fixed: Record<"h" | "x" | "z" | "s" | "t", CMatrix> = { h: H, x: X, z: Z, s: S_GATE, t: T_GATE };
const rotation = { rx, ry, rz };
const ourGate = (g: Gate): [CMatrix, number[]] =>
  g.name === "cx" ? [CNOT, [g.c, g.t]] : g.name === "rx" || g.name === "ry" || g.name === "rz" ? [rotation[g.name](g.angle), [g.q]] : [fixed[g.name], [g.q]];

/** quantum-circuit's final state as interleaved (re, im), in its own (little-endian) index order. */
function theirState(n: number, gates: readonly Gate[]): Float64Array {
  const qc = new QuantumCircuit(n);
  for (const g of gates) {
    if (g.name === "cx") qc.addGate("cx", -1, [g.c, g.t]);
    else if (g.name === "rz") qc.addGate("rz", -1, g.q, { params: { phi: g.angle } });
    else if (g.name === "rx" || g.name === "ry") qc.addGate(g.name, -1, g.q, { params: { theta: g.angle } });
    else qc.addGate(g.name, -1, g.q);
  }
  qc.run();
  const out = new Float64Array(2 ** (n + 1));
  for (let i = 0; i < 2 ** n; i++) {
    const a = qc.state[String(i)];
    if (a) { out[2 * i] = a.re; out[2 * i + 1] = a.im; }
  }
  return out;
}

const reverseBits = (i: number, n: number): number => parseInt(i.toString(2).padStart(n, "0").split("").reverse().join(""), 2);
type IndexMap = (i: number, n: number) => number;

const agrees = (theirIndex: IndexMap) => fc.property(arbCircuit, ({ n, gates }) => {
  let psi = bitsKet("0".repeat(n));
  for (const g of gates) psi = evolveKet(psi, ...ourGate(g));
  const theirs = theirState(n, gates);
  for (let i = 0; i < 2 ** n; i++) {
    const j = theirIndex(i, n);
    if (Math.hypot(psi.vector.data[2 * i] - theirs[2 * j], psi.vector.data[2 * i + 1] - theirs[2 * j + 1]) > ATOL) return false;
  }
  return true;
});

describe("kernel vs quantum-circuit", () => {
  test("qubit order of quantum-circuit: X on wire 0 of |00> gives its index 1 (ours: index 2)", () => {
    const theirs = theirState(2, [{ name: "x", q: 0 }]);
    expect(Array.from(theirs)).toEqual([0, 0, 1, 0, 0, 0, 0, 0]);
    expect(evolveKet(bitsKet("00"), X, [0]).vector.data[4]).toBe(1);
  });
  test("random circuits on 2..4 qubits: same state vector (evolveKet)", () => {
    fc.assert(agrees(reverseBits), params(60));
  });
  test("random circuits: evolve on |0..0><0..0| gives |psi><psi| of quantum-circuit's state", () => {
    fc.assert(fc.property(arbCircuit, ({ n, gates }) => {
      let rho = pure(bitsKet("0".repeat(n)));
      for (const g of gates) rho = evolve(rho, ...ourGate(g));
      const theirs = theirState(n, gates), D = 2 ** n;
      for (let i = 0; i < D; i++) for (let j = 0; j < D; j++) {
        const a = reverseBits(i, n), b = reverseBits(j, n);
        const re = theirs[2 * a] * theirs[2 * b] + theirs[2 * a + 1] * theirs[2 * b + 1];
        const im = theirs[2 * a + 1] * theirs[2 * b] - theirs[2 * a] * theirs[2 * b + 1];
        if (Math.hypot(rho.matrix.data[2 * (i * D + j)] - re, rho.matrix.data[2 * (i * D + j) + 1] - im) > ATOL) return false;
      }
      return true;
    }), params(40));
  });
});

describe("negative control", () => {
  test("reading quantum-circuit's index without the bit reversal is falsified", () => {
    expectFalsified(fc.check(agrees((i) => i), params(60)));
  });
});
