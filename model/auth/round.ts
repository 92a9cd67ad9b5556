/**
 * One authentication round (docs/protocol/05-authentication.md and 06-key-update.md, eqs. 8-12) with Eve's steps woven in, as a
 * list of named phases, each a short list of round instructions (internal/roundOp.ts). The
 * evaluation compiles the instructions to Kraus operators on Eve's registers (internal/krausRound.ts);
 * an attack trace folds the phases one at a time through the kernel and prints the state after each.
 *
 * Order: EPR pair on s, m (eq. 8) -> channel on m -> Eve on m -> member prepares f (eq. 9) and
 * applies CNOT m -> f (eq. 10) -> channel on f -> Eve on f -> KDC applies CNOT s -> f (eq. 11) and
 * measures f (step 7) -> classical decision (Eve may alter it) -> update of the pair by Z
 * measurements of s and m (eq. 12) -> Eve's steps on what she holds.
 * @module
 */
import {
  CNOT,
  densityOf,
  depolarizing,
  H,
  I2,
  bellKet,
  bitsKet,
  keepSubsystems,
  tensor,
  qubitKet,
  type DensityMatrix,
} from "../kernel/index.js";
import { startArm, type Arm } from "./arm.js";
import { eveStepOps } from "./eveStep.js";
import { compileKrausRound, KrausTrie, runKrausRound, touchedSlots, type KeyedOps, type KrausRound, type OpenRound } from "./internal/krausRound.js";
import { blochBasis, SLOT } from "./internal/ops.js";
import { applyOps, type ArmFacts, type RoundOp } from "./internal/roundOp.js";
import type { KeyPair } from "./key.js";
import { formatStep, type EveStep, type Mode, type RoundStrategy } from "./strategy.js";
import type { VariantSpec } from "./variant.js";

/** Everything one round depends on. */
export interface RoundContext {
  readonly spec: VariantSpec;
  readonly mode: Mode;
  /** The KDC's current pair (K_{2i-1}, K_{2i}). */
  readonly kdcPair: KeyPair;
  /** The member's current pair (equal to the KDC's unless an earlier attack split them). */
  readonly memberPair: KeyPair;
  /** Depolarizing probability on each quantum transit (m to the member, f to the KDC). */
  readonly noise: number;
  readonly strategy: RoundStrategy;
  /** Whether this is the first round of the whole run (nothing to replay yet). */
  readonly firstRound: boolean;
}

/** A named step of a round, for simulation and traces. */
export interface RoundPhase {
  readonly name: string;
  readonly detail: string;
  /** The phase as round instructions (what both interpreters read). */
  readonly ops: readonly RoundOp[];
  apply(arms: readonly Arm[]): Arm[];
}

/** What one round leaves behind, per branch. */
export interface RoundOutcome {
  readonly weight: number;
  /** Eve's records appended during this round. */
  readonly records: string;
  readonly kdcAccepted: boolean | null;
  readonly memberContinues: boolean | null;
  readonly kdcOutcome: 0 | 1 | null;
  readonly memberOutcome: 0 | 1 | null;
  /** Eve's registers e0, e1 after the round. */
  readonly eve: DensityMatrix;
}

/** Whether the KDC takes part in this mode. */
export function kdcPresent(mode: Mode): boolean {
  return mode !== "impersonate-kdc";
}

/** Whether the genuine member takes part in this mode. */
export function memberPresent(mode: Mode): boolean {
  return mode !== "impersonate-member";
}

/**
 * The state at the start of a round: `|Phi+>_{sm} (x) |0>_f (x) rho_E` (eq. 8), or `|00>_{sm}`
 * when the KDC takes no part (Eve then prepares m herself).
 */
export function initialRoundState(ctx: RoundContext, eve: DensityMatrix): DensityMatrix {
  const sm = kdcPresent(ctx.mode) ? densityOf(bellKet("phi+")) : densityOf(bitsKet("00"));
  return tensor(sm, densityOf(qubitKet("0")), eve);
}

/**
 * Bloch angles of the information particle of eq. 9: parity reading `|K_{2i-1} XOR K_{2i}>`;
 * basis-encoded reading `|K_{2i}>` if K_{2i-1} = 0, `H|K_{2i}>` if K_{2i-1} = 1.
 */
