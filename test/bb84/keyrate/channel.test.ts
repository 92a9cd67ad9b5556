import { describe, expect, it } from "vitest";
import { binaryEntropy } from "../../../model/bb84/keyrate/entropy.js";
import { errorGain, gain, qber, transmittance, validateChannel } from "../../../model/bb84/keyrate/channel.js";
import { infiniteDecoyInputs } from "../../../model/bb84/keyrate/decoy.js";
import { gys, channelPreset } from "../../../model/bb84/keyrate/presets.js";

/** Poisson-weighted sums over photon numbers, truncated when terms vanish. */
function photonSum(mu: number, term: (n: number) => number): number {
  let s = 0;
  let p = Math.exp(-mu);
  for (let n = 0; n < 200; n++) {
    s += p * term(n);
    p *= mu / (n + 1);
  }
  return s;
}

describe("binary entropy", () => {
  it("matches its definition and symmetry", () => {
    expect(binaryEntropy(0)).toBe(0);
    expect(binaryEntropy(1)).toBe(0);
    expect(binaryEntropy(0.5)).toBe(1);
    expect(binaryEntropy(0.11)).toBeCloseTo(-0.11 * Math.log2(0.11) - 0.89 * Math.log2(0.89), 14);
    expect(binaryEntropy(0.3)).toBeCloseTo(binaryEntropy(0.7), 14);
    expect(() => binaryEntropy(1.2)).toThrow(/binaryEntropy: p must be in \[0, 1\], got 1.2/);
  });
});

describe("channel model (Ma-Qi-Zhao-Lo 2005)", () => {
  it("eta = eta_Bob 10^(-alpha L/10)", () => {
    expect(transmittance(gys, 0)).toBe(0.045);
    expect(transmittance(gys, 100)).toBeCloseTo(0.045 * 10 ** -2.1, 15);
  });

  it("Q_mu and E_mu Q_mu are the Poisson sums of the n-photon yields Y_n = Y0 + 1 - (1 - eta)^n", () => {
    for (const L of [0, 37, 120]) {
      const eta = transmittance(gys, L);
      const Yn = (n: number) => gys.darkCountYield + 1 - (1 - eta) ** n;
      const eYn = (n: number) => gys.eDark * gys.darkCountYield + gys.eDetector * (1 - (1 - eta) ** n);
      expect(gain(gys, L, 0.48)).toBeCloseTo(photonSum(0.48, Yn), 15);
      expect(errorGain(gys, L, 0.48)).toBeCloseTo(photonSum(0.48, eYn), 15);
      const inf = infiniteDecoyInputs(gys, L, 0.48);
      expect(inf.Y1).toBeCloseTo(Yn(1), 15);
      expect(inf.e1 * inf.Y1).toBeCloseTo(eYn(1), 15);
      expect(qber(gys, L, 0.48)).toBeGreaterThanOrEqual(gys.eDetector);
    }
  });

  it("QBER never decreases with distance (used by the paper-claims audit)", () => {
    let previous = 0;
    for (let L = 0; L <= 200; L += 5) {
      const e = qber(gys, L, 0.5);
      expect(e).toBeGreaterThanOrEqual(previous);
      previous = e;
    }
  });

  it("validation names the field", () => {
    expect(() => validateChannel({ ...gys, eDetector: 1.2 })).toThrow("channel.eDetector must be in [0, 1], got 1.2");
    expect(() => validateChannel({ ...gys, darkCountYield: -1 })).toThrow(/darkCountYield/);
    expect(() => validateChannel({ ...gys, fEC: 0.9 })).toThrow(/fEC must be a finite number >= 1/);
    expect(() => transmittance(gys, -3)).toThrow("distanceKm must be a finite number >= 0, got -3");
    expect(() => gain(gys, 10, 0)).toThrow(/mu must be a finite number > 0/);
    expect(() => channelPreset("nope")).toThrow(/unknown preset "nope"; known: gys/);
  });
});
