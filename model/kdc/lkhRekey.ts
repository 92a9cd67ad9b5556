/**
 * Rekey with a logical key hierarchy: the group key is the root key of an {@link LkhTree} whose
 * leaf keys are `HKDF(P_k(holder))`; a join or leave replaces the keys on one path,
 * O(log N) wraps. Reference: Wong, Gouda, Lam, SIGCOMM 1998; RFC 2627.
 *
 * Under group-scope every leaf key derives from the one shared `P_k`, so the hierarchy cannot
 * separate members: the property suite shows what that costs.
 * @module
 */
import type { Rng } from "../random.js";
import { groupKeyConfirmation, holderOf, lkhLeafKey, type KdcGroup, type RekeyMessage, type Rekeyed } from "./kdcGroup.js";
import { createLkhTree, lkhInitialMessages, lkhJoin, lkhLeave, lkhRootKey, type LkhMessage, type LkhTree } from "./lkhTree.js";
import type { RekeyStrategy } from "./rekeyStrategy.js";

/** LKH rekey: wraps along the changed path, AES-256-GCM under HKDF-derived wrap keys. */
export const lkhRekey: RekeyStrategy = {
  name: "lkh",
  init: (group, members, rng) => {
    const [tree, next] = createLkhTree(members, (m) => leafKeyOf(group, m), rng);
    return settle({ ...group, members: [...members] }, tree, lkhInitialMessages(tree), next);
  },
  join: (group, member, rng) => {
    const tree = treeOf(group, "join");
    const change = lkhJoin(tree, member, leafKeyOf(group, member), rng);
    return settle({ ...group, members: [...group.members, member] }, change.tree, change.messages, change.rng);
  },
  leave: (group, member, rng) => {
    const change = lkhLeave(treeOf(group, "leave"), member, rng);
    const privateKeys = new Map(group.privateKeys);
    if (group.scope === "member-scope") privateKeys.delete(member);
    return settle({ ...group, members: group.members.filter((m) => m !== member), privateKeys }, change.tree, change.messages, change.rng);
  },
};

function settle(group: KdcGroup, tree: LkhTree, wraps: readonly LkhMessage[], rng: Rng): Rekeyed {
  const epoch = group.epoch + 1;
  const root = lkhRootKey(tree);
  const messages: RekeyMessage[] = wraps.map((wrap) => ({ kind: "lkh", group: group.id, epoch, wrap }));
  if (root) {
    messages.push({ kind: "lkh-root", group: group.id, epoch, origin: root.origin, confirm: groupKeyConfirmation(root.key, group.id, epoch) });
  }
  return { group: { ...group, epoch, tree, groupKey: root ? root.key : null }, messages, rng };
}

function treeOf(group: KdcGroup, op: string): LkhTree {
  if (!group.tree) throw new Error(`lkhRekey.${op}: group ${group.id} has no key tree (not initialized with lkh)`);
  return group.tree;
}

function leafKeyOf(group: KdcGroup, member: string): Uint8Array {
  const key = group.privateKeys.get(holderOf(group, member));
  if (!key) throw new Error(`lkhRekey: no private key for ${member} in ${group.id}`);
  return lkhLeafKey(key.pool.material);
}
