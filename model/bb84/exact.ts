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
import { addProjector, blockEigenvalues, positiveProjector, traceOf, traceProduct } from "./internal/blocks.js";
import { pulseSectors, type Sector } from "./sectors.js";
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
  const sectors = pulseSectors(linkSetup(link), validateAdversary(adversary));
  const click = clickMap(link.darkCountProbability);
  const tau = sectors.map((s) => sectorStates(s, click, SIFTED_CASES, 2)); // clicks only: sifting drops "no click"
  const out = {
    qberByBasis: [0, 0] as [number, number],
    clickByBasis: [0, 0] as [number, number],
    holevoByBasis: [0, 0] as [number, number],
    eveGuessByBasis: [0, 0] as [number, number],
    eveMutualInformationByBasis: [0, 0] as [number, number],
  };
  for (const a of [0, 1] as Basis[]) {
    const sifted = siftedEnsemble(sectors, tau, a);
    out.clickByBasis[a] = sifted.total;
    out.qberByBasis[a] = sifted.total > 0 ? sifted.errors / sifted.total : 0;
    out.holevoByBasis[a] = sifted.total > 0 ? holevoOfBlocks(sectors, sifted.rho) : 0;
    const projectors = helstromProjectors(sectors, sifted);
    // P(x, s, g): Eve's measurement outcome is her sector s and her Helstrom guess g in it
    const joint = sectors.flatMap((s, i) =>
      ([0, 1] as Bit[]).flatMap((x) => {
        const all = traceOf(sifted.rho[x][i], s.eveDim);
        const g0 = Math.min(all, Math.max(0, traceProduct(projectors[i], sifted.rho[x][i], s.eveDim)));
        return [{ x, g: 0, p: g0 }, { x, g: 1, p: all - g0 }];
      }),
    );
    if (sifted.total > 0) {
      const pj = joint.map((j) => Math.max(0, j.p / sifted.total));
      out.eveGuessByBasis[a] = joint.reduce((acc, j, k) => acc + (j.x === j.g ? pj[k] : 0), 0);
      const px = [0, 1].map((x) => joint.reduce((acc, j, k) => acc + (j.x === x ? pj[k] : 0), 0));
      const psg: number[] = [];
      for (let k = 0; k < joint.length; k += 4) psg.push(pj[k] + pj[k + 2], pj[k + 1] + pj[k + 3]);
      out.eveMutualInformationByBasis[a] = Math.max(0, shannonEntropy(px) + shannonEntropy(psg) - shannonEntropy(pj));
    } else out.eveGuessByBasis[a] = 0.5;
  }
  return { ...out, sectors: sectors.map((s) => ({ label: s.label, weight: s.weight })) };
}

/** The cases c = 4a + 2x + b with a = b (the sifted ones). */
const SIFTED_CASES: readonly number[] = [0, 2, 5, 7];

/**
 * Eve's Helstrom projector per sector for the sifted ensemble of one basis: the projector onto
 * the positive part of `rho_0 - rho_1` (Helstrom 1976), guessing 0 on it.
 * @internal shared with `outcomeTable.ts`.
 */
export function helstromProjectors(sectors: readonly Sector[], sifted: SiftedEnsemble): Float64Array[] {
  return sectors.map((s, i) => positiveProjector(sifted.rho[0][i].map((v, k) => v - sifted.rho[1][i][k]), s.eveDim));
}

/**
 * tau[case][k]: Eve's unnormalised state in one sector when Bob records k, for the listed cases
 * c = 4a + 2x + b (other entries left empty); `records = 2` computes the two click records only.
 * @internal shared with `outcomeTable.ts`.
 */
export function sectorStates(s: Sector, click: ReturnType<typeof clickMap>, cases: readonly number[], records: 2 | 3 = 3): Float64Array[][] {
  const d = s.eveDim, n = 2 * d * d;
  const out: Float64Array[][] = [];
  const shifted = new Float64Array(4 * d), e = new Float64Array(2 * d);
  const sigma = [new Float64Array(n), new Float64Array(n), new Float64Array(n)];
  for (const c of cases) {
    const a = (c >> 2) as Basis, x = ((c >> 1) & 1) as Bit, b = (c & 1) as Basis;
    const phi = s.transit(a, x);
    for (const m of sigma) m.fill(0);
    for (let p = 0; p < 4; p++) {
      const w = s.noise[p];
      if (w === 0) continue;
      applyPauli(phi, p, d, shifted);
      for (const j of [0, 1] as Bit[]) {
        const beta = preparedAmplitudes(b, j);
        for (let k = 0; k < 2 * d; k++) e[k] = beta[0] * shifted[k] + beta[1] * shifted[2 * d + k];
        if (s.transmission > 0) addProjector(sigma[j], e, d, w * s.transmission);
        if (s.transmission < 1) addProjector(sigma[2], e, d, w * (1 - s.transmission));
      }
    }
    const taus: Float64Array[] = [];
    for (let k = 0; k < records; k++) {
      const t = new Float64Array(n);
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
export function siftedEnsemble(sectors: readonly Sector[], tau: Float64Array[][][], a: Basis): SiftedEnsemble {
  let total = 0, errors = 0;
  const rho = ([0, 1] as Bit[]).map((x) => {
    const c = 4 * a + 2 * x + a;
    return sectors.map((s, i) => {
      const d = s.eveDim, w = s.weight / 2;
      const r = new Float64Array(2 * d * d);
      for (let k = 0; k < r.length; k++) r[k] = w * (tau[i][c][0][k] + tau[i][c][1][k]);
      total += traceOf(r, d);
      errors += w * traceOf(tau[i][c][1 - x], d);
      return r;
    });
  });
  return { rho, total, errors };
}

/** chi = S(sum_x rho_x / N) - sum_x (N_x / N) S(rho_x / N_x), block by block. */
function holevoOfBlocks(sectors: readonly Sector[], rho: Float64Array[][]): number {
  const entropyOf = (blocks: readonly Float64Array[]): { entropy: number; total: number } => {
    const eig: number[] = [];
    blocks.forEach((b, i) => eig.push(...blockEigenvalues(b, sectors[i].eveDim)));
    const total = eig.reduce((s, v) => s + Math.max(0, v), 0);
    return { entropy: total > 0 ? shannonEntropy(eig.map((v) => Math.max(0, v) / total)) : 0, total };
  };
  const avg = entropyOf(rho[0].map((b, i) => b.map((v, k) => v + rho[1][i][k])));
  let inner = 0;
  for (const x of [0, 1]) {
    const e = entropyOf(rho[x]);
    inner += (e.total / avg.total) * e.entropy;
  }
  return Math.max(0, avg.entropy - inner);
}
