/**
 * What the bb84 properties share: who is trusted, the input arbitrary of a parameter set, the
 * JSON form of an adversary, and the attack trace of a run.
 * @module
 */
import * as fc from "fast-check";
import { describeAdversary, exactRun, type Adversary, type ExactRun } from "../../model/bb84/index.js";
import type { Json, Metrics, TraceStep, TrustAssumptions } from "../types.js";
import { adversaryArbitrary } from "./arbitraries.js";
import type { Bb84Params } from "./params.js";

/** Trust of the private-key step: the endpoints and the classical channel are honest; Eve owns the fibre. */
export const QUANTUM_CHANNEL_TRUST: TrustAssumptions = {
  trusted: ["KDC", "member device (receiver) and its detectors", "classical channel (authenticated, public)", "KDC's random number generator"],
  adversary: "full control of the quantum channel (fibre): any attack on each photon, photon-number splitting, replacing loss and noise; she reads every public message but cannot alter it",
};

/** The generated adversaries of the parameters, or the fixed one as a constant. */
export function adversaryInput(p: Bb84Params): fc.Arbitrary<Adversary> {
  return p.adversary.kind === "generated" ? adversaryArbitrary(p.adversary.space) : fc.constant(p.adversary.strategy);
}

/** An adversary as JSON, with its one-line description (probe unitaries rounded to 6 digits). */
export function describeInput(a: Adversary): Json {
  return { description: describeAdversary(a), strategy: toJson(a) };
}

/** The exact run of the parameters against an adversary. */
export function runOf(p: Bb84Params, a: Adversary): ExactRun {
  return exactRun(p.link, a, p.variant, p.run);
}

/**
 * The numbers every bb84 check reports, as a fresh object: a check adds its own with
 * `Object.assign(runMetrics(r), {...})`. (A spread, `{ ...runMetrics(r), ... }`, took 13 us in
 * node 20, 10 % of a bb84.secrecy check; Object.assign 0.3 us, the same keys in the same order.)
 */
export function runMetrics(r: ExactRun): Metrics {
  return {
    variant: r.variant,
    qber: r.qber,
    qberZ: r.qberZ,
    qberX: r.qberX,
    testedBits: r.testedBits,
    acceptance: r.acceptance,
    holevoZ: r.pulses.holevoByBasis[0],
    holevoX: r.pulses.holevoByBasis[1],
    holevo: r.holevo,
    eveInformation: r.eveMutualInformation,
    eveGuess: r.eveGuess,
    leakPerBit: r.leakPerBit,
    keyFraction: r.keyFraction,
  };
}

/** The attack trace: what Eve did, what the channel showed, eq. 4's decision, what she holds. */
export function runTrace(p: Bb84Params, a: Adversary): TraceStep[] {
  const r = runOf(p, a);
  return [
    { step: "Eve", detail: describeAdversary(a), values: Object.fromEntries(r.pulses.sectors.map((s) => [s.label, s.weight])) },
    { step: "sifting", detail: `variant ${p.variant}: sifted key bits per pulse`, values: { siftedRate: r.siftedRate, shareZ: r.basisShare[0], shareX: r.basisShare[1] } },
    { step: "QBER", detail: "exact error rate of the sifted key per basis", values: { qberZ: r.qberZ, qberX: r.qberX, qber: r.qber } },
    {
      step: "threshold (eq. 4)",
      detail: `P^e < p_o on ${r.testedBits} compared bits; exact binomial acceptance`,
      values: { threshold: p.run.threshold, testedQber: r.testedQber, acceptance: r.acceptance },
    },
    {
      step: "Eve's information",
      detail: "after basis announcement: Holevo chi per sifted bit, and her best (Helstrom) measurement",
      values: { holevoZ: r.pulses.holevoByBasis[0], holevoX: r.pulses.holevoByBasis[1], mutualInformation: r.eveMutualInformation, guess: r.eveGuess },
    },
    {
      step: "privacy amplification",
      detail: p.variant === "with-pa" ? "compression h(e_phase) + EC leak per key bit" : "none: the paper names no error correction or privacy amplification",
      values: { compression: r.compression, ecLeak: r.ecLeak, leakPerBit: r.leakPerBit },
    },
  ];
}

function toJson(a: Adversary): Json {
  return JSON.parse(JSON.stringify(a, (_, v) => (typeof v === "number" ? Math.round(v * 1e6) / 1e6 : v))) as Json;
}
