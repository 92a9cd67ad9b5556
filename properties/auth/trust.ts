/**
 * The trust assumptions shared by the auth properties (THREATS.md, "Authentication").
 * @module
 */
import type { TrustAssumptions } from "../types.js";

/** Trusted: the two devices and the pre-shared key; Eve: every transit and the classical channel. */
export const authTrust: TrustAssumptions = {
  trusted: ["KDC device", "member device", "pre-shared K_c (uniform, known only to KDC and member)"],
  adversary:
    "full control of both quantum transits (m to the member, f to the KDC) and of the unauthenticated classical accept/continue messages: pass, hold, substitute any state, measure in any basis, any 1-2 qubit gate with up to two qubits of her own kept across rounds and sessions, replay; may impersonate the member or the KDC holding no key",
};
