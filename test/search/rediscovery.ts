/**
 * The rediscovery cases of issue 11: from scratch (no named strategy in the space), the search
 * must reach each target on at least 19 of 20 seeds. Shared by the test suite (a few seeds) and
 * by `QKD_SEEDS=20` (all twenty); each case returns the reached value and whether it matched.
 *
 * Targets:
 * - auth, parity reading, n = 4 and 8: acceptance >= 0.999 and chi(K'_c : E | acc) >= n - 0.01.
 * - auth, basis-encoded reading, n = 4, one session: the strongest man in the middle accepted
 *   with certainty learns exactly n/2 bits — derivation: a CNOT tap of m onto Eve's qubit makes
 *   s, m and her qubit a GHZ state; the member's CNOT m -> f and the KDC's CNOT s -> f then cancel
 *   in every branch (for f in X, the two phase kicks Z_m Z_s act trivially on the GHZ state), so
 *   the KDC accepts with probability 1, and after the update her qubit holds c = K'_{2i-1} (1 bit
 *   per pair). K'_{2i} = K_{2i-1} XOR K_{2i} XOR c adds K_{2i-1} XOR K_{2i}, which f carries only
 *   in one of the four BB84 states {|0>, |1>, |+>, |->} (given c): no interaction learns anything
 *   about a set of non-orthogonal states without disturbing one of them (Bennett, Brassard,
 *   Mermin 1992), and a disturbed f fails the KDC's check with positive probability. So at
 *   acceptance 1 Eve's information is n/2 bits, no more. The target is acceptance >= 0.999 with
 *   chi within 1 % of n/2. Checked critically: the argument is for acceptance exactly 1; at
 *   acceptance 0.999 a weak probe of f may add a little (by continuity; for small disturbance D
 *   per round, Fuchs' individual-attack slope is about 2.9 D bits, so about 3e-3 bits here), which
 *   the 1 % window allows; a value above n/2 at acceptance 1 (to 1e-9) would refute the
 *   derivation and fails the case. Measured (budget 400, seeds 1..20): every search ends at
 *   acceptance 1 with chi = 2 to 1e-12, none above.
 * - BB84, individual attacks at D in {0.05, 0.10, 0.1464, 0.25}: a probe with QBER <= D + 1e-4 in
 *   both bases and Eve's mutual information >= 0.99 I_E(D), I_E(D) = 1 - h(1/2 + sqrt(D (1 - D)))
 *   (Fuchs et al. 1997).
 * - Intercept-resend at the threshold: the largest fraction f* with P(accept) >= 1/2 (p_o = 0.11,
 *   n = 1000), computed by bisection on the exact acceptance; the search must reach it within
 *   1e-4 with P(accept) >= 1/2.
 * @module
 */
import { exactRun } from "../../model/bb84/index.js";
import { searchAuth } from "../../properties/auth/search.js";
import { fuchsInformation, MIN_INTERCEPT_ACCEPTANCE, searchBb84 } from "../../properties/bb84/search.js";
import { secrecy } from "../../properties/bb84/secrecy.js";

/** One case of the suite. */
export interface RediscoveryCase {
  readonly name: string;
  readonly target: string;
  /**
   * Set when measurement says the search does not yet meet the target at the suite's budget
   * (what it reaches, in words): the case then runs only under QKD_SEEDS, never silently passes.
   */
  readonly notMet?: string;
  /** Seeds run by `npm test` (without QKD_SEEDS; default 3): the auth searches cost seconds each. */
  readonly quickSeeds?: number;
  /** Run the search with one seed: the value reached and whether it meets the target. */
  run(seed: number): { readonly reached: number; readonly matched: boolean; readonly detail: string };
}

/** Budgets of the suite (objective evaluations per search). */
export const BUDGET = { auth: 400, bb84: 16000, intercept: 200 } as const;

const bb84Params = secrecy.params.parse({ variant: "paper" });

