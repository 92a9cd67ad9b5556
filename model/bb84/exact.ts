/**
 * The exact per-pulse statistics of a BB84 run (docs/protocol/02-bb84-private-keys.md): from the density matrices of
 * (Bob's photon (x) Eve) for every choice of the KDC's basis a and bit x (eq. 3) and Bob's basis b,
 * the probability of each of Bob's records, the QBER in each basis, and Eve's information about
 * the sifted key after the bases are announced.
 *
 * For each sector s (see `sectors.ts`) and case (a, x, b): Eve's unnormalised state given Bob's
 * optical result r is `sigma_r = sum_P w_P tr_Q[(|beta_r><beta_r| P (x) I) |phi><phi| (P |beta_r><beta_r| (x) I)]`
 * times t (detected) or, for r = lost, `(1 - t) sum_j` of the same; the click map turns r into
 * Bob's record k. Eve's state on the sifted key bits of basis a is the block-diagonal
 * `rho_x = (+)_s w_s sum_{k in {0,1}} tau_{s,(a,x,a),k}`.
 * @module
 */
import { shannonEntropy } from "../kernel/index.js";
import type { Adversary } from "./adversary.js";
import { validateAdversary } from "./adversary.js";
import { preparedAmplitudes, type Basis, type Bit } from "./bases.js";
import { clickMap } from "./detector.js";
import { addProjector, blockEigenvalues, positiveProjector, slab, traceOf, traceProduct, withScratch, type Take } from "./internal/blocks.js";
import { checkedSectors, type Sector } from "./sectors.js";
import { linkSetup, type LinkSetup } from "./setup.js";

/** Exact statistics of one pulse, by basis (index 0 = Z, 1 = X). */
export interface PulseStatistics {
  /** `e_a`: probability that Bob's sifted bit differs from the KDC's, given a = b = basis and a click. */
  readonly qberByBasis: readonly [number, number];
  /** Probability of a click given a = b = basis. */
  readonly clickByBasis: readonly [number, number];
  /** `chi(x : E)` Holevo quantity of a sifted key bit of that basis and Eve's state (bits). */
  readonly holevoByBasis: readonly [number, number];
  /**
   * Probability that Eve's measurement after the basis announcement guesses the sifted bit:
   * in each sector (which she knows) the Helstrom measurement of her two conditional states.
   */
  readonly eveGuessByBasis: readonly [number, number];
  /** Mutual information between the sifted bit and Eve's measurement outcome (sector, guess), in bits. */
  readonly eveMutualInformationByBasis: readonly [number, number];
  /** The sectors' labels and weights, for traces. */
  readonly sectors: readonly { readonly label: string; readonly weight: number }[];
}

/**
 * Exact per-pulse statistics of the KDC-receiver link under an adversary.
 * @example pulseStatistics(IDEAL_LINK, { kind: "intercept-resend", fraction: 1, basis: "random" }).qberByBasis // [0.25, 0.25]
 */
export function pulseStatistics(link: LinkSetup, adversary: Adversary): PulseStatistics {
  const setup = linkSetup(link), checked = validateAdversary(adversary);
  const click = clickMap(link.darkCountProbability);
  const qberByBasis: [number, number] = [0, 0], clickByBasis: [number, number] = [0, 0], holevoByBasis: [number, number] = [0, 0];
  const eveGuessByBasis: [number, number] = [0, 0], eveMutualInformationByBasis: [number, number] = [0, 0];
  // every block below, the sectors' vectors too, is dropped before this returns (the statistics are numbers)
  const labelled = withScratch((take) => {
    const sectors = checkedSectors(setup, checked, take);
    const tau = sectors.map((s) => sectorStates(s, click, SIFTED_CASES, 2, take)); // clicks only: sifting drops "no click"
    for (let a: Basis = 0; a < 2; a++) {
      const sifted = siftedEnsemble(sectors, tau, a as Basis, take);
      clickByBasis[a] = sifted.total;
      qberByBasis[a] = sifted.total > 0 ? sifted.errors / sifted.total : 0;
      holevoByBasis[a] = sifted.total > 0 ? holevoOfBlocks(sectors, sifted.rho, take) : 0;
      const guess = eveGuess(sectors, sifted, take);
      eveGuessByBasis[a] = guess.guess;
      eveMutualInformationByBasis[a] = guess.information;
    }
    return sectors.map((s) => ({ label: s.label, weight: s.weight }));
  });
  return { qberByBasis, clickByBasis, holevoByBasis, eveGuessByBasis, eveMutualInformationByBasis, sectors: labelled };
}

