/**
 * The quantum steps the KDC depends on, as injected pure functions.
 *
 * The KDC (model/kdc) never runs BB84 or EPR authentication itself: it receives them as values of
 * the types below, so that the classical layer can be checked with stand-ins today and wired to
 * the density-matrix models of `model/bb84` and `model/auth` later without changing a line here.
 * @module
 */
import type { Rng } from "../random.js";

/** Outcome of one private-key establishment (BB84, docs/protocol/02-bb84-private-keys.md, eqs. 3-5). */
export type PrivateKeyOutcome =
  | { readonly ok: true; readonly key: Uint8Array; readonly qber: number }
  | { readonly ok: false; readonly reason: string; readonly qber: number };

/**
 * BB84 between the KDC and `party` (a member id under `member-scope`, the group id under
 * `group-scope`): continue iff `P^e < p_o` (eq. 4), the remaining bits are `P_k(m_i)` (eq. 5).
 * Must be a pure function of `(party, rng)`.
 */
export type PrivateKeyEstablishment = (party: string, rng: Rng) => PrivateKeyOutcome;

/** Outcome of the EPR/CNOT identity authentication (docs/protocol/05-authentication.md, eqs. 8-11). */
export interface AuthenticationOutcome {
  readonly accepted: boolean;
  /** Why the KDC rejected the member, or any detail the real protocol reports. */
  readonly detail?: string;
}

/** Identity authentication of `member` by the KDC (eqs. 8-11). Pure function of `(member, rng)`. */
export type Authentication = (member: string, rng: Rng) => AuthenticationOutcome;

/**
 * The quantum channel as the end-to-end model sees it: which parties' links carry an
 * eavesdropper (THREATS.md, quantum channel). A real BB84 model reads this flag to add Eve.
 */
export interface QuantumChannel {
  readonly eavesdropped: readonly string[];
}

/** Both quantum steps, built for one quantum channel (so an eavesdropper flag can reach BB84). */
export interface QuantumSteps {
  readonly establish: (channel: QuantumChannel) => PrivateKeyEstablishment;
  readonly authenticate: Authentication;
}
