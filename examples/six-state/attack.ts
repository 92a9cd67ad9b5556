/**
 * One pulse under attack, exactly: the joint density matrix of Bob's qubit (subsystem 0) and
 * Eve's record (subsystem 1) after Eve's strategy acts on Alice's signal.
 *
 * - Intercept-resend keeps a classical record of dimension 7: `|0>` "not intercepted", and
 *   `|1 + 2e + k>` "measured in basis e (X=0, Y=1, Z=2), found k". For a signal rho,
 *   `rho_BE = (1-f) rho (x) |0><0| + f sum_e p_e sum_k tr(P_{e,k} rho) P_{e,k} (x) |1+2e+k><1+2e+k|`.
 * - A probe appends Eve's qubit in `|0>` and applies the layers: `rho_BE = U (rho (x) |0><0|) U^dagger`.
 * @module
 */
import {
  basisKet,
  CNOT,
  CZ,
  densityOf,
  evolve,
  measureInBasis,
  mixture,
  tensor,
  u3,
  type DensityMatrix,
} from "qkd-harness/kernel";
import { basisMatrix, SIX_STATE_BASES } from "./bases.js";
import { eveBasisWeights, type InterceptResend, type Probe, type SixStateAttack } from "./adversary.js";

/** Dimension of the intercept-resend record: "passed" plus (basis, outcome) for 3 x 2. */
export const RECORD_DIMENSION = 7;

/**
 * The joint state of Bob's qubit and Eve's record after `attack` acts on `signal`
 * (dims `[2, 7]` for intercept-resend, `[2, 2]` for a probe).
 * @example attackPulse({ kind: "intercept-resend", fraction: 0, basis: "Z" }, signalState("X", 0)).dims // [2, 7]
 */
export function attackPulse(attack: SixStateAttack, signal: DensityMatrix): DensityMatrix {
  return attack.kind === "intercept-resend" ? interceptResend(attack, signal) : probe(attack, signal);
}

function record(index: number): DensityMatrix {
  return densityOf(basisKet(index, [RECORD_DIMENSION]));
}

function interceptResend(attack: InterceptResend, signal: DensityMatrix): DensityMatrix {
  const weights = eveBasisWeights(attack.basis);
  const terms: (readonly [number, DensityMatrix])[] = [];
  if (attack.fraction < 1) terms.push([1 - attack.fraction, tensor(signal, record(0))]);
  SIX_STATE_BASES.forEach((basis, e) => {
    if (weights[basis] === 0 || attack.fraction === 0) return;
    measureInBasis(signal, basisMatrix(basis), [0]).forEach((outcome, k) => {
      // Eve resends the eigenstate she found: the post-measurement state of outcome k
      if (outcome.state !== null) terms.push([attack.fraction * weights[basis] * outcome.probability, tensor(outcome.state, record(1 + 2 * e + k))]);
    });
  });
  return mixture(terms);
}

function probe(attack: Probe, signal: DensityMatrix): DensityMatrix {
  let rho = tensor(signal, densityOf(basisKet(0, [2])));
  for (const layer of attack.layers) {
    rho = evolve(rho, u3(...layer.signal), [0]);
    rho = evolve(rho, u3(...layer.probe), [1]);
    if (layer.entangler === "cnot") rho = evolve(rho, CNOT, [0, 1]);
    else if (layer.entangler === "cnot-reversed") rho = evolve(rho, CNOT, [1, 0]);
    else if (layer.entangler === "cz") rho = evolve(rho, CZ, [0, 1]);
  }
  return rho;
}

