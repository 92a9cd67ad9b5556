/**
 * `bb84.intercept-resend-qber`: intercept-resend on a fraction f of the photons, in Z, X, a
 * random basis or the Breidbart basis, gives the sifted key a QBER of exactly f/4.
 * @module
 */
import type { Adversary } from "../../model/bb84/index.js";
import type { PropertyDefinition } from "../types.js";
import { adversaryInput, describeInput, QUANTUM_CHANNEL_TRUST, runMetrics, runOf, runTrace } from "./common.js";
import { fixedAdversaryEvidence } from "./evidence.js";
import { bb84Params, type Bb84Params } from "./params.js";

/** Absolute tolerance on the exact QBER (double round-off only). */
const QBER_ATOL = 1e-12;

const params = bb84Params("intercept-resend");

/** QBER = f/4 exactly for intercept-resend in any basis, on a lossless noiseless link. */
export const interceptResendQber: PropertyDefinition<Bb84Params, Adversary> = {
  id: "bb84.intercept-resend-qber",
  protocol: "bb84",
  title: "Intercept-resend on a fraction f shows QBER f/4",
  statement:
    "On a noiseless link, Eve measuring a fraction f of the photons in Z, X, a random basis or the Breidbart basis and resending what she found " +
    "makes the sifted key's QBER exactly f/4 (computed from the density matrices, not sampled). Needs the KDC's random basis switching: " +
    "without it (variant z-only) a Z-basis Eve is invisible.",
  equation: String.raw`\mathrm{QBER} = \tfrac12 (e_Z + e_X) = f/4 \quad \forall f \in [0,1],\ \text{basis} \in \{Z, X, \text{random}, \text{Breidbart}\}`,
  trust: QUANTUM_CHANNEL_TRUST,
  params,
  arbitrary: adversaryInput,
  check(p, a) {
    if (a.kind !== "intercept-resend") throw new RangeError(`bb84.intercept-resend-qber: adversary must be intercept-resend, got ${a.kind}`);
    const r = runOf(p, a);
    const expected = a.fraction / 4;
    const gap = Math.abs(r.qber - expected);
    return {
      ok: gap <= QBER_ATOL,
      margin: QBER_ATOL - gap,
      metrics: Object.assign(runMetrics(r), { fraction: a.fraction, basis: a.basis, expectedQber: expected }),
      message: `QBER ${r.qber} differs from f/4 = ${expected} (f = ${a.fraction}, ${a.basis} basis, variant ${p.variant})`,
    };
  },
  trace: runTrace,
  describe: describeInput,
  evidence: fixedAdversaryEvidence,
};
