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
 * 11.7, 6.8).
 *
 * The paper's own words (arXiv:1103.4130, Discussion, before Table II): "we assume an error
 * correction leakage of leak_EC = ξ n h(Q_tol) with ξ = 1.1", ε_rob "by the probability that the
 * measured security parameter exceeds Q_tol", optimised over all ε-secure protocols at ε/ℓ = 10^-14.
 * Taking that literally (leak at Q_tol) and optimising k: the rate-optimal test-basis probability
 * matches the printed basis column in all six rows within 0.7 points (which settles what the column
 * is), but every rate comes out 8-13 % BELOW the printed one, and no single ξ fits all rows (the ξ
 * that hits each printed r spans 0.69-1.02). So the table cannot be recovered from the text: the
 * h(Q) reading is the only one that reproduces any row, and only at n = 10^6 (asserted below as
 * "what differs").
 *
 * Also searched by hand while writing this file (a record, not re-run by a test), none reproducing the four small-n rows to the printed digit (max. deviation over the
 * six rows in brackets): μ with ln(1/ε), ln(2/ε) or ln(4/ε) (the arXiv text prints ln(4/ε_sec) in
 * eq. 2 and ln(4/ε) in S4, ln(1/ε) in S15); the penalty log2(2/(ε_sec² ε_cor)), log2(2/(ε_sec ε_cor))
 * or (S3)'s 2 log2(1/(2ε̃)) + log2(2/ε_cor) with 2ε + ε̃ = ε_sec; ε_sec/ε_cor and ε/ε̃ split equally or
 * optimised on a 1/40 grid; ξ from 0.9 to 1.3 at h(Q) or h(Q_tol); a free factor on μ² (best 1.0
 * points); the denominator ℓ/M, ℓ/(n+k) or ℓ/n; the basis column read as ν = k/(n+k). The closest
 * single reading takes Table II's n as the sifted total n_key + k (Fig. 2's N) [0.5 points], and the
 * printed ε_rob supports k = n (p_z/p_x)² (its exponent is nearly constant over n only with that k).
 * Measured below; what would reconcile the small-n rows is a test sample 0.56-0.61 (n = 10^4) and
 * 0.84-0.86 (10^5) of the column's size in μ, which no convention in the text gives.
 *
 * Lim, Curty, Walenta, Xu, Zbinden, PRA 89, 022307 (2014) print their results as curves (Fig. 1)
 * plus two numbers in the text (Sec. IV): "at a fiber length of 100 km, the secret key rate obtained
 * with n_X = 10^9 is about 1.75 times the one based on n_X = 10^7" and "even if we use a block size of
 * 10^4, cryptographic keys can still be distributed over a fiber length of 135 km", for their own
 * detector model (η_Bob 10 %, p_dc 6e-7, after-pulses 4e-2, e_mis 5e-3, f_EC 1.16, κ = ε_sec/ℓ =
 * 1e-15). Evaluated with that model (below): the ratio comes out 1.71 (printed "about 1.75"), and the key at n_X = 10^4 ends at ~128 km
 * (printed: 135 km), found with q_x free and p_1 ≈ 0.04 (a search restricted to q_x >= 1/2 and
 * p_1 >= 0.2 finds none, which an earlier version of this file took for "no key at 10^4"). Neither
 * is reproduced to the printed digits; the paper prints no other number, and no later tabulation of
 * Lim's bound was found.
 */
import { describe, expect, it } from "vitest";
import { tomamichelKeyLength } from "../../../model/bb84/postprocessing/finiteKey.js";
import { binaryEntropy } from "../../../model/bb84/keyrate/entropy.js";
import { limKeyLength, type DecoyIntensities } from "../../../model/bb84/keyrate/index.js";
import { nelderMead } from "../../../model/bb84/keyrate/optimize.js";

interface TableRow { readonly n: number; readonly q: number; readonly testBasisPercent: number; readonly qTolPercent: number; readonly robPercent: number }

/** Which error rate the leakage 1.1 n h(·) is charged at. */
type LeakAt = "Q" | "Qtol";

