/**
 * The sifted QBER of BB84 under intercept-resend, from the four BB84 states (closed form,
 * no sampling): the number the paper's section 3.2 quotes as 25 %.
 * @module
 */

type Vector = readonly [number, number];

/** The BB84 states: basis 0 = Z {|0>, |1>}, basis 1 = X {|+>, |->}; real amplitudes suffice. */
const STATES: readonly (readonly [Vector, Vector])[] = [
  [
    [1, 0],
    [0, 1],
  ],
  [
    [Math.SQRT1_2, Math.SQRT1_2],
    [Math.SQRT1_2, -Math.SQRT1_2],
  ],
];

function overlapSquared(a: Vector, b: Vector): number {
  const ip = a[0] * b[0] + a[1] * b[1];
  return ip * ip;
}

/**
 * Sifted QBER when Eve intercepts a fraction `f` of the pulses, measures each in Z with
 * probability `pZ` (else X) and resends the state she found:
 * `QBER = f * sum_{a,b,e,o} P(a) P(b) P(e) |<o_e|b_a>|^2 |<not b_a|o_e>|^2`, which is `f/4` for
 * `pZ = 1/2` (the paper's section 3.2: "25 %"). Reference: Bennett, Brassard (1984); Gisin et al., RMP 74, 145 (2002), §2.C.
 * @example interceptResendQber() // 0.25
 */
export function interceptResendQber(interceptFraction = 1, pZ = 0.5): number {
  for (const [name, v] of [["interceptFraction", interceptFraction], ["pZ", pZ]] as const) {
    if (!(v >= 0 && v <= 1)) throw new RangeError(`interceptResendQber: ${name} must be in [0, 1], got ${v}`);
  }
  let error = 0;
  for (let basis = 0; basis < 2; basis++) {
    for (let bit = 0; bit < 2; bit++) {
      const sent = STATES[basis][bit];
      const wrong = STATES[basis][1 - bit];
      for (let eveBasis = 0; eveBasis < 2; eveBasis++) {
        const pEve = eveBasis === 0 ? pZ : 1 - pZ;
        for (let outcome = 0; outcome < 2; outcome++) {
          const resent = STATES[eveBasis][outcome];
          error += 0.25 * pEve * overlapSquared(resent, sent) * overlapSquared(wrong, resent);
        }
      }
    }
  }
  return interceptFraction * error;
}
