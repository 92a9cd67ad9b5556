/**
 * Sampled mode, step 2: sifting (docs/protocol/02-bb84-private-keys.md, step 3). The KDC announces its bases; positions
 * where the receiver used another basis, or had no click, are discarded.
 * @module
 */
import type { PulseRecords } from "./pulses.js";

/** The sifted strings, aligned position by position. */
export interface SiftedKey {
  readonly length: number;
  /** The KDC's sifted bits. */
  readonly kdc: Uint8Array;
  /** The receiver's sifted bits. */
  readonly receiver: Uint8Array;
  /** Eve's guesses of the KDC's sifted bits. */
  readonly eve: Uint8Array;
  /** The basis of each sifted bit. */
  readonly bases: Uint8Array;
}

/**
 * Keep the positions with `a = b` and a click.
 * @example sift(records).length // about N/2 on a lossless link
 */
export function sift(p: PulseRecords): SiftedKey {
  const kdc = new Uint8Array(p.count), receiver = new Uint8Array(p.count), eve = new Uint8Array(p.count), bases = new Uint8Array(p.count);
  let m = 0;
  for (let i = 0; i < p.count; i++) {
    if (p.kdcBases[i] !== p.receiverBases[i] || p.receiverRecords[i] === 2) continue;
    kdc[m] = p.kdcBits[i];
    receiver[m] = p.receiverRecords[i];
    eve[m] = p.eveGuesses[i];
    bases[m] = p.kdcBases[i];
    m++;
  }
  return { length: m, kdc: kdc.slice(0, m), receiver: receiver.slice(0, m), eve: eve.slice(0, m), bases: bases.slice(0, m) };
}
