/**
 * Eve's strategies against the six-state protocol, as data (serialisable, printable,
 * shrinkable): intercept-resend on a fraction of the pulses, and a unitary probe that
 * entangles one probe qubit with each signal.
 * @module
 */
import type { Basis } from "./bases.js";

/** The basis Eve measures in: one of the three, or a uniformly random one per pulse. */
export type EveBasis = Basis | "random";

/**
 * Intercept-resend: on a fraction `f` of the pulses Eve measures in `basis` and resends the
 * eigenstate she found; the other pulses pass untouched.
 */
export interface InterceptResend {
  readonly kind: "intercept-resend";
  /** Fraction of the pulses intercepted, in [0, 1]. */
  readonly fraction: number;
  readonly basis: EveBasis;
}

/** A two-qubit gate Eve may apply between the signal (qubit 0) and her probe (qubit 1). */
export type Entangler = "cnot" | "cnot-reversed" | "cz" | "none";

/** One layer of a probe circuit: `u3` angles on signal and probe, then an entangler. */
export interface ProbeLayer {
  /** `[theta, phi, lambda]` of `u3` on the signal. */
  readonly signal: readonly [number, number, number];
  /** `[theta, phi, lambda]` of `u3` on the probe. */
  readonly probe: readonly [number, number, number];
  readonly entangler: Entangler;
}

/**
 * A unitary probe: Eve's qubit starts in `|0>`, the layers act on (signal, probe), Bob
 * receives the signal and Eve keeps the probe (a collective attack, one probe per pulse).
 */
export interface Probe {
  readonly kind: "probe";
  readonly layers: readonly ProbeLayer[];
}

/** Every strategy of this example. */
export type SixStateAttack = InterceptResend | Probe;

/** The probabilities with which Eve picks X, Y, Z. */
export function eveBasisWeights(basis: EveBasis): Readonly<Record<Basis, number>> {
  return basis === "random" ? { X: 1 / 3, Y: 1 / 3, Z: 1 / 3 } : { X: 0, Y: 0, Z: 0, [basis]: 1 };
}
