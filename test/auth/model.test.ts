import { describe, expect, it } from "vitest";
import { bellKet, bitsKet, densityOf, fidelity, keepSubsystems, tensor } from "../../model/kernel/index.js";
import {
  applyEveStep,
  honestRoundAcceptance,
  honestSessionAcceptance,
  honestStrategy,
  impersonationBound,
  initialRoundState,
  keyPair,
  passiveHolevo,
  passRound,
  roundPhases,
  runAuth,
  knowledge,
  startArm,
  updatedPair,
  variantSpec,
  withPair,
  type RoundContext,
} from "../../model/auth/index.js";
import { ghzTapParityRead, impersonateMember, interceptResend } from "../../properties/auth/namedStrategies.js";

const eve0 = densityOf(bitsKet("00"));

function finalState(variant: "parity" | "basis-encoded", pair: { first: 0 | 1; second: 0 | 1 }) {
  const ctx: RoundContext = { spec: variantSpec(variant), mode: "mitm", kdcPair: pair, memberPair: pair, noise: 0, strategy: passRound, firstRound: true };
  let arms = [startArm(initialRoundState(ctx, eve0))];
  for (const phase of roundPhases(ctx)) {
    if (phase.name.startsWith("classical")) break;
    arms = phase.apply(arms);
  }
  return arms;
}

describe("model/auth: one honest round (eqs. 8-11)", () => {
  it("parity: after both CNOTs the state is |Phi+>_{sm} |a XOR b>_f and the KDC accepts with certainty", () => {
    for (const [a, b] of [[0, 0], [0, 1], [1, 0], [1, 1]] as const) {
      const arms = finalState("parity", { first: a, second: b });
      expect(arms).toHaveLength(1);
      expect(arms[0].kdcAccepted).toBe(true);
      expect(arms[0].weight).toBeCloseTo(1, 12);
      const smf = keepSubsystems(arms[0].rho, [0, 1, 2]);
      expect(fidelity(smf, tensor(densityOf(bellKet("phi+")), densityOf(bitsKet(String(a ^ b)))))).toBeCloseTo(1, 10);
    }
  });
  it("basis-encoded: an X-basis f passes both CNOTs unchanged (phase kickback cancels) and is accepted", () => {
    const arms = finalState("basis-encoded", { first: 1, second: 1 });
    expect(arms.filter((a) => a.kdcAccepted).reduce((s, a) => s + a.weight, 0)).toBeCloseTo(1, 12);
    expect(fidelity(keepSubsystems(arms[0].rho, [0, 1]), densityOf(bellKet("phi+")))).toBeCloseTo(1, 10);
  });
});

describe("model/auth: key update (eq. 12)", () => {
  it("keeps the parity of every pair: K'_{2i-1} XOR K'_{2i} = K_{2i-1} XOR K_{2i}", () => {
    for (const first of [0, 1] as const) for (const second of [0, 1] as const) for (const c of [0, 1] as const) {
      const u = updatedPair({ first, second }, c);
      expect(u.first).toBe(c);
      expect(u.first ^ u.second).toBe(first ^ second);
    }
  });
  it("pairs are read and written at bits 2i, 2i+1", () => {
    expect(keyPair(0b0110, 1)).toEqual({ first: 1, second: 0 });
    expect(withPair(0b0110, 0, { first: 1, second: 1 })).toBe(0b0111);
  });
});

describe("model/auth: honest runs", () => {
  it("are accepted with probability 1 for every session, keys agree, Eve learns nothing", () => {
    for (const variant of ["parity", "basis-encoded"] as const) {
      const run = runAuth({ variant, keyBits: 4, sessions: 3, strategy: honestStrategy });
      for (const s of run.sessions) {
        expect(s.acceptance).toBeCloseTo(1, 12);
        expect(s.branches.every((b) => b.kdcKey === b.memberKey)).toBe(true);
        expect(knowledge(s.branches, (b) => b.kdcKey).holevo).toBeLessThan(1e-9);
      }
    }
  });
  it("under depolarizing noise match the hand-derived formula", () => {
    expect(honestRoundAcceptance("parity", 0.1)).toBeCloseTo(0.95 ** 2 + 0.05 ** 2, 14);
    for (const variant of ["parity", "basis-encoded"] as const) {
      for (const p of [0.05, 0.2]) {
        const run = runAuth({ variant, keyBits: 4, sessions: 1, noise: p, strategy: honestStrategy });
        expect(run.sessions[0].acceptance).toBeCloseTo(honestSessionAcceptance(variant, p, 4), 10);
      }
    }
  });
});