export function infoParticleAngles(spec: VariantSpec, pair: KeyPair): { theta: number; phi: number } {
  if (spec.encoding === "parity") return { theta: (pair.first ^ pair.second) * Math.PI, phi: 0 };
  if (pair.first === 0) return { theta: pair.second * Math.PI, phi: 0 };
  return { theta: Math.PI / 2, phi: pair.second * Math.PI };
}

/** The KDC's check of step 7: the basis it measures f in and the outcome it accepts. */
function kdcCheck(spec: VariantSpec, kdcPair: KeyPair): { xBasis: boolean; expected: number } {
  return {
    xBasis: spec.encoding === "basis" && kdcPair.first === 1,
    expected: spec.encoding === "parity" ? kdcPair.first ^ kdcPair.second : kdcPair.second,
  };
}

/**
 * The member's f of eq. 9 as a ket `[re0, im0, re1, im1]` (as the reset instruction prepares it;
 * |0> when she takes no part: f is fresh), with a code in 0..4 one-to-one to it (within a variant).
 */
function memberKet(ctx: RoundContext): { code: number; ket: number[] } {
  if (!memberPresent(ctx.mode)) return { code: 4, ket: [1, 0, 0, 0] };
  const { theta, phi } = infoParticleAngles(ctx.spec, ctx.memberPair);
  const c = Math.cos(theta / 2), s = Math.sin(theta / 2);
  const pair = ctx.memberPair, code = ctx.spec.encoding === "parity" ? pair.first ^ pair.second : pairBits(pair);
  return { code, ket: [c, 0, Math.cos(phi) * s, Math.sin(phi) * s] };
}

/**
 * The state the KDC accepts f in (the column of its basis for the expected outcome; null when it
 * does not read f), with a code in 0..4 one-to-one to it.
 */
function kdcAcceptedKet(ctx: RoundContext): { code: number; ket: number[] | null } {
  if (!kdcPresent(ctx.mode) || !ctx.spec.kdcChecks) return { code: 4, ket: null };
  const { xBasis, expected } = kdcCheck(ctx.spec, ctx.kdcPair);
  const b = (xBasis ? H : I2).data;
  return { code: 2 * Number(xBasis) + expected, ket: [b[2 * expected], b[2 * expected + 1], b[2 * (2 + expected)], b[2 * (2 + expected) + 1]] };
}

/**
 * The bases of the updates of eq. 12 (Z; X for the member-x-update control), made once: read
 * only (a segment's instructions were built with new ones each time). They, and the kernel's I2
 * (the KDC's Z basis) and H, are shared by every op that names them, including those
 * {@link roundPhases} returns: their data must never be written (nothing does).
 */
const Z_BASIS = blochBasis(0, 0), X_BASIS = blochBasis(Math.PI / 2, 0);

/** The phases of one round, in order. */
export function roundPhases(ctx: RoundContext): RoundPhase[] {
  return roundSegments(ctx).flatMap((s) => s.phases());
}

/** A run of consecutive phases of a round. */
export interface RoundSegment {
  /** The phases (built when called). */
  phases(): RoundPhase[];
}

/**
 * The phases of a round in three segments, each keyed by the round compiler (round strategies
 * that share leading segments share their compilation): what reads nothing of the pairs
 * (channel on m, Eve on m); what reads the member's pair (her preparation of f, channel on f,
 * Eve on f); what reads the KDC's pair (its check, the message, the updates, Eve after them).
 *
 * `open`: the segments of an open round (krausRound.ts `KrausTrie`), which read none of the
 * pairs: the member does not prepare f and the KDC accepts without reading it (f is read at the
 * end of the round: nothing after the KDC's check touches f). Only the arms in which the KDC
 * accepts: the KDC's rejection is not modelled.
 */
export function roundSegments(ctx: RoundContext, open = false): RoundSegment[] {
  const noise = (name: string, slot: number): RoundPhase[] => (ctx.noise > 0 ? [noisePhase(name, slot, ctx.noise)] : []);
  const eve = (what: string, steps: readonly EveStep[], transit: number | null): RoundPhase[] =>
    steps.map((step, k) => phase(`Eve ${what} #${k + 1}`, () => formatStep(step), eveStepOps(step, transit)));
  const member = memberPresent(ctx.mode), kdc = kdcPresent(ctx.mode);
  return [
    { phases: () => [...noise("channel on m", SLOT.m), ...eve("on m", ctx.strategy.toMember, SLOT.m)] },
    {
      phases: () => [...(member ? [memberPhase(ctx, open)] : []), ...noise("channel on f", SLOT.f), ...eve("on f", ctx.strategy.toKdc, SLOT.f)],
    },
    {
      phases: () => [
        ...(kdc ? [kdcCheckPhase(ctx, open)] : []),
        messagePhase(ctx),
        ...(kdc ? [kdcUpdatePhase(ctx)] : []),
        ...(member ? [memberUpdatePhase(ctx)] : []),
        ...eve("after update", ctx.strategy.after, null),
      ],
    },
  ];
}

