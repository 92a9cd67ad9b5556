/**
 * The compiled round as a quantum instrument on Eve's registers: for each classical outcome
 * (an arm: Eve's records, the KDC's and the member's decisions and update outcomes) the round's
 * instructions reduce to Kraus operators `K` from Eve's two registers to themselves, so that the
 * outcome's unnormalised state is `sum_K K rho_E K^dagger` and its probability its trace.
 *
 * The Kraus operators do not depend on `rho_E`, so they are computed once per instruction list
 * and applied to every state of Eve's registers the run meets (a few 4 x 4 products per arm),
 * instead of evolving a density matrix of up to 32 x 32 per state. They are found by evolving
 * the columns `V = |start>_{sm} (x) I_E` (rows: the live qubits, columns: Eve's input basis): a
 * qubit joins when first touched (f when the member prepares it); a unitary acts on the rows; a
 * measurement outcome projects them, or contracts the qubit away with `<v|` when no later
 * instruction reads it; a reset or a noise channel splits V into one term per Kraus operator of
 * its channel (the terms are summed, not told apart). At the end the qubits other than e0, e1 are
 * traced out: each 4 x 4 block of rows with those qubits fixed is one Kraus operator.
 *
 * Equal to the reference interpreter (`applyOps` on the five-qubit density matrix) up to
 * round-off; outcomes whose probability is below `PROBABILITY_FLOOR` are dropped, as the
 * reference drops a measurement outcome below it. test/auth/fastRound.test.ts checks the
 * agreement to 1e-12 on generated rounds (every variant, noise on and off) and
 * test/auth/fastEvaluation.test.ts on whole evaluations (both readings, noise on and off).
 *
 * Measured with bench/auth.ts (`npm run bench -- --only auth --baseline <old dist>`, interleaved
 * in one process): the evaluation as a whole (this runner with the run-loop changes of the same
 * branch) 2.0-3.0x the strategies/s of the live-qubit density-matrix runner it replaces.
 * @internal
 */
import { PROBABILITY_FLOOR, type DensityMatrix } from "../../kernel/index.js";
import type { RoundOutcome } from "../round.js";
import { FLUSH_BELOW } from "./flush.js";
import { eveState } from "./mix.js";
import { SLOT } from "./ops.js";
import { packed } from "./packed.js";
import { opSlots, type ArmFacts, type RoundOp } from "./roundOp.js";

/**
 * A term of the columns while compiling: a plain array of doubles, not a Float64Array:
 * compiling allocates one per term and instruction, and the allocation of small Float64Arrays (an
 * off-heap buffer each) was the hottest line of the compile (CPU profile of bench/auth.ts's
 * strategies, basis-encoded: the compile 38 % of an evaluation before, 30 % after). The Kraus
 * operators it ends with stay Float64Arrays: applying them is faster on those.
 */
type Column = number[];

/**
 * `n` zeros as a packed array of doubles: a copy of a template per length (built once by pushes
 * of a double, so that its elements are packed doubles; a slice keeps that kind). Pushing into a
 * new array per call grew it several times: appendQubit's zeros were 8 % of the bytes an
 * evaluation allocates (sampling heap profile, basis-encoded).
 */
function zeros(n: number): Column {
  let template = ZERO_TEMPLATES[n];
  if (template === undefined) {
    template = [];
    for (let k = 0; k < n; k++) template.push(0.5);
    template.fill(0);
    ZERO_TEMPLATES[n] = template;
  }
  return template.slice();
}

/** Zero columns by length (never written: {@link zeros} copies them). */
const ZERO_TEMPLATES: Column[] = [];

/** Eve's input basis: the columns of every term. */
const COLS = 4;

/** A term of the columns whose squared norm is at most this is zero (it adds <= 1e-32 to any probability). */
const ZERO_NORM2 = 1e-32;

const EVE_SLOTS: readonly number[] = [SLOT.e0, SLOT.e1];
const KET0 = [1, 0, 0, 0], KET1 = [0, 0, 1, 0];

/**
 * An arm while compiling: its facts, its live slots (most significant first; a slot joins when
 * first touched, as |0> or in its prepared state, and leaves when measured for the last time)
 * and the terms of its columns, each `2^slots.length` rows of {@link COLS} complex numbers.
 */
interface ColumnArm {
  facts: ArmFacts;
  slots: number[];
  terms: Column[];
  /**
   * Whether the columns of `terms` belong to this arm (may be written in place) or are still the
   * parent node's (copy on write: {@link owned}). Copying every term of every arm at the start of
   * each segment was a copy of all the columns per segment whether an instruction wrote them in
   * place or made new ones anyway (measurements, resets, channels, new qubits make new columns).
   */
  owned: boolean;
}

/** An outcome of the compiled round: its facts and Kraus operators (4 x 4, interleaved, 32 numbers each). */
export interface KrausArm {
  readonly facts: ArmFacts;
  readonly kraus: readonly Float64Array[];
}

/** A round compiled to its instrument on Eve's registers. */
export interface KrausRound {
  readonly arms: readonly KrausArm[];
}

const NO_FACTS: ArmFacts = { records: "", kdcAccepted: null, memberContinues: null, kdcOutcome: null, memberOutcome: null };

/**
 * Compile a round's instructions to its instrument, starting from `|Phi+>_{sm} |0>_f` (or
 * `|00>_{sm} |0>_f` when the KDC takes no part); every arm is kept (the run's compiler drops
 * the arms that end a session: {@link KrausTrie}'s `discard`).
 * @throws RangeError when a unitary acts on more than two slots.
 */
