/**
 * Eve's strategies against the authentication, as data: a short list of steps per transit,
 * interpreted by {@link applyEveStep}. Serialisable, printable, shrinkable.
 *
 * Particles: each round has the KDC's s, the transit particle m (KDC -> member), the member's f
 * (member -> KDC), and Eve's two registers `e0`, `e1`, which persist across rounds and sessions.
 * At a transit, `transit` names the particle on the wire (m at `toMember`, f at `toKdc`).
 * Intercepting and holding a particle, sending a substitute in any state, forwarding a held
 * particle and replaying an earlier round's particle are all `prepare` + `swap`: `swap` exchanges
 * the particle on the wire with the one in a register.
 * @module
 */

/** One of Eve's registers (qubits she brings, holds, and may keep across rounds). */
export type Register = "e0" | "e1";

/** A particle Eve can act on at a transit. */
export type Target = "transit" | Register;

/**
 * One action of Eve's. Angles in radians; a measurement basis is `{|n>, |-n>}` with
 * `|n> = cos(theta/2)|0> + e^{i phi} sin(theta/2)|1>` (theta = 0: Z, theta = pi/2, phi = 0: X).
 */
export type EveStep =
  /** Reset a register to the Bloch state (theta, phi): bring a fresh particle. */
  | { readonly op: "prepare"; readonly reg: Register; readonly theta: number; readonly phi: number }
  /** Exchange the particle on the wire with the one held in `reg` (intercept + substitute / forward). */
  | { readonly op: "swap"; readonly reg: Register }
  /** Projective measurement in the basis (theta, phi); the outcome is recorded, the particle goes on. */
  | { readonly op: "measure"; readonly target: Target; readonly theta: number; readonly phi: number }
  /** Hadamard. */
  | { readonly op: "h"; readonly target: Target }
  /** The general single-qubit unitary U3(theta, phi, lambda). */
  | { readonly op: "u3"; readonly target: Target; readonly theta: number; readonly phi: number; readonly lambda: number }
  /** CNOT, either direction. */
  | { readonly op: "cnot"; readonly control: Target; readonly target: Target }
  /** Controlled phase CZ. */
  | { readonly op: "cz"; readonly control: Target; readonly target: Target }
  /** Controlled U3 (a generated two-qubit unitary). */
  | { readonly op: "cu3"; readonly control: Target; readonly target: Target; readonly theta: number; readonly phi: number; readonly lambda: number };

/**
 * What Eve does with the KDC's classical message of a round (`continue` / `abort`):
 * pass it on, forge `continue`, forge `abort`, or replay the previous round's message.
 */
export type MessageStep = "pass" | "continue" | "abort" | "replay";

/** Eve's steps in one round. */
export interface RoundStrategy {
  /** On m in transit from the KDC to the member. */
  readonly toMember: readonly EveStep[];
  /** On f in transit from the member to the KDC. */
  readonly toKdc: readonly EveStep[];
  /** On the KDC's classical decision message. */
  readonly message: MessageStep;
  /** After the key update of eq. 12, on her registers only (e.g. measure what she holds). */
  readonly after: readonly EveStep[];
}

/**
 * Who takes part: `mitm` (KDC and member both honest, Eve in the middle), `impersonate-member`
 * (the genuine member takes no part; Eve answers the KDC holding no key), `impersonate-kdc`
 * (the KDC takes no part; Eve plays it towards the member).
 */
export type Mode = "mitm" | "impersonate-member" | "impersonate-kdc";

/** A whole strategy: round g (over all sessions) uses `rounds[g mod rounds.length]`. */
export interface Strategy {
  readonly mode: Mode;
  readonly rounds: readonly RoundStrategy[];
}

/** A round in which Eve passes everything on. */
export const passRound: RoundStrategy = { toMember: [], toKdc: [], message: "pass", after: [] };

/** The honest run: Eve passes every particle and message on. */
export const honestStrategy: Strategy = { mode: "mitm", rounds: [passRound] };

/**
 * The round strategy used at global round g (cyclic).
 * @throws RangeError when the strategy has no rounds.
 */
export function roundStrategyAt(strategy: Strategy, globalRound: number): RoundStrategy {
  if (strategy.rounds.length === 0) throw new RangeError("roundStrategyAt: strategy.rounds is empty");
  return strategy.rounds[globalRound % strategy.rounds.length];
}

/** One line per step, for traces and reports. */
export function formatStep(step: EveStep): string {
  const a = (x: number): string => (Math.abs(x) < 1e-12 ? "0" : `${(x / Math.PI).toFixed(3)}pi`);
  switch (step.op) {
    case "prepare": return `prepare ${step.reg} in Bloch(theta=${a(step.theta)}, phi=${a(step.phi)})`;
    case "swap": return `swap the particle on the wire with ${step.reg}`;
    case "measure": return `measure ${step.target} in basis (theta=${a(step.theta)}, phi=${a(step.phi)})`;
    case "h": return `H on ${step.target}`;
    case "u3": return `U3(${a(step.theta)}, ${a(step.phi)}, ${a(step.lambda)}) on ${step.target}`;
    case "cnot": return `CNOT ${step.control} -> ${step.target}`;
    case "cz": return `CZ ${step.control}, ${step.target}`;
    case "cu3": return `controlled-U3(${a(step.theta)}, ${a(step.phi)}, ${a(step.lambda)}) ${step.control} -> ${step.target}`;
  }
}
