/**
 * What one party (member, departed member, outsider, eavesdropper) knows: the private-key
 * material it holds and every key it could decrypt from the broadcast rekey traffic.
 *
 * Every rekey message is public. A party tries to decrypt each one with **every** key it holds,
 * ignoring replay state, and repeats until it learns nothing new (a fixpoint): this is the
 * strongest classical adversary holding that material, and an honest member is the same process.
 * @module
 */
import { bytesEqual } from "./internal/bytes.js";
import { decryptGroupKeyWithMaterial, type CipherName } from "./groupKeyCipher.js";
import { groupKeyAad, groupKeyConfirmation, lkhLeafKey, type RekeyMessage } from "./kdcGroup.js";
import { lkhUnwrap, type NodeId } from "./lkhTree.js";
import { readMessage, type GroupMessage } from "./messaging.js";

/** Private-key material a party holds. */
export interface HeldMaterial {
  readonly holder: string;
  readonly cipher: CipherName;
  readonly material: Uint8Array;
}

/** A party's knowledge: held material, learned node keys (all versions), verified group keys. */
export interface Knowledge {
  readonly materials: readonly HeldMaterial[];
  readonly nodeKeys: ReadonlyMap<NodeId, readonly Uint8Array[]>;
  /** Group key by `group|epoch`. */
  readonly groupKeys: ReadonlyMap<string, Uint8Array>;
}

/** Knowing nothing. */
export const emptyKnowledge: Knowledge = { materials: [], nodeKeys: new Map(), groupKeys: new Map() };

/** Knowledge plus QKD material obtained out of band. */
export function withMaterial(knowledge: Knowledge, held: HeldMaterial): Knowledge {
  return { ...knowledge, materials: [...knowledge.materials, { ...held, material: held.material.slice() }] };
}

/** The group key this party holds for `group` at `epoch`, if any. */
export function groupKeyOf(knowledge: Knowledge, group: string, epoch: number): Uint8Array | undefined {
  return knowledge.groupKeys.get(`${group}|${epoch}`);
}

/** Try one rekey message with everything held; returns the same object when nothing is learned. */
export function absorb(knowledge: Knowledge, message: RekeyMessage): Knowledge {
  const slot = `${message.group}|${message.epoch}`;
  if (message.kind === "group-key") {
    if (knowledge.groupKeys.has(slot)) return knowledge;
    for (const held of knowledge.materials) {
      const aad = groupKeyAad(message.group, message.epoch, message.holder);
      const key = decryptGroupKeyWithMaterial(held.cipher, held.material, message.ciphertext, aad);
      if (key) return { ...knowledge, groupKeys: new Map(knowledge.groupKeys).set(slot, key) };
    }
    return knowledge;
  }
  if (message.kind === "lkh") {
    const known = knowledge.nodeKeys.get(message.wrap.target) ?? [];
    for (const candidate of candidatesFor(knowledge, message.wrap.under)) {
      const key = lkhUnwrap(message.wrap, candidate);
      if (key && !known.some((k) => bytesEqual(k, key))) {
        return { ...knowledge, nodeKeys: new Map(knowledge.nodeKeys).set(message.wrap.target, [...known, key]) };
      }
      if (key) return knowledge;
    }
    return knowledge;
  }
  if (knowledge.groupKeys.has(slot)) return knowledge;
  for (const candidate of candidatesFor(knowledge, message.origin)) {
    if (bytesEqual(groupKeyConfirmation(candidate, message.group, message.epoch), message.confirm)) {
      return { ...knowledge, groupKeys: new Map(knowledge.groupKeys).set(slot, candidate.slice()) }; // a copy: a leaf key is shared by leafKeyOf
    }
  }
  return knowledge;
}

/** Absorb `messages` in order, repeatedly, until nothing new is learned. */
export function absorbAll(knowledge: Knowledge, messages: readonly RekeyMessage[]): Knowledge {
  let current = knowledge;
  for (;;) {
    const before = current;
    for (const m of messages) current = absorb(current, m);
    if (current === before) return current;
  }
}

/** The plaintext of `message` if this party holds a group key that opens it (no replay state). */
export function readWith(knowledge: Knowledge, message: GroupMessage): Uint8Array | null {
  const key = groupKeyOf(knowledge, message.header.group, message.header.epoch);
  return key ? readMessage(key, message) : null;
}

function candidatesFor(knowledge: Knowledge, node: NodeId): readonly Uint8Array[] {
  const learned = knowledge.nodeKeys.get(node) ?? [];
  return node.startsWith("0:") ? [...learned, ...knowledge.materials.map(leafKeyOf)] : learned;
}

/**
 * The LKH leaf key of held material, derived once per {@link HeldMaterial} object (cached by
 * identity, not content): its material is the
 * private copy {@link withMaterial} made, which nothing changes, and `absorbAll` asks for the leaf
 * keys of every material at every LKH message of every pass (measured in `verify`, 2026-11-27:
 * `deriveKey` from here was 1 % of the whole run, most of it building the HKDF cache's content key).
 */
function leafKeyOf(held: HeldMaterial): Uint8Array {
  let key = leafKeys.get(held);
  if (key === undefined) leafKeys.set(held, (key = lkhLeafKey(held.material)));
  return key;
}
const leafKeys = new WeakMap<HeldMaterial, Uint8Array>();