export function compileKrausRound(ops: readonly RoundOp[], kdcPresent: boolean): KrausRound {
  return new KrausTrie(kdcPresent).compile([{ key: "", ops }]);
}

/** A run of consecutive instructions with a key: equal keys (at the same place) mean equal instructions. */
export interface KeyedOps {
  readonly key: string;
  readonly ops: readonly RoundOp[];
  /** The slots `ops` touch as a bit mask ({@link touchedSlots}), when the caller keeps it. */
  readonly touched?: number;
}

/**
 * A node of the trie: the arms after the segments on its path (never written after creation),
 * or null when not kept: a node whose round (or open round) is compiled and that no longer list
 * passes through drops its arms ({@link KrausTrie.release}), and they are advanced again from its
 * parent (the same instructions on the same columns, so the same numbers) if one ever does.
 */
interface TrieNode {
  arms: readonly ColumnArm[] | null;
  readonly children: Map<string, TrieNode>;
  /** The node it extends, and its segment's instructions with their {@link endings} (null at the root). */
  readonly parent: TrieNode | null;
  readonly ops: readonly RoundOp[];
  readonly dies: readonly boolean[];
  round: KrausRound | null;
  open: OpenRound | null;
}

/**
 * The slot of f's reference in an open compile: a qubit no instruction touches, prepared with f
 * in `sum_a |a>_fin |a>_f`, so that the rows with fin = a are the round run on f prepared in |a>.
 */
const FIN = 5;

/** Numbers in one open block set: four 4 x 4 blocks, (f prepared a, f read b) at `32 * (2a + b)`. */
const OPEN_BLOCKS = 4 * 32;

/**
 * An arm of an open round ({@link KrausTrie} with `open`): per term and value of the traced-out
 * slots, the blocks `B_ab = (<b|_f (x) I) K (|a>_f (x) I)` on Eve's registers (f as prepared by
 * the member and as read by the KDC at the end of the round, each in {|0>, |1>}).
 */
interface OpenArm {
  readonly facts: ArmFacts;
  readonly blocks: readonly Float64Array[];
}

/**
 * A round compiled with f left open at both ends: the instrument for any preparation |psi> of f
 * and any reading of it is a bilinear combination of its blocks ({@link specialise}).
 */
export interface OpenRound {
  readonly arms: readonly OpenArm[];
  /** Its specialisations by the caller's key for (psi, v), built once each: runs key programs by the round object. */
  readonly rounds: Map<number, KrausRound>;
}

/**
 * {@link compileKrausRound} for many instruction lists that share leading segments: the arms
 * after each distinct prefix of segments are kept, and a list compiles only the segments after
 * its longest known prefix. A segment's place in the trie is its key and the slots the segments
 * after it touch (which of its measurements end a qubit depends on them), so equal keys must mean
 * equal instructions. Its nodes are never written after creation, so what it returns does not
 * depend on what it compiled before. Private to its caller; pure from outside.
 *
 * `open`: f joins entangled with a reference (`sum_a |a>_fin |a>_f`, when first touched, instead
 * of being prepared by an instruction) and is never contracted (nor read by a measurement that ends it): the
 * instructions must not prepare f, and the KDC's reading of f is left to {@link specialise}. One
 * open round then serves every pair of pairs ({@link specialise}; round.ts `roundCompiler`).
 */
export class KrausTrie {
  private readonly root: TrieNode;
  /** Slots that never end inside the round (f when open: it is read at the end). */
  private readonly keep: number;

  constructor(kdcPresent: boolean, private readonly discard?: (facts: ArmFacts) => boolean, private readonly isOpen = false) {
    const start = kdcPresent ? bellStart() : { facts: NO_FACTS, slots: [...EVE_SLOTS], terms: [identityColumns()], owned: false };
    this.root = { arms: [start], children: new Map(), parent: null, ops: [], dies: [], round: null, open: null };
    this.keep = isOpen ? 1 << SLOT.f : 0;
  }

  /** @throws RangeError when a unitary acts on more than two slots, or when the trie is open. */
  compile(segments: readonly KeyedOps[]): KrausRound {
    if (this.isOpen) throw new RangeError("KrausTrie.compile: an open trie compiles open rounds (compileOpen)");
    const node = this.node(segments);
    if (node.round === null) {
      node.round = { arms: packed(this.armsOf(node).map((a) => ({ facts: a.facts, kraus: packed(a.terms.flatMap((v) => krausOf(a.slots, v))) }))) };
      this.release(node);
    }
    return node.round;
  }

  /** The open round of the instructions (the trie must be open). @throws RangeError as {@link compile}, or when the trie is not open. */
  compileOpen(segments: readonly KeyedOps[]): OpenRound {
    if (!this.isOpen) throw new RangeError("KrausTrie.compileOpen: the trie is not open");
    const node = this.node(segments);
    if (node.open === null) {
      // loops into packed arrays: `map` of an arms array that was sometimes empty (another
      // elements kind) deoptimised this method twice per process ("wrong map", trace-deopt)
      const arms = packed<OpenArm>([]);
      for (const arm of this.armsOf(node)) {
        const a = withOpenF(arm), blocks = packed<Float64Array>([]);
        for (const v of a.terms) for (const b of openBlocks(a.slots, v)) blocks.push(b);
        arms.push({ facts: a.facts, blocks });
      }
      node.open = { arms, rounds: new Map() };
      this.release(node);
    }
    return node.open;
  }

