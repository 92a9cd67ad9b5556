import { describe, expect, test } from "vitest";
import {
  bitsKet, bellKet, CNOT, densityOf, evolve, evolveKet, get, keepSubsystems, measureComputational,
  probabilities, traceOut, vonNeumannEntropy, X, H, qubitKet, fidelity, traceDistance, expectation, Z,
  applyChannel, erasure, depolarizing, mutualInformation, tensor, maximallyMixed, permute, holevo,
} from "../../model/kernel/index.js";

describe("qubit ordering convention (model/kernel/index.ts)", () => {
  test("|01> has its amplitude at index 1: qubit 0 is the most significant digit", () => {
    const psi = bitsKet("01");
    expect(get(psi.vector, 1, 0)).toEqual([1, 0]);
    expect(get(psi.vector, 2, 0)).toEqual([0, 0]);
  });
  test("X on qubit 0 maps |00> to |10> (index 2)", () => {
    const out = evolveKet(bitsKet("00"), X, [0]);
    expect(get(out.vector, 2, 0)[0]).toBeCloseTo(1, 12);
  });
  test("CNOT on [0, 1] uses qubit 0 as control; on [1, 0] qubit 1", () => {
    expect(get(evolveKet(bitsKet("10"), CNOT, [0, 1]).vector, 3, 0)[0]).toBeCloseTo(1, 12);
    expect(get(evolveKet(bitsKet("10"), CNOT, [1, 0]).vector, 2, 0)[0]).toBeCloseTo(1, 12);
    expect(get(evolveKet(bitsKet("01"), CNOT, [1, 0]).vector, 3, 0)[0]).toBeCloseTo(1, 12);
  });
  test("negative control: the little-endian reading would put |01> at index 2, and it does not", () => {
    expect(get(bitsKet("01").vector, 2, 0)).not.toEqual([1, 0]);
  });
});

describe("kernel smoke", () => {
  test("EPR pair: reduced state maximally mixed, entropy 1, mutual information 2", () => {
    const rho = densityOf(bellKet("phi+"));
    expect(vonNeumannEntropy(traceOut(rho, [1]))).toBeCloseTo(1, 10);
    expect(vonNeumannEntropy(keepSubsystems(rho, [0]))).toBeCloseTo(1, 10);
    expect(mutualInformation(rho, [0], [1])).toBeCloseTo(2, 10);
  });
  test("H then CNOT makes the EPR pair (eq. 8)", () => {
    const rho = evolve(evolve(densityOf(bitsKet("00")), H, [0]), CNOT, [0, 1]);
    expect(fidelity(rho, densityOf(bellKet("phi+")))).toBeCloseTo(1, 10);
  });
  test("measurement, distances, expectation", () => {
    const plus = densityOf(qubitKet("+"));
    const out = measureComputational(plus, [0]);
    expect(out.map((o) => o.probability)).toEqual([expect.closeTo(0.5, 12), expect.closeTo(0.5, 12)]);
    expect(traceDistance(densityOf(qubitKet("0")), densityOf(qubitKet("1")))).toBeCloseTo(1, 12);
    expect(fidelity(densityOf(qubitKet("0")), plus)).toBeCloseTo(0.5, 10);
    expect(expectation(densityOf(qubitKet("1")), Z, [0])).toBeCloseTo(-1, 12);
    expect(Array.from(probabilities(densityOf(bitsKet("10")), [0]))).toEqual([0, 1]);
  });
  test("erasure changes dims to 3; depolarizing(1) gives I/2", () => {
    const e = applyChannel(densityOf(qubitKet("0")), erasure(0.25), [0]);
    expect(e.dims).toEqual([3]);
    expect(Array.from(probabilities(e))).toEqual([expect.closeTo(0.75, 12), 0, expect.closeTo(0.25, 12)]);
    const d = applyChannel(tensor(densityOf(qubitKet("0")), densityOf(qubitKet("1"))), depolarizing(1), [1]);
    expect(traceDistance(keepSubsystems(d, [1]), maximallyMixed())).toBeCloseTo(0, 12);
  });
  test("permute swaps factors; Holevo of {|0>,|1>} is 1 and of {|0>,|+>} below 1", () => {
    const r = permute(densityOf(bitsKet("01")), [1, 0]);
    expect(Array.from(probabilities(r))).toEqual([0, 0, 1, 0]);
    expect(holevo([[0.5, densityOf(qubitKet("0"))], [0.5, densityOf(qubitKet("1"))]])).toBeCloseTo(1, 10);
    const chi = holevo([[0.5, densityOf(qubitKet("0"))], [0.5, densityOf(qubitKet("+"))]]);
    expect(chi).toBeCloseTo(0.6009, 3);
  });
});