/**
 * Run one round exactly: every measurement branch with its probability, reduced to Eve's
 * registers and the classical facts. Computed by the compiled instrument (Kraus operators on Eve's registers);
 * equal (to round-off) to folding {@link roundPhases} over {@link initialRoundState}, which
 * {@link runRoundByPhases} does.
 */
export function runRound(ctx: RoundContext, eve: DensityMatrix): RoundOutcome[] {
  return roundRunner(ctx)(eve);
}

/** The classical facts of a round's branch that decide whether a run goes on with it. */
export type RoundDecisions = Pick<RoundOutcome, "kdcAccepted" | "memberContinues">;

/** {@link runRound} with the round's instructions compiled once, for many states of Eve's registers. */
export function roundRunner(ctx: RoundContext): (eve: DensityMatrix) => RoundOutcome[] {
  const compiled = compileKrausRound(roundPhases(ctx).flatMap((p) => p.ops), kdcPresent(ctx.mode));
  return (eve) => runKrausRound(compiled, eve);
}

/** A compiler of rounds (see {@link roundCompiler}). @internal */
export interface RoundCompiler {
  /** A handle on a strategy round's steps: equal handles, equal steps (interned by content; once per run and strategy round). */
  steps(strategy: RoundStrategy): number;
  /** The round of `ctx` compiled to its instrument on Eve's registers; `steps` is the handle of `ctx.strategy`. */
  compile(ctx: RoundContext, steps: number): KrausRound;
}

/**
 * The compiler of rounds that share a mode, variant, noise and `discard`, whatever their strategy
 * round: each round compiled to its instrument on Eve's registers (as {@link roundRunner}), the
 * arms in which the KDC rejects left out (the run drops them).
 *
 * Once per strategy round, not per pair of pairs: the round is linear in the member's f (a
 * preparation at the start of the member segment) and in the KDC's reading of it (a projection
 * at the end of its check, after which nothing touches f), so it is compiled once with f open
 * at both ends (krausRound.ts `KrausTrie`, `open`: f entangled with a reference qubit, read at
 * the end) and each pair of pairs takes `sum_ab psi_a conj(v_b) B_ab` of its blocks
 * (`specialise`; psi the member's f, v the state the KDC accepts). Three segment compilations
 * per strategy round instead of up to 7 (parity) or 21 (basis-encoded), on columns with two more
 * qubits (f and its reference) from the member's segment on: over 2,000 generated strategies
 * (n = 4, two sessions) 6,838 segment compilations instead of 19,786 (basis-encoded) and 6,797
 * instead of 10,872 (parity); instructions per warm evaluation -4 % (basis-encoded) and +5 %
 * (parity, where f's preparations and readings are |0> and |1> already: nothing to share), CPU
 * time per evaluation lower by more (the compilation's allocations). test/auth/openRound.test.ts
 * checks every specialisation against the round compiled for its pairs.
 *
 * Segments of {@link roundSegments} (open) are keyed by their content (the strategy round's steps
 * as exact text), so that rounds of a run with the same leading segments compile only what
 * follows them (the run keeps one compiler: model/auth/internal/compiledRun.ts). Keys are content,
 * never identity: what it returns does not depend on what it compiled before.
 * @internal
 */