  /**
   * The open round for f prepared in |psi> (`[re0, im0, re1, im1]`) and read by the KDC with the
   * bra `<v|` (v as the column of its basis; null when nobody reads f: it is traced out): each
   * Kraus operator `sum_ab psi_a conj(v_b) B_ab` (or, traced, `sum_a psi_a B_ab` per b). The same
   * object for the same `key`, which the caller gives one-to-one to (psi, v).
   */
  specialise(open: OpenRound, key: number, psi: readonly number[], v: readonly number[] | null): KrausRound {
    let round = open.rounds.get(key);
    if (round === undefined) {
      round = { arms: packed(open.arms.map((a): KrausArm => ({ facts: a.facts, kraus: combined(a.blocks, psi, v) }))) };
      open.rounds.set(key, round);
    }
    return round;
  }

  private node(segments: readonly KeyedOps[]): TrieNode {
    const after: number[] = new Array(segments.length);
    for (let s = segments.length - 1, mask = this.keep; s >= 0; s--) { after[s] = mask; mask |= segments[s].touched ?? touchedSlots(segments[s].ops); }
    let node = this.root;
    for (let k = 0; k < segments.length; k++) {
      const s = segments[k], key = `${s.key}#${after[k]}`;
      let child = node.children.get(key);
      if (child === undefined) {
        const dies = endings(s.ops, after[k]), arms = this.advance(this.armsOf(node), s.ops, dies);
        node.children.set(key, (child = { arms, children: new Map(), parent: node, ops: s.ops, dies, round: null, open: null }));
      }
      node = child;
    }
    return node;
  }

  /** The node's arms, advanced again from its parent's when they were released. */
  private armsOf(node: TrieNode): readonly ColumnArm[] {
    if (node.arms === null) node.arms = this.advance(this.armsOf(node.parent!), node.ops, node.dies);
    return node.arms;
  }

  /**
   * Drop the arms of a node that no longer list passes through, once its round is compiled: the
   * last segment's columns (the widest: f and its reference live) are never read again. Written
   * when compilers were shared across runs, where they were the largest part of what survived
   * the young generation's collections (~40 KB per fresh basis-encoded evaluation promoted, with
   * this ~28 KB; sampling heap profile of survivors, 2026-11-28); with a compiler per run
   * (compiledRun.ts) it only shortens their life within the run.
   */
  private release(node: TrieNode): void {
    if (node.children.size > 0 || node.arms === null || node === this.root) return;
    node.arms = null;
  }

  private advance(from: readonly ColumnArm[], ops: readonly RoundOp[], dies: readonly boolean[]): ColumnArm[] {
    // the parent's columns are shared until an instruction writes them in place (never written after creation)
    let arms = packed(from.map((a): ColumnArm => ({ facts: a.facts, slots: a.slots.slice(), terms: a.terms, owned: false })));
    ops.forEach((op, k) => {
      if (this.isOpen) {
        if (op.kind === "reset" && op.slot === SLOT.f) throw new RangeError("KrausTrie: an open round must not prepare f");
        if (opSlots(op).includes(SLOT.f)) arms = packed(arms.map(withOpenF));
      }
      arms = step(arms, op, dies[k], this.discard);
      if (this.discard !== undefined && (op.kind === "measure" || op.kind === "decide")) arms = packed(arms.filter((a) => !this.discard!(a.facts)));
    });
    return arms;
  }
}

/** Numbers in a 4 x 4 complex matrix (interleaved). */
const STATE_NUMBERS = 2 * 4 * COLS;

/** The slots a list of instructions touches, as a bit mask. */
export function touchedSlots(ops: readonly RoundOp[]): number {
  let mask = 0;
  for (const op of ops) for (const slot of opSlots(op)) mask |= 1 << slot;
  return mask;
}

/** Per instruction: whether it measures a qubit other than Eve's for the last time (nothing later, here or in `after`, touches it). */
function endings(ops: readonly RoundOp[], after: number): boolean[] {
  const dies: boolean[] = new Array(ops.length);
  let later = after;
  for (let k = ops.length - 1; k >= 0; k--) {
    const op = ops[k];
    dies[k] = op.kind === "measure" && (later & (1 << op.slot)) === 0 && !EVE_SLOTS.includes(op.slot);
    for (const slot of opSlots(op)) later |= 1 << slot;
  }
  return dies;
}

/** `I_E` as columns: row e, column e. */
function identityColumns(): Column {
  const v = zeros(2 * COLS * COLS);
  for (let e = 0; e < COLS; e++) v[2 * (e * COLS + e)] = 1;
  return v;
}

/**
 * The arm with f open, if it is not live yet: f joins with its reference as `sum_a |a>_fin |a>_f`
 * (two new least significant qubits, fin then f), so that the rows with fin = a are the arm with
 * f prepared in |a>.
 */
function withOpenF(a: ColumnArm): ColumnArm {
  if (a.slots.includes(SLOT.f)) return a;
  const terms = packed(a.terms.map((v) => {
    const rows = v.length / (2 * COLS), out = zeros(4 * v.length);
    for (let r = 0; r < rows; r++) for (let x = 0; x < 2; x++) {
      const p = 2 * r * COLS, q = 2 * (4 * r + 3 * x) * COLS;
      for (let k = 0; k < 2 * COLS; k++) out[q + k] = v[p + k];
    }
    return out;
  }));
  return { facts: a.facts, slots: [...a.slots, FIN, SLOT.f], terms, owned: true };
}

