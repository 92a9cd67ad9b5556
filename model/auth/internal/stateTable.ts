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

/** Most states one run may hold (the outcome cache keys (program, state) pairs as program * MAX_STATES + state). */
export const MAX_STATES = 2 ** 24;

/** Scale of the rounding that decides when two states are the same. */
const ROUND_SCALE = 1e11;

/** A growing table of interned states (one per run; never shared between calls). */
export class StateTable {
  /** The entries of state id at `STATE_SIZE * id` (never written after interning). */
  slab = new Float64Array(16 * STATE_SIZE);
  private rounded = new Float64Array(16 * STATE_SIZE);
  private count = 0;
  private readonly scratch = new Float64Array(STATE_SIZE);
  private readonly wrappers: (DensityMatrix | undefined)[] = [];
  /** Ids by hash of the rounded entries (collisions resolved by comparing them). */
  private readonly byHash = new Map<number, number[]>();

  /** The id of the state held in `data` (32 numbers; copied when new). */
  intern(data: ArrayLike<number>): number {
    const r = this.scratch;
    let h = 0;
    for (let k = 0; k < STATE_SIZE; k++) {
      const x = Math.round(data[k] * ROUND_SCALE) + 0;
      r[k] = x;
      h = (Math.imul(h, 31) + (x % 2147483647)) | 0;
    }
    let ids = this.byHash.get(h);
    if (ids === undefined) this.byHash.set(h, (ids = []));
    else for (const id of ids) if (this.sameRounded(id)) return id;
    if (this.count >= MAX_STATES) throw new RangeError(`StateTable: more than ${MAX_STATES} distinct states of Eve's registers in one run`);
    const id = this.count++;
    if (this.slab.length < this.count * STATE_SIZE) this.grow();
    this.slab.set(data as ArrayLike<number>, id * STATE_SIZE);
    this.rounded.set(r, id * STATE_SIZE);
    ids.push(id);
    return id;
  }

  /** State `id` as a density matrix: one object per id, so that caches keyed by identity hit. */
  state(id: number): DensityMatrix {
    return (this.wrappers[id] ??= eveState(this.slab.slice(id * STATE_SIZE, (id + 1) * STATE_SIZE)));
  }

  private sameRounded(id: number): boolean {
    const r = this.scratch, at = id * STATE_SIZE;
    for (let k = 0; k < STATE_SIZE; k++) if (this.rounded[at + k] !== r[k]) return false;
    return true;
  }

  private grow(): void {
    const slab = new Float64Array(2 * this.slab.length), rounded = new Float64Array(2 * this.rounded.length);
    slab.set(this.slab);
    rounded.set(this.rounded);
    this.slab = slab;
    this.rounded = rounded;
  }
}
