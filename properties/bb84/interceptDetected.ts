/**
 * `bb84.intercept-resend-detected`: the paper's section 3.2 claim, checked exactly: "an
 * eavesdropper measuring in a random basis causes a 25 % error probability, above the agreed
 * threshold, so the KDC and the group detect her and abort".
 * @module
 */
import type { Adversary } from "../../model/bb84/index.js";
import type { PropertyDefinition } from "../types.js";
import { adversaryInput, describeInput, QUANTUM_CHANNEL_TRUST, runMetrics, runOf, runTrace } from "./common.js";
import { fixedAdversaryEvidence } from "./evidence.js";
import { bb84Params, type Bb84Params } from "./params.js";
import { bb84Objective } from "./search.js";

const params = bb84Params("random-basis-intercept", { epsilon: 1e-6 });

/** Random-basis intercept-resend is detected: accepted with probability <= epsilon unless Eve learns nothing. */
export const interceptResendDetected: PropertyDefinition<Bb84Params, Adversary> = {
  id: "bb84.intercept-resend-detected",
  protocol: "bb84",
  title: "Paper §3.2: random-basis intercept-resend is detected and the run aborts",
  statement:
    "Whenever Eve intercepts and resends in a random basis and learns more than epsilon bits per sifted key bit (Holevo), the n-bit test " +
    "sample passes eq. 4 with probability at most epsilon. True for full interception (QBER 25 %); on a fraction f < 4 p_o of the photons " +
    "the QBER f/4 stays below p_o, the run passes with high probability, and Eve keeps f/2 bits per key bit.",
  equation: String.raw`\chi(K{:}E) > \varepsilon \implies P\big(\hat e_n < p_o\big) \le \varepsilon \quad \text{(§3.2, eq. 4)}`,
  trust: QUANTUM_CHANNEL_TRUST,
  params,
  arbitrary: adversaryInput,
  check(p, a) {
    const r = runOf(p, a);
    const undetected = r.acceptance > p.epsilon && r.holevo > p.epsilon;
    return {
      ok: !undetected,
      margin: Math.max(p.epsilon - r.acceptance, p.epsilon - r.holevo),
      metrics: Object.assign(runMetrics(r), { abortProbability: 1 - r.acceptance }),
      message: `Eve goes undetected with probability ${r.acceptance.toPrecision(4)} at QBER ${r.qber.toPrecision(4)} < p_o = ${p.run.threshold} while holding ${r.holevo.toPrecision(4)} bits per key bit`,
    };
  },
  trace: runTrace,
  describe: describeInput,
  evidence: fixedAdversaryEvidence,
  objective: bb84Objective("interceptFraction", "fraction of photons Eve intercepts and resends (any basis) while the run still passes eq. 4 with probability >= 1/2"),
};
