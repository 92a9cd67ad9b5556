import { describe, expect, it } from "vitest";
import { kernel } from "../../index.js";
import {
  authenticationRoundCircuit,
  bb84RoundCircuit,
  circuitQasm,
  circuitSvg,
  finalStateProbabilities,
  probabilityOfOne,
  protocolCircuitSpecs,
  renderCircuit,
} from "../../reports/circuits/index.js";
import { RENDERED_PROTOCOL_CIRCUITS } from "../../reports/circuits/rendered.generated.js";

const bits = [0, 1] as const;
const F = 2;

describe("authentication round (docs/protocol/05-authentication.md), simulated with quantum-circuit", () => {
  it("parity variant: the honest round measures f = K1 XOR K2 with probability 1, s and m stay a Bell pair", () => {
    for (const k1 of bits)
      for (const k2 of bits) {
        const spec = authenticationRoundCircuit("parity");
        const expected = k1 ^ k2;
        expect(probabilityOfOne(spec, { k1, k2 }, F)).toBeCloseTo(expected, 12);
        // (|00> + |11>)/sqrt 2 on s, m, with f = parity: keys "f m s"
        const probabilities = finalStateProbabilities(spec, { k1, k2 });
        expect(Object.keys(probabilities).sort()).toEqual([`${expected}00`, `${expected}11`]);
        for (const p of Object.values(probabilities)) expect(p).toBeCloseTo(0.5, 12);
      }
  });

  it("basis-encoded variant: measured in the basis K1 selects, f reads K2 with probability 1", () => {
    for (const k1 of bits)
      for (const k2 of bits) {
        expect(probabilityOfOne(authenticationRoundCircuit("basis-encoded"), { k1, k2 }, F)).toBeCloseTo(k2, 12);
      }
  });

  it("without the KDC's CNOT the parity round is a fair coin (the check depends on the entanglement)", () => {
    const spec = authenticationRoundCircuit("parity");
    const withoutKdcCnot = { ...spec, steps: spec.steps.filter((s) => s.note !== "KDC: CNOT s -> f (eq. 11)") };
    expect(withoutKdcCnot.steps.length).toBe(spec.steps.length - 1);
    expect(probabilityOfOne(withoutKdcCnot, { k1: 0, k2: 0 }, F)).toBeCloseTo(0.5, 12);
  });
});

describe("BB84 round (docs/protocol/02-bb84-private-keys.md), simulated with quantum-circuit", () => {
  it("equal bases read the bit with probability 1; different bases give a fair coin", () => {
    for (const bit of bits)
      for (const basis of bits)
        for (const rbasis of bits) {
          const p1 = probabilityOfOne(bb84RoundCircuit(), { bit, basis, rbasis }, 0);
          expect(p1).toBeCloseTo(basis === rbasis ? bit : 0.5, 12);
        }
  });
});

describe("circuit export", () => {
  it("draws every protocol circuit as deterministic, labelled SVG without ids", () => {
    for (const spec of protocolCircuitSpecs()) {
      const svg = circuitSvg(spec);
      expect(svg).toBe(circuitSvg(spec));
      expect(svg.startsWith("<svg ")).toBe(true);
      expect(svg).toMatch(/viewBox="0 0 \d+ \d+"/);
      expect(svg).not.toMatch(/ id="/);
      expect(svg).not.toContain("undefined");
      for (const label of spec.wires) expect(svg).toContain(`>${label}</text>`);
    }
  });

  it("the drawings the report shows (rendered.generated.ts) are what quantum-circuit draws now; else run npm run circuits", () => {
    const specs = protocolCircuitSpecs();
    expect(RENDERED_PROTOCOL_CIRCUITS.map((d) => d.id)).toEqual(specs.map((s) => s.id));
    for (const spec of specs) {
      const { svg, qasm } = renderCircuit(spec);
      expect(RENDERED_PROTOCOL_CIRCUITS.find((d) => d.id === spec.id)).toEqual({ id: spec.id, svg, qasm });
    }
  });

  it("exports OpenQASM 2.0 with the key bits as classical conditions", () => {
    const qasm = circuitQasm(authenticationRoundCircuit("parity"));
    expect(qasm).toContain("OPENQASM 2.0;");
    expect(qasm).toContain("qreg q[3];");
    expect(qasm).toContain("if(k1==1) x q[2];");
    expect(qasm).toContain("if(k2==1) x q[2];");
    expect(qasm).toContain("cx q[1], q[2];");
    expect(qasm).toContain("cx q[0], q[2];");
    expect(qasm).toContain("measure q[2] -> r[0];");
    expect(circuitQasm(bb84RoundCircuit())).toContain("if(rbasis==1) h q[0];");
  });
});

describe("bit order of the circuit drawings (the report's Protocols section states it)", () => {
  it("wire 0 is the least significant bit in quantum-circuit, the reverse of the kernel's subsystem order", () => {
    const spec = {
      id: "order",
      title: "X on wire 0",
      caption: "",
      wires: ["q0", "q1", "q2"],
      cregs: [],
      steps: [{ kind: "gate" as const, gate: "x", wires: [0], note: "X on wire 0" }],
    };
    // quantum-circuit (Qiskit order): index 1, bit string "001" with wire 0 rightmost
    expect(finalStateProbabilities(spec, {})).toEqual({ "001": 1 });
    expect(probabilityOfOne(spec, {}, 0)).toBe(1);
    // the kernel (Nielsen & Chuang order): X on subsystem 0 of |000> gives index 4, "100"
    const rho = kernel.evolve(kernel.densityOf(kernel.bitsKet("000")), kernel.X, [0]);
    expect(kernel.probabilities(rho)[4]).toBeCloseTo(1, 12);
  });
});
