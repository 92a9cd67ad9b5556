/**
 * Attack traces: a strategy replayed step by step on a fixed key, with the Bloch vector of every
 * particle (s, m, f, e0, e1; averaged over the measurement branches so far) after each step, the
 * probability of acceptance, and what Eve learns; then the exact per-session numbers over the
 * uniform key prior. The trace is data (JSON) the report renders.
 * @module
 */
import { bitsKet, densityOf, keepSubsystems, mixture, type DensityMatrix } from "../../model/kernel/index.js";
import {
  blochVector,
  formatStep,
  initialRoundState,
  keyPair,
  keyString,
  kdcPresent,
  roundPhases,
  roundStrategyAt,
  SLOT,
  SLOT_NAMES,
  startArm,
  variantSpec,
  type Arm,
  type RoundContext,
  type Strategy,
} from "../../model/auth/index.js";
import type { TraceStep } from "../types.js";
import { evaluateStrategy } from "./evaluate.js";
import type { AuthParams } from "./params.js";

/** The key followed by a trace when none is fixed: pairs (1, 0), parity 1, X basis when basis-encoded. */
function defaultTraceKey(keyBits: number): number {
  let key = 0;
  for (let i = 0; i < keyBits / 2; i++) key |= 1 << (2 * i);
  return key;
}

const r4 = (x: number): number => Math.round(x * 1e4) / 1e4;

function armValues(arms: readonly Arm[]): Record<string, number | string> {
  const total = arms.reduce((s, a) => s + a.weight, 0);
  const values: Record<string, number | string> = { probability: r4(total), branches: arms.length };
  SLOT_NAMES.forEach((name, slot) => {
    const v = [0, 0, 0];
    for (const a of arms) blochVector(a.rho, slot).forEach((x, k) => (v[k] += (a.weight / total) * x));
    values[`${name}.x`] = r4(v[0]);
    values[`${name}.y`] = r4(v[1]);
    values[`${name}.z`] = r4(v[2]);
  });
  const decided = arms.filter((a) => a.kdcAccepted !== null);
  if (decided.length) values["P(KDC accepts)"] = r4(decided.filter((a) => a.kdcAccepted).reduce((s, a) => s + a.weight, 0));
  const records = new Map<string, number>();
  for (const a of arms) if (a.records) records.set(a.records, (records.get(a.records) ?? 0) + a.weight);
  if (records.size) values["Eve records"] = [...records].sort().map(([r, p]) => `${r}:${r4(p)}`).join(" ");
  return values;
}

/**
 * The trace of `strategy` under `params`: session 1 phase by phase on a fixed key (params.key,
 * or pairs (1, 0)), then per session the acceptance and Eve's knowledge over the key prior.
 */
export function traceAuth(params: AuthParams, strategy: Strategy): TraceStep[] {
  const spec = variantSpec(params.variant);
  const key = params.key ?? defaultTraceKey(params.keyBits);
  const steps: TraceStep[] = [{
    step: "strategy",
    detail: `mode ${strategy.mode}, ${strategy.rounds.length} round strateg${strategy.rounds.length === 1 ? "y" : "ies"} used cyclically; variant ${params.variant}; traced key K_c = ${keyString(key, params.keyBits)}`,
    values: { mode: strategy.mode, variant: params.variant, key: keyString(key, params.keyBits) },
  }];
  strategy.rounds.forEach((r, j) => steps.push({
    step: `round strategy ${j + 1}`,
    detail: [
      `on m: ${r.toMember.map(formatStep).join("; ") || "pass"}`,
      `on f: ${r.toKdc.map(formatStep).join("; ") || "pass"}`,
      `message: ${r.message}`,
      `after update: ${r.after.map(formatStep).join("; ") || "nothing"}`,
    ].join(" | "),
  }));
  let eve: DensityMatrix = densityOf(bitsKet("00"));
  for (let i = 0; i < params.keyBits / 2; i++) {
    const ctx: RoundContext = {
      spec,
      mode: strategy.mode,
      kdcPair: keyPair(key, i),
      memberPair: keyPair(key, i),
      noise: params.noise,
      strategy: roundStrategyAt(strategy, i),
      firstRound: i === 0,
    };
    let arms: Arm[] = [startArm(initialRoundState(ctx, eve))];
    steps.push({ step: `session 1, round ${i + 1}: start`, detail: kdcPresent(ctx.mode) ? "KDC prepares |Phi+> on s, m (eq. 8)" : "no KDC: s, m start in |00>", values: armValues(arms) });
    for (const phase of roundPhases(ctx)) {
      arms = phase.apply(arms);
      steps.push({ step: `session 1, round ${i + 1}: ${phase.name}`, detail: phase.detail, values: armValues(arms) });
    }
    const going = arms.filter((a) => (strategy.mode === "impersonate-kdc" ? a.memberContinues === true : a.kdcAccepted === true));
    const mass = going.reduce((s, a) => s + a.weight, 0);
    if (mass < 1e-12) {
      steps.push({ step: `session 1, round ${i + 1}: end`, detail: "rejected with certainty on this key" });
      break;
    }
    eve = mixture(going.map((a) => [a.weight / mass, keepSubsystems(a.rho, [SLOT.e0, SLOT.e1])] as const));
  }
  const evaluation = evaluateStrategy(params, strategy);
  for (const s of evaluation.sessions) {
    const k = s.knowledge;
    steps.push({
      step: `session ${s.session}: result over the key prior`,
      detail: k
        ? `accepted (sessions 1..${s.session}) with probability ${s.acceptance.toPrecision(6)}; Eve's Holevo information about the ${strategy.mode === "impersonate-kdc" ? "member's" : "KDC's"} current key ${k.holevo.toFixed(4)} of ${k.entropy.toFixed(4)} bits; guess ${k.guessing.toFixed(4)} (prior ${k.prior.toFixed(4)}); keys agree with probability ${s.agreement?.toFixed(4)}`
        : `never accepted (probability ${s.acceptance.toExponential(3)})`,
      values: {
        acceptance: s.acceptance,
        ...(k ? { holevo: k.holevo, keyEntropy: k.entropy, guessing: k.guessing, guessingBound: k.guessingBound, prior: k.prior } : {}),
        ...(s.pairHolevoMax !== null ? { pairHolevoMax: s.pairHolevoMax } : {}),
        ...(s.agreement !== null ? { agreement: s.agreement } : {}),
      },
    });
  }
  return steps;
}