export function roundCompiler(mode: Mode, discard?: (facts: RoundDecisions) => boolean): RoundCompiler {
  const trie = new KrausTrie(kdcPresent(mode), discard, true);
  // the steps of each transit as text, interned: segment keys are short
  const texts = new Map<string, number>();
  const intern = (text: string): number => {
    let id = texts.get(text);
    if (id === undefined) texts.set(text, (id = texts.size));
    return id;
  };
  // a handle's three texts' ids, its open rounds by whether the round is the first of a run (read
  // for a replayed message only), and the compiled rounds by (handle, first round, pairs)
  const handles: (readonly number[])[] = [];
  const opens = new Map<number, OpenRound>();
  const compiled = new Map<number, KrausRound>();
  // each segment's instructions built once per key (building them is a third of compiling)
  const built = new Map<string, KeyedOps>();
  return {
    steps(strategy) {
      const ids = [intern(stepsText(strategy.toMember)), intern(stepsText(strategy.toKdc)), intern(`${strategy.message}|${stepsText(strategy.after)}`)];
      const handle = intern(`#${ids.join(",")}`);
      handles[handle] = ids;
      return handle;
    },
    compile(ctx, steps) {
      const pairs = 4 * pairBits(ctx.kdcPair) + pairBits(ctx.memberPair), at = 32 * steps + 16 * Number(ctx.firstRound) + pairs;
      let round = compiled.get(at);
      if (round === undefined) {
        const first = ctx.strategy.message === "replay" && ctx.firstRound, openAt = 2 * steps + Number(first);
        let open = opens.get(openAt);
        if (open === undefined) {
          const ids = handles[steps];
          const keys = [`0|${ids[0]}`, `1|${ids[1]}`, `2${first ? "|first" : ""}|${ids[2]}`];
          let segments: RoundSegment[] | null = null;
          opens.set(openAt, (open = trie.compileOpen(keys.map((key, k): KeyedOps => {
            let segment = built.get(key);
            if (segment === undefined) {
              const ops = (segments ??= roundSegments(ctx, true))[k].phases().flatMap((p) => p.ops);
              built.set(key, (segment = { key, ops, touched: touchedSlots(ops) }));
            }
            return segment;
          }))));
        }
        const psi = memberKet(ctx), v = kdcAcceptedKet(ctx);
        compiled.set(at, (round = trie.specialise(open, 5 * psi.code + v.code, psi.ket, v.ket)));
      }
      return round;
    }
  };
}

/**
 * Eve's steps as text, one-to-one: per step its fields in order, a string as JSON, a number as
 * the four 16-bit units of its double (exact, -0 apart from 0, and ~3x faster than
 * `JSON.stringify`, whose number formatting was ~1.5 % of an evaluation).
 */
function stepsText(steps: readonly EveStep[]): string {
  let out = "";
  for (const step of steps) {
    for (const field in step) {
      const value: unknown = (step as unknown as Record<string, unknown>)[field];
      if (typeof value === "number") {
        BITS_F64[0] = value;
        out += `${field}#${String.fromCharCode(BITS_U16[0], BITS_U16[1], BITS_U16[2], BITS_U16[3])}`;
      } else out += `${field}$${typeof value === "string" ? jsonOfString(value) : JSON.stringify(value)}`;
    }
    out += ";";
  }
  return out;
}

const BITS_F64 = new Float64Array(1), BITS_U16 = new Uint16Array(BITS_F64.buffer);

/** A string as JSON, once per string (ops and targets: a few names; stepsText, with `JSON.stringify` per string field, was 1.7 % of a parity CPU profile). */
function jsonOfString(value: string): string {
  let text = JSON_OF_STRING.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    if (JSON_OF_STRING.size < 256) JSON_OF_STRING.set(value, text);
  }
  return text;
}

const JSON_OF_STRING = new Map<string, string>();

/** A pair as two bits (bit 0 is K_{2i-1}). */
function pairBits(pair: KeyPair): number {
  return pair.first | (pair.second << 1);
}

/** The reference for {@link runRound}: the phases folded on the five-qubit state through the kernel. */
export function runRoundByPhases(ctx: RoundContext, eve: DensityMatrix): RoundOutcome[] {
  let arms: Arm[] = [startArm(initialRoundState(ctx, eve))];
  for (const p of roundPhases(ctx)) arms = p.apply(arms);
  return arms.map((a) => ({
    weight: a.weight,
    records: a.records,
    kdcAccepted: a.kdcAccepted,
    memberContinues: a.memberContinues,
    kdcOutcome: a.kdcOutcome,
    memberOutcome: a.memberOutcome,
    eve: keepSubsystems(a.rho, [SLOT.e0, SLOT.e1]),
  }));
}

/** A phase; its detail line is formatted only when read (the compiled runner never reads it). */
function phase(name: string, detail: () => string, ops: RoundOp[]): RoundPhase {
  return new LazyPhase(name, detail, ops);
}

