/**
 * An exact upper bound on impersonation: averaged over the key pair, the KDC's acceptance of a
 * round is `tr(Pi rho_{sf})` with
 * `Pi = (1/4) sum_{a,b} U^dagger (I_s (x) P_{a,b}) U`, U = CNOT_{s->f} (eq. 11) and P_{a,b} the
 * projector onto the outcome the KDC expects for pair (a, b) (step 7). Whatever Eve sends,
 * acceptance <= lambda_max(Pi) per round; the pairs are independent and uniform, so a session of
 * n/2 rounds is accepted with probability <= lambda_max(Pi)^{n/2}.
 * @module
 */
import { adjoint, combine, CNOT, eigvalsh, H, I2, identity, kron, matmul, projectorsOf, type CMatrix } from "../kernel/index.js";
import { checkKeyBits } from "./key.js";
import { variantSpec, type AuthVariant } from "./variant.js";

/** The bound, per round and per session, with the operator it comes from. */
export interface ImpersonationBound {
  /** `Pi` on (s, f), 4 x 4. */
  readonly operator: CMatrix;
  /** `lambda_max(Pi)`: the largest acceptance of one round averaged over its key pair. */
  readonly perRound: number;
  /** `lambda_max(Pi)^{n/2}`. */
  readonly perSession: number;
}

/**
 * The acceptance operator of one round and its largest eigenvalue.
 * @example impersonationBound("parity", 8).perRound // 0.5
 */
export function impersonationBound(variant: AuthVariant, keyBits: number): ImpersonationBound {
  checkKeyBits("impersonationBound", keyBits);
  const spec = variantSpec(variant);
  const u = spec.kdcCnot ? CNOT : identity(4);
  const terms: [number, CMatrix][] = [];
  for (const a of [0, 1] as const) {
    for (const b of [0, 1] as const) {
      let p: CMatrix;
      if (!spec.kdcChecks) p = I2;
      else if (spec.encoding === "parity") p = projectorsOf(identity(2))[a ^ b];
      else p = projectorsOf(a === 0 ? identity(2) : H)[b];
      terms.push([0.25, matmul(adjoint(u), matmul(kron(I2, p), u))]);
    }
  }
  const operator = combine(terms);
  const ev = eigvalsh(operator);
  const perRound = ev[ev.length - 1];
  return { operator, perRound, perSession: perRound ** (keyBits / 2) };
}
