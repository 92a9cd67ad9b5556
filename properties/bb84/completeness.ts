/**
 * `bb84.completeness`: an honest noisy channel within the noise budget completes (passes eq. 4)
 * with probability at least 1 - epsilon.
 * @module
 */
import * as fc from "fast-check";
import { hoeffdingBound, linkSetup, NO_ADVERSARY, exactRun, type LinkSetup } from "../../model/bb84/index.js";
import type { PropertyDefinition, TraceStep } from "../types.js";
import { runMetrics } from "./common.js";
import { bb84Params, type Bb84Params } from "./params.js";

const params = bb84Params("single-photon", { epsilon: 1e-6, noise: { depolarizing: 0.06, dephasing: 0.03, misalignment: 0.01 } });

/** Honest links with every noise parameter between 0 and the scenario's value (the noise budget). */
function honestLinks(p: Bb84Params): fc.Arbitrary<LinkSetup> {
  const unit = fc.double({ min: 0, max: 1, noNaN: true });
  return fc
    .record({ dep: unit, deph: unit, mis: unit, dark: unit })
    .map(({ dep, deph, mis, dark }) =>
      linkSetup({
        ...p.link,
        depolarizing: dep * p.link.depolarizing,
        dephasing: deph * p.link.dephasing,
        misalignment: mis * p.link.misalignment,
        darkCountProbability: dark * p.link.darkCountProbability,
      }),
    );
}

/** An honest channel whose noise stays within the budget completes with probability >= 1 - epsilon. */
export const completeness: PropertyDefinition<Bb84Params, LinkSetup> = {
  id: "bb84.completeness",
  protocol: "bb84",
  title: "An honest noisy channel completes with probability at least 1 - epsilon",
  statement:
    "With no eavesdropper and fibre noise, misalignment and dark counts anywhere between 0 and the scenario's values, the n-bit test sample " +
    "passes eq. 4 (P^e < p_o) with exact probability at least 1 - epsilon; when q <= p_o - delta Hoeffding guarantees at least " +
    "1 - exp(-2 n (p_o - q)^2). A threshold tighter than the noise makes honest runs abort.",
  equation: String.raw`P\big(\hat e_n < p_o \mid \text{honest}, q\big) \ge 1 - \varepsilon, \qquad q \le p_o - \delta \implies P \ge 1 - e^{-2n(p_o - q)^2} \quad \text{(eq. 4)}`,
  trust: {
    trusted: ["KDC", "member device (receiver)", "classical channel (authenticated, public)", "the fibre (no eavesdropper: this is completeness)"],
    adversary: "none: only physical noise, loss and dark counts within the stated budget",
  },
  params,
  arbitrary: honestLinks,
  check(p, link) {
    const r = exactRun(link, NO_ADVERSARY, p.variant, p.run);
    const gap = p.run.threshold - r.qber;
    const hoeffding = gap > 0 ? 1 - hoeffdingBound(p.run.testSize, gap) : 0;
    const consistent = r.acceptance >= hoeffding - 1e-12;
    const ok = r.acceptance >= 1 - p.epsilon && consistent;
    return {
      ok,
      margin: Math.min(r.acceptance - (1 - p.epsilon), r.acceptance - hoeffding),
      metrics: Object.assign(runMetrics(r), { completion: r.acceptance, hoeffdingLowerBound: hoeffding, depolarizing: link.depolarizing, dephasing: link.dephasing, misalignment: link.misalignment }),
      message: consistent
        ? `honest run completes with probability ${r.acceptance.toPrecision(4)} < 1 - epsilon = ${1 - p.epsilon} at QBER ${r.qber.toPrecision(4)} (p_o = ${p.run.threshold})`
        : `exact completion ${r.acceptance} below its Hoeffding lower bound ${hoeffding}: model error`,
    };
  },
  trace(p, link): TraceStep[] {
    const r = exactRun(link, NO_ADVERSARY, p.variant, p.run);
    return [
      { step: "honest link", detail: "no eavesdropper", values: { depolarizing: link.depolarizing, dephasing: link.dephasing, misalignment: link.misalignment, darkCount: link.darkCountProbability } },
      { step: "QBER", detail: "exact error rate of the sifted key", values: { qberZ: r.qberZ, qberX: r.qberX, qber: r.qber } },
      { step: "threshold (eq. 4)", detail: `P^e < p_o on ${r.testedBits} bits`, values: { threshold: p.run.threshold, completion: r.acceptance } },
    ];
  },
  describe: (link) => ({ depolarizing: link.depolarizing, dephasing: link.dephasing, misalignment: link.misalignment, darkCountProbability: link.darkCountProbability }),
};
