/**
 * One arm of a round in progress: a measurement branch with its probability, the normalised
 * state of the round's five qubits (s, m, f, e0, e1) and the classical facts decided so far.
 * A round is a list of arms whose weights sum to the probability of reaching it.
 * @module
 */
import type { DensityMatrix } from "../kernel/index.js";

/** A branch inside a round. */
export interface Arm {
  /** Probability of this branch (unnormalised over the round's arms: they sum to the round's mass). */
  readonly weight: number;
  /** Normalised state of `s (x) m (x) f (x) e0 (x) e1`. */
  readonly rho: DensityMatrix;
  /** Eve's classical records so far, one character per outcome (`0`/`1`), in step order. */
  readonly records: string;
  /** The KDC's decision on this round (null: not decided yet, or no KDC in this mode). */
  readonly kdcAccepted: boolean | null;
  /** Whether the member received `continue` (null: not yet, or no member in this mode). */
  readonly memberContinues: boolean | null;
  /** The KDC's Z outcome on s for eq. 12 (null: no update). */
  readonly kdcOutcome: 0 | 1 | null;
  /** The member's outcome on m for eq. 12 (null: no update). */
  readonly memberOutcome: 0 | 1 | null;
}

/** A single arm holding `rho` with probability `weight` and nothing decided. */
export function startArm(rho: DensityMatrix, weight = 1, records = ""): Arm {
  return { weight, rho, records, kdcAccepted: null, memberContinues: null, kdcOutcome: null, memberOutcome: null };
}

/** The arms with every state mapped (weights and facts kept). */
export function mapArms(arms: readonly Arm[], f: (rho: DensityMatrix) => DensityMatrix): Arm[] {
  return arms.map((a) => ({ ...a, rho: f(a.rho) }));
}

/**
 * Split every arm by a two-outcome measurement; `label(arm, outcome)` sets the facts of the
 * child. Outcomes that cannot occur are dropped.
 */
export function splitArms(
  arms: readonly Arm[],
  outcomes: (rho: DensityMatrix) => readonly (readonly [number, DensityMatrix | null])[],
  label: (arm: Arm, outcome: 0 | 1) => Partial<Arm>,
): Arm[] {
  const out: Arm[] = [];
  for (const arm of arms) {
    outcomes(arm.rho).forEach(([p, state], k) => {
      if (state !== null) out.push({ ...arm, weight: arm.weight * p, rho: state, ...label(arm, k as 0 | 1) });
    });
  }
  return out;
}
