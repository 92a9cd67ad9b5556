/**
 * The two BB84 bases and the four prepared states (docs/protocol/02-bb84-private-keys.md, step 2): the KDC encodes bit
 * `S_i^b` (eq. 3) as `|0>, |1>` in the rectilinear basis Z or `|+>, |->` in the diagonal basis X.
 *
 * Bases are indices (`0` = Z, `1` = X) so that tables can be indexed by them; all four states have
 * real amplitudes. Reference: Bennett & Brassard 1984.
 * @module
 */

/** A BB84 basis: 0 = rectilinear Z, 1 = diagonal X. */
export type Basis = 0 | 1;

/** The basis names, indexed by {@link Basis}. */
export const BASIS_NAMES: readonly ["Z", "X"] = ["Z", "X"];

/** A bit value. */
export type Bit = 0 | 1;

/**
 * The real amplitudes `[<0|psi>, <1|psi>]` of the state encoding `bit` in `basis`:
 * `|psi_{Z,b}> = |b>`, `|psi_{X,b}> = (|0> + (-1)^b |1>)/sqrt(2)`.
 * @example preparedAmplitudes(1, 1) // [0.7071, -0.7071] = |->
 */
export function preparedAmplitudes(basis: Basis, bit: Bit): readonly [number, number] {
  if (basis === 0) return bit === 0 ? [1, 0] : [0, 1];
  const s = Math.SQRT1_2;
  return bit === 0 ? [s, s] : [s, -s];
}

/**
 * The Breidbart basis vectors, half way between Z and X (angle pi/8 on the Bloch circle):
 * `|b_0> = cos(pi/8)|0> + sin(pi/8)|1>`, `|b_1> = -sin(pi/8)|0> + cos(pi/8)|1>`.
 * Reference: Bennett, Bessette, Brassard, Salvail, Smolin, J. Cryptology 5 (1992) 3.
 */
export function breidbartAmplitudes(bit: Bit): readonly [number, number] {
  const c = Math.cos(Math.PI / 8), s = Math.sin(Math.PI / 8);
  return bit === 0 ? [c, s] : [-s, c];
}
