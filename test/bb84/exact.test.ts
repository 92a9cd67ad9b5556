import { describe, expect, test } from "vitest";
import * as fc from "fast-check";
import {
  applyChannel, binaryEntropy, densityOf, depolarizing, evolve, holevo, measureInBasis, H, identity, kron, matrix,
  qubitKet, tensor, traceOut, basisKet, pure, probabilities,
} from "../../model/kernel/index.js";
import { pulseStatistics } from "../../model/bb84/exact.js";
import { outcomeTable } from "../../model/bb84/outcomeTable.js";
import { IDEAL_LINK, linkSetup } from "../../model/bb84/setup.js";
import { haarUnitaryFromUniforms, probe } from "../../model/bb84/probes.js";
import { INTERCEPT_BASES } from "../../model/bb84/adversary.js";

const runs = Number(process.env.QKD_RUNS ?? 30);

describe("exact per-pulse statistics", () => {
  test("no eavesdropper on the ideal link: QBER 0, Eve knows nothing", () => {
    const s = pulseStatistics(IDEAL_LINK, { kind: "none" });
    expect(s.qberByBasis).toEqual([0, 0]);
    expect(s.holevoByBasis).toEqual([0, 0]);
    expect(s.clickByBasis[0]).toBeCloseTo(1, 14);
  });

  test.each(INTERCEPT_BASES)("intercept-resend in %s: mean QBER f/4", (basis) => {
    for (const f of [0, 0.3, 1]) {
      const s = pulseStatistics(IDEAL_LINK, { kind: "intercept-resend", fraction: f, basis });
      expect((s.qberByBasis[0] + s.qberByBasis[1]) / 2).toBeCloseTo(f / 4, 12);
    }
  });

  test("full intercept-resend: Z basis gives e_Z = 0, e_X = 1/2; Eve's information 1 and 0", () => {
    const s = pulseStatistics(IDEAL_LINK, { kind: "intercept-resend", fraction: 1, basis: "Z" });
    expect(s.qberByBasis[0]).toBeCloseTo(0, 14);
    expect(s.qberByBasis[1]).toBeCloseTo(0.5, 14);
    expect(s.holevoByBasis[0]).toBeCloseTo(1, 12);
    expect(s.holevoByBasis[1]).toBeCloseTo(0, 12);
    expect(s.eveMutualInformationByBasis[0]).toBeCloseTo(1, 12);
  });

  test("random-basis intercept-resend: Eve's information 1/2 per sifted bit (classical record: chi = I)", () => {
    const s = pulseStatistics(IDEAL_LINK, { kind: "intercept-resend", fraction: 1, basis: "random" });
    expect(s.holevoByBasis[0]).toBeCloseTo(0.5, 12);
    expect(s.eveMutualInformationByBasis[0]).toBeCloseTo(0.5, 12);
  });

  test("Breidbart intercept-resend: Eve guesses with cos^2(pi/8), information 1 - h(cos^2(pi/8))", () => {
    const s = pulseStatistics(IDEAL_LINK, { kind: "intercept-resend", fraction: 1, basis: "breidbart" });
    const p = Math.cos(Math.PI / 8) ** 2;
    expect(s.eveGuessByBasis[0]).toBeCloseTo(p, 12);
    expect(s.holevoByBasis[0]).toBeCloseTo(1 - binaryEntropy(p), 12);
  });

  test("phase-covariant cloner: error D in both bases, chi = h(D) (saturates the bound)", () => {
    for (const D of [0.01, 0.05, 0.11, 0.25]) {
      const s = pulseStatistics(IDEAL_LINK, { kind: "cloner", disturbance: D });
      expect(s.qberByBasis[0]).toBeCloseTo(D, 12);
      expect(s.qberByBasis[1]).toBeCloseTo(D, 12);
      expect(s.holevoByBasis[0]).toBeCloseTo(binaryEntropy(D), 10);
      // Fuchs et al. 1997 optimal individual attack: guess 1/2 + sqrt(D(1-D))
      expect(s.eveGuessByBasis[0]).toBeCloseTo(0.5 + Math.sqrt(D * (1 - D)), 10);
    }
  });

  test("outcome table rows sum to 1", () => {
    const table = outcomeTable(linkSetup({ darkCountProbability: 0.01, detectorEfficiency: 0.3 }), { kind: "cloner", disturbance: 0.1 });
    for (let c = 0; c < 8; c++) {
      let t = 0;
      for (let k = 0; k < 6; k++) t += table[6 * c + k];
      expect(t).toBeCloseTo(1, 12);
    }
  });

  test("depolarizing noise p gives QBER p/2; dephasing only X errors; misalignment both", () => {
    const dep = pulseStatistics(linkSetup({ depolarizing: 0.1 }), { kind: "none" });
    expect(dep.qberByBasis[0]).toBeCloseTo(0.05, 14);
    const deph = pulseStatistics(linkSetup({ dephasing: 0.1 }), { kind: "none" });
    expect(deph.qberByBasis).toEqual([0, expect.closeTo(0.1, 14)]);
    const mis = pulseStatistics(linkSetup({ misalignment: 0.02 }), { kind: "none" });
    expect(mis.qberByBasis[0]).toBeCloseTo(0.02, 14);
    expect(mis.qberByBasis[1]).toBeCloseTo(0.02, 14);
  });

  test("dark counts on a lossy link: QBER = (e_d eta-part + pd-part) / click rate", () => {
    const link = linkSetup({ detectorEfficiency: 0.1, darkCountProbability: 1e-3 });
    const s = pulseStatistics(link, { kind: "none" });
    const pd = 1e-3, t = 0.1;
    const click = t + (1 - t) * (1 - (1 - pd) ** 2);
    const errors = t * pd / 2 + (1 - t) * (pd * (1 - pd) + pd * pd / 2);
    expect(s.clickByBasis[0]).toBeCloseTo(click, 14);
    expect(s.qberByBasis[0]).toBeCloseTo(errors / click, 12);
  });

  test("agrees with the kernel pipeline (evolve, applyChannel, measure, traceOut, holevo) on Haar probes", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 0.999, noNaN: true }), { minLength: 128, maxLength: 128 }), fc.double({ min: 0, max: 0.3, noNaN: true }), (u, p) => {
        const dE = 4, d = 8;
        const U = haarUnitaryFromUniforms(u, d);
        const link = linkSetup({ depolarizing: p });
        const fast = pulseStatistics(link, probe(dE, U, "haar"));
        const Um = { rows: d, cols: d, data: Float64Array.from(U) };
        for (const a of [0, 1] as const) {
          const basis = a === 0 ? identity(2) : H;
          const ensemble: [number, ReturnType<typeof pure>][] = [];
          let errors = 0;
          for (const x of [0, 1]) {
            const psi = densityOf(qubitKet(a === 0 ? (x === 0 ? "0" : "1") : x === 0 ? "+" : "-"));
            let rho = tensor(psi, pure(basisKet(0, [dE])));
            rho = evolve(rho, Um, [0, 1]);
            rho = applyChannel(rho, depolarizing(p), [0]);
            const outcomes = measureInBasis(rho, basis, [0]);
            errors += outcomes[1 - x].probability / 2;
            ensemble.push([0.5, traceOut(rho, [0])]);
          }
          expect(fast.qberByBasis[a]).toBeCloseTo(errors, 10);
          expect(fast.holevoByBasis[a]).toBeCloseTo(holevo(ensemble), 8);
        }
      }),
      { numRuns: Math.max(5, Math.floor(runs / 3)), seed: 11 },
    );
  });
});