/**
 * Eve's Helstrom guess of a sifted bit of one basis and its mutual information with the bit.
 * `P(x, s, g)` (her outcome is her sector s and her Helstrom guess g in it) at index
 * `4 s + 2 x + g`, held in a Float64Array: the same numbers in the same order as the objects
 * `{ x, g, p }` it replaced (those, a flatMap and three reduces, were ~5 % of a bb84.secrecy check).
 */
function eveGuess(sectors: readonly Sector[], sifted: SiftedEnsemble, take: Take): { guess: number; information: number } {
  // total is 0 on a link that never clicks (detectorEfficiency 0, no dark counts): a coin, as in ccbf2e9; never NaN after linkSetup/validateAdversary
  if (!(sifted.total > 0)) return { guess: 0.5, information: 0 };
  const projectors = helstromProjectors(sectors, sifted, take);
  const pj = take(4 * sectors.length);
  for (let i = 0; i < sectors.length; i++) {
    const d = sectors[i].eveDim;
    for (let x = 0; x < 2; x++) {
      const all = traceOf(sifted.rho[x][i], d);
      const g0 = Math.min(all, Math.max(0, traceProduct(projectors[i], sifted.rho[x][i], d)));
      pj[4 * i + 2 * x] = Math.max(0, g0 / sifted.total);
      pj[4 * i + 2 * x + 1] = Math.max(0, (all - g0) / sifted.total);
    }
  }
  let guess = 0;
  const px = new Float64Array(2), psg = take(2 * sectors.length);
  for (let k = 0; k < pj.length; k++) {
    const x = (k >> 1) & 1;
    if (x === (k & 1)) guess += pj[k];
    px[x] += pj[k];
  }
  for (let k = 0; k < pj.length; k += 4) {
    psg[k >> 1] = pj[k] + pj[k + 2];
    psg[(k >> 1) + 1] = pj[k + 1] + pj[k + 3];
  }
  return { guess, information: Math.max(0, shannonEntropy(px) + shannonEntropy(psg) - shannonEntropy(pj)) };
}

/** The cases c = 4a + 2x + b with a = b (the sifted ones). */
const SIFTED_CASES: readonly number[] = [0, 2, 5, 7];

/**
 * Eve's Helstrom projector per sector for the sifted ensemble of one basis: the projector onto
 * the positive part of `rho_0 - rho_1` (Helstrom 1976), guessing 0 on it.
 * @internal shared with `outcomeTable.ts`.
 */
export function helstromProjectors(sectors: readonly Sector[], sifted: SiftedEnsemble, take: Take): Float64Array[] {
  return sectors.map((s, i) => {
    const r0 = sifted.rho[0][i], r1 = sifted.rho[1][i];
    const diff = take(r0.length);
    for (let k = 0; k < diff.length; k++) diff[k] = r0[k] - r1[k];
    return positiveProjector(diff, s.eveDim, take);
  });
}

/**
 * tau[case][k]: Eve's unnormalised state in one sector when Bob records k, for the listed cases
 * c = 4a + 2x + b (other entries left empty); `records = 2` computes the two click records only.
 * @internal shared with `outcomeTable.ts`.
 */
export function sectorStates(s: Sector, click: ReturnType<typeof clickMap>, cases: readonly number[], records: 2 | 3, take: Take): Float64Array[][] {
  const d = s.eveDim, n = 2 * d * d;
  const out: Float64Array[][] = [];
  const shifted = take(4 * d), e = take(2 * d);
  const sigma = [take(n), take(n), take(n)];
  for (const c of cases) {
    const a = (c >> 2) as Basis, x = ((c >> 1) & 1) as Bit, b = (c & 1) as Basis;
    const phi = s.transit(a, x);
    for (const m of sigma) m.fill(0);
    for (let p = 0; p < 4; p++) {
      const w = s.noise[p];
      if (w === 0) continue;
      applyPauli(phi, p, d, shifted);
      for (let j = 0; j < 2; j++) {
        const beta = PREPARED[2 * b + j];
        for (let k = 0; k < 2 * d; k++) e[k] = beta[0] * shifted[k] + beta[1] * shifted[2 * d + k];
        if (s.transmission > 0) addProjector(sigma[j], e, d, w * s.transmission);
        if (s.transmission < 1) addProjector(sigma[2], e, d, w * (1 - s.transmission));
      }
    }
    const taus: Float64Array[] = [];
    for (let k = 0; k < records; k++) {
      const t = take(n);
      for (let r = 0; r < 3; r++) {
        const f = click[r][k];
        if (f !== 0) for (let i = 0; i < n; i++) t[i] += f * sigma[r][i];
      }
      taus.push(t);
    }
    out[c] = taus;
  }
  return out;
}

