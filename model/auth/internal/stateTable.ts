/**
 * States of Eve's registers interned by value, private to one run: each distinct state (its
 * entries rounded to 1e-11, -0 made 0) gets a small integer id, so that caches and merges key on
 * numbers instead of strings. The classes are those of the decimal text of the rounded entries
 * (the string fingerprint this replaces, which with its string keys took ~7 % of an evaluation
 * in the bench/auth.ts profile): two states share an id iff their rounded entries are equal.
 * @internal
 */
import type { DensityMatrix } from "../../kernel/index.js";
import { eveState } from "./mix.js";

/** Scale of the rounding that decides when two states are the same. */
const ROUND_SCALE = 1e11;

/** A growing table of interned states (one per run; never shared between calls). */
export class StateTable {
  /** The states by id (4 x 4 interleaved, never written after interning). */
  private readonly data: Float64Array[] = [];
  private readonly rounded: Float64Array[] = [];
  private readonly wrappers: (DensityMatrix | undefined)[] = [];
  /** Ids by hash of the rounded entries (collisions resolved by comparing them). */
  private readonly byHash = new Map<number, number[]>();

  /** The id of the state `data` (which the table keeps: the caller must not write it afterwards). */
  intern(data: Float64Array): number {
    const r = new Float64Array(data.length);
    let h = 0;
    for (let k = 0; k < data.length; k++) {
      const x = Math.round(data[k] * ROUND_SCALE) + 0;
      r[k] = x;
      h = (Math.imul(h, 31) + (x % 2147483647)) | 0;
    }
    const ids = this.byHash.get(h);
    if (ids === undefined) this.byHash.set(h, [this.data.length]);
    else {
      for (const id of ids) if (sameEntries(this.rounded[id], r)) return id;
      ids.push(this.data.length);
    }
    this.data.push(data);
    this.rounded.push(r);
    this.wrappers.push(undefined);
    return this.data.length - 1;
  }

  /** The entries of state `id`. */
  entries(id: number): Float64Array {
    return this.data[id];
  }

  /** State `id` as a density matrix: one object per id, so that caches keyed by identity hit. */
  state(id: number): DensityMatrix {
    return (this.wrappers[id] ??= eveState(this.data[id]));
  }
}

function sameEntries(a: Float64Array, b: Float64Array): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
  return true;
}