/** `|Phi+>_{sm} (x) I_E` on the slots [s, m, e0, e1]. */
function bellStart(): ColumnArm {
  const v = zeros(2 * 16 * COLS);
  for (const sm of [0, 3]) for (let e = 0; e < COLS; e++) v[2 * ((sm * 4 + e) * COLS + e)] = Math.SQRT1_2;
  return { facts: NO_FACTS, slots: [SLOT.s, SLOT.m, ...EVE_SLOTS], terms: [v], owned: false };
}

/**
 * One instruction on every arm. A function per kind of instruction, this one only dispatching:
 * the switch with every kind's body in it was the costliest function for the optimising compiler
 * in the bench's regime (`--single-threaded --trace-opt`, 200 warm-up evaluations then 1,200
 * fresh basis-encoded ones: 140 ms of 682 ms compiling in the timed evaluations), recompiled
 * whole whenever a rarely met kind first ran; split, a kind is compiled when it is hot.
 */
function step(arms: ColumnArm[], op: RoundOp, dies: boolean, discard: ((facts: ArmFacts) => boolean) | undefined): ColumnArm[] {
  switch (op.kind) {
    case "decide": return decideStep(arms, op);
    case "unitary": return unitaryStep(arms, op);
    case "swap": return swapStep(arms, op);
    case "reset": return resetStep(arms, op);
    case "channel": return channelStep(arms, op);
    case "measure": return measureStep(arms, op, dies, discard);
  }
}

type OpOf<K extends RoundOp["kind"]> = Extract<RoundOp, { kind: K }>;

function decideStep(arms: ColumnArm[], op: OpOf<"decide">): ColumnArm[] {
  for (const a of arms) a.facts = withFacts(a.facts, op.decide(a.facts));
  return arms;
}

function unitaryStep(arms: ColumnArm[], op: OpOf<"unitary">): ColumnArm[] {
  const g = op.gate.data;
  if (op.slots.length === 1) {
    for (const a of arms) { live(a, op.slots[0]); owned(a); for (const v of a.terms) gate1(v, a.slots, op.slots[0], g, null); }
    return arms;
  }
  if (op.slots.length === 2) {
    const [c, t] = op.slots;
    const block = controlledBlock(g);
    for (const a of arms) {
      live(a, c); live(a, t); owned(a);
      for (const v of a.terms) if (block !== null) gate1(v, a.slots, t, block, c); else gate2(v, a.slots, c, t, g);
    }
    return arms;
  }
  throw new RangeError(`compileKrausRound: a unitary on ${op.slots.length} slots is not supported (1 or 2)`);
}

/** A relabelling: the two slots trade names. */
function swapStep(arms: ColumnArm[], op: OpOf<"swap">): ColumnArm[] {
  for (const a of arms) {
    live(a, op.slots[0]); live(a, op.slots[1]);
    const pa = a.slots.indexOf(op.slots[0]), pb = a.slots.indexOf(op.slots[1]);
    a.slots[pa] = op.slots[1]; a.slots[pb] = op.slots[0];
  }
  return arms;
}

/** Kraus {|psi><0|, |psi><1|}: the old qubit is contracted away, the new one joins. */
function resetStep(arms: ColumnArm[], op: OpOf<"reset">): ColumnArm[] {
  const c = Math.cos(op.theta / 2), s = Math.sin(op.theta / 2);
  const psi = [c, 0, Math.cos(op.phi) * s, Math.sin(op.phi) * s];
  for (const a of arms) {
    let terms = a.terms, slots = a.slots;
    if (slots.includes(op.slot)) {
      terms = nonzero(terms.flatMap((v) => [contract(v, slots, op.slot, KET0), contract(v, slots, op.slot, KET1)]));
      slots = slots.filter((x) => x !== op.slot);
    }
    a.terms = packed(terms.map((v) => appendQubit(v, psi)));
    a.slots = [...slots, op.slot];
    a.owned = true;
  }
  return arms;
}

function channelStep(arms: ColumnArm[], op: OpOf<"channel">): ColumnArm[] {
  const kraus = op.channel.kraus.map((k) => k.data);
  for (const a of arms) {
    live(a, op.slot);
    a.terms = nonzero(a.terms.flatMap((v) => kraus.map((k) => { const w = v.slice(); gate1(w, a.slots, op.slot, k, null); return w; })));
    a.owned = true;
  }
  return arms;
}

function measureStep(arms: ColumnArm[], op: OpOf<"measure">, dies: boolean, discard: ((facts: ArmFacts) => boolean) | undefined): ColumnArm[] {
  const b = op.basis.data;
  // per outcome k its basis vector v_k, and |v_k><v_k| when the qubit stays: once per instruction
  // (per arm, outcome and term, they were ~2 % of the bytes an evaluation allocated)
  const kets = [[b[0], b[1], b[4], b[5]], [b[2], b[3], b[6], b[7]]];
  const projectors = dies ? null : [projector(kets[0]), projector(kets[1])];
  const out = packed<ColumnArm>([]);
  for (const a of arms) {
    if (op.when !== undefined && !op.when(a.facts)) { out.push(a); continue; }
    live(a, op.slot);
    for (let k: 0 | 1 = 0; k < 2; k = (k + 1) as 0 | 1) {
      const facts = withFacts(a.facts, op.label(a.facts, k));
      // an outcome the caller drops is not computed (e.g. the KDC's rejection)
      if (discard !== undefined && discard(facts)) continue;
      // <v_k| then gone (nothing reads the qubit again), or |v_k><v_k|
      const terms = packed<Column>([]);
      for (const v of a.terms) {
        const w = projectors === null ? contract(v, a.slots, op.slot, kets[k]) : projected(v, a.slots, op.slot, projectors[k]);
        if (isNonzero(w)) terms.push(w);
      }
      if (terms.length === 0) continue;
      out.push({ facts, slots: dies ? a.slots.filter((x) => x !== op.slot) : a.slots.slice(), terms, owned: true });
    }
  }
  return out;
}

