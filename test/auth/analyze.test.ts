import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { analyzeAuth } from "../../properties/auth/analyze.js";
import { authFigureProviders } from "../../properties/auth/figures.js";
import { bestAttack, ghzTapParityRead, interceptResend } from "../../properties/auth/namedStrategies.js";
import { parseStrategy } from "../../properties/auth/strategySchema.js";

const json = (name: string): unknown => JSON.parse(readFileSync(new URL(`../../properties/auth/strategies/${name}`, import.meta.url), "utf8"));

describe("analyzeAuth (qkd-harness analyze auth)", () => {
  it("prints honest and impersonation acceptance for n = 8", () => {
    const parity = analyzeAuth({ variant: "parity", keyBits: 8 });
    expect(parity.honestAcceptance).toBeCloseTo(1, 10);
    expect(parity.impersonationAcceptance).toBeCloseTo(2 ** -4, 10);
    expect(parity.claimedImpersonationBound).toBeCloseTo(2 ** -4, 12);
    const basis = analyzeAuth({ variant: "basis-encoded", keyBits: 8 });
    expect(basis.impersonationAcceptance).toBeCloseTo(2 ** -4, 10);
    expect(basis.claimedImpersonationBound).toBeCloseTo(2 ** -8, 12);
    expect(basis.passiveHolevoKey).toBeCloseTo(2, 10);
  });
  it("with --strategy: acceptance and Eve's information about the updated key (the search record's numbers)", () => {
    const record = json("best-attack.json") as { metrics: { acceptance: number; eveInformationBits: number } };
    const r = analyzeAuth({ variant: "parity", keyBits: 8, strategy: record });
    expect(r.strategyAcceptance).toBeCloseTo(record.metrics.acceptance, 10);
    expect(r.eveInformation?.holevo).toBeCloseTo(record.metrics.eveInformationBits, 8);
    const ghz = analyzeAuth({ variant: "parity", keyBits: 8, strategy: ghzTapParityRead });
    expect(ghz.strategyAcceptance).toBeCloseTo(1, 10);
    expect(ghz.eveInformation?.holevo).toBeCloseTo(8, 8);
    expect(ghz.eveInformation?.keyAgreement).toBeCloseTo(1, 10);
  });
  it("with noise: computed equals analytic", () => {
    const r = analyzeAuth({ variant: "basis-encoded", keyBits: 4, noise: 0.1 });
    expect(r.honestAcceptance).toBeCloseTo(r.honestAcceptanceAnalytic, 10);
    expect(r.honestAcceptance).toBeLessThan(1);
  });
  it("names the bad field of a strategy", () => {
    const bad = { mode: "mitm", rounds: [{ toMember: [], toKdc: [{ op: "cnot", control: "e0", target: "wire" }] }] };
    expect(() => analyzeAuth({ variant: "parity", keyBits: 4, strategy: bad })).toThrow(/strategy\.rounds\.0\.toKdc\.0\.target/);
    const after = { rounds: [{ after: [{ op: "h", target: "transit" }] }] };
    expect(() => analyzeAuth({ variant: "parity", keyBits: 4, strategy: after })).toThrow(/strategy\.rounds\.0\.after\.0/);
    expect(() => analyzeAuth({ variant: "parity", keyBits: 5 })).toThrow(/keyBits/);
  });
  it("the shipped strategy files are the named strategies", () => {
    expect(parseStrategy(json("best-attack.json"))).toEqual(bestAttack);
    expect(parseStrategy(json("intercept-resend.json"))).toEqual(interceptResend);
  });
});

describe("generated search and figures", () => {
  it("figures: accumulation series per variant and strategy, noise series computed vs analytic", () => {
    const [acc, noise] = authFigureProviders.map((f) => f.compute());
    expect(acc.series.map((s) => s.name)).toContain("parity: GHZ tap + parity read (hand-written)");
    const best = acc.series.find((s) => s.name === "parity: GHZ tap + parity read (hand-written)")!;
    expect(best.points.every(([, y]) => Math.abs(y - 4) < 1e-8)).toBe(true);
    const honest = acc.series.find((s) => s.name === "basis-encoded: honest")!;
    expect(honest.points.every(([, y]) => y < 1e-9)).toBe(true);
    for (const v of ["parity", "basis-encoded"]) {
      const c = noise.series.find((s) => s.name === `${v}: computed`)!.points;
      const a = noise.series.find((s) => s.name === `${v}: analytic`)!.points;
      c.forEach(([, y], i) => expect(y).toBeCloseTo(a[i][1], 10));
    }
  });
});
