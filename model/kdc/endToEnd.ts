/**
 * The whole scheme in one call: initialization request (2.1), authentication of each member
 * (2.6), private-key establishment over a quantum channel that may carry an eavesdropper (2.2,
 * eqs. 3-5), group-key distribution (2.3, eqs. 6-7) and messaging (2.4).
 *
 * A party whose authentication fails or whose establishment aborts (`P^e >= p_o`, eq. 4) is
 * refused; under group-scope one abort refuses the whole group (one QKD run with the group).
 * @module
 */
import type { Rng } from "../random.js";
import type { CipherName } from "./groupKeyCipher.js";
import type { KeyScope } from "./kdcGroup.js";
import type { QuantumChannel, QuantumSteps } from "./quantumSteps.js";
import type { RekeyStrategy } from "./rekeyStrategy.js";
import { runSession, type SessionTranscript } from "./session.js";

/** An initiator's request and the traffic that follows it. */
export interface EndToEndRequest {
  readonly group: string;
  readonly initiator: string;
  readonly members: readonly string[];
  readonly messages: readonly { readonly sender: string; readonly text: string }[];
  readonly scope: KeyScope;
  readonly cipher: CipherName;
  readonly strategy: RekeyStrategy;
  readonly channel: QuantumChannel;
}

/** The KDC's answer to the initiator (2.1) and the full transcript. */
export interface EndToEndResult {
  readonly admitted: readonly string[];
  readonly refused: readonly { readonly member: string; readonly reason: string }[];
  readonly transcript: SessionTranscript;
}

/** Run initialization, authentication, establishment, distribution and messaging together. */
export function runEndToEnd(request: EndToEndRequest, steps: QuantumSteps, rng: Rng): EndToEndResult {
  const transcript = runSession(
    { scope: request.scope, cipher: request.cipher, strategy: request.strategy },
    {
      group: request.group,
      initiator: request.initiator,
      initial: request.members,
      events: request.messages.map((m) => ({ kind: "send" as const, sender: m.sender, text: m.text })),
    },
    { establish: steps.establish(request.channel), authenticate: steps.authenticate },
    rng,
  );
  const admitted = transcript.steps[0]?.members ?? [];
  const refused = [...new Set(request.members)]
    .filter((m) => !admitted.includes(m))
    .map((member) => ({ member, reason: refusalReason(transcript, member, request.group) }));
  return { admitted, refused, transcript };
}

function refusalReason(t: SessionTranscript, member: string, group: string): string {
  const auth = t.authentications.find((a) => a.member === member);
  if (auth && !auth.accepted) return `authentication failed${auth.detail ? `: ${auth.detail}` : ""}`;
  const est = t.establishments.find((e) => e.party === member) ?? t.establishments.find((e) => e.party === group);
  if (est && !est.ok) return `private-key establishment with ${est.party} aborted (qber ${est.qber}): ${est.reason ?? ""}`;
  return "not admitted";
}
