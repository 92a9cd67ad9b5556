/**
 * An adversary against the decoy method: Eve (with the channel and the detectors' clicks in her
 * hands, PNS and beyond) chooses the yield `Y_n` and the error yield `e_n Y_n` of every photon
 * number n freely; the KDC only observes the resulting gains of each intensity,
 * `Q_μ = Σ_n e^{−μ} μ^n/n! Y_n` and `E_μ Q_μ = Σ_n e^{−μ} μ^n/n! e_n Y_n` (Lo, Ma, Chen, PRL 94,
 * 230504 (2005); Ma, Qi, Zhao, Lo 2005, eqs. 9-10 for the honest channel). Photon numbers above
 * the listed ones share one tail yield.
 * @module
 */

/** Eve's choice: yields and error yields per photon number, and a common tail beyond them. */
export interface PhotonNumberAttack {
  /** Y_0 ... Y_K, each in [0, 1]. */
  readonly yields: readonly number[];
  /** e_n Y_n for n = 0 ... K, each in [0, Y_n]. */
  readonly errorYields: readonly number[];
  /** The yield of every n > K, in [0, 1]. */
  readonly tailYield: number;
  /** The error yield of every n > K, in [0, tailYield]. */
  readonly tailErrorYield: number;
}

/** Throws unless every yield is in [0, 1] and every error yield in [0, its yield] (naming the index). */
export function validateAttack(a: PhotonNumberAttack): PhotonNumberAttack {
  if (a.yields.length !== a.errorYields.length || a.yields.length < 2) {
    throw new RangeError(`attack: yields and errorYields must list the same photon numbers (at least 0 and 1), got ${a.yields.length} and ${a.errorYields.length}`);
  }
  const check = (y: number, ey: number, where: string) => {
    if (!(y >= 0 && y <= 1)) throw new RangeError(`attack.${where} yield must be in [0, 1], got ${y}`);
    if (!(ey >= 0 && ey <= y)) throw new RangeError(`attack.${where} error yield must be in [0, yield ${y}], got ${ey}`);
  };
  a.yields.forEach((y, n) => check(y, a.errorYields[n], `[${n}]`));
  check(a.tailYield, a.tailErrorYield, "tail");
  return a;
}

/** The gain and error gain the KDC observes for intensity μ under the attack. */
export function observedGains(a: PhotonNumberAttack, mu: number): { readonly Q: number; readonly EQ: number } {
  let Q = 0, EQ = 0, mass = 0;
  let poisson = Math.exp(-mu);
  a.yields.forEach((y, n) => {
    if (n > 0) poisson *= mu / n;
    Q += poisson * y;
    EQ += poisson * a.errorYields[n];
    mass += poisson;
  });
  const tail = Math.max(0, 1 - mass);
  return { Q: Q + tail * a.tailYield, EQ: EQ + tail * a.tailErrorYield };
}
