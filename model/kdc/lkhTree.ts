/**
 * A logical key hierarchy (LKH) as a persistent, lazily materialised binary key tree.
 *
 * Members sit at leaves (height 0); every node `(h, o)` holds a key known to exactly the members
 * below it; the root key is the group key. On a join or leave every key on the changed leaf's
 * path is replaced bottom-up: a node with two non-empty children gets a fresh key `k'`, sent as
 * `E(k', key(child))` to each child (2 messages); a node with one non-empty child takes that
 * child's key (0 messages, the leaver never knew it). A leave therefore costs at most
 * `2 (H - 1) < 2 log2 N` messages for a tree of height `H = ceil(log2 N)` built for N members.
 * Reference: Wong, Gouda, Lam, "Secure group communications using key graphs", SIGCOMM 1998;
 * RFC 2627 section 5.4.
 *
 * Efficiency: untouched ("pristine") subtrees are not stored: their occupancy follows from the
 * initial layout and their keys are derived on demand, `k(h, o) = HKDF(secret, "lkh-node|h|o")`.
 * A change copies only its path (O(log N) nodes, real AES-GCM only along it), so a tree of 10^6
 * members is cheap to create and to change, and every earlier tree value stays valid.
 * @module
 */
import type { Rng } from "../random.js";
import { drawBytes, utf8 } from "./internal/bytes.js";
import { aesGcmOpen, aesGcmSeal, counterNonce, deriveKey, type AesGcmCiphertext } from "./aesGcm.js";

/** A node id `"h:o"` (height above the leaves, offset within the level): stable when the tree grows. */
export type NodeId = string;

/** A node key and the node that owns it (a node with one non-empty child shares that child's key). */
export interface NodeKey {
  readonly key: Uint8Array;
  readonly origin: NodeId;
}

/** A stored (changed) node; `null` children are pristine. */
interface TreeNode {
  readonly count: number;
  readonly key: NodeKey | null;
  readonly member: string | null;
  readonly left: TreeNode | null;
  readonly right: TreeNode | null;
}

/** The key tree as a value. Create with {@link createLkhTree}. */
export interface LkhTree {
  readonly height: number;
  /** Bumped by every change; part of every wrap key. */
  readonly version: number;
  readonly secret: Uint8Array;
  readonly initialMembers: readonly string[];
  /** Individual (leaf) key of an initial member: its private key, derived on demand. */
  readonly initialLeafKey: (member: string) => Uint8Array;
  readonly root: TreeNode | null;
  /** Leaf position of every member added or removed since creation (-1: departed). */
  readonly moved: ReadonlyMap<string, number>;
  /** Shared, never-mutated index of the initial layout. */
  readonly initialIndex: ReadonlyMap<string, number>;
}

/** `E(k_target, k_under)`: a new node key wrapped under a child's key. */
export interface LkhMessage {
  readonly target: NodeId;
  readonly under: NodeId;
  readonly version: number;
  readonly ciphertext: AesGcmCiphertext;
}

/** A changed tree and the wrap messages the change costs. */
export interface LkhChange {
  readonly tree: LkhTree;
  readonly messages: readonly LkhMessage[];
  readonly rng: Rng;
}

/** The id of node `(h, o)`. */
export function nodeId(height: number, offset: number): NodeId {
  return `${height}:${offset}`;
}

/**
 * A tree of height `max(1, ceil(log2 N))` with the initial members at leaves `0..N-1`.
 * Only the secret for pristine node keys is drawn; nothing else is built.
 */
export function createLkhTree(members: readonly string[], initialLeafKey: (member: string) => Uint8Array, rng: Rng): [LkhTree, Rng] {
  const index = new Map<string, number>();
  members.forEach((m, i) => {
    if (index.has(m)) throw new Error(`createLkhTree: duplicate member ${m}`);
    index.set(m, i);
  });
  const [secret, next] = drawBytes(rng, 32);
  let height = 1;
  while (2 ** height < members.length) height++;
  const tree: LkhTree = {
    height,
    version: 0,
    secret,
    initialMembers: members,
    initialLeafKey,
    root: null,
    moved: new Map(),
    initialIndex: index,
  };
  return [tree, next];
}

