/**
 * Honest acceptance under depolarizing noise, derived by hand (Pauli-error propagation), to
 * check the density-matrix computation against.
 *
 * Depolarizing(p) applies X, Y, Z each with probability p/4, so a Z-basis bit flips with
 * q = p/2 and an X-basis value flips with q = p/2. With both CNOTs (eqs. 10-11) the KDC's Z
 * outcome on f is `k XOR x_m XOR x_f`, x the bit flips on m and f: accepted with
 * `(1-q)^2 + q^2`. An X-basis f (basis-encoded, K_{2i-1} = 1) is untouched by the CNOTs (it only
 * kicks a phase back onto s and m), so only f's own phase flip matters: `1 - q`.
 * @module
 */
import { checkKeyBits, keyPair, type KeyPair } from "./key.js";
import { variantSpec, type AuthVariant } from "./variant.js";

/**
 * Honest acceptance of one round of the protocol as the paper specifies it (eqs. 8-11, both
 * CNOTs, the KDC's check) in the variant's encoding, noise p on each transit; for a given pair,
 * or averaged over a uniform pair. A control variant that breaks the circuit is measured against
 * this value, which is what makes it fail.
 * @example honestRoundAcceptance("parity", 0.1) // 0.95^2 + 0.05^2 = 0.905
 */
export function honestRoundAcceptance(variant: AuthVariant, p: number, pair?: KeyPair): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`honestRoundAcceptance: p must be in [0, 1], got ${p}`);
  const q = p / 2;
  const zBasis = (1 - q) ** 2 + q ** 2;
  const xBasis = 1 - q;
  if (variantSpec(variant).encoding === "parity") return zBasis;
  if (pair !== undefined) return pair.first === 0 ? zBasis : xBasis;
  return (zBasis + xBasis) / 2;
}

/**
 * Honest acceptance of one session of n/2 rounds: the product of the rounds' acceptances
 * (for a fixed key), or `honestRoundAcceptance^{n/2}` averaged over a uniform key.
 */
export function honestSessionAcceptance(variant: AuthVariant, p: number, keyBits: number, key?: number): number {
  checkKeyBits("honestSessionAcceptance", keyBits);
  let acc = 1;
  for (let i = 0; i < keyBits / 2; i++) acc *= honestRoundAcceptance(variant, p, key === undefined ? undefined : keyPair(key, i));
  return acc;
}