/** `{ ...facts, ...patch }` as one object of a fixed shape (the spreads were ~1 % of an evaluation). */
function withFacts(facts: ArmFacts, patch: Partial<ArmFacts>): ArmFacts {
  return {
    records: patch.records !== undefined ? patch.records : facts.records,
    kdcAccepted: patch.kdcAccepted !== undefined ? patch.kdcAccepted : facts.kdcAccepted,
    memberContinues: patch.memberContinues !== undefined ? patch.memberContinues : facts.memberContinues,
    kdcOutcome: patch.kdcOutcome !== undefined ? patch.kdcOutcome : facts.kdcOutcome,
    memberOutcome: patch.memberOutcome !== undefined ? patch.memberOutcome : facts.memberOutcome,
  };
}

/** Make a slot live in an arm: an untouched slot holds |0>. */
function live(a: ColumnArm, slot: number): void {
  if (a.slots.includes(slot)) return;
  a.terms = packed(a.terms.map((v) => appendQubit(v, KET0)));
  a.slots = [...a.slots, slot];
  a.owned = true;
}

/** Make an arm's columns its own before they are written in place (copy on write). */
function owned(a: ColumnArm): void {
  if (a.owned) return;
  a.terms = packed(a.terms.map((v) => v.slice()));
  a.owned = true;
}

/** Row bit of a slot among the live slots. */
function bitOf(slots: readonly number[], slot: number): number {
  return 1 << (slots.length - 1 - slots.indexOf(slot));
}

/** The terms whose norm is not zero. */
function nonzero(terms: Column[]): Column[] {
  const out = packed<Column>([]);
  for (const v of terms) if (isNonzero(v)) out.push(v);
  return out;
}

/**
 * Whether a term's norm is not zero. (A measurement, the hottest caller, tests each new term as
 * it makes it: `nonzero` of its `map` result, an array of another elements kind than the other
 * callers' `flatMap` results, deoptimised the measurement: "wrong map", trace-deopt.)
 */
function isNonzero(v: Column): boolean {
  let n = 0;
  for (let k = 0; k < v.length; k++) n += v[k] * v[k];
  return n > ZERO_NORM2;
}

/** `V (x) |x>`: a new least significant qubit in the state x (`[re0, im0, re1, im1]`). */
function appendQubit(v: Column, x: readonly number[]): Column {
  const rows = v.length / (2 * COLS), out = zeros(2 * v.length);
  for (let r = 0; r < rows; r++) for (let a = 0; a < 2; a++) {
    const xr = x[2 * a], xi = x[2 * a + 1];
    if (xr === 0 && xi === 0) continue;
    const p = 2 * r * COLS, q = 2 * (2 * r + a) * COLS;
    for (let k = 0; k < 2 * COLS; k += 2) {
      out[q + k] = xr * v[p + k] - xi * v[p + k + 1];
      out[q + k + 1] = xr * v[p + k + 1] + xi * v[p + k];
    }
  }
  return out;
}

/** `<x|_slot V`: the slot contracted with the bra of x (the qubit leaves). */
function contract(v: Column, slots: readonly number[], slot: number, x: readonly number[]): Column {
  const bit = bitOf(slots, slot), rows = v.length / (2 * COLS), out = zeros(v.length / 2);
  const x0r = x[0], x0i = -x[1], x1r = x[2], x1i = -x[3];
  for (let r = 0; r < rows; r++) {
    if (r & bit) continue;
    const p = 2 * r * COLS, q = 2 * (r | bit) * COLS;
    // the row without the bit: high part shifted down by one
    const o = 2 * (((r & ~(bit - 1)) >> 1) | (r & (bit - 1))) * COLS;
    for (let k = 0; k < 2 * COLS; k += 2) {
      const ar = v[p + k], ai = v[p + k + 1], br = v[q + k], bi = v[q + k + 1];
      out[o + k] = x0r * ar - x0i * ai + x1r * br - x1i * bi;
      out[o + k + 1] = x0r * ai + x0i * ar + x1r * bi + x1i * br;
    }
  }
  return out;
}

/** `P V` as a new term, P on the slot (a 2 x 2, interleaved: {@link projector}). */
function projected(v: Column, slots: readonly number[], slot: number, p: readonly number[]): Column {
  const out = v.slice();
  gate1(out, slots, slot, p, null);
  return out;
}

/** `|x><x|` for x = `[re0, im0, re1, im1]`, a 2 x 2 (interleaved). */
function projector(x: readonly number[]): Column {
  const p = zeros(8);
  for (let a = 0; a < 2; a++) for (let b = 0; b < 2; b++) {
    // x_a conj(x_b)
    const ar = x[2 * a], ai = x[2 * a + 1], br = x[2 * b], bi = -x[2 * b + 1];
    p[2 * (2 * a + b)] = ar * br - ai * bi;
    p[2 * (2 * a + b) + 1] = ar * bi + ai * br;
  }
  return p;
}

