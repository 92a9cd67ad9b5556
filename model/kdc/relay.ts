/**
 * Communication between groups through the KDC (docs/protocol/04-messaging.md): the KDC decrypts with the
 * source group's key and re-encrypts with the target group's key,
 * `C_b = E(D(C_a, G_a), G_b)`. The KDC therefore sees every inter-group plaintext; this module
 * records what it sees (the honest-but-curious KDC's view, THREATS.md).
 * @module
 */
import { openMessage, sealMessage, emptySequence, type GroupMessage, type SequenceState } from "./messaging.js";

/** A group's current key as the KDC holds it. */
export interface GroupKeyEntry {
  readonly epoch: number;
  readonly key: Uint8Array;
}

/** One inter-group plaintext the KDC saw while relaying. */
export interface RelayObservation {
  readonly from: string;
  readonly to: string;
  readonly sender: string;
  readonly seq: number;
  readonly plaintext: Uint8Array;
}

/** The KDC's relay state: inbound windows, outbound counters, and everything it saw. */
export interface RelayState {
  readonly inbound: SequenceState;
  readonly outbound: SequenceState;
  readonly observed: readonly RelayObservation[];
}

/** The relay before any traffic. */
export const emptyRelay: RelayState = { inbound: emptySequence, outbound: emptySequence, observed: [] };

/** The KDC's sender name in relayed messages. */
export const KDC_SENDER = "KDC";

/** Outcome of relaying one message. */
export type Relayed =
  | { readonly ok: true; readonly forwarded: readonly GroupMessage[]; readonly state: RelayState }
  | { readonly ok: false; readonly reason: string };

/**
 * Relay `message` (header `group = a`, `to = b`): open under `G_a` with replay/reorder checks,
 * record the plaintext, seal it as the KDC's next message to `b` under `G_b`.
 */
export function relay(state: RelayState, keys: ReadonlyMap<string, GroupKeyEntry>, message: GroupMessage): Relayed {
  const { group: from, to } = message.header;
  if (to === undefined) return { ok: false, reason: "relay: message has no target group (header.to)" };
  const source = keys.get(from);
  const target = keys.get(to);
  if (!source) return { ok: false, reason: `relay: unknown source group ${from}` };
  if (!target) return { ok: false, reason: `relay: unknown target group ${to}` };
  if (source.epoch !== message.header.epoch) return { ok: false, reason: `relay: stale epoch ${message.header.epoch} for ${from}` };
  const opened = openMessage(source.key, state.inbound, message);
  if (!opened.ok) return opened;
  const [forwarded, outbound] = sealMessage(
    target.key,
    state.outbound,
    { group: to, epoch: target.epoch, sender: KDC_SENDER, origin: `${from}/${message.header.sender}` },
    opened.plaintext,
  );
  const seen: RelayObservation = { from, to, sender: message.header.sender, seq: message.header.seq, plaintext: opened.plaintext };
  return { ok: true, forwarded: [forwarded], state: { inbound: opened.state, outbound, observed: [...state.observed, seen] } };
}
