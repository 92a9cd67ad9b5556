/**
 * Messaging inside one group (docs/protocol/04-messaging.md) with sequence numbers.
 *
 * A message of stream `(group, epoch, sender)` carries `seq`; it is sealed with
 * `K = HKDF(G_k, "msg|group|epoch|sender")`, `nonce = counterNonce(seq)` and the header as AAD.
 * A receiver accepts exactly `seq = next(stream)`: a smaller seq is a replay, a larger one a
 * reordering or a drop. Each stream key has one sender whose seq strictly increases, so no
 * (key, nonce) pair repeats.
 * @module
 */
import { utf8 } from "./internal/bytes.js";
import { aesGcmOpen, aesGcmSeal, counterNonce, deriveKey, type AesGcmCiphertext } from "./aesGcm.js";
import type { Opened } from "./oneTimePad.js";

/** Cleartext header of a group message (authenticated as AAD). */
export interface MessageHeader {
  readonly group: string;
  readonly epoch: number;
  readonly sender: string;
  readonly seq: number;
  /** Inter-group traffic (2.5): the target group the KDC must relay to. */
  readonly to?: string;
  /** Relayed traffic: `group/sender` of the original message. */
  readonly origin?: string;
}

/** A sealed group message. */
export interface GroupMessage {
  readonly header: MessageHeader;
  readonly ciphertext: AesGcmCiphertext;
}

/** Next sequence number per stream (`group|epoch|sender`); a value, replaced on every use. */
export type SequenceState = ReadonlyMap<string, number>;

/** No stream seen yet. */
export const emptySequence: SequenceState = new Map();

/** The stream id `group|epoch|sender`. */
export function streamId(group: string, epoch: number, sender: string): string {
  return `${group}|${epoch}|${sender}`;
}

/** `K_msg = HKDF(G_k, "msg|group|epoch|sender")`. */
export function messageKey(groupKey: Uint8Array, group: string, epoch: number, sender: string): Uint8Array {
  return deriveKey(groupKey, `msg|${streamId(group, epoch, sender)}`);
}

/** Seal `plaintext` as the next message of its stream; returns the message and the advanced sender state. */
export function sealMessage(
  groupKey: Uint8Array,
  sender: SequenceState,
  header: Omit<MessageHeader, "seq">,
  plaintext: Uint8Array,
): [GroupMessage, SequenceState] {
  const id = streamId(header.group, header.epoch, header.sender);
  const seq = sender.get(id) ?? 0;
  const full: MessageHeader = { ...header, seq };
  const key = messageKey(groupKey, header.group, header.epoch, header.sender);
  const ciphertext = aesGcmSeal(key, counterNonce(seq), plaintext, headerBytes(full));
  return [{ header: full, ciphertext }, new Map(sender).set(id, seq + 1)];
}

/** Open the next message of its stream: rejects replays, reorderings and tampering. */
export function openMessage(groupKey: Uint8Array, receiver: SequenceState, message: GroupMessage): Opened<SequenceState> {
  const h = message.header;
  const id = streamId(h.group, h.epoch, h.sender);
  const expected = receiver.get(id) ?? 0;
  if (h.seq < expected) return { ok: false, reason: `openMessage: seq ${h.seq} < expected ${expected} on ${id} (replay)` };
  if (h.seq > expected) return { ok: false, reason: `openMessage: seq ${h.seq} > expected ${expected} on ${id} (reordered or dropped)` };
  const plaintext = readMessage(groupKey, message);
  if (plaintext === null) return { ok: false, reason: `openMessage: authentication failed on ${id} seq ${h.seq}` };
  return { ok: true, plaintext, state: new Map(receiver).set(id, expected + 1) };
}

/** Decrypt without sequence state (what any holder of `G_k` can do); `null` when it does not verify. */
export function readMessage(groupKey: Uint8Array, message: GroupMessage): Uint8Array | null {
  const h = message.header;
  if (!Number.isSafeInteger(h.seq) || h.seq < 0) return null;
  const key = messageKey(groupKey, h.group, h.epoch, h.sender);
  return aesGcmOpen(key, { ...message.ciphertext, nonce: counterNonce(h.seq) }, headerBytes(h));
}

function headerBytes(h: MessageHeader): Uint8Array {
  return utf8(JSON.stringify([h.group, h.epoch, h.sender, h.seq, h.to ?? null, h.origin ?? null]));
}