function parity(n: number): RediscoveryCase {
  return {
    name: `auth parity n=${n}`,
    target: `acceptance >= 0.999, chi >= ${n - 0.01} bits`,
    quickSeeds: n === 4 ? 1 : 0,
    run(seed) {
      const o = searchAuth({ variant: "parity", keyBits: n, sessions: 1, noise: 0 }, { seed, budget: BUDGET.auth, objective: "acceptedInformation" });
      const a = o.metrics.acceptance as number, chi = o.metrics.eveInformationBits as number;
      return { reached: chi, matched: a >= 0.999 && chi >= n - 0.01, detail: `acceptance ${a.toFixed(6)}` };
    },
  };
}

/** Eve's information at acceptance 1 on the basis-encoded reading: n/2 bits (derivation above). */
const BASIS_OPTIMUM = 2;

const basisEncoded: RediscoveryCase = {
  name: "auth basis-encoded n=4",
  target: `acceptance >= 0.999, chi within 1 % of the analytic optimum n/2 = ${BASIS_OPTIMUM}`,
  quickSeeds: 1,
  run(seed) {
    const o = searchAuth({ variant: "basis-encoded", keyBits: 4, sessions: 1, noise: 0 }, { seed, budget: BUDGET.auth, objective: "acceptedInformation" });
    const a = o.metrics.acceptance as number, chi = o.metrics.eveInformationBits as number;
    const refutes = a >= 1 - 1e-9 && chi > BASIS_OPTIMUM + 1e-6;
    return {
      reached: chi,
      matched: a >= 0.999 && Math.abs(chi - BASIS_OPTIMUM) <= 0.01 * BASIS_OPTIMUM && !refutes,
      detail: `acceptance ${a.toFixed(6)}${refutes ? " — above n/2 at acceptance 1: the derivation is wrong" : ""}`,
    };
  },
};

function fuchs(d: number): RediscoveryCase {
  const optimum = fuchsInformation(d);
  return {
    name: `bb84 probe D=${d}`,
    target: `I_E >= 0.99 x ${optimum.toFixed(5)} at QBER <= D`,
    // 16,000 evaluations per search: `npm test` runs one disturbance on one seed, QKD_SEEDS all
    quickSeeds: d === 0.1 ? 1 : 0,
    run(seed) {
      const o = searchBb84(bb84Params, { seed, budget: BUDGET.bb84, objective: "information", disturbance: d });
      const info = o.metrics.eveInformationBits as number;
      const q = Math.max(o.metrics.qberZ as number, o.metrics.qberX as number);
      return { reached: info, matched: info >= 0.99 * optimum && q <= d + 1e-4 && info <= optimum + 1e-3, detail: `ratio ${(info / optimum).toFixed(4)}, qber ${q.toFixed(5)}` };
    },
  };
}

/** The largest intercept fraction (random basis) with P(accept) >= 1/2, by bisection. */
export function thresholdFraction(): number {
  let lo = 0, hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (exactRun(bb84Params.link, { kind: "intercept-resend", fraction: mid, basis: "random" }, "paper", bb84Params.run).acceptance >= MIN_INTERCEPT_ACCEPTANCE) lo = mid;
    else hi = mid;
  }
  return lo;
}

const intercept: RediscoveryCase = {
  name: "bb84 intercept-resend threshold",
  target: "largest f with P(accept) >= 1/2, within 1e-4",
  run(seed) {
    const fStar = thresholdFraction();
    const o = searchBb84(bb84Params, { seed, budget: BUDGET.intercept, objective: "interceptFraction" });
    const f = o.metrics.fraction as number, a = o.metrics.acceptance as number;
    return { reached: f, matched: a >= MIN_INTERCEPT_ACCEPTANCE && Math.abs(f - fStar) <= 1e-4, detail: `f* = ${fStar.toFixed(6)}, acceptance ${a.toFixed(6)}` };
  },
};

/** Every case, in the order of the issue. */
export const rediscoveryCases: readonly RediscoveryCase[] = [parity(4), parity(8), basisEncoded, ...[0.05, 0.1, 0.1464, 0.25].map(fuchs), intercept];
