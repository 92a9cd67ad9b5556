/**
 * The compiled round runner: the round's instructions ({@link RoundOp}) run on
 * {@link LiveState}s, each slot present only between its first and last use. Every operator is
 * turned into its small interleaved array once per instruction list, not once per branch.
 *
 * Equal to the reference interpreter (`applyOps` on the five-qubit state) up to round-off:
 * tracing out a qubit that no later instruction touches commutes with everything after it, a
 * measured qubit left in a basis state is uncorrelated with the rest, and an untouched |0> slot
 * is a tensor factor. test/auth/fastRound.test.ts checks the agreement to 1e-12.
 * @internal
 */
import { PROBABILITY_FLOOR, unsafeDensity, type DensityMatrix } from "../../kernel/index.js";
import type { RoundOutcome } from "../round.js";
import {
  appendQubit,
  applyChannel1,
  applyGate1,
  applyGate2,
  cloneState,
  compileGate2,
  contractSlot,
  controlledBlock,
  matrixOn,
  scaleState,
  superoperator,
  swapSlots,
  traceOf,
  traceOutSlot,
  type CompiledGate2,
  type LiveState,
} from "./liveState.js";
import { FLUSH_BELOW } from "./flush.js";
import { SLOT } from "./ops.js";
import { opSlots, type ArmFacts, type RoundOp } from "./roundOp.js";

/** A branch of the compiled run (owned by the runner, updated in place). */
interface LiveArm {
  weight: number;
  facts: ArmFacts;
  state: LiveState;
}

type Step =
  | { readonly kind: "gate1"; readonly slot: number; readonly u: ArrayLike<number>; readonly control: number | null }
  | { readonly kind: "gate2"; readonly a: number; readonly b: number; readonly g: CompiledGate2 }
  | { readonly kind: "swap"; readonly a: number; readonly b: number }
  | { readonly kind: "reset"; readonly slot: number; readonly sigma: Float64Array }
  | { readonly kind: "channel"; readonly slot: number; readonly s: Float64Array }
  | {
      readonly kind: "measure";
      readonly slot: number;
      /** Contraction weights `conj(v_a) v_b` and the projector `|v><v|`, per outcome. */
      readonly weights: readonly [Float64Array, Float64Array];
      readonly projectors: readonly [Float64Array, Float64Array];
      /** Whether a later instruction reads the slot (else the measured qubit is dropped at once). */
      readonly keep: boolean;
      readonly when?: (arm: ArmFacts) => boolean;
      readonly label: (arm: ArmFacts, outcome: 0 | 1) => Partial<ArmFacts>;
    }
  | { readonly kind: "decide"; readonly decide: (arm: ArmFacts) => Partial<ArmFacts> };

/** A compiled instruction with the slots that die right after it. */
interface CompiledStep {
  readonly step: Step;
  readonly dies: readonly number[];
}

const EVE_SLOTS: readonly number[] = [SLOT.e0, SLOT.e1];
const ZERO = new Float64Array([1, 0, 0, 0, 0, 0, 0, 0]);
const BELL_SM = (() => {
  const d = new Float64Array(32);
  for (const i of [0, 3]) for (const j of [0, 3]) d[2 * (i * 4 + j)] = 0.5;
  return d;
})();

/** A round's instructions compiled once, run on any state of Eve's registers. */
export interface CompiledRound {
  readonly steps: readonly CompiledStep[];
  /** Slots no instruction reads: traced out before the first step. */
  readonly deadAtStart: readonly number[];
  /** Whether s, m start in |Phi+> (the KDC takes part) rather than |00>. */
  readonly kdcPresent: boolean;
}

const NO_FACTS: ArmFacts = { records: "", kdcAccepted: null, memberContinues: null, kdcOutcome: null, memberOutcome: null };

/**
 * Run compiled instructions from `|Phi+>_{sm} (x) |0>_f (x) eve` (or `|00>_{sm}` when the KDC
 * takes no part) and reduce every branch to Eve's registers.
 */
