/**
 * A user-written property over the shipped BB84 model: Eve's information on the key bits of
 * one basis is paid for with errors in the *other* basis,
 * `chi(x_a : E) <= h(e_{1-a})` for a in {Z, X} — the entropic uncertainty relation
 * `H(Z_A|E) + H(X_A|B) >= 1` (Berta et al. 2010) with `H(X_A|B) <= h(e_X)`.
 *
 * Parameter `bound` picks which basis's errors bound Eve's information. `"same-basis"` is the
 * naive reading — and its negative control: Eve measuring every photon in Z learns the Z bits
 * while causing no Z errors at all.
 * @module
 */
// #region property
import { z, type PropertyDefinition, type TraceStep } from "qkd-harness";
import { binaryEntropy } from "qkd-harness/kernel";
import { describeAdversary, IDEAL_LINK, pulseStatistics, singlePhotonAttackArbitrary, type Adversary } from "qkd-harness/bb84";

/** Which basis's error rate bounds Eve's information on the key bits of basis a. */
export type ErrorBasis = "complementary-basis" | "same-basis";

/** Parameters of {@link informationCostsErrors}. */
export interface InformationParams {
  readonly bound: ErrorBasis;
}

const BASES = ["Z", "X"] as const;

/** Eve's Holevo information and its bound, per basis (0 = Z, 1 = X) of the shipped model. */
function perBasis(params: InformationParams, adversary: Adversary) {
  const s = pulseStatistics(IDEAL_LINK, adversary);
  return ([0, 1] as const).map((a) => {
    const errorBasis = params.bound === "complementary-basis" ? 1 - a : a;
    const chi = s.holevoByBasis[a];
    const bound = binaryEntropy(Math.min(1, Math.max(0, s.qberByBasis[errorBasis])));
    return { basis: BASES[a], chi, bound, errorRate: s.qberByBasis[errorBasis], errorBasis: BASES[errorBasis] };
  });
}

/** Eve's information on each basis's key bits is at most h(error rate) of the complementary basis. */
export const informationCostsErrors: PropertyDefinition<InformationParams, Adversary> = {
  id: "custom.information-costs-errors",
  protocol: "custom",
  title: "Eve's information costs errors in the other basis",
  statement: "For every single-photon attack on the ideal link, Eve's Holevo information on the sifted bits of basis a is at most h(e) of the complementary basis.",
  equation: "\\chi(x_a : E) \\leq h(e_{\\bar a})",
  trust: { trusted: ["the KDC's source and the receiver's detectors", "classical channel (authenticated)"], adversary: "any single-photon attack on the quantum channel" },
  params: z.object({ bound: z.enum(["complementary-basis", "same-basis"]).default("complementary-basis") }),
  arbitrary: () => singlePhotonAttackArbitrary,
  check(params, adversary) {
    const rows = perBasis(params, adversary);
    const worst = rows.reduce((w, r) => (r.bound - r.chi < w.bound - w.chi ? r : w));
    return {
      ok: worst.chi <= worst.bound + 1e-7,
      margin: worst.bound - worst.chi,
      metrics: { basis: worst.basis, chi: worst.chi, bound: worst.bound, errorRate: worst.errorRate },
      message: `Eve learns chi = ${worst.chi.toFixed(4)} bit on ${worst.basis} bits but the ${worst.errorBasis} error rate ${worst.errorRate.toFixed(4)} only bounds it by ${worst.bound.toFixed(4)}`,
    };
  },
  trace: (params, adversary): TraceStep[] => [
    { step: "Eve", detail: describeAdversary(adversary) },
    ...perBasis(params, adversary).map((r) => ({
      step: `Basis ${r.basis}`,
      detail: `Eve's information on the sifted ${r.basis} bits, against the ${r.errorBasis} error rate`,
      values: { chi: r.chi, errorRate: r.errorRate, bound: r.bound },
    })),
  ],
};
// #endregion property
