/**
 * Shared machinery of the properties checked on whole sessions: the generated input (a
 * membership history and a seed), running the session with the stand-in quantum steps, the
 * unauthorized-read analysis, attack traces and descriptions.
 * @module
 */
import * as fc from "fast-check";
import type { z } from "zod";
import { seeded } from "../../model/random.js";
import { readWith } from "../../model/kdc/knowledge.js";
import { formatHistory, type MembershipHistory } from "../../model/kdc/membership.js";
import { runSession, type SessionConfig, type SessionSteps, type SessionTranscript } from "../../model/kdc/session.js";
import type { CheckOutcome, Json, PropertyDefinition, TraceStep, TrustAssumptions } from "../types.js";
import { membershipHistoryArbitrary, type HistoryShape } from "./histories.js";
import { standInAuthentication, standInEstablishment } from "./standIns.js";

/** A generated session input: the history and the seed of the KDC's randomness. */
export interface SessionInput {
  readonly history: MembershipHistory;
  readonly seed: number;
}

/** A message read by a party that was not a member when it was sent. */
export interface UnauthorizedRead {
  readonly step: number;
  readonly party: string;
  /** `forward`: the party had left; `backward`: it joins later; `outsider`: never a member. */
  readonly kind: "forward" | "backward" | "outsider";
  readonly epoch: number;
  readonly text: string;
}

/** Honest quantum steps: no eavesdropper, everyone authenticates. */
export const honestSteps: SessionSteps = { establish: standInEstablishment({ eavesdropped: [] }), authenticate: standInAuthentication() };

/** Run a session input under a configuration. */
export function runInput(config: SessionConfig, input: SessionInput): SessionTranscript {
  return runSession(config, input.history, honestSteps, seeded(input.seed));
}

/** Every message some non-member at send time can read with what it finally knows. */
export function unauthorizedReads(t: SessionTranscript): readonly UnauthorizedRead[] {
  const out: UnauthorizedRead[] = [];
  t.steps.forEach((step, i) => {
    if (!step.sent) return;
    for (const party of t.parties) {
      if (step.sent.members.includes(party)) continue;
      const plaintext = readWith(t.knowledge.get(party)!, step.sent.message);
      if (!plaintext) continue;
      const before = t.steps.slice(0, i).some((s) => s.members.includes(party));
      const after = t.steps.slice(i + 1).some((s) => s.members.includes(party));
      const kind = before ? "forward" : after ? "backward" : "outsider";
      out.push({ step: i, party, kind, epoch: step.epoch, text: Buffer.from(plaintext).toString("utf8") });
    }
  });
  return out;
}

/** Correctness failures: members without the KDC's group key, sends refused, receipts missing or wrong. */
export function correctnessFailures(t: SessionTranscript): readonly string[] {
  const out: string[] = [];
  t.steps.forEach((step, i) => {
    if (step.outcome === "rejected") out.push(`step ${i}: ${step.detail}`);
    const kdcKey = t.groupKeys.find((g) => g.epoch === step.epoch)?.key;
    for (const m of step.members) {
      const held = t.knowledge.get(m)?.groupKeys.get(`${t.history.group}|${step.epoch}`);
      if (!kdcKey || !held || !bytesEqual(held, kdcKey)) out.push(`step ${i}: member ${m} lacks the epoch-${step.epoch} group key`);
    }
    for (const r of step.sent?.received ?? []) {
      if (!r.plaintext || !bytesEqual(r.plaintext, step.sent!.plaintext)) out.push(`step ${i}: ${r.party} did not receive: ${r.reason ?? "wrong plaintext"}`);
    }
  });
  return [...new Set(out)];
}

/** Attack trace of a session: one line per step, with the unauthorized reads it enabled. */
export function sessionTrace(t: SessionTranscript): readonly TraceStep[] {
  const reads = unauthorizedReads(t);
  return t.steps.map((s, i) => ({
    step: `${i}: ${s.event.kind === "init" ? "init" : s.event.kind}`,
    detail: `${s.detail}; members [${s.members.join(", ")}], epoch ${s.epoch}, ${s.rekey.length} rekey messages` +
      reads.filter((r) => r.step === i).map((r) => `; ${r.kind} read by ${r.party}: ${JSON.stringify(r.text)}`).join(""),
    values: { epoch: s.epoch, rekeyMessages: s.rekey.length, members: s.members.length },
  }));
}

/** JSON description of a session input. */
export function describeInput(input: SessionInput): Json {
  return { seed: input.seed, history: formatHistory(input.history), events: input.history.events.map((e) => ({ ...e })) };
}

/** The session-input arbitrary for a shape. */
export function sessionInputArbitrary(shape: HistoryShape): fc.Arbitrary<SessionInput> {
  return fc.record({ history: membershipHistoryArbitrary(shape), seed: fc.integer({ min: 0, max: 0x7fffffff }) });
}

/** Build a session property from its configuration and its check of a transcript. */
export function sessionProperty<S extends z.ZodType<{ universe: number; maxInitial: number; maxEvents: number }>>(spec: {
  readonly id: string;
  readonly title: string;
  readonly statement: string;
  readonly equation: string;
  readonly trust: TrustAssumptions;
  readonly params: S;
  readonly leaks?: (p: z.output<S>) => boolean;
  readonly config: (p: z.output<S>) => SessionConfig;
  readonly check: (t: SessionTranscript, p: z.output<S>) => CheckOutcome;
}): PropertyDefinition<z.output<S>, SessionInput> {
  return {
    id: spec.id,
    protocol: "kdc",
    title: spec.title,
    statement: spec.statement,
    equation: spec.equation,
    trust: spec.trust,
    params: spec.params as unknown as z.ZodType<z.output<S>>,
    arbitrary: (p) =>
      sessionInputArbitrary({ universe: p.universe, maxInitial: p.maxInitial, maxEvents: p.maxEvents, leaks: spec.leaks ? spec.leaks(p) : false }),
    check: (p, input) => spec.check(runInput(spec.config(p), input), p),
    trace: (p, input) => sessionTrace(runInput(spec.config(p), input)),
    describe: describeInput,
  };
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return Buffer.from(a).equals(Buffer.from(b));
}
