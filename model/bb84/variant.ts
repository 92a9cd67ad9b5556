/**
 * Readings of the private-key step (docs/protocol/02-bb84-private-keys.md) as named protocol variants. The paper
 * names no error correction and no privacy amplification; the model never picks silently.
 * @module
 */

/**
 * - `paper`: BB84 as written: random bases, sifting, a random test subset, `P^e < p_o` (eq. 4),
 *   the remaining bits are the key (eq. 5); no error correction, no privacy amplification.
 * - `with-pa`: the same plus error correction (Cascade, leak counted) and privacy amplification
 *   (Toeplitz hashing) sized from the estimated phase error rate.
 * - `z-only`: a broken variant without basis switching: every photon in Z; error correction and
 *   privacy amplification as in `with-pa`, sized from `e_Z`, the only estimate it has (negative control).
 * - `truncated-test`: broken estimation: the test sample is silently cut to `ceil(n/8)` bits
 *   (a bits-versus-bytes slip), the threshold still applied (negative control).
 * - `predictable-test`: broken estimation: the test positions are known to Eve in advance, so
 *   she attacks only the other positions (negative control).
 */
export type ProtocolVariant = "paper" | "with-pa" | "z-only" | "truncated-test" | "predictable-test";

/** Every variant, in a fixed order. */
export const PROTOCOL_VARIANTS: readonly ProtocolVariant[] = ["paper", "with-pa", "z-only", "truncated-test", "predictable-test"];

/** Whether the variant compresses the key by privacy amplification (and corrects errors). */
export function hasPrivacyAmplification(v: ProtocolVariant): boolean {
  return v === "with-pa" || v === "z-only";
}

/** Whether the KDC and the receiver choose bases at random (false only for `z-only`). */
export function switchesBases(v: ProtocolVariant): boolean {
  return v !== "z-only";
}

/**
 * The number of test bits the variant actually compares when it should compare n.
 * @example testedBits("truncated-test", 1000) // 125
 */
export function testedBits(v: ProtocolVariant, n: number): number {
  return v === "truncated-test" ? Math.ceil(n / 8) : n;
}

/** Validate a variant name; throws naming the known ones. */
export function protocolVariant(name: string): ProtocolVariant {
  if (!(PROTOCOL_VARIANTS as readonly string[]).includes(name)) {
    throw new RangeError(`variant must be one of ${PROTOCOL_VARIANTS.join(", ")}, got ${JSON.stringify(name)}`);
  }
  return name as ProtocolVariant;
}
