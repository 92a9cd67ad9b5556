/**
 * The physical link between the KDC and one receiver: photon source, fibre, channel noise and
 * Bob's detectors (docs/protocol/02-bb84-private-keys.md: the paper says only "optical fibre"; every number here is a parameter).
 * @module
 */
import { composePauli, dephasingWeights, depolarizingWeights, misalignmentWeights, type PauliWeights } from "./noise.js";

/** The photon source: an ideal single-photon source, or phase-randomised weak coherent pulses. */
export type Source =
  | { readonly kind: "single-photon" }
  | { readonly kind: "weak-coherent"; /** Poisson mean photon number mu > 0. */ readonly meanPhotonNumber: number };

/** Source, fibre, noise and detector parameters of one BB84 link. */
export interface LinkSetup {
  readonly source: Source;
  /** Fibre attenuation alpha, dB/km. */
  readonly fibreLossDbPerKm: number;
  /** Fibre length L, km. */
  readonly distanceKm: number;
  /** Detection efficiency of Bob's detectors, in [0, 1]. */
  readonly detectorEfficiency: number;
  /** Dark-count probability of each of Bob's two detectors per pulse, in [0, 1]. */
  readonly darkCountProbability: number;
  /** Misalignment error e_d of Bob's optics, in [0, 1] (a wrong-detector click). */
  readonly misalignment: number;
  /** Depolarizing probability p of the fibre (QBER p/2 in each basis). */
  readonly depolarizing: number;
  /** Dephasing probability of the fibre (X-basis errors only). */
  readonly dephasing: number;
}

/** A lossless, noiseless single-photon link: every deviation from it is a parameter. */
export const IDEAL_LINK: LinkSetup = {
  source: { kind: "single-photon" },
  fibreLossDbPerKm: 0,
  distanceKm: 0,
  detectorEfficiency: 1,
  darkCountProbability: 0,
  misalignment: 0,
  depolarizing: 0,
  dephasing: 0,
};

/**
 * A link from partial parameters over {@link IDEAL_LINK}, validated.
 * @throws RangeError naming the field and the problem, e.g. `link.misalignment must be in [0, 1], got 2`.
 */
export function linkSetup(partial: Partial<LinkSetup> = {}): LinkSetup {
  const s: LinkSetup = { ...IDEAL_LINK, ...partial };
  for (const f of ["detectorEfficiency", "darkCountProbability", "misalignment", "depolarizing", "dephasing"] as const) {
    if (!(s[f] >= 0 && s[f] <= 1)) throw new RangeError(`link.${f} must be in [0, 1], got ${s[f]}`);
  }
  for (const f of ["fibreLossDbPerKm", "distanceKm"] as const) {
    if (!(Number.isFinite(s[f]) && s[f] >= 0)) throw new RangeError(`link.${f} must be a finite number >= 0, got ${s[f]}`);
  }
  if (s.source.kind === "weak-coherent") {
    const mu = s.source.meanPhotonNumber;
    if (!(Number.isFinite(mu) && mu > 0 && mu <= 50)) throw new RangeError(`link.source.meanPhotonNumber must be in (0, 50], got ${mu}`);
  } else if (s.source.kind !== "single-photon") {
    throw new RangeError(`link.source.kind must be "single-photon" or "weak-coherent", got ${JSON.stringify((s.source as { kind: unknown }).kind)}`);
  }
  return s;
}

/**
 * Probability that a photon entering the fibre is detected: `t = 10^(-alpha L / 10) * eta_det`.
 * @example linkTransmittance(linkSetup({ fibreLossDbPerKm: 0.2, distanceKm: 50 })) // 0.1
 */
export function linkTransmittance(s: LinkSetup): number {
  return 10 ** (-(s.fibreLossDbPerKm * s.distanceKm) / 10) * s.detectorEfficiency;
}

/** The fibre's Pauli noise (depolarizing then dephasing), without Bob's misalignment. */
export function fibreNoise(s: LinkSetup): PauliWeights {
  return composePauli(depolarizingWeights(s.depolarizing), dephasingWeights(s.dephasing));
}

/** Bob's misalignment as Pauli weights. */
export function receiverNoise(s: LinkSetup): PauliWeights {
  return misalignmentWeights(s.misalignment);
}