/** Members currently in the tree. */
export function lkhSize(tree: LkhTree): number {
  return view(tree, tree.root, tree.height, 0).count;
}

/** Leaf position of `member`, or -1 when it is not in the tree. */
export function lkhPosition(tree: LkhTree, member: string): number {
  const pos = tree.moved.get(member) ?? tree.initialIndex.get(member) ?? -1;
  if (pos < 0) return -1;
  return leafMember(tree, pos) === member ? pos : -1;
}

/** The root key (the group key) and the node that owns it; `null` for an empty tree. */
export function lkhRootKey(tree: LkhTree): NodeKey | null {
  return view(tree, tree.root, tree.height, 0).key;
}

/** The keys `member` must hold: its leaf's key and every ancestor's, leaf first. */
export function lkhPathKeys(tree: LkhTree, member: string): readonly NodeKey[] {
  const pos = lkhPosition(tree, member);
  if (pos < 0) throw new Error(`lkhPathKeys: ${member} is not in the tree`);
  const out: NodeKey[] = [];
  for (let h = 0; h <= tree.height; h++) {
    const k = view(tree, storedAt(tree, h, pos), h, Math.floor(pos / 2 ** h)).key;
    if (k) out.push(k);
  }
  return out;
}

/**
 * Initial key distribution: every occupied node's key wrapped under each occupied child's key,
 * bottom-up (O(N) messages; used for small groups, never on the bench's large trees).
 */
export function lkhInitialMessages(tree: LkhTree): readonly LkhMessage[] {
  const out: LkhMessage[] = [];
  for (let h = 1; h <= tree.height; h++) {
    for (let o = 0; o < 2 ** (tree.height - h); o++) {
      const parent = view(tree, storedAtNode(tree, h, o), h, o);
      if (!parent.key || parent.key.origin !== nodeId(h, o)) continue;
      for (const c of [2 * o, 2 * o + 1]) {
        const child = view(tree, storedAtNode(tree, h - 1, c), h - 1, c);
        if (child.key) out.push(wrap(parent.key, child.key, tree.version));
      }
    }
  }
  return out;
}

/** Remove `member` and replace every key on its path (forward secrecy). */
export function lkhLeave(tree: LkhTree, member: string, rng: Rng): LkhChange {
  const pos = lkhPosition(tree, member);
  if (pos < 0) throw new Error(`lkhLeave: ${member} is not in the tree`);
  const empty: TreeNode = { count: 0, key: null, member: null, left: null, right: null };
  return updatePath({ ...tree, moved: new Map(tree.moved).set(member, -1) }, pos, empty, rng);
}

/** Add `member` with individual key `leafKey` at the first free leaf (growing the tree when full) and replace every key on its path (backward secrecy). */
export function lkhJoin(tree: LkhTree, member: string, leafKey: Uint8Array, rng: Rng): LkhChange {
  if (lkhPosition(tree, member) >= 0) throw new Error(`lkhJoin: ${member} is already in the tree`);
  let grown = tree;
  const top = view(tree, tree.root, tree.height, 0);
  if (top.count === 2 ** tree.height) {
    const root: TreeNode = { count: top.count, key: top.key, member: null, left: tree.root, right: null };
    grown = { ...tree, height: tree.height + 1, root };
  }
  const pos = freeLeaf(grown);
  const leaf: TreeNode = { count: 1, key: { key: leafKey.slice(), origin: nodeId(0, pos) }, member, left: null, right: null };
  return updatePath({ ...grown, moved: new Map(grown.moved).set(member, pos) }, pos, leaf, rng);
}

/** Unwrap an {@link LkhMessage} with a candidate key for its `under` node; `null` if it does not verify. */
export function lkhUnwrap(message: LkhMessage, underKey: Uint8Array): Uint8Array | null {
  return aesGcmOpen(wrapKey(underKey, message), message.ciphertext, wrapAad(message));
}

