/**
 * A pulse as a mixture of *sectors*: each sector is one way a pulse can go (photon number,
 * which attack Eve applied, blocked or forwarded), with its probability, the joint state of
 * Bob's photon and Eve's system, the noise on Bob's photon and its detection probability.
 * Eve knows which sector she is in (she chose the attack and can count photons), so her
 * state is block diagonal over sectors.
 * @module
 */
import type { Adversary } from "./adversary.js";
import { preparedAmplitudes, type Basis, type Bit } from "./bases.js";
import { checkedIsometry, measureResendIsometry, validatedIsometry, type Isometry, type PhotonAttack } from "./isometry.js";
import { slab, type Take } from "./internal/blocks.js";
import { composePauli, NO_NOISE, type PauliWeights } from "./noise.js";
import { fibreNoise, linkTransmittance, receiverNoise, type LinkSetup } from "./setup.js";
import { detectionYield, photonNumberDistribution, tailProbability } from "./source.js";

/** One sector of a pulse. */
export interface Sector {
  /** What happens in words (for traces). */
  readonly label: string;
  /** Probability of this sector per pulse. */
  readonly weight: number;
  /** Dimension of Eve's system in this sector. */
  readonly eveDim: number;
  /** Pauli noise on Bob's photon after Eve. */
  readonly noise: PauliWeights;
  /** Probability that Bob's photon is detected (else it is lost). */
  readonly transmission: number;
  /** The joint vector of (Bob's photon (x) Eve) when the KDC sends `basis`, `bit` (2 eveDim complex entries). */
  transit(basis: Basis, bit: Bit): Float64Array;
}

/**
 * The sectors of one pulse on `link` under `adversary`.
 * - single-photon source: one sector; weak coherent source: vacuum (Bob sees only dark counts)
 *   and n >= 1 (Eve's attack on the polarisation qubit, detection `1 - (1-t)^n` averaged);
 * - `pns`: Eve replaces the fibre by a lossless noiseless one, keeps a photon of every
 *   multi-photon pulse, forwards the rest of them with probability m and the single photons
 *   with probability s, chosen so Bob's detection rate equals the honest one:
 *   `m = min(1, Y / M)`, `s = min(1, (Y - m M) / (P(1) eta_det))` with Y the honest yield and
 *   M the multi-photon yield at Bob; a blocked photon stays with Eve;
 * - `mixture`: the sectors of each part, weighted; `hide-in-noise`: the attack's sectors on
 *   the link without fibre noise.
 */
export function pulseSectors(link: LinkSetup, adversary: Adversary): Sector[] {
  return sectorsOf(link, adversary, checkedIsometry, undefined).map(owningTransit);
}

/**
 * The sector with a transit that returns a fresh array each call (the four vectors of a sector
 * are views into one slab inside, see `isometrySector`; a caller's arrays own their buffers),
 * as a literal of the sectors' one shape (see `reweighted`).
 */
function owningTransit(s: Sector): Sector {
  return { label: s.label, weight: s.weight, eveDim: s.eveDim, noise: s.noise, transmission: s.transmission, transit: (basis, bit) => s.transit(basis, bit).slice() };
}

/**
 * {@link pulseSectors} of an adversary that `validateAdversary` has accepted (its probes are not
 * checked for unitarity a second time). With `take` (a caller's `withScratch`, whose blocks it
 * drops before it returns), the probes' images and the sectors' transit vectors are blocks of it,
 * not slabs of their own (two off-heap allocations per probe, -2.4 % of `runProperty(bb84.secrecy)`'s
 * instructions per adversary, `perf stat -e instructions`, its author's loop, see fastDouble.ts).
 * @internal for `exact.ts` and `outcomeTable.ts`.
 */
export function checkedSectors(link: LinkSetup, adversary: Adversary, take?: Take): Sector[] {
  return sectorsOf(link, adversary, (a) => validatedIsometry(a, take), take);
}

/** The sectors; their transit vectors from `take`, or a slab per sector without it. */
function sectorsOf(link: LinkSetup, adversary: Adversary, isometry: (a: PhotonAttack) => Isometry, take: Take | undefined): Sector[] {
  switch (adversary.kind) {
    case "mixture":
      return adversary.parts.flatMap((p) => sectorsOf(link, p.attack, isometry, take).map((s) => reweighted(s, s.label, s.weight * p.weight)));
    case "hide-in-noise":
      return sectorsOf({ ...link, depolarizing: 0, dephasing: 0 }, adversary.attack, isometry, take);
    case "pns":
      return pnsSectors(link, adversary.singlePhoton, isometry, take);
    case "intercept-resend":
      return interceptResendSectors(link, adversary.fraction, adversary.basis === "random" ? ["Z", "X"] : [adversary.basis], take);
    default:
      return photonSectors(link, `photon: ${adversary.kind}`, 1, isometry(adversary), take);
  }
}