/**
 * `V -> (M on slot) V` in place, M a 2 x 2 (interleaved); with `control`, only the rows with the
 * control bit set (the controlled gate `|0><0| (x) I + |1><1| (x) M`). Bit flips (CNOT, X) swap
 * rows and diagonal gates (CZ, Z) scale them.
 */
function gate1(v: Column, slots: readonly number[], slot: number, m: ArrayLike<number>, control: number | null): void {
  const bit = bitOf(slots, slot), cm = control === null ? 0 : bitOf(slots, control), rows = v.length / (2 * COLS);
  const ar = m[0], ai = m[1], br = m[2], bi = m[3], cr = m[4], ci = m[5], dr = m[6], di = m[7];
  const flip = ar === 0 && ai === 0 && dr === 0 && di === 0 && br === 1 && bi === 0 && cr === 1 && ci === 0;
  const diagonal = br === 0 && bi === 0 && cr === 0 && ci === 0;
  for (let r = 0; r < rows; r++) {
    if (r & bit || (r & cm) !== cm) continue;
    const p = 2 * r * COLS, q = 2 * (r | bit) * COLS;
    if (flip) {
      for (let k = 0; k < 2 * COLS; k++) { const x = v[p + k]; v[p + k] = v[q + k]; v[q + k] = x; }
    } else if (diagonal) {
      for (let k = 0; k < 2 * COLS; k += 2) {
        const xr = v[p + k], xi = v[p + k + 1], yr = v[q + k], yi = v[q + k + 1];
        v[p + k] = ar * xr - ai * xi; v[p + k + 1] = ar * xi + ai * xr;
        v[q + k] = dr * yr - di * yi; v[q + k + 1] = dr * yi + di * yr;
      }
    } else {
      for (let k = 0; k < 2 * COLS; k += 2) {
        const xr = v[p + k], xi = v[p + k + 1], yr = v[q + k], yi = v[q + k + 1];
        v[p + k] = ar * xr - ai * xi + br * yr - bi * yi;
        v[p + k + 1] = ar * xi + ai * xr + br * yi + bi * yr;
        v[q + k] = cr * xr - ci * xi + dr * yr - di * yi;
        v[q + k + 1] = cr * xi + ci * xr + dr * yi + di * yr;
      }
    }
  }
}

/**
 * The 2x2 block U when a 4x4 gate on [control, target] is `|0><0| (x) I + |1><1| (x) U`
 * (CNOT, CZ, controlled-U3), else null.
 */
function controlledBlock(g: ArrayLike<number>): number[] | null {
  const at = (r: number, c: number, k: 0 | 1): number => g[2 * (4 * r + c) + k];
  for (let r = 0; r < 4; r++) for (let c = 0; c < 4; c++) {
    if (r >= 2 && c >= 2) continue;
    if (at(r, c, 0) !== (r === c ? 1 : 0) || at(r, c, 1) !== 0) return null;
  }
  return Array.from([at(2, 2, 0), at(2, 2, 1), at(2, 3, 0), at(2, 3, 1), at(3, 2, 0), at(3, 2, 1), at(3, 3, 0), at(3, 3, 1)]);
}

/** `V -> (U on [a, b]) V` in place, U a dense 4 x 4 (interleaved), a its leading factor. */
function gate2(v: Column, slots: readonly number[], a: number, b: number, u: ArrayLike<number>): void {
  const ba = bitOf(slots, a), bb = bitOf(slots, b), rows = v.length / (2 * COLS);
  const idx = [0, 0, 0, 0], xr = [0, 0, 0, 0], xi = [0, 0, 0, 0];
  for (let r = 0; r < rows; r++) {
    if (r & (ba | bb)) continue;
    idx[0] = r; idx[1] = r | bb; idx[2] = r | ba; idx[3] = r | ba | bb;
    for (let k = 0; k < 2 * COLS; k += 2) {
      for (let t = 0; t < 4; t++) { const p = 2 * idx[t] * COLS + k; xr[t] = v[p]; xi[t] = v[p + 1]; }
      for (let t = 0; t < 4; t++) {
        let sr = 0, si = 0;
        for (let w = 0; w < 4; w++) {
          const ur = u[2 * (4 * t + w)], ui = u[2 * (4 * t + w) + 1];
          sr += ur * xr[w] - ui * xi[w];
          si += ur * xi[w] + ui * xr[w];
        }
        const p = 2 * idx[t] * COLS + k;
        v[p] = sr; v[p + 1] = si;
      }
    }
  }
}

/**
 * The row bits of the live slots other than `kept`, in order: a loop into an array of small
 * integers (a `filter` then `map`, whose result was sometimes empty, another elements kind,
 * deoptimised openBlocks: "wrong map", trace-deopt).
 */
function otherBits(slots: readonly number[], kept: readonly number[]): number[] {
  const out: number[] = [];
  for (const s of slots) if (!kept.includes(s)) out.push(bitOf(slots, s));
  return out;
}

/** The slots an open term keeps (f, its reference, Eve's registers). */
const OPEN_KEPT: readonly number[] = [SLOT.f, FIN, ...EVE_SLOTS];

/**
 * The term's Kraus operators: the slots other than e0, e1 traced out, one 4 x 4 block (rows e0 e1,
 * columns Eve's input) per value of theirs, zero blocks left out.
 */