/**
 * r (in %) of Table II's protocol at a security rate ε/ℓ = 10^-14 (fixed point in ℓ), for k test bits;
 * M = n/p_x² with the protocol's p_x = (1 + sqrt(k/n))^-1 unless `px` is given.
 */
function keyRateWithK(row: TableRow, k: number, leakAt: LeakAt, px = 1 / (1 + Math.sqrt(k / row.n))): number {
  const leakEC = 1.1 * row.n * binaryEntropy(leakAt === "Q" ? row.q : row.qTolPercent / 100);
  let l = row.n / 2;
  for (let i = 0; i < 60; i++) {
    const eps = 1e-14 * Math.max(1, l);
    l = tomamichelKeyLength({ n: row.n, k, qTol: row.qTolPercent / 100, leakEC, epsilonSec: eps / 2, epsilonCor: eps / 2 });
  }
  return (100 * (1 - row.robPercent / 100) * Math.max(0, l)) / (row.n / (px * px));
}

/** k from the printed basis column read as the test-basis probability: k = n (p_z / p_x)². */
const printedK = (row: TableRow) => row.n * (row.testBasisPercent / (100 - row.testBasisPercent)) ** 2;

/** r (in %) of Table II's protocol at the printed basis probability, leak at Q. */
function expectedKeyRate(row: TableRow): { r: number; rRel: number } {
  const r = keyRateWithK(row, printedK(row), "Q");
  return { r, rRel: r / (1 - 2 * binaryEntropy(row.q)) };
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

/** All six rows of Table II: n, Q, printed r, printed basis column, Q_tol, ε_rob (all in %). */
const TABLE_II: readonly (TableRow & { readonly printedR: number })[] = [
  { n: 1e4, q: 0.01, printedR: 11.7, testBasisPercent: 38.2, qTolPercent: 2.48, robPercent: 2.3 },
  { n: 1e4, q: 0.025, printedR: 6.8, testBasisPercent: 43.0, qTolPercent: 3.78, robPercent: 3.0 },
  { n: 1e5, q: 0.01, printedR: 30.4, testBasisPercent: 22.0, qTolPercent: 2.14, robPercent: 0.8 },
  { n: 1e5, q: 0.025, printedR: 21.5, testBasisPercent: 23.3, qTolPercent: 3.58, robPercent: 1.0 },
  { n: 1e6, q: 0.01, printedR: 47.8, testBasisPercent: 12.5, qTolPercent: 1.73, robPercent: 0.6 },
  { n: 1e6, q: 0.025, printedR: 35.7, testBasisPercent: 13.7, qTolPercent: 3.21, robPercent: 0.7 },
];

/** The k that maximises r for a row (log grid, step 10^0.002), and r there. */
function optimiseK(row: TableRow, leakAt: LeakAt): { k: number; r: number } {
  let best = { k: 0, r: -Infinity };
  for (let e = 2; e <= Math.log10(row.n) + 0.3; e += 0.002) {
    const r = keyRateWithK(row, 10 ** e, leakAt);
    if (r > best.r) best = { k: 10 ** e, r };
  }
  return best;
}

describe("Tomamichel et al. (2012), Table II at n = 10^4 and 10^5: not recovered; what differs", () => {
  it("h(Q) reading at the printed basis probability: 13.8 / 8.5 (printed 11.7 / 6.8 at n = 10^4), 31.3 / 22.3 (printed 30.4 / 21.5 at n = 10^5)", () => {
    const ours = TABLE_II.slice(0, 4).map((row) => expectedKeyRate(row).r.toFixed(1));
    expect(ours).toEqual(["13.8", "8.5", "31.3", "22.3"]);
  });
  it("the text's leak_EC = 1.1 n h(Q_tol), k optimised: the optimal test-basis probability is the printed column (within 0.7 points, all six rows), the rates 8-13 % below the printed ones (10.1, 6.2, 26.7, 18.9, 44.0, 32.8)", () => {
    const fits = TABLE_II.map((row) => {
      const { k, r } = optimiseK(row, "Qtol");
      return { pz: (100 * Math.sqrt(k / row.n)) / (1 + Math.sqrt(k / row.n)), r, row };
    });
    for (const f of fits) expect(Math.abs(f.pz - f.row.testBasisPercent)).toBeLessThan(0.75);
    // printed 11.7, 6.8, 30.4, 21.5, 47.8, 35.7
    [10.14, 6.21, 26.72, 18.85, 44.03, 32.77].forEach((r, i) => expect(Math.abs(fits[i].r - r)).toBeLessThan(0.02));
    for (const f of fits) {
      expect(f.row.printedR / f.r).toBeGreaterThan(1.08);
      expect(f.row.printedR / f.r).toBeLessThan(1.16);
    }
  });
});

describe("Tomamichel et al. (2012), Table II: what the six rows say about the convention (measured, not fitted)", () => {
  it("the test sample behind the printed ε_rob is the basis column's: ε_rob ≈ exp(−c k (Q_tol − Q)²) with c nearly constant over n only for k = n (p_z/p_x)²", () => {
    const c = (row: TableRow, k: number) => Math.log(100 / row.robPercent) / (k * (row.qTolPercent / 100 - row.q) ** 2);
    const byColumn = TABLE_II.map((row) => c(row, printedK(row)));
    // Q = 1 %: 4.51, 4.67, 4.70; Q = 2.5 %: 3.76, 4.28, 3.91 (n = 10^4, 10^5, 10^6)
    const within = (i: number, lo: number, hi: number) => {
      expect(byColumn[i]).toBeGreaterThan(lo);
      expect(byColumn[i]).toBeLessThan(hi);
    };
    for (const i of [0, 2, 4]) within(i, 4.5, 4.71);
    for (const i of [1, 3, 5]) within(i, 3.75, 4.3);
    // the column read as ν = k/(n + k) instead: c falls 4x from n = 10^4 to 10^6
    const byNu = TABLE_II.map((row) => c(row, (row.n * row.testBasisPercent) / (100 - row.testBasisPercent)));
    expect(byNu[0] / byNu[4]).toBeGreaterThan(4);
    expect(byNu[1] / byNu[5]).toBeGreaterThan(4);
  });

  it("with leak_EC = 1.1 n h(Q) and M from the printed basis probability, the printed r needs a smaller test sample in μ at small n: k / k_column = 0.61, 0.56 (10^4), 0.86, 0.84 (10^5), 1.00, 1.00 (10^6)", () => {
    const neededK = (row: TableRow & { readonly printedR: number }) => {
      let lo = 10, hi = 4 * printedK(row);
      for (let i = 0; i < 80; i++) {
        const mid = Math.sqrt(lo * hi);
        // μ from the trial k; M from the printed basis probability
        if (keyRateWithK(row, mid, "Q", 1 - row.testBasisPercent / 100) < row.printedR) lo = mid;
        else hi = mid;
      }
      return lo / printedK(row);
    };
    const ratios = TABLE_II.map(neededK);
    [0.613, 0.562, 0.855, 0.843, 0.997, 0.996].forEach((r, i) => expect(ratios[i]).toBeCloseTo(r, 2));
  });

  it("the closest single reading, block size n = n_key + k (the sifted total of Fig. 2), leak 1.1 n_key h(Q): all six within 0.5 points, none to the printed digit (11.8, 6.3, 30.8, 21.8, 47.7, 35.6)", () => {
    const rates = TABLE_II.map((row) => {
      const ratio = (row.testBasisPercent / (100 - row.testBasisPercent)) ** 2;
      const nKey = row.n / (1 + ratio);
      return keyRateWithK({ ...row, n: nKey }, row.n - nKey, "Q");
    });
    expect(rates.map((r) => r.toFixed(1))).toEqual(["11.8", "6.3", "30.8", "21.8", "47.7", "35.6"]);
    rates.forEach((r, i) => expect(Math.abs(r - TABLE_II[i].printedR)).toBeLessThan(0.5));
  });
});

/**
 * Lim et al. (2014), Sec. IV ("Evaluation"), dedicated fibre: α = 0.2 dB/km, η_Bob = 10 %,
 * p_dc = 6e-7, after-pulse p_ap = 4e-2, e_mis = 5e-3, f_EC = 1.16, μ3 = 2e-4, ε_sec = κ ℓ with
 * κ = 1e-15, ε_cor = 1e-15; D_k = 1 − (1 − 2 p_dc) e^{−η_sys k}, R_k = D_k (1 + p_ap),
 * e_k = p_dc + e_mis (1 − e^{−η k}) + p_ap D_k / 2 (the text prints η_ch in the e_mis term; `etaInMisalignment`
 * picks η_ch or η_sys = η_ch η_Bob); the block is n_X (key-basis detections), N = n_X / (q_x² Σ p_k R_k),
 * rate ℓ/N, λ_EC = f_EC n_X h(m_X / n_X).
 */
function limSection4Rate(L: number, nX: number, d: DecoyIntensities, etaInMisalignment: "sys" | "ch"): number {
  const pdc = 6e-7, pap = 4e-2, emis = 5e-3, etaBob = 0.1;
  const etaCh = 10 ** ((-0.2 * L) / 10), etaSys = etaCh * etaBob;
  const D = d.mu.map((k) => 1 - (1 - 2 * pdc) * Math.exp(-etaSys * k));
  const R = D.map((x) => x * (1 + pap));
  const e = d.mu.map((k, i) => pdc + emis * (1 - Math.exp(-(etaInMisalignment === "ch" ? etaCh : etaSys) * k)) + (pap * D[i]) / 2);
  const x2 = d.qx * d.qx, z2 = (1 - d.qx) ** 2;
  const N = nX / (x2 * d.p.reduce((s, p, i) => s + p * R[i], 0));
  const per = (share: number, v: readonly number[]) => [0, 1, 2].map((i) => N * share * d.p[i] * v[i]) as unknown as [number, number, number];
  const counts = { nX: per(x2, R), nZ: per(z2, R), mX: per(x2, e), mZ: per(z2, e) };
  let l = 1;
  for (let i = 0; i < 8; i++) l = limKeyLength(counts, d, { epsilonSec: Math.min(0.5, 1e-15 * Math.max(1, l)), epsilonCor: 1e-15 }, 1.16, "finite").raw;
  return l / N;
}

/** Which key-basis probabilities the search may use: q_x >= 1/2 (the key basis favoured), or any. */
type QxDomain = "at-least-half" | "free";

const sig = (z: number) => 1 / (1 + Math.exp(-z));
const logit = (t: number) => Math.log(t / (1 - t));

/** Unconstrained coordinates → {μ1, μ2, μ3 = 2e-4, p, q_x} with μ1 > μ2 + μ3 and p a distribution. */
function decodeLim(z: readonly number[], qx: QxDomain): DecoyIntensities {
  const mu1 = 4e-4 + 1.5 * sig(z[0]);
  const e = [Math.exp(z[2]), Math.exp(z[3]), 1], t = e[0] + e[1] + e[2];
  return { mu: [mu1, 2e-4 + (mu1 - 4e-4) * sig(z[1]), 2e-4], p: [e[0] / t, e[1] / t, e[2] / t], qx: qx === "free" ? sig(z[4]) : 0.5 + 0.5 * sig(z[4]) };
}

/** The inverse of {@link decodeLim} (q_x free). */
function encodeLim(d: DecoyIntensities): number[] {
  return [logit((d.mu[0] - 4e-4) / 1.5), logit((d.mu[1] - 2e-4) / (d.mu[0] - 4e-4)), Math.log(d.p[0] / d.p[2]), Math.log(d.p[1] / d.p[2]), logit(d.qx)];
}

/** Lim's optimisation over {q_x, p_1, p_2, μ1, μ2}: Nelder-Mead from each start, shrinking steps. */
function limSection4Optimum(L: number, nX: number, eta: "sys" | "ch", starts: readonly (readonly number[])[] = [[0, -1, 1, 0, 1], [-0.5, -2, 2, 1, 2]], qx: QxDomain = "at-least-half"): number {
  let best = -Infinity;
  for (const start of starts) {
    let z = start;
    for (const step of qx === "free" ? [0.5, 0.2, 0.2] : [0.8, 0.3]) {
      const m = nelderMead((y) => -limSection4Rate(L, nX, decodeLim(y, qx), eta), z, { step, maxIterations: qx === "free" ? 800 : 600, tolerance: qx === "free" ? 1e-22 : 1e-20 });
      z = [...m.x];
      best = Math.max(best, -m.value);
    }
  }
  return best;
}

/**
 * The same optimisation with q_x free and seeded from the ten best points of a grid over (μ1,
 * μ2/μ1, p1, p2's share of the rest, q_x): at n_X = 10^4 the optimum sits where two fixed starts
 * do not reach (p1 ≈ 0.04, q_x well below 1/2).
 */
function limSection4Search(L: number, nX: number): number {
  const grid: { r: number; d: DecoyIntensities }[] = [];
  for (const mu1 of [0.15, 0.25, 0.35, 0.5, 0.7, 0.9, 1.2]) for (const f2 of [0.03, 0.07, 0.15, 0.3, 0.5]) for (const p1 of [0.01, 0.03, 0.1, 0.3, 0.5, 0.7, 0.85, 0.93]) {
    for (const share of [0.3, 0.6, 0.85]) for (const qx of [0.2, 0.35, 0.5, 0.7, 0.85, 0.95]) {
      const p2 = (1 - p1) * share;
      const d: DecoyIntensities = { mu: [mu1, mu1 * f2, 2e-4], p: [p1, p2, 1 - p1 - p2], qx };
      grid.push({ r: limSection4Rate(L, nX, d, "sys"), d });
    }
  }
  grid.sort((a, b) => b.r - a.r);
  return Math.max(grid[0].r, limSection4Optimum(L, nX, "sys", grid.slice(0, 10).map((g) => encodeLim(g.d)), "free"));
}

describe("Lim et al. (2014), the two numbers in the text (Sec. IV): not reproduced; what differs", () => {
  it("'at 100 km the rate with n_X = 10^9 is about 1.75 times the one with n_X = 10^7': 1.71 with η_sys in the misalignment term, 2.73 with the printed η_ch", () => {
    const ratio = (eta: "sys" | "ch") => limSection4Optimum(100, 1e9, eta) / limSection4Optimum(100, 1e7, eta);
    const sys = ratio("sys");
    expect(sys).toBeGreaterThan(1.69);
    expect(sys).toBeLessThan(1.73);
    const ch = ratio("ch");
    expect(ch).toBeGreaterThan(2.6);
    expect(ch).toBeLessThan(2.85);
  });
  it("'even with a block size of 10^4, keys can be distributed over 135 km': the best key found at n_X = 10^4 ends at ~128 km (positive at 127.5, none found at 128.5); the old claim 'no key at 10^4' came from a grid without p1 < 0.2", () => {
    // a positive rate at an operating point is a key (the bound is evaluated there); "none found" is the search's best, not a proof
    expect(limSection4Search(127.5, 1e4)).toBeGreaterThan(0);
    expect(limSection4Search(128.5, 1e4)).toBeLessThanOrEqual(0);
    // toward the edge most pulses go to the test basis: n_X is fixed, so a small q_x buys Z statistics with more pulses N
    expect(limSection4Rate(120, 1e4, { mu: [0.4901, 0.10334, 2e-4], p: [0.04191, 0.5207, 0.43739], qx: 0.2566 }, "sys")).toBeGreaterThan(0);
    // with q_x = 1/2, the edge of this harness's keyrate search (q_x >= 1/2): a key at 105 km
    expect(limSection4Rate(105, 1e4, { mu: [0.5174, 0.08776, 2e-4], p: [0.02541, 0.51482, 0.45977], qx: 0.5 }, "sys")).toBeGreaterThan(0);
  });

});