/** Photon sectors of a link with Eve's isometry on every photon, plus the vacuum sector. */
function photonSectors(link: LinkSetup, label: string, weight: number, iso: Isometry, take: Take | undefined): Sector[] {
  const dist = photonNumberDistribution(link.source);
  const photon = tailProbability(dist, 1);
  const noise = composePauli(fibreNoise(link), receiverNoise(link));
  const transmission = detectionYield(dist, linkTransmittance(link), 1, 0) / photon;
  return [
    ...(dist[0] > 0 ? [vacuumSector(weight * dist[0])] : []),
    isometrySector(label, weight * photon, iso, noise, transmission, take),
  ];
}

function interceptResendSectors(link: LinkSetup, f: number, bases: readonly ("Z" | "X" | "breidbart")[], take: Take | undefined): Sector[] {
  return [
    ...(f < 1 ? photonSectors(link, "photon passes untouched", 1 - f, validatedIsometry({ kind: "none" }), take) : []),
    ...bases.flatMap((b) => (f > 0 ? photonSectors(link, `photon measured in ${b} and resent`, f / bases.length, measureResendIsometry(b), take) : [])),
  ];
}

function pnsSectors(link: LinkSetup, single: Adversary, isometry: (a: PhotonAttack) => Isometry, take: Take | undefined): Sector[] {
  const dist = photonNumberDistribution(link.source);
  const eta = link.detectorEfficiency;
  const honestYield = detectionYield(dist, linkTransmittance(link), 1, 0);
  const multi = tailProbability(dist, 2);
  const multiYield = detectionYield(dist, eta, 2, 1);
  const m = multiYield > 0 ? Math.min(1, honestYield / multiYield) : 0;
  const singleYield = dist[1] * eta;
  const s = singleYield > 0 ? Math.min(1, Math.max(0, honestYield - m * multiYield) / singleYield) : 0;
  const bobNoise = receiverNoise(link);
  const perfect = { ...link, fibreLossDbPerKm: 0, depolarizing: 0, dephasing: 0, source: { kind: "single-photon" } as const };
  const forwarded = sectorsOf(perfect, single, isometry, take).map((sec) => reweighted(sec, `PNS forwards single photon; ${sec.label}`, sec.weight * dist[1] * s));
  const sectors: Sector[] = [];
  if (dist[0] > 0) sectors.push(vacuumSector(dist[0]));
  if (dist[1] * s > 0) sectors.push(...forwarded);
  if (dist[1] * (1 - s) > 0) sectors.push(keptSector("PNS blocks single photon (kept by Eve)", dist[1] * (1 - s), bobNoise, 0));
  if (multi * m > 0) sectors.push(keptSector("PNS splits multi-photon pulse", multi * m, bobNoise, multiYield / multi));
  if (multi * (1 - m) > 0) sectors.push(keptSector("PNS blocks multi-photon pulse (kept by Eve)", multi * (1 - m), bobNoise, 0));
  return sectors;
}

/** A sector with another label and weight, as a literal of the sectors' one shape (a spread made another, and the code reading sectors polymorphic). */
function reweighted(s: Sector, label: string, weight: number): Sector {
  return { label, weight, eveDim: s.eveDim, noise: s.noise, transmission: s.transmission, transit: s.transit };
}

function vacuumSector(weight: number): Sector {
  const v = Float64Array.of(1, 0, 0, 0);
  return { label: "vacuum pulse", weight, eveDim: 1, noise: NO_NOISE, transmission: 0, transit: () => v };
}

function isometrySector(label: string, weight: number, iso: Isometry, noise: PauliWeights, transmission: number, blocks: Take | undefined): Sector {
  // the four vectors from the caller's blocks, or one slab (see internal/blocks.ts: at most one off-heap allocation)
  const [v0, v1] = iso.images, m = v0.length, take = blocks ?? slab(4 * m);
  const table: Float64Array[] = [];
  for (const basis of [0, 1] as Basis[]) {
    for (const bit of [0, 1] as Bit[]) {
      const [c0, c1] = preparedAmplitudes(basis, bit);
      const v = take(m);
      for (let i = 0; i < m; i++) v[i] = c0 * v0[i] + c1 * v1[i];
      table.push(v);
    }
  }
  return { label, weight, eveDim: iso.eveDim, noise, transmission, transit: (basis, bit) => table[2 * basis + bit] };
}

/** Bob gets the KDC's state (or nothing), Eve holds an identical photon: `|psi> (x) |psi>`. */
function keptSector(label: string, weight: number, noise: PauliWeights, transmission: number): Sector {
  const table = new Map<number, Float64Array>();
  for (const basis of [0, 1] as Basis[]) {
    for (const bit of [0, 1] as Bit[]) {
      const p = preparedAmplitudes(basis, bit);
      const v = new Float64Array(8);
      for (let q = 0; q < 2; q++) for (let e = 0; e < 2; e++) v[2 * (2 * q + e)] = p[q] * p[e];
      table.set(2 * basis + bit, v);
    }
  }
  return { label, weight, eveDim: 2, noise, transmission, transit: (basis, bit) => table.get(2 * basis + bit)! };
}
