/**
 * Classical stand-ins for the quantum steps, until the lead wires `model/bb84` and `model/auth`.
 *
 * Establishment: an idealised intercept-resend eavesdropper on a party's link measures every
 * photon, learns the whole key and causes a QBER of exactly 1/4 (docs/protocol/02-bb84-private-keys.md#ambiguities, paper section 3.2); without her
 * the QBER is 0. The KDC aborts iff `qber >= p_o` (eq. 4). Authentication accepts every member
 * except the listed impostors.
 * @module
 */
import type { Authentication, PrivateKeyEstablishment, QuantumChannel, QuantumSteps } from "../../model/kdc/quantumSteps.js";
import { drawKeyMaterial } from "../../model/kdc/keyPool.js";

/** QBER caused by a full intercept-resend attack in a random basis: `1/2 * 1/2` (docs/protocol/02-bb84-private-keys.md#ambiguities, paper section 3.2). */
export const INTERCEPT_RESEND_QBER = 0.25;

/** Options of the stand-in establishment. */
export interface StandInOptions {
  /** Key bytes per successful run. */
  readonly keyBytes?: number;
  /** The agreed threshold `p_o`. */
  readonly threshold?: number;
  /** `false` is the broken KDC that skips the eq. 4 test (negative control). */
  readonly checkQber?: boolean;
}

/** Stand-in BB84 on `channel`: aborts on an eavesdropped link when the QBER test is on. */
export function standInEstablishment(channel: QuantumChannel, options: StandInOptions = {}): PrivateKeyEstablishment {
  const keyBytes = options.keyBytes ?? 2048;
  const threshold = options.threshold ?? 0.11;
  const checkQber = options.checkQber ?? true;
  return (party, rng) => {
    const qber = channel.eavesdropped.includes(party) ? INTERCEPT_RESEND_QBER : 0;
    if (checkQber && qber >= threshold) {
      return { ok: false, reason: `standInEstablishment: QBER ${qber} >= threshold ${threshold} on ${party}`, qber };
    }
    return { ok: true, key: drawKeyMaterial(rng, keyBytes)[0], qber };
  };
}

/** Stand-in authentication: accepts everyone but `impostors`. */
export function standInAuthentication(impostors: readonly string[] = []): Authentication {
  return (member) =>
    impostors.includes(member) ? { accepted: false, detail: `standInAuthentication: ${member} has no K_c` } : { accepted: true };
}

/** Both stand-ins as {@link QuantumSteps}. */
export function standInSteps(options: StandInOptions = {}, impostors: readonly string[] = []): QuantumSteps {
  return { establish: (channel) => standInEstablishment(channel, options), authenticate: standInAuthentication(impostors) };
}
