/**
 * Arrays of objects in one elements kind. V8 gives an array a hidden class by its elements kind:
 * an empty `[]`, a `filter` that kept nothing and a `map` of an empty array are SMI arrays, a
 * non-empty `map` result is a holey array of objects, a `filter` result a packed one. Code the
 * optimising compiler specialised for one kind deoptimises when another reaches it ("wrong map"),
 * and is compiled again: in a run of 5,000 generated strategies (`node --trace-deopt`) the run
 * loop, the round compiler and the instrument's arrays deoptimised ~40 times on such arrays
 * (arms, terms, Kraus operators that were sometimes empty), and recompiling them cost as much
 * as compiling every function once (`--trace-opt` times), most of the slow first thousands of
 * evaluations of a process. The hot arrays are copied into {@link packed} arrays.
 * @internal
 */

/** An empty array of the packed-objects kind (kinds only generalise: emptying it kept the kind). */
const EMPTY: unknown[] = [{}];
EMPTY.length = 0;

/** The items in a new packed array of objects (whatever kind `items` has, empty or not). */
export function packed<T>(items: readonly T[]): T[] {
  const out = EMPTY.slice() as T[];
  for (let k = 0; k < items.length; k++) out.push(items[k]);
  return out;
}