function krausOf(slots: readonly number[], v: Column): Float64Array[] {
  const q = slots.length, b0 = bitOf(slots, SLOT.e0), b1 = bitOf(slots, SLOT.e1);
  const others = otherBits(slots, EVE_SLOTS);
  const out: Float64Array[] = [];
  for (let t = 0; t < 1 << (q - 2); t++) {
    let base = 0;
    for (let k = 0; k < others.length; k++) if (t & (1 << k)) base |= others[k];
    const kraus = new Float64Array(2 * 4 * COLS);
    let n = 0;
    for (let o = 0; o < 4; o++) {
      const row = base | (o & 2 ? b0 : 0) | (o & 1 ? b1 : 0);
      for (let k = 0; k < 2 * COLS; k++) { const x = v[2 * row * COLS + k]; kraus[2 * o * COLS + k] = x; n += x * x; }
    }
    if (n > ZERO_NORM2) out.push(kraus);
  }
  return out;
}

/**
 * An open term's blocks: the slots other than fin, f, e0, e1 traced out; per value of theirs the
 * four blocks (rows e0 e1 with fin = a, f = b; columns Eve's input), a set that is zero left out.
 * Views of the {@link reserve}d arena (as {@link combined}'s): a Float64Array per set, an
 * off-heap buffer each, made openBlocks the hottest function of the compile (CPU profile, parity,
 * 2,500 warm evaluations: 146 ms of 1,038); a buffer per term was still its hottest line.
 */
function openBlocks(slots: readonly number[], v: Column): Float64Array[] {
  const bf = bitOf(slots, SLOT.f), bin = bitOf(slots, FIN), b0 = bitOf(slots, SLOT.e0), b1 = bitOf(slots, SLOT.e1);
  const others = otherBits(slots, OPEN_KEPT);
  let at = reserve(OPEN_BLOCKS << others.length);
  const buffer = arena;
  const out = packed<Float64Array>([]);
  for (let t = 0; t < 1 << others.length; t++) {
    let base = 0;
    for (let k = 0; k < others.length; k++) if (t & (1 << k)) base |= others[k];
    let n = 0;
    for (let ab = 0; ab < 4; ab++) for (let o = 0; o < 4; o++) {
      const row = base | (ab & 2 ? bin : 0) | (ab & 1 ? bf : 0) | (o & 2 ? b0 : 0) | (o & 1 ? b1 : 0);
      for (let k = 0; k < 2 * COLS; k++) { const x = v[2 * row * COLS + k]; buffer[at + 32 * ab + 2 * o * COLS + k] = x; n += x * x; }
    }
    if (n > ZERO_NORM2) { out.push(buffer.subarray(at, at + OPEN_BLOCKS)); at += OPEN_BLOCKS; }
    else buffer.fill(0, at, at + OPEN_BLOCKS);
  }
  arenaUsed = at;
  return out;
}

/**
 * The Kraus operators of an arm's block sets (see {@link specialise}), zero ones left out: views
 * of the {@link reserve}d arena instead of a Float64Array (an off-heap buffer) each: specialising
 * went from 4.4 % to 3.1 % of a CPU profile (basis-encoded, 2,000 warm evaluations, one run each
 * at load ~7; instructions per evaluation unchanged within the noise).
 */
function combined(blocks: readonly Float64Array[], psi: readonly number[], v: readonly number[] | null): Float64Array[] {
  const per = v === null ? 2 : 1;
  let at = reserve(STATE_NUMBERS * per * blocks.length);
  const buffer = arena;
  const out = packed<Float64Array>([]);
  for (const set of blocks) for (let b = 0; b < per; b++) {
    for (let a = 0; a < 2; a++) for (let bb = 0; bb < 2; bb++) {
      if (v === null && bb !== b) continue;
      // psi_a conj(v_bb), or psi_a when f is traced
      const pr = psi[2 * a], pi = psi[2 * a + 1];
      const vr = v === null ? 1 : v[2 * bb], vi = v === null ? 0 : -v[2 * bb + 1];
      const cr = pr * vr - pi * vi, ci = pr * vi + pi * vr;
      if (cr === 0 && ci === 0) continue;
      const from = 32 * (2 * a + bb);
      for (let k = 0; k < STATE_NUMBERS; k += 2) {
        const xr = set[from + k], xi = set[from + k + 1];
        buffer[at + k] += cr * xr - ci * xi;
        buffer[at + k + 1] += cr * xi + ci * xr;
      }
    }
    let n = 0;
    for (let k = 0; k < STATE_NUMBERS; k++) n += buffer[at + k] * buffer[at + k];
    if (n > ZERO_NORM2) { out.push(buffer.subarray(at, at + STATE_NUMBERS)); at += STATE_NUMBERS; }
    else buffer.fill(0, at, at + STATE_NUMBERS);
  }
  arenaUsed = at;
  return out;
}

/**
 * Numbers per arena: the compiled blocks and Kraus operators are views of a few large
 * Float64Arrays instead of one (an off-heap buffer, allocated, zeroed and tracked by the garbage
 * collector) per term or arm. An arena lives while any view of it does (a run's compiler is
 * dropped with the run: compiledRun.ts), so at most this much beyond what the compilers hold.
 */
const ARENA_NUMBERS = 2 ** 15;

/** The current arena: zero from {@link arenaUsed} on (what was reserved and not kept is zeroed again). */
let arena = new Float64Array(0);
let arenaUsed = 0;

