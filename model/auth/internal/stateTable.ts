/**
 * States of Eve's registers interned by value, private to one run: each distinct state (its
 * entries rounded to 1e-11, -0 made 0) gets a small integer id, so that caches and merges key on
 * numbers instead of strings. The classes are those of the decimal text of the rounded entries
 * (the string fingerprint this replaces, which with its string keys took ~7 % of an evaluation
 * in the bench/auth.ts profile): two states share an id iff their rounded entries are equal.
 *
 * The entries live in one growing slab (32 numbers per state) and a state is copied in only when
 * it is new: a 32-number Float64Array per state (an off-heap buffer each) cost ~10 % of an
 * evaluation in allocation and collection (bench/auth.ts profile).
 * @internal
 */
import type { DensityMatrix } from "../../kernel/index.js";
import { eveState } from "./mix.js";

/** Numbers per state (4 x 4 complex, interleaved). */
export const STATE_SIZE = 32;

/**
 * Most distinct states one run may hold (the outcome cache keys (program, state) pairs as
 * program * MAX_STATES + state); past it {@link StateTable.intern} throws {@link StateLimit}, which
 * the run turns into its size error. A state costs 1-2.5 kB with what the run keeps per state
 * (its entries twice, its hash bucket, its density matrix, its outcomes). Measured 2026-11-28 on
 * generated basis-encoded strategies at keyBits 12, six sessions (the largest valid sizes), before
 * this bound (2^24 then, which bounded nothing: 4 GB of entries):
 * - most hold a few dozen states or run past the cell bound first;
 * - one completes with 284,218 states at noise 0.02 (716 MB, 16 s of CPU; 229,742 at noise 0.05):
 *   test/auth/stateLimit.test.ts keeps it within the bound (a first bound of 2^18 rejected it);
 * - one reached 17,352 states in its second session and 573,302 in its third (766 MB, 14 s) and
 *   grew on past 1.7 GB: the bound ends it.
 * `verify`'s runs hold at most 54.
 */
export const MAX_STATES = 2 ** 19;

/** A run would hold more than `limit` distinct states (the run turns it into its size error). */
export class StateLimit extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} distinct states of Eve's registers in one run`);
  }
}

/** Scale of the rounding that decides when two states are the same. */
const ROUND_SCALE = 1e11;

/**
 * States the last table held: a new table starts with room for as many (at least 16), so that a
 * run like the last one does not grow its slab (growing, an allocation and copy of two off-heap
 * arrays each time, was ~2.5 % of a basis-encoded evaluation, CPU profile). Capacity only: no
 * result depends on it.
 */
let lastCount = 0;

/**
 * The rounded entries, private to the table in use and never handed out: one array reused by
 * the tables of one thread, one after another (a run's table is dropped before the next is made;
 * {@link StateTable.intern} reads only the entries of ids it assigned).
 */
let sharedRounded = new Float64Array(16 * STATE_SIZE);

/** The rounded entries of the state being interned. */
const ROUNDED = new Float64Array(STATE_SIZE);

/** States whose room a thread keeps between runs (1 MB of rounded entries). */
const STATES_KEPT = 4096;

/**
 * After a run: the rounded entries and the next table's initial room, if a large run grew them,
 * go back to {@link STATES_KEPT} states (a run stopped at the bound had left 64 MB in them for
 * the thread's lifetime, and the next small run pre-allocated as much; review of 2026-11-28).
 */
export function shrinkStateScratch(): void {
  if (sharedRounded.length > STATES_KEPT * STATE_SIZE) sharedRounded = new Float64Array(16 * STATE_SIZE);
  lastCount = Math.min(lastCount, STATES_KEPT);
}

/** Room (in numbers) of the thread's rounded entries: for tests of {@link shrinkStateScratch}. */
export function roundedRoom(): number {
  return sharedRounded.length;
}

/** Tables made so far in this thread: only the newest may intern (it owns {@link sharedRounded}). */
let tablesMade = 0;

/** A growing table of interned states (one per run; never shared between calls). */
export class StateTable {
  /** The entries of state id at `STATE_SIZE * id` (never written after interning). */
  slab = new Float64Array(Math.max(16, lastCount) * STATE_SIZE);
  private count = 0;
  private readonly serial = ++tablesMade;
  private readonly wrappers: (DensityMatrix | undefined)[] = [];
  /**
   * Ids by hash of the rounded entries (collisions resolved by comparing them). The hash takes
   * each entry's low 32 bits (`x | 0`, a truncation) instead of `x % 2147483647`, a floating-point
   * remainder, whose line was the hottest of `intern` (177 of ~400 profile ticks, basis-encoded,
   * 2,000 warm evaluations); a hash only picks the bucket, so no id changes.
   */
  private readonly byHash = new Map<number, number[]>();

  /** @param limit Most states the table may hold ({@link MAX_STATES}; tests lower it). */
  constructor(private readonly limit = MAX_STATES) {
    if (!(limit <= MAX_STATES)) throw new RangeError(`StateTable: limit ${limit} is above MAX_STATES (${MAX_STATES})`);
  }

  /** The id of the state held in `data` (32 numbers; copied when new). */
  intern(data: ArrayLike<number>): number {
    if (this.serial !== tablesMade) throw new RangeError("StateTable: a newer table is in use (tables share their rounded entries: one run at a time per thread)");
    const r = ROUNDED;
    let h = 0;
    for (let k = 0; k < STATE_SIZE; k++) {
      const x = Math.round(data[k] * ROUND_SCALE) + 0;
      r[k] = x;
      h = (Math.imul(h, 31) + (x | 0)) | 0; // x's low 32 bits (a bucket only; ids are decided by comparing the rounded entries)
    }
    let ids = this.byHash.get(h);
    if (ids === undefined) this.byHash.set(h, (ids = []));
    else for (const id of ids) if (this.sameRounded(id)) return id;
    if (this.count >= this.limit) throw new StateLimit(this.limit);
    const id = this.count++;
    if (this.slab.length < this.count * STATE_SIZE) this.grow();
    this.slab.set(data as ArrayLike<number>, id * STATE_SIZE);
    if (sharedRounded.length < this.count * STATE_SIZE) sharedRounded = grown(sharedRounded, id * STATE_SIZE);
    sharedRounded.set(r, id * STATE_SIZE);
    lastCount = this.count;
    ids.push(id);
    return id;
  }

  /** The number of distinct states interned so far. */
  get size(): number {
    return this.count;
  }

  /** State `id` as a density matrix: one object per id, so that caches keyed by identity hit. */
  state(id: number): DensityMatrix {
    return (this.wrappers[id] ??= eveState(this.slab.slice(id * STATE_SIZE, (id + 1) * STATE_SIZE)));
  }

  private sameRounded(id: number): boolean {
    const r = ROUNDED, at = id * STATE_SIZE;
    for (let k = 0; k < STATE_SIZE; k++) if (sharedRounded[at + k] !== r[k]) return false;
    return true;
  }

  private grow(): void {
    this.slab = grown(this.slab, this.slab.length);
  }
}

/** An array of twice the length holding the first `used` entries of `a`. */
function grown(a: Float64Array, used: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(2 * a.length);
  out.set(a.subarray(0, used));
  return out;
}