export function runCompiledRound(round: CompiledRound, eve: DensityMatrix): RoundOutcome[] {
  let state: LiveState = { slots: [...EVE_SLOTS], data: eve.matrix.data.slice() };
  if (round.kdcPresent) state = startWithBell(state);
  state = dropSlots(state, round.deadAtStart);
  let arms: LiveArm[] = [{ weight: 1, facts: NO_FACTS, state }];
  for (const { step, dies } of round.steps) {
    arms = runStep(arms, step);
    if (dies.length > 0) for (const a of arms) a.state = dropSlots(a.state, dies);
  }
  return arms.map((a) => {
    const rest = dropSlots(a.state, a.state.slots.filter((s) => !EVE_SLOTS.includes(s)));
    return { weight: a.weight, ...a.facts, eve: unsafeDensity({ rows: 4, cols: 4, data: flushed(matrixOn(rest, EVE_SLOTS)) }, [2, 2]) };
  });
}

/** Entries below {@link FLUSH_BELOW} set to zero in place (as `flushTiny` would, without a copy). */
function flushed(data: Float64Array): Float64Array {
  for (let k = 0; k < data.length; k++) if (Math.abs(data[k]) < FLUSH_BELOW) data[k] = 0;
  return data;
}

function startWithBell(eve: LiveState): LiveState {
  // |Phi+><Phi+|_{sm} (x) eve, s and m leading
  const E = 4, D = 16, out = new Float64Array(2 * D * D);
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) {
    const b = BELL_SM[2 * (i * 4 + j)];
    if (b === 0) continue;
    for (let k = 0; k < E; k++) for (let l = 0; l < E; l++) {
      const src = 2 * (k * E + l), dst = 2 * ((i * E + k) * D + j * E + l);
      out[dst] = b * eve.data[src];
      out[dst + 1] = b * eve.data[src + 1];
    }
  }
  return { slots: [SLOT.s, SLOT.m, ...eve.slots], data: out };
}

function dropSlots(st: LiveState, slots: readonly number[]): LiveState {
  let out = st;
  for (const s of slots) if (out.slots.includes(s)) out = traceOutSlot(out, s);
  return out;
}

/** Make a slot live: an untouched slot holds |0>. */
function ensureLive(st: LiveState, slot: number): LiveState {
  return st.slots.includes(slot) ? st : appendQubit(st, slot, ZERO);
}

function runStep(arms: LiveArm[], step: Step): LiveArm[] {
  switch (step.kind) {
    case "decide":
      for (const a of arms) a.facts = { ...a.facts, ...step.decide(a.facts) };
      return arms;
    case "gate1":
      for (const a of arms) {
        a.state = ensureLive(a.state, step.slot);
        if (step.control !== null) a.state = ensureLive(a.state, step.control);
        applyGate1(a.state, step.slot, step.u, step.control);
      }
      return arms;
    case "gate2":
      for (const a of arms) {
        a.state = ensureLive(ensureLive(a.state, step.a), step.b);
        applyGate2(a.state, step.a, step.b, step.g);
      }
      return arms;
    case "swap":
      for (const a of arms) {
        a.state = ensureLive(ensureLive(a.state, step.a), step.b);
        swapSlots(a.state, step.a, step.b);
      }
      return arms;
    case "reset":
      for (const a of arms) {
        const rest = a.state.slots.includes(step.slot) ? traceOutSlot(a.state, step.slot) : a.state;
        a.state = appendQubit(rest, step.slot, step.sigma);
      }
      return arms;
    case "channel":
      for (const a of arms) {
        a.state = ensureLive(a.state, step.slot);
        applyChannel1(a.state, step.slot, step.s);
      }
      return arms;
    case "measure": {
      const out: LiveArm[] = [];
      for (const a of arms) {
        if (step.when !== undefined && !step.when(a.facts)) { out.push(a); continue; }
        const state = ensureLive(a.state, step.slot);
        for (const k of [0, 1] as const) {
          const branch = contractSlot(state, step.slot, step.weights[k]);
          const p = traceOf(branch);
          if (p < PROBABILITY_FLOOR) continue;
          scaleState(branch, 1 / p);
          out.push({
            weight: a.weight * p,
            facts: { ...a.facts, ...step.label(a.facts, k) },
            state: step.keep ? appendQubit(branch, step.slot, step.projectors[k]) : branch,
          });
        }
      }
      return out;
    }
  }
}