/** `preparedAmplitudes(b, j)` at index `2 b + j`, made once (sectorStates reads them 8 times per case and Pauli). */
const PREPARED: readonly (readonly [number, number])[] = [0, 1].flatMap((b) => [0, 1].map((j) => preparedAmplitudes(b as Basis, j as Bit)));

/** Pauli index p = (xflip) + 2 (zflip) on the photon (subsystem 0): XZ for p = 3 (Y up to phase). */
function applyPauli(phi: Float64Array, p: number, d: number, out: Float64Array): void {
  const xflip = p & 1, zflip = p >> 1;
  for (let q = 0; q < 2; q++) {
    const sign = zflip && q === 1 ? -1 : 1;
    const target = (q ^ xflip) * 2 * d;
    for (let k = 0; k < 2 * d; k++) out[target + k] = sign * phi[q * 2 * d + k];
  }
}

/** @internal Eve's sifted-key states of one basis, per bit value and sector. */
export interface SiftedEnsemble {
  /** rho[x][sector]: weighted, with the prior 1/2 on x. */
  readonly rho: Float64Array[][];
  readonly total: number;
  readonly errors: number;
}

/** @internal the sifted ensemble of basis a from the per-sector states. */
export function siftedEnsemble(sectors: readonly Sector[], tau: Float64Array[][][], a: Basis, take: Take): SiftedEnsemble {
  let total = 0, errors = 0;
  const rho: Float64Array[][] = [[], []];
  for (let x = 0; x < 2; x++) {
    const c = 4 * a + 2 * x + a;
    for (let i = 0; i < sectors.length; i++) {
      const d = sectors[i].eveDim, w = sectors[i].weight / 2;
      const t0 = tau[i][c][0], t1 = tau[i][c][1];
      const r = take(2 * d * d);
      for (let k = 0; k < r.length; k++) r[k] = w * (t0[k] + t1[k]);
      total += traceOf(r, d);
      errors += w * traceOf(tau[i][c][1 - x], d);
      rho[x].push(r);
    }
  }
  return { rho, total, errors };
}

/** chi = S(sum_x rho_x / N) - sum_x (N_x / N) S(rho_x / N_x), block by block. */
function holevoOfBlocks(sectors: readonly Sector[], rho: Float64Array[][], take: Take): number {
  const avg = blocksEntropy(sectors, take, rho[0].map((b, i) => {
    const sum = take(b.length);
    for (let k = 0; k < b.length; k++) sum[k] = b[k] + rho[1][i][k];
    return sum;
  }));
  let inner = 0;
  for (let x = 0; x < 2; x++) {
    const e = blocksEntropy(sectors, take, rho[x]);
    inner += (e.total / avg.total) * e.entropy;
  }
  return Math.max(0, avg.entropy - inner);
}

/** Entropy of the block-diagonal state `(+)_s blocks[s]` normalised by its trace, and that trace (eigenvalues clipped at 0). */
function blocksEntropy(sectors: readonly Sector[], take: Take, blocks: readonly Float64Array[]): { entropy: number; total: number } {
  let size = 0;
  for (const s of sectors) size += s.eveDim;
  const eig = take(size);
  for (let i = 0, at = 0; i < blocks.length; at += sectors[i].eveDim, i++) eig.set(blockEigenvalues(blocks[i], sectors[i].eveDim), at);
  let total = 0;
  for (let k = 0; k < size; k++) total += Math.max(0, eig[k]);
  if (!(total > 0)) return { entropy: 0, total };
  for (let k = 0; k < size; k++) eig[k] = Math.max(0, eig[k]) / total;
  return { entropy: shannonEntropy(eig), total };
}