function updatePath(tree: LkhTree, pos: number, leaf: TreeNode, rng: Rng): LkhChange {
  const version = tree.version + 1;
  const stored: (TreeNode | null)[] = [];
  stored[tree.height] = tree.root;
  for (let h = tree.height; h >= 1; h--) {
    const node = stored[h];
    const right = Math.floor(pos / 2 ** (h - 1)) % 2 === 1;
    stored[h - 1] = node ? (right ? node.right : node.left) : null;
  }
  const messages: LkhMessage[] = [];
  let current = leaf;
  let next = rng;
  for (let h = 1; h <= tree.height; h++) {
    const offset = Math.floor(pos / 2 ** h);
    const childOffset = Math.floor(pos / 2 ** (h - 1));
    const onRight = childOffset % 2 === 1;
    const siblingStored = stored[h] ? (onRight ? stored[h]!.left : stored[h]!.right) : null;
    const sibling = view(tree, siblingStored, h - 1, childOffset ^ 1);
    const count = current.count + sibling.count;
    let key: NodeKey | null;
    if (count === 0) key = null;
    else if (sibling.count === 0) key = current.key;
    else if (current.count === 0) key = sibling.key;
    else {
      const [fresh, after] = drawBytes(next, 32);
      next = after;
      key = { key: fresh, origin: nodeId(h, offset) };
      messages.push(wrap(key, current.key!, version), wrap(key, sibling.key!, version));
    }
    const left = onRight ? siblingStored : current;
    const right = onRight ? current : siblingStored;
    current = { count, key, member: null, left, right };
  }
  return { tree: { ...tree, version, root: current }, messages, rng: next };
}

function freeLeaf(tree: LkhTree): number {
  let node = tree.root;
  let offset = 0;
  for (let h = tree.height; h >= 1; h--) {
    const leftOffset = 2 * offset;
    const leftStored = node ? node.left : null;
    if (view(tree, leftStored, h - 1, leftOffset).count < 2 ** (h - 1)) {
      node = leftStored;
      offset = leftOffset;
    } else {
      node = node ? node.right : null;
      offset = leftOffset + 1;
    }
  }
  return offset;
}

interface NodeView {
  readonly count: number;
  readonly key: NodeKey | null;
}

/** A stored node as is; a pristine one from the initial layout, its key derived on demand. */
function view(tree: LkhTree, node: TreeNode | null, h: number, o: number): NodeView {
  if (node) return node;
  const n0 = tree.initialMembers.length;
  const count = Math.max(0, Math.min(n0, (o + 1) * 2 ** h) - o * 2 ** h);
  if (count === 0) return { count, key: null };
  if (h === 0) return { count, key: { key: tree.initialLeafKey(tree.initialMembers[o]), origin: nodeId(0, o) } };
  return { count, key: { key: deriveKey(tree.secret, `lkh-node|${h}|${o}`), origin: nodeId(h, o) } };
}

function leafMember(tree: LkhTree, pos: number): string | null {
  if (pos >= 2 ** tree.height) return null;
  const node = storedAt(tree, 0, pos);
  if (node) return node.member;
  return pos < tree.initialMembers.length ? tree.initialMembers[pos] : null;
}

/** The stored node at height `h` on the path to leaf `pos` (`null`: pristine). */
function storedAt(tree: LkhTree, h: number, pos: number): TreeNode | null {
  let node = tree.root;
  for (let level = tree.height; level > h && node; level--) {
    node = Math.floor(pos / 2 ** (level - 1)) % 2 === 1 ? node.right : node.left;
  }
  return node;
}

function storedAtNode(tree: LkhTree, h: number, o: number): TreeNode | null {
  return storedAt(tree, h, o * 2 ** h);
}

function wrap(target: NodeKey, under: NodeKey, version: number): LkhMessage {
  const header = { target: target.origin, under: under.origin, version };
  const ciphertext = aesGcmSeal(wrapKey(under.key, header), counterNonce(version), target.key, wrapAad(header));
  return { ...header, ciphertext };
}

/** `K_wrap = HKDF(k_under, "lkh-wrap|target|under|version")`: one key per message, so the nonce never repeats under it. */
function wrapKey(underKey: Uint8Array, m: { target: NodeId; under: NodeId; version: number }): Uint8Array {
  return deriveKey(underKey, `lkh-wrap|${m.target}|${m.under}|${m.version}`);
}

function wrapAad(m: { target: NodeId; under: NodeId; version: number }): Uint8Array {
  return utf8(`${m.target}|${m.under}|${m.version}`);
}
