/**
 * Arrays of objects in one elements kind. V8 gives an array a hidden class by its elements kind:
 * an empty `[]`, a `filter` that kept nothing and a `map` of an empty array are SMI arrays, a
 * non-empty `map` result is a holey array of objects, a `filter` result a packed one. Code the
 * optimising compiler specialised for one kind deoptimises when another reaches it ("wrong map"),
 * and is compiled again. In a process evaluating 5,000 generated basis-encoded strategies the
 * optimising compiler's recompilations took 7.5 s against 6.5 s for its first compilations
 * (`node --trace-opt` times, wall clock at load ~8), most of them after "wrong map"
 * deoptimisations on arrays of arms, terms and Kraus operators that were sometimes empty; with
 * the hot arrays copied into {@link packed} arrays a 3,000-evaluation process deoptimises 17
 * times instead of 46 (`--trace-deopt`, 2026-11-27).
 * @internal
 */

/** An empty array of the packed-objects kind (kinds only generalise: emptying it kept the kind). */
const EMPTY: unknown[] = [{}];
EMPTY.length = 0;

/**
 * The items in a new packed array of objects (whatever kind `items` has, empty or not). Copied by
 * the `push` builtin through `apply` (its arguments taken from `items` by the runtime, whatever
 * their kind) rather than a loop: the loop's load, specialised for the kinds this one function had
 * seen from all its callers, deoptimised whichever caller inlined it when a new kind came
 * ("wrong map" at packed.js:20, under compileOpen, specialise, measureStep and compile:
 * `--trace-deopt-verbose`, 2026-11-28). Longer arrays go through in slices of {@link APPLY_LIMIT}
 * items (an argument list takes stack space in proportion to its length).
 */
export function packed<T>(items: readonly T[]): T[] {
  const out = EMPTY.slice() as T[];
  if (items.length <= APPLY_LIMIT) PUSH.apply(out, items as T[]);
  else for (let k = 0; k < items.length; k += APPLY_LIMIT) PUSH.apply(out, items.slice(k, k + APPLY_LIMIT) as T[]);
  return out;
}

const PUSH = Array.prototype.push;

/**
 * Items copied through one `apply` at most: arms, terms and records are far fewer. An argument
 * list takes stack in proportion to its length: an apply of 4,096 items threw "Maximum call
 * stack size exceeded" 0.9 of the way down the deepest stack in a review's test (node 20).
 */
const APPLY_LIMIT = 1024;
