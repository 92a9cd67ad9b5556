/**
 * Sampled mode, step 1: a seeded finite run of N pulses (docs/protocol/02-bb84-private-keys.md, steps 1-3). For every
 * pulse the KDC draws its bit `S_i^b` and basis (eq. 3), the receiver draws its basis, and Bob's
 * record and Eve's guess are drawn from the exact per-pulse distribution `P(k, g | a, x, b)`
 * of {@link outcomeTable}, so the sampled strings have exactly the model's law.
 * @module
 */
import { withRng, type Rng } from "../../random.js";
import type { outcomeTable } from "../outcomeTable.js"; // for the docs link

/** The per-pulse records of a sampled run, one byte per pulse in each array. */
export interface PulseRecords {
  readonly count: number;
  /** KDC basis a (0 = Z, 1 = X). */
  readonly kdcBases: Uint8Array;
  /** KDC bit x, the string S_b of eq. 3. */
  readonly kdcBits: Uint8Array;
  /** Receiver basis b. */
  readonly receiverBases: Uint8Array;
  /** Receiver record: 0, 1, or 2 = no click. */
  readonly receiverRecords: Uint8Array;
  /** Eve's guess of the KDC bit after the basis announcement. */
  readonly eveGuesses: Uint8Array;
}

/** How the bases are chosen: uniformly at random, or always Z (the `z-only` negative control). */
export type BasisChoice = "random" | "z-only";

/**
 * Sample `count` pulses from an {@link outcomeTable}. One 53-bit uniform per pulse: its top three bits choose (a, x, b), the
 * rest picks the outcome from the cumulative table. Pulses with index below `honestPrefix`
 * are drawn from `honest` instead (Eve leaves them alone; the `predictable-test` control).
 * @example samplePulses(outcomeTable(IDEAL_LINK, NO_ADVERSARY), 1e6, "random", seeded(1))
 */
export function samplePulses(
  table: ReturnType<typeof outcomeTable>,
  count: number,
  bases: BasisChoice,
  rng: Rng,
  honest?: { readonly table: Float64Array; readonly prefix: number },
): [PulseRecords, Rng] {
  if (!(Number.isInteger(count) && count >= 0)) throw new RangeError(`samplePulses: count must be a non-negative integer, got ${count}`);
  if (table.length !== 48) throw new RangeError(`samplePulses: the outcome table must have 48 entries, got ${table.length}`);
  const attacked = cumulative(table);
  const clean = honest ? cumulative(honest.table) : attacked;
  const prefix = honest ? Math.min(count, honest.prefix) : 0;
  const kdcBases = new Uint8Array(count), kdcBits = new Uint8Array(count), receiverBases = new Uint8Array(count);
  const receiverRecords = new Uint8Array(count), eveGuesses = new Uint8Array(count);
  const zOnly = bases === "z-only";
  return withRng(rng, (r) => {
    for (let i = 0; i < count; i++) {
      const cum = i < prefix ? clean : attacked;
      const f = r.float() * 8;
      let c = f | 0;
      const u = f - c;
      if (zOnly) c = c & 2; // a = b = Z, x from the middle bit
      const base = 6 * c;
      let o = 0;
      while (o < 5 && u >= cum[base + o]) o++;
      kdcBases[i] = c >> 2;
      kdcBits[i] = (c >> 1) & 1;
      receiverBases[i] = c & 1;
      receiverRecords[i] = o >> 1;
      eveGuesses[i] = o & 1;
    }
    return { count, kdcBases, kdcBits, receiverBases, receiverRecords, eveGuesses };
  });
}

function cumulative(table: Float64Array): Float64Array {
  const out = new Float64Array(48);
  for (let c = 0; c < 8; c++) {
    let acc = 0;
    for (let k = 0; k < 6; k++) out[6 * c + k] = acc += table[6 * c + k];
    out[6 * c + 5] = Infinity; // round-off never selects past the last outcome
  }
  return out;
}