describe("model/auth: impersonation", () => {
  it("lambda_max of the acceptance operator is 1/2 per round in both readings, 1 without the check", () => {
    expect(impersonationBound("parity", 4).perRound).toBeCloseTo(0.5, 12);
    expect(impersonationBound("basis-encoded", 4).perRound).toBeCloseTo(0.5, 12);
    expect(impersonationBound("no-check", 4).perRound).toBeCloseTo(1, 12);
  });
  it("the keyless impersonator reaches the bound 2^{-n/2} in both readings, and in the parity reading is then accepted forever", () => {
    for (const variant of ["parity", "basis-encoded"] as const) {
      const run = runAuth({ variant, keyBits: 4, sessions: 2, strategy: impersonateMember });
      expect(run.sessions[0].acceptance).toBeCloseTo(0.25, 12);
    }
    const parity = runAuth({ variant: "parity", keyBits: 4, sessions: 3, strategy: impersonateMember });
    expect(parity.sessions[2].acceptance).toBeCloseTo(0.25, 12);
  });
});

describe("model/auth: passive leakage of f", () => {
  it("parity: none; basis-encoded: 1/2 bit per pair; plain-f control: 1 bit", () => {
    expect(passiveHolevo("parity")).toBeLessThan(1e-12);
    expect(passiveHolevo("basis-encoded")).toBeCloseTo(0.5, 10);
    expect(passiveHolevo("plain-f")).toBeCloseTo(1, 10);
  });
});

describe("model/auth: the man in the middle (finding)", () => {
  it("GHZ tap + reversible parity read: parity reading accepted with probability 1, Eve holds the whole updated key, keys still agree", () => {
    const run = runAuth({ variant: "parity", keyBits: 4, sessions: 3, strategy: ghzTapParityRead });
    for (const s of run.sessions) {
      expect(s.acceptance).toBeCloseTo(1, 10);
      const k = knowledge(s.branches, (b) => b.kdcKey);
      expect(k.holevo).toBeCloseTo(4, 8);
      expect(k.guessing).toBeCloseTo(1, 10);
      expect(s.branches.every((b) => b.kdcKey === b.memberKey)).toBe(true);
    }
  });
  it("plain intercept-resend in Z on m and f does the same in the parity reading", () => {
    const run = runAuth({ variant: "parity", keyBits: 4, sessions: 2, strategy: interceptResend });
    expect(run.sessions[1].acceptance).toBeCloseTo(1, 10);
    expect(knowledge(run.sessions[1].branches, (b) => b.kdcKey).holevo).toBeCloseTo(4, 8);
  });
  it("basis-encoded: the tap alone keeps acceptance 1 and gives K'_{2i-1}; the Z read of f costs 1/4 per X-basis round", () => {
    const tapOnly = { mode: "mitm" as const, rounds: [{ ...ghzTapParityRead.rounds[0], toKdc: [] }] };
    const tap = runAuth({ variant: "basis-encoded", keyBits: 4, sessions: 1, strategy: tapOnly }).sessions[0];
    expect(tap.acceptance).toBeCloseTo(1, 10);
    expect(knowledge(tap.branches, (b) => b.kdcKey).holevo).toBeCloseTo(2, 8);
    const ir = runAuth({ variant: "basis-encoded", keyBits: 4, sessions: 1, strategy: interceptResend }).sessions[0];
    expect(ir.acceptance).toBeCloseTo(0.75 ** 2, 10);
  });
});

describe("model/auth: the strategy interpreter", () => {
  it("rejects a step on the transit particle after the update, naming the step", () => {
    const arm = startArm(tensor(densityOf(bitsKet("000")), eve0));
    expect(() => applyEveStep([arm], { op: "h", target: "transit" }, null)).toThrow(/applyEveStep\(h\).*transit/);
    expect(() => applyEveStep([arm], { op: "cnot", control: "e0", target: "e0" }, null)).toThrow(/control and target/);
  });
  it("a measurement splits the arms and records the outcome", () => {
    const arm = startArm(tensor(densityOf(bitsKet("000")), densityOf(bitsKet("00"))));
    const plus = applyEveStep([arm], { op: "h", target: "e0" }, null);
    const split = applyEveStep(plus, { op: "measure", target: "e0", theta: 0, phi: 0 }, null);
    expect(split.map((a) => a.records)).toEqual(["0", "1"]);
    expect(split[0].weight).toBeCloseTo(0.5, 12);
  });
});