/** A class, not an object literal with a getter: literals with accessors were ~2 % of an evaluation (bench/auth.ts profile). */
class LazyPhase implements RoundPhase {
  constructor(readonly name: string, private readonly format: () => string, readonly ops: readonly RoundOp[]) {}
  get detail(): string {
    return this.format();
  }
  apply(arms: readonly Arm[]): Arm[] {
    return applyOps(arms, this.ops);
  }
}

function noisePhase(name: string, slot: number, p: number): RoundPhase {
  return phase(name, () => `depolarizing channel, p = ${p}`, [{ kind: "channel", channel: depolarizing(p), slot }]);
}

/** `open`: f is not prepared (an open round holds it in any state: krausRound.ts `specialise`). */
function memberPhase(ctx: RoundContext, open: boolean): RoundPhase {
  const { theta, phi } = infoParticleAngles(ctx.spec, ctx.memberPair);
  const cnot = ctx.spec.memberCnot;
  const ops: RoundOp[] = open ? [] : [{ kind: "reset", slot: SLOT.f, theta, phi }];
  if (cnot) ops.push({ kind: "unitary", gate: CNOT, slots: [SLOT.m, SLOT.f] });
  return phase(
    "member: eqs. 9-10",
    () => `prepare f (Bloch theta=${(theta / Math.PI).toFixed(2)}pi, phi=${(phi / Math.PI).toFixed(2)}pi) from (K_{2i-1}, K_{2i}) = (${ctx.memberPair.first}, ${ctx.memberPair.second})${cnot ? ", CNOT m -> f" : ", no CNOT"}, send f`,
    ops,
  );
}

/** `open`: the KDC accepts and f is left unread (an open round reads it at the end with the accepted state: krausRound.ts `specialise`). */
function kdcCheckPhase(ctx: RoundContext, open: boolean): RoundPhase {
  const { spec, kdcPair } = ctx;
  const { xBasis, expected } = kdcCheck(spec, kdcPair);
  const ops: RoundOp[] = spec.kdcCnot ? [{ kind: "unitary", gate: CNOT, slots: [SLOT.s, SLOT.f] }] : [];
  if (!spec.kdcChecks || open) ops.push({ kind: "decide", decide: () => ({ kdcAccepted: true }) });
  else ops.push({ kind: "measure", slot: SLOT.f, basis: xBasis ? H : I2, label: (_arm, k) => ({ kdcAccepted: k === expected }) });
  return phase(
    "KDC: eq. 11 and step 7",
    () => `${spec.kdcCnot ? "CNOT s -> f, " : ""}${spec.kdcChecks ? `measure f in ${xBasis ? "X" : "Z"}, accept iff outcome = ${expected}` : "accept without checking"}`,
    ops,
  );
}

function messagePhase(ctx: RoundContext): RoundPhase {
  const step = ctx.strategy.message;
  const decide = (a: ArmFacts): Partial<ArmFacts> => {
    if (!memberPresent(ctx.mode)) return {};
    const sent = a.kdcAccepted === null ? null : a.kdcAccepted;
    const received = step === "pass" ? sent === true : step === "continue" ? true : step === "abort" ? false : !ctx.firstRound;
    return { memberContinues: received };
  };
  return phase("classical decision message", () => `Eve: ${step}`, [{ kind: "decide", decide }]);
}

function kdcUpdatePhase(ctx: RoundContext): RoundPhase {
  const announce = ctx.spec.announcesUpdate;
  return phase(
    "KDC: eq. 12",
    () => `if accepted: measure s in Z, K'_{2i-1} = outcome${announce ? " (announced publicly)" : ""}`,
    [{
      kind: "measure",
      slot: SLOT.s,
      basis: Z_BASIS,
      when: (a) => a.kdcAccepted === true,
      label: (arm, k) => ({ kdcOutcome: k, records: announce ? arm.records + k : arm.records }),
    }],
  );
}

function memberUpdatePhase(ctx: RoundContext): RoundPhase {
  const x = ctx.spec.memberUpdateBasis === "X";
  return phase(
    "member: eq. 12",
    () => `if told to continue: measure m in ${x ? "X" : "Z"}, K'_{2i-1} = outcome`,
    [{ kind: "measure", slot: SLOT.m, basis: x ? X_BASIS : Z_BASIS, when: (a) => a.memberContinues === true, label: (_arm, k) => ({ memberOutcome: k }) }],
  );
}
