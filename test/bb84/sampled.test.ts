import { describe, expect, test } from "vitest";
import { seeded } from "../../model/random.js";
import {
  IDEAL_LINK, linkSetup, outcomeTable, samplePulses, sift, estimate, sampledRun, exactRun, acceptanceProbability,
  DEFAULT_SAMPLED_RUN, type Adversary,
} from "../../model/bb84/index.js";

/** |observed - expected| within 4 standard deviations of a binomial proportion over n trials. */
function within4Sigma(observed: number, p: number, n: number): void {
  const sigma = Math.sqrt(Math.max(p * (1 - p), 1e-12) / n);
  expect(Math.abs(observed - p)).toBeLessThanOrEqual(4 * sigma + 1e-12);
}

describe("sampled mode agrees with the exact model", () => {
  const cases: [string, Adversary, ReturnType<typeof linkSetup>][] = [
    ["random-basis intercept-resend 40%", { kind: "intercept-resend", fraction: 0.4, basis: "random" }, IDEAL_LINK],
    ["cloner D = 0.08 on a lossy noisy link", { kind: "cloner", disturbance: 0.08 }, linkSetup({ detectorEfficiency: 0.2, darkCountProbability: 1e-3, misalignment: 0.01 })],
    ["PNS on weak coherent pulses over 50 km", { kind: "pns", singlePhoton: { kind: "none" } }, linkSetup({ source: { kind: "weak-coherent", meanPhotonNumber: 0.5 }, fibreLossDbPerKm: 0.2, distanceKm: 50, detectorEfficiency: 0.5, darkCountProbability: 1e-5 })],
  ];
  test.each(cases)("%s: sifted QBER, sifted rate and Eve's agreement within 4 sigma", (_, adversary, link) => {
    const exact = exactRun(link, adversary, "paper");
    const [records] = samplePulses(outcomeTable(link, adversary), 400_000, "random", seeded(5));
    const s = sift(records);
    within4Sigma(s.length / records.count, exact.siftedRate, records.count);
    let errors = 0, eve = 0;
    for (let i = 0; i < s.length; i++) {
      errors += s.kdc[i] ^ s.receiver[i];
      eve += s.eve[i] === s.kdc[i] ? 1 : 0;
    }
    within4Sigma(errors / s.length, exact.qber, s.length);
    within4Sigma(eve / s.length, exact.eveGuess, s.length);
  });

  test("acceptance frequency of eq. 4 over seeded runs matches the exact binomial value", () => {
    const adversary: Adversary = { kind: "intercept-resend", fraction: 0.4, basis: "random" }; // QBER 0.1
    const n = 200, threshold = 0.11, trials = 300;
    const stats = outcomeTable(IDEAL_LINK, adversary);
    let accepted = 0;
    let rng = seeded(99);
    for (let t = 0; t < trials; t++) {
      const [records, r1] = samplePulses(stats, 1000, "random", rng);
      const [est, r2] = estimate(sift(records), n, threshold, { positions: "random", compared: n }, r1);
      accepted += est.accepted ? 1 : 0;
      rng = r2;
    }
    const exact = acceptanceProbability(0.1, n, threshold);
    within4Sigma(accepted / trials, exact, trials);
  });

  test("same seed, byte-identical run; another seed, another key", () => {
    const link = linkSetup({ depolarizing: 0.04 });
    const settings = { ...DEFAULT_SAMPLED_RUN, pulses: 20_000 };
    const [a] = sampledRun(link, { kind: "none" }, "with-pa", settings, seeded(3));
    const [b] = sampledRun(link, { kind: "none" }, "with-pa", settings, seeded(3));
    const [c] = sampledRun(link, { kind: "none" }, "with-pa", settings, seeded(4));
    expect(Array.from(a.kdcKey)).toEqual(Array.from(b.kdcKey));
    expect(Array.from(a.kdcKey)).not.toEqual(Array.from(c.kdcKey));
  });

  test("with-pa on an honest noisy link: accepted, Cascade leak counted, equal final keys of the leftover-hash length", () => {
    const [run] = sampledRun(linkSetup({ depolarizing: 0.04 }), { kind: "none" }, "with-pa", { ...DEFAULT_SAMPLED_RUN, pulses: 40_000 }, seeded(8));
    expect(run.accepted).toBe(true);
    expect(run.rawKeyErrors).toBeGreaterThan(0);
    expect(run.ecLeak).toBeGreaterThan(0);
    expect(run.keysEqual).toBe(true);
    expect(run.kdcKey.length).toBeGreaterThan(0);
    expect(run.kdcKey.length).toBeLessThan(run.rawKeyBits - run.ecLeak);
  });

  test("paper variant: the accepted raw key still carries the channel errors (no error correction)", () => {
    const [run] = sampledRun(linkSetup({ depolarizing: 0.04 }), { kind: "none" }, "paper", { ...DEFAULT_SAMPLED_RUN, pulses: 20_000 }, seeded(8));
    expect(run.accepted).toBe(true);
    expect(run.keysEqual).toBe(false);
  });

  test("full random-basis intercept-resend aborts; 20% intercept passes with Eve matching ~55% + of the key", () => {
    const [full] = sampledRun(IDEAL_LINK, { kind: "intercept-resend", fraction: 1, basis: "random" }, "paper", DEFAULT_SAMPLED_RUN, seeded(1));
    expect(full.accepted).toBe(false);
    const [part] = sampledRun(IDEAL_LINK, { kind: "intercept-resend", fraction: 0.2, basis: "random" }, "paper", DEFAULT_SAMPLED_RUN, seeded(1));
    expect(part.accepted).toBe(true);
    const exact = exactRun(IDEAL_LINK, { kind: "intercept-resend", fraction: 0.2, basis: "random" }, "paper");
    within4Sigma(part.eveAgreement, exact.eveGuess, part.rawKeyBits);
  });

  test("10^6 pulses with sifting and estimation, the same records for the same seed (pulses/s is a bench row)", () => {
    const stats = outcomeTable(IDEAL_LINK, { kind: "cloner", disturbance: 0.05 });
    const N = 1_000_000;
    const [records, r] = samplePulses(stats, N, "random", seeded(0));
    const [est] = estimate(sift(records), 10_000, 0.11, { positions: "random", compared: 10_000 }, r);
    expect(records.count).toBe(N);
    expect(est.testSize).toBe(10_000);
    const again = samplePulses(stats, N, "random", seeded(0))[0];
    for (const field of ["kdcBases", "kdcBits", "receiverBases", "receiverRecords", "eveGuesses"] as const) {
      expect(Buffer.compare(again[field], records[field]), field).toBe(0);
    }
  });
});
