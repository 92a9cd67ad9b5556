/**
 * The exact per-pulse outcome distribution the sampled mode draws from:
 * `P(k, g | a, x, b)` for Bob's record k (bit 0, bit 1, no click) and Eve's guess g, where Eve
 * measures her system with the Helstrom projector of the announced basis a in her sector.
 * @module
 */
import type { Adversary } from "./adversary.js";
import { validateAdversary } from "./adversary.js";
import type { Basis } from "./bases.js";
import { clickMap } from "./detector.js";
import { helstromProjectors, sectorStates, siftedEnsemble } from "./exact.js";
import { traceOf, traceProduct, withScratch } from "./internal/blocks.js";
import { checkedSectors } from "./sectors.js";
import { linkSetup, type LinkSetup } from "./setup.js";

const ALL_CASES: readonly number[] = [0, 1, 2, 3, 4, 5, 6, 7];

/**
 * `P(k, g | c)` at index `6c + 2k + g` for case `c = 4a + 2x + b`; each case's six entries sum to 1.
 * `P(k, g | c) = sum_s w_s tr(Pi^{(a)}_{s,g} tau_{s,c,k})`.
 * @example outcomeTable(IDEAL_LINK, NO_ADVERSARY)[0] // 0.5: Z-basis 0 read as 0, Eve's guess 0 (she holds nothing)
 */
export function outcomeTable(link: LinkSetup, adversary: Adversary): Float64Array {
  // validated here, and no sector escapes: the internal sectors (transit vectors in the scratch below, no second unitarity check)
  const setup = linkSetup(link), checked = validateAdversary(adversary);
  const click = clickMap(link.darkCountProbability);
  const table = new Float64Array(48);
  // the blocks of one call from one scratch, the sectors' vectors too (nothing taken from it escapes: the table is its own)
  withScratch((take) => {
    const sectors = checkedSectors(setup, checked, take);
    const tau = sectors.map((s) => sectorStates(s, click, ALL_CASES, 3, take));
    for (const a of [0, 1] as Basis[]) {
      const projectors = helstromProjectors(sectors, siftedEnsemble(sectors, tau, a, take), take);
      for (let c = 4 * a; c < 4 * a + 4; c++) {
        sectors.forEach((s, i) => {
          for (let k = 0; k < 3; k++) {
            const t = tau[i][c][k];
            const all = traceOf(t, s.eveDim);
            const g0 = Math.min(all, Math.max(0, traceProduct(projectors[i], t, s.eveDim)));
            table[6 * c + 2 * k] += s.weight * g0;
            table[6 * c + 2 * k + 1] += s.weight * Math.max(0, all - g0);
          }
        });
      }
    }
  });
  for (let c = 0; c < 8; c++) {
    let sum = 0;
    for (let k = 0; k < 6; k++) sum += table[6 * c + k];
    if (sum > 0) for (let k = 0; k < 6; k++) table[6 * c + k] /= sum;
  }
  return table;
}
