/**
 * The paper's rekey, applied on every membership change: a fresh group key `G_k` sent as
 * `C(G_k) = E(M(G_k), P_k(h))` (eq. 6) to every holder `h` of a private key: each member under
 * member-scope (N messages), the one group key under group-scope (1 message).
 * Reference: docs/protocol/03-group-key-distribution.md; the "flat" scheme of Wong-Gouda-Lam 1998 section 2.
 * @module
 */
import type { Rng } from "../random.js";
import { drawBytes } from "./internal/bytes.js";
import { encryptGroupKey, type PrivateKey } from "./groupKeyCipher.js";
import { groupKeyAad, holderOf, type KdcGroup, type RekeyMessage, type Rekeyed } from "./kdcGroup.js";
import type { RekeyStrategy } from "./rekeyStrategy.js";

/** Flat rekey: a new group key under each holder's private key. */
export const flatRekey: RekeyStrategy = {
  name: "flat",
  init: (group, members, rng) => distribute({ ...group, members: [...members] }, rng),
  join: (group, member, rng) => {
    if (group.members.includes(member)) throw new Error(`flatRekey.join: ${member} is already a member of ${group.id}`);
    return distribute({ ...group, members: [...group.members, member] }, rng);
  },
  leave: (group, member, rng) => {
    if (!group.members.includes(member)) throw new Error(`flatRekey.leave: ${member} is not a member of ${group.id}`);
    const members = group.members.filter((m) => m !== member);
    const privateKeys = new Map(group.privateKeys);
    if (group.scope === "member-scope") privateKeys.delete(member);
    return distribute({ ...group, members, privateKeys }, rng);
  },
};

/** Draw `G_k`, bump the epoch, send eq. 6 to every holder of the current members. */
export function distribute(group: KdcGroup, rng: Rng): Rekeyed {
  const epoch = group.epoch + 1;
  if (group.members.length === 0) return { group: { ...group, epoch, groupKey: null }, messages: [], rng };
  const [groupKey, next] = drawBytes(rng, 32);
  const holders = [...new Set(group.members.map((m) => holderOf(group, m)))];
  const privateKeys = new Map<string, PrivateKey>(group.privateKeys);
  const messages: RekeyMessage[] = holders.map((holder) => {
    const key = privateKeys.get(holder);
    if (!key) throw new Error(`flatRekey: no private key for holder ${holder} in ${group.id}`);
    const [ciphertext, used] = encryptGroupKey(key, groupKey, groupKeyAad(group.id, epoch, holder));
    privateKeys.set(holder, used);
    return { kind: "group-key", group: group.id, epoch, holder, ciphertext };
  });
  return { group: { ...group, epoch, groupKey, privateKeys }, messages, rng: next };
}
