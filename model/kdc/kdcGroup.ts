/**
 * The KDC's state for one multicast group, and the two readings of who holds `P_k`
 * (docs/protocol/02-bb84-private-keys.md#ambiguities, Ambiguity A): `group-scope` (one private key per group, shared by all members)
 * and `member-scope` (one private key per member).
 * @module
 */
import type { Rng } from "../random.js";
import { deriveKey } from "./aesGcm.js";
import { privateKey, type CipherName, type GroupKeyCiphertext, type PrivateKey } from "./groupKeyCipher.js";
import type { LkhMessage, LkhTree, NodeId } from "./lkhTree.js";

/** Ambiguity A: who shares a private key with the KDC. */
export type KeyScope = "group-scope" | "member-scope";

/** Both readings of Ambiguity A. */
export const keyScopes: readonly KeyScope[] = ["group-scope", "member-scope"];

/** The KDC's view of one group. */
export interface KdcGroup {
  readonly id: string;
  readonly scope: KeyScope;
  readonly cipher: CipherName;
  readonly members: readonly string[];
  /** Incremented by every rekey; part of every group-key ciphertext and message stream. */
  readonly epoch: number;
  /** `G_k` of the current epoch (`null` before distribution or when the group is empty). */
  readonly groupKey: Uint8Array | null;
  /** Private keys by holder: member ids (member-scope) or the group id (group-scope). */
  readonly privateKeys: ReadonlyMap<string, PrivateKey>;
  /** The LKH key tree, when the group uses the LKH strategy. */
  readonly tree: LkhTree | null;
}

/** A message of a rekey, broadcast on the public classical channel. */
export type RekeyMessage =
  /** Eq. 6: `C(G_k) = E(M(G_k), P_k(holder))`. */
  | { readonly kind: "group-key"; readonly group: string; readonly epoch: number; readonly holder: string; readonly ciphertext: GroupKeyCiphertext }
  /** An LKH wrap `E(k_target, k_under)`. */
  | { readonly kind: "lkh"; readonly group: string; readonly epoch: number; readonly wrap: LkhMessage }
  /** LKH: the epoch's group key is the key of node `origin`; `confirm = HKDF(G_k, "confirm|group|epoch")` lets holders pick it. */
  | { readonly kind: "lkh-root"; readonly group: string; readonly epoch: number; readonly origin: NodeId; readonly confirm: Uint8Array };

/** A rekeyed group and what the rekey sent. */
export interface Rekeyed {
  readonly group: KdcGroup;
  readonly messages: readonly RekeyMessage[];
  readonly rng: Rng;
}

/** An empty group before initialization. */
export function newKdcGroup(id: string, scope: KeyScope, cipher: CipherName): KdcGroup {
  return { id, scope, cipher, members: [], epoch: 0, groupKey: null, privateKeys: new Map(), tree: null };
}

/** Who holds the private key `member` uses: the member (member-scope) or the group (group-scope). */
export function holderOf(group: Pick<KdcGroup, "id" | "scope">, member: string): string {
  return group.scope === "group-scope" ? group.id : member;
}

/** The group with fresh QKD material for `holder` (replacing any earlier private key of that holder). */
export function withPrivateKey(group: KdcGroup, holder: string, material: Uint8Array): KdcGroup {
  return { ...group, privateKeys: new Map(group.privateKeys).set(holder, privateKey(holder, group.cipher, material)) };
}

/** The additional data bound into a group-key ciphertext: `group|epoch|holder`. */
export function groupKeyAad(group: string, epoch: number, holder: string): string {
  return `${group}|${epoch}|${holder}`;
}

/** An LKH leaf (individual) key from private-key material: `HKDF(P_k, "lkh-leaf")`. */
export function lkhLeafKey(material: Uint8Array): Uint8Array {
  return deriveKey(material, "qm-kdc/lkh-leaf");
}

/** Public key-confirmation value of a group key: `HKDF(G_k, "confirm|group|epoch")` (one-way). */
export function groupKeyConfirmation(groupKey: Uint8Array, group: string, epoch: number): Uint8Array {
  return deriveKey(groupKey, `confirm|${group}|${epoch}`);
}
