/**
 * Published numbers reproduced, each with its source beside the assertion.
 *
 * Tomamichel, Lim, Gisin, Renner, Nat. Commun. 3, 634 (2012), Table II: optimised protocols for a
 * security rate ε/ℓ = 10^-14, expected key rate r = (1 − ε_rob) ℓ / M(n, k) with
 * M(n, k) = n/p_x² (both parties pick the key basis with probability p_x; k = n (1/p_x − 1)²).
 * Inputs taken from the table: n, Q, Q_tol, ε_rob and the basis probability column (printed "p_x",
 * 12.5 % and 13.7 % at n = 10^6: read as the *test* basis probability, since the protocol's
 * p_x = (1 + sqrt(k/n))^-1 >= 1/2 for k <= n). The leakage that reproduces the table is
 * leak_EC = 1.1 n h(Q) (the text says h(Q_tol); with h(Q_tol) the rates come out ~8 % lower).
 * ε split ε_sec = ε_cor = ε/2. Reproduced to the printed digits at n = 10^6 only: at n = 10^5 this
 * reading gives 31.3 % and 22.3 % (printed 30.4, 21.5) and at n = 10^4 13.8 % and 8.5 % (printed
 * 11.7, 6.8), so the table's small-n optimisation uses something we could not recover.
 *
 * Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307 (2014) print their results as curves (Fig. 1)
 * and a table of experimental parameters, not as numbers of key rate; no published rate value is
 * asserted here (see the issue note).
 */
import { describe, expect, it } from "vitest";
import { tomamichelKeyLength } from "../../../model/bb84/postprocessing/finiteKey.js";
import { binaryEntropy } from "../../../model/bb84/keyrate/entropy.js";

interface TableRow { readonly n: number; readonly q: number; readonly testBasisPercent: number; readonly qTolPercent: number; readonly robPercent: number }

/** r (in %) of Table II's protocol at a security rate ε/ℓ = 10^-14 (fixed point in ℓ). */
function expectedKeyRate(row: TableRow): { r: number; rRel: number } {
  const px = 1 - row.testBasisPercent / 100;
  const k = row.n * (1 / px - 1) ** 2;
  let l = row.n / 2;
  for (let i = 0; i < 60; i++) {
    const eps = 1e-14 * l;
    l = tomamichelKeyLength({ n: row.n, k, qTol: row.qTolPercent / 100, leakEC: 1.1 * row.n * binaryEntropy(row.q), epsilonSec: eps / 2, epsilonCor: eps / 2 });
  }
  const r = ((1 - row.robPercent / 100) * l) / (row.n / (px * px));
  return { r: 100 * r, rRel: (100 * r) / (1 - 2 * binaryEntropy(row.q)) };
}

describe("Tomamichel et al. (2012), Table II, n = 10^6", () => {
  it("Q = 1.0 %, p 12.5 %, Q_tol 1.73 %, ε_rob 0.6 %: r = 47.8 %, r_rel = 57.1 % (Table II, row n = 10^6)", () => {
    const { r, rRel } = expectedKeyRate({ n: 1e6, q: 0.01, testBasisPercent: 12.5, qTolPercent: 1.73, robPercent: 0.6 });
    expect(r.toFixed(1)).toBe("47.8");
    // printed 57.1; our r (47.82 %) gives 57.04, and even the printed 47.8 / (1 − 2h(1 %)) is 57.01: the last digit differs by < 0.1
    expect(Math.abs(rRel - 57.1)).toBeLessThan(0.1);
  });
  it("Q = 2.5 %, p 13.7 %, Q_tol 3.21 %, ε_rob 0.7 %: r = 35.7 %, r_rel = 53.9 % (Table II, row n = 10^6)", () => {
    const { r, rRel } = expectedKeyRate({ n: 1e6, q: 0.025, testBasisPercent: 13.7, qTolPercent: 3.21, robPercent: 0.7 });
    expect(r.toFixed(1)).toBe("35.7");
    expect(rRel.toFixed(1)).toBe("53.9");
  });
  it("asymptotic limit quoted in the text: r_max(Q) = 1 − 2h(Q) (Discussion), e.g. 83.8 % at Q = 1 %", () => {
    expect((100 * (1 - 2 * binaryEntropy(0.01))).toFixed(1)).toBe("83.8");
  });
});
