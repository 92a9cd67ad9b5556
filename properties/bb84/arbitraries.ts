/**
 * Generated adversaries on the quantum channel (THREATS.md): fast-check arbitraries over Eve's
 * strategies, built from numbers so that a counterexample shrinks to a simpler attack.
 * @module
 */
import * as fc from "fast-check";
import { haarUnitaryFromUniforms, INTERCEPT_BASES, probe, unitaryFromHamiltonian, type Adversary } from "../../model/bb84/index.js";
import { fastDoubleArray } from "./fastDouble.js";

/**
 * A number in [0, 1] on a grid of 2^-20, uniform over the grid and shrinking to 0 (fast-check's
 * doubles crowd the ends of the interval, which would hide the mid-range attacks).
 */
const unit: fc.Arbitrary<number> = fc.integer({ min: 0, max: 2 ** 20 }).map((i) => i / 2 ** 20);

/** Intercept-resend on a fraction f in [0, 1] in one of Z, X, random, Breidbart. */
export const interceptResendArbitrary: fc.Arbitrary<Adversary> = fc
  .record({ fraction: unit, basis: fc.constantFrom(...INTERCEPT_BASES) })
  .map(({ fraction, basis }) => ({ kind: "intercept-resend", fraction, basis }));

/** Random-basis intercept-resend only (the attack of the paper's section 3.2). */
export const randomBasisInterceptArbitrary: fc.Arbitrary<Adversary> = unit.map((fraction) => ({ kind: "intercept-resend", fraction, basis: "random" }));

/** The phase-covariant cloner with disturbance D in [0, 1/2]. */
export const clonerArbitrary: fc.Arbitrary<Adversary> = unit.map((u) => ({ kind: "cloner", disturbance: u / 2 }));

/**
 * Probes on (qubit (x) ancilla of dimension 2..4): an ancilla dimension, then that dimension's
 * probes. Each dimension's arbitrary is made once, here: fast-check's `chain` asks for it on every
 * probe it generates or shrinks, and making it (an array of `fastDouble`s and a map) each time
 * cost ~6 % of `runProperty(bb84.secrecy)`'s instructions per adversary (-5.5 % with this;
 * `perf stat -e instructions`, its author's loop, see fastDouble.ts). Arbitraries keep no state,
 * so the values and shrinks are the same.
 */
function byAncillaDim(probes: (dE: number) => fc.Arbitrary<Adversary>): fc.Arbitrary<Adversary> {
  const made = [2, 3, 4].map(probes);
  return fc.integer({ min: 2, max: 4 }).chain((dE) => made[dE - 2]);
}

/**
 * A Haar-random probe on (qubit (x) ancilla of dimension 2..4): QR of a complex Gaussian matrix
 * made from fast-check doubles (Box-Muller; `fastDouble`, fc.double's values without its BigInt
 * arithmetic); shrinks towards the identity probe.
 */
export const haarProbeArbitrary: fc.Arbitrary<Adversary> = byAncillaDim((dE) => {
  const d = 2 * dE;
  return fastDoubleArray({ min: 0, max: 1, maxExcluded: true, noNaN: true }, 2 * d * d).map((u) => probe(dE, haarUnitaryFromUniforms(u, d), "haar"));
});

/**
 * A probe `exp(-i H)` from a Hamiltonian's d^2 parameters in [-pi, pi] scaled by a strength in
 * the interval 0..1: strength 0 is the identity, so small strengths give weak probes that disturb little.
 */
export const hamiltonianProbeArbitrary: fc.Arbitrary<Adversary> = byAncillaDim((dE) => {
  const d = 2 * dE;
  return fc
    .record({
      strength: unit,
      params: fastDoubleArray({ min: -Math.PI, max: Math.PI, noNaN: true }, d * d),
    })
    .map(({ strength, params }) => probe(dE, unitaryFromHamiltonian(params.map((p) => p * strength), d), "hamiltonian"));
});

/** Any single-photon attack: intercept-resend, cloner, Haar or Hamiltonian probe, or a mixture of two. */
export const singlePhotonAttackArbitrary: fc.Arbitrary<Adversary> = fc.oneof(
  { weight: 2, arbitrary: interceptResendArbitrary },
  { weight: 2, arbitrary: clonerArbitrary },
  { weight: 2, arbitrary: haarProbeArbitrary },
  { weight: 2, arbitrary: hamiltonianProbeArbitrary },
  {
    weight: 1,
    arbitrary: fc
      .tuple(unit, fc.oneof(interceptResendArbitrary, clonerArbitrary), fc.oneof(hamiltonianProbeArbitrary, haarProbeArbitrary))
      .map(([w, a, b]): Adversary => ({ kind: "mixture", parts: [{ weight: w, attack: a }, { weight: 1 - w, attack: b }] })),
  },
);

/** Photon-number splitting with a generated attack on the forwarded single photons. */
export const pnsArbitrary: fc.Arbitrary<Adversary> = fc
  .oneof({ weight: 3, arbitrary: fc.constant<Adversary>({ kind: "none" }) }, { weight: 2, arbitrary: singlePhotonAttackArbitrary })
  .map((singlePhoton): Adversary => ({ kind: "pns", singlePhoton }));

/** Eve hiding a single-photon attack in the fibre noise she removes. */
export const hideInNoiseArbitrary: fc.Arbitrary<Adversary> = singlePhotonAttackArbitrary.map((attack): Adversary => ({ kind: "hide-in-noise", attack }));

/** Named generated spaces a scenario can ask for. */
export const ADVERSARY_SPACES = ["intercept-resend", "random-basis-intercept", "cloner", "probes", "single-photon", "pns", "hide-in-noise", "any"] as const;

/** A generated adversary space. */
export type AdversarySpace = (typeof ADVERSARY_SPACES)[number];

/** The arbitrary of a named space. */
export function adversaryArbitrary(space: AdversarySpace): fc.Arbitrary<Adversary> {
  switch (space) {
    case "intercept-resend":
      return interceptResendArbitrary;
    case "random-basis-intercept":
      return randomBasisInterceptArbitrary;
    case "cloner":
      return clonerArbitrary;
    case "probes":
      return fc.oneof(haarProbeArbitrary, hamiltonianProbeArbitrary);
    case "single-photon":
      return singlePhotonAttackArbitrary;
    case "pns":
      return pnsArbitrary;
    case "hide-in-noise":
      return hideInNoiseArbitrary;
    case "any":
      return fc.oneof(singlePhotonAttackArbitrary, pnsArbitrary, hideInNoiseArbitrary);
  }
}