/**
 * Compile the instructions: operators to arrays, and for each slot of s, m, f the instruction
 * after which nothing reads it (it is traced out there; never used: traced out at the start).
 */
export function compileRound(ops: readonly RoundOp[], kdcPresent: boolean): CompiledRound {
  const lastUse = new Map<number, number>();
  ops.forEach((op, k) => { for (const s of opSlots(op)) lastUse.set(s, k); });
  const mortal: readonly number[] = [SLOT.s, SLOT.m, SLOT.f];
  const deadAtStart = mortal.filter((s) => !lastUse.has(s));
  const steps = ops.map((op, k): CompiledStep => {
    const dies = mortal.filter((s) => lastUse.get(s) === k);
    const keep = op.kind !== "measure" || !dies.includes(op.slot);
    return { step: compileOp(op, keep), dies };
  });
  return { steps, deadAtStart, kdcPresent };
}

function compileOp(op: RoundOp, keep: boolean): Step {
  switch (op.kind) {
    case "decide": return op;
    case "swap": return { kind: "swap", a: op.slots[0], b: op.slots[1] };
    case "channel": return { kind: "channel", slot: op.slot, s: superoperator(op.channel.kraus.map((k) => k.data)) };
    case "reset": {
      const c = Math.cos(op.theta / 2), s = Math.sin(op.theta / 2);
      return { kind: "reset", slot: op.slot, sigma: projector([c, 0, Math.cos(op.phi) * s, Math.sin(op.phi) * s]) };
    }
    case "unitary":
      if (op.slots.length === 1) return { kind: "gate1", slot: op.slots[0], u: op.gate.data, control: null };
      if (op.slots.length === 2) {
        const block = controlledBlock(op.gate.data);
        if (block !== null) return { kind: "gate1", slot: op.slots[1], u: block, control: op.slots[0] };
        return { kind: "gate2", a: op.slots[0], b: op.slots[1], g: compileGate2(op.gate.data) };
      }
      throw new RangeError(`runCompiledRound: a unitary on ${op.slots.length} slots is not supported (1 or 2)`);
    case "measure": {
      const b = op.basis.data;
      const column = (k: number): number[] => [b[2 * k], b[2 * k + 1], b[2 * (2 + k)], b[2 * (2 + k) + 1]];
      const v0 = column(0), v1 = column(1);
      return {
        kind: "measure",
        slot: op.slot,
        weights: [contraction(v0), contraction(v1)],
        projectors: [projector(v0), projector(v1)],
        keep,
        ...(op.when !== undefined ? { when: op.when } : {}),
        label: op.label,
      };
    }
  }
}

/** `|v><v|` of a qubit vector `v = [re0, im0, re1, im1]`, interleaved 2x2. */
function projector(v: readonly number[]): Float64Array {
  const out = new Float64Array(8);
  for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) {
    // v_a conj(v_b)
    const ar = v[2 * a], ai = v[2 * a + 1], br = v[2 * b], bi = -v[2 * b + 1];
    out[2 * (2 * a + b)] = ar * br - ai * bi;
    out[2 * (2 * a + b) + 1] = ar * bi + ai * br;
  }
  return out;
}

/** The contraction weights `w[a, b] = conj(v_a) v_b` of `<v| . |v>`. */
function contraction(v: readonly number[]): Float64Array {
  const out = new Float64Array(8);
  for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) {
    const ar = v[2 * a], ai = -v[2 * a + 1], br = v[2 * b], bi = v[2 * b + 1];
    out[2 * (2 * a + b)] = ar * br - ai * bi;
    out[2 * (2 * a + b) + 1] = ar * bi + ai * br;
  }
  return out;
}