/**
 * Reserve `n` zeroed numbers of {@link arena} (a new arena when it has no room): returns where
 * they start. The caller writes from there, keeps views of what it uses, zeroes what it does not,
 * and sets {@link arenaUsed} to the end of what it kept. One reservation at a time (no caller
 * reserves while another's reservation is open: both are leaves of the compile).
 */
function reserve(n: number): number {
  if (arenaUsed + n > arena.length) {
    arena = new Float64Array(Math.max(ARENA_NUMBERS, n));
    arenaUsed = 0;
  }
  return arenaUsed;
}

/** Scratch for `K rho` (4 x 4). */
const kr = new Float64Array(32);

/**
 * Run the instrument on a state of Eve's registers: per arm, `sigma = sum_K K rho K^dagger`,
 * its probability `tr sigma` and its normalised state (entries below `FLUSH_BELOW` set to zero).
 */
export function runKrausRound(round: KrausRound, eve: DensityMatrix): RoundOutcome[] {
  const out: RoundOutcome[] = [];
  for (const arm of round.arms) {
    const sigma = new Float64Array(32);
    const p = armState(arm.kraus, eve.matrix.data, 0, sigma);
    if (p >= PROBABILITY_FLOOR) out.push({ weight: p, ...arm.facts, eve: eveState(sigma) });
  }
  return out;
}

/**
 * One arm of the instrument on `rho` (4 x 4 interleaved, from index `at`): writes its
 * normalised state into `sigma` (zeroed, 32 numbers; entries below `FLUSH_BELOW` set to zero)
 * and returns its probability; an arm whose probability is below `PROBABILITY_FLOOR` (or NaN)
 * is not normalised and its probability should be dropped by the caller.
 */
export function armState(kraus: readonly Float64Array[], rho: ArrayLike<number>, at: number, sigma: Float64Array): number {
  for (const k of kraus) sandwich(k, rho, at, sigma);
  const p = sigma[0] + sigma[10] + sigma[20] + sigma[30];
  if (!(p >= PROBABILITY_FLOOR)) return p;
  const inv = 1 / p;
  for (let i = 0; i < 32; i++) {
    const x = sigma[i] * inv;
    sigma[i] = Math.abs(x) < FLUSH_BELOW ? 0 : x;
  }
  return p;
}

/**
 * `sigma += K rho K^dagger` for 4 x 4 interleaved matrices. The sums over l are written out
 * (the same terms added in the same order as the loop over l they replace, so the same numbers);
 * a row of K (or of K rho) and a column of rho (or a row of K) are read once into locals.
 */
function sandwich(k: Float64Array, rho: ArrayLike<number>, at: number, sigma: Float64Array): void {
  for (let i = 0; i < 4; i++) {
    const a = 8 * i;
    const x0r = k[a], x0i = k[a + 1], x1r = k[a + 2], x1i = k[a + 3], x2r = k[a + 4], x2i = k[a + 5], x3r = k[a + 6], x3i = k[a + 7];
    for (let j = 0; j < 4; j++) {
      // rho[l, j] at at + 2 (4 l + j)
      const b = at + 2 * j;
      const y0r = rho[b], y0i = rho[b + 1], y1r = rho[b + 8], y1i = rho[b + 9], y2r = rho[b + 16], y2i = rho[b + 17], y3r = rho[b + 24], y3i = rho[b + 25];
      let sr = 0, si = 0;
      sr += x0r * y0r - x0i * y0i; si += x0r * y0i + x0i * y0r;
      sr += x1r * y1r - x1i * y1i; si += x1r * y1i + x1i * y1r;
      sr += x2r * y2r - x2i * y2i; si += x2r * y2i + x2i * y2r;
      sr += x3r * y3r - x3i * y3i; si += x3r * y3i + x3i * y3r;
      kr[a + 2 * j] = sr; kr[a + 2 * j + 1] = si;
    }
  }
  // (K rho) K^dagger: [i, j] = sum_l (K rho)[i, l] conj(K[j, l]); Hermitian, so the upper
  // triangle is computed and mirrored ([j, i] = conj [i, j], equal up to round-off)
  for (let i = 0; i < 4; i++) {
    const a = 8 * i;
    const x0r = kr[a], x0i = kr[a + 1], x1r = kr[a + 2], x1i = kr[a + 3], x2r = kr[a + 4], x2i = kr[a + 5], x3r = kr[a + 6], x3i = kr[a + 7];
    for (let j = i; j < 4; j++) {
      const b = 8 * j;
      const y0r = k[b], y0i = -k[b + 1], y1r = k[b + 2], y1i = -k[b + 3], y2r = k[b + 4], y2i = -k[b + 5], y3r = k[b + 6], y3i = -k[b + 7];
      let sr = 0, si = 0;
      sr += x0r * y0r - x0i * y0i; si += x0r * y0i + x0i * y0r;
      sr += x1r * y1r - x1i * y1i; si += x1r * y1i + x1i * y1r;
      sr += x2r * y2r - x2i * y2i; si += x2r * y2i + x2i * y2r;
      sr += x3r * y3r - x3i * y3i; si += x3r * y3i + x3i * y3r;
      sigma[a + 2 * j] += sr; sigma[a + 2 * j + 1] += si;
      if (j > i) { sigma[b + 2 * i] += sr; sigma[b + 2 * i + 1] -= si; }
    }
  }
}
