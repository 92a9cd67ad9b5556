/**
 * Sampled mode, step 3: parameter estimation and the threshold decision (docs/protocol/02-bb84-private-keys.md#eq-4, step 4,
 * eq. 4). The KDC and the receiver publish a random subset of n sifted bits, count the
 * differences, continue iff `P^e = errors/n < p_o`, and drop the published bits from the key.
 * @module
 */
import { withRng, type Rng } from "../../random.js";
import { acceptsEstimate } from "../threshold.js";
import type { SiftedKey } from "./sift.js";

/** What the test sample showed and what is left of the key. */
export interface Estimate {
  /** Bits published (removed from the key). */
  readonly testSize: number;
  /** Bits actually compared (fewer than `testSize` only in the `truncated-test` control). */
  readonly compared: number;
  readonly errors: number;
  /** `P^e` of eq. 4. */
  readonly qber: number;
  /** Compared bits and errors per basis (Z, X). */
  readonly comparedByBasis: readonly [number, number];
  readonly errorsByBasis: readonly [number, number];
  /** eq. 4: `P^e < p_o`. */
  readonly accepted: boolean;
  /** The sifted key without the published bits. */
  readonly key: SiftedKey;
}

/** Which positions are published and how many of them are compared. */
export interface TestSelection {
  /** `random`: a uniformly random n-subset (Floyd's algorithm); `prefix`: the first n sifted bits. */
  readonly positions: "random" | "prefix";
  /** Bits compared out of the n published. */
  readonly compared: number;
}

/**
 * Estimate the QBER on n published bits and apply eq. 4.
 * @throws RangeError when the sifted key has fewer than n bits.
 */
export function estimate(sifted: SiftedKey, n: number, threshold: number, selection: TestSelection, rng: Rng): [Estimate, Rng] {
  if (!(Number.isInteger(n) && n > 0)) throw new RangeError(`estimate: test size must be a positive integer, got ${n}`);
  if (sifted.length < n) throw new RangeError(`estimate: test size ${n} exceeds the ${sifted.length} sifted bits`);
  const m = sifted.length;
  const [marked, next] = selection.positions === "prefix" ? [prefixMarks(m, n), rng] : withRng(rng, (r) => floyd(m, n, r.int));
  let compared = 0, errors = 0;
  const cmp = [0, 0], err = [0, 0];
  const keep = m - n;
  const key = { kdc: new Uint8Array(keep), receiver: new Uint8Array(keep), eve: new Uint8Array(keep), bases: new Uint8Array(keep) };
  let j = 0;
  for (let i = 0; i < m; i++) {
    if (marked[i]) {
      if (compared < selection.compared) {
        const e = sifted.kdc[i] !== sifted.receiver[i] ? 1 : 0;
        compared++;
        errors += e;
        cmp[sifted.bases[i]]++;
        err[sifted.bases[i]] += e;
      }
      continue;
    }
    key.kdc[j] = sifted.kdc[i];
    key.receiver[j] = sifted.receiver[i];
    key.eve[j] = sifted.eve[i];
    key.bases[j] = sifted.bases[i];
    j++;
  }
  const qber = compared > 0 ? errors / compared : 0;
  return [
    {
      testSize: n,
      compared,
      errors,
      qber,
      comparedByBasis: [cmp[0], cmp[1]],
      errorsByBasis: [err[0], err[1]],
      accepted: acceptsEstimate(errors, compared, threshold),
      key: { length: keep, ...key },
    },
    next,
  ];
}

/** Floyd's sampling of n distinct positions out of m, as a 0/1 mark per position. */
function floyd(m: number, n: number, int: (from: number, to: number) => number): Uint8Array {
  const marked = new Uint8Array(m);
  for (let j = m - n; j < m; j++) {
    const t = int(0, j);
    if (marked[t]) marked[j] = 1;
    else marked[t] = 1;
  }
  return marked;
}

function prefixMarks(m: number, n: number): Uint8Array {
  const marked = new Uint8Array(m);
  marked.fill(1, 0, n);
  return marked;
}
