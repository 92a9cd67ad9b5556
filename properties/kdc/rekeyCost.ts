/**
 * Rekey cost per membership change (one leave) for N = 10 .. 10^6 members: the paper's flat
 * rekey (N - 1 ciphertexts of eq. 6 under member-scope private keys) against a logical key
 * hierarchy (at most 2 (ceil(log2 N) - 1) wraps). Every message is a real AES-256-GCM ciphertext.
 * Message and byte counts are deterministic for a seed; times are measured and vary.
 * Reference: Wong, Gouda, Lam, SIGCOMM 1998, Table 2; RFC 2627.
 * @module
 */
import { performance } from "node:perf_hooks";
import { seeded, type Rng } from "../../model/random.js";
import { deriveKey } from "../../model/kdc/aesGcm.js";
import { flatRekey } from "../../model/kdc/flatRekey.js";
import { privateKey, type GroupKeyCiphertext } from "../../model/kdc/groupKeyCipher.js";
import { drawKeyMaterial } from "../../model/kdc/keyPool.js";
import { newKdcGroup, type KdcGroup } from "../../model/kdc/kdcGroup.js";
import { createLkhTree, lkhLeave, type LkhTree } from "../../model/kdc/lkhTree.js";
import { drawInt } from "../../model/random.js";
import type { Figure } from "../types.js";

/** One measured row: cost of one leave in a group of `n` members. */
export interface KdcRekeyRow {
  readonly n: number;
  readonly strategy: "flat" | "lkh";
  /** Ciphertexts the KDC sends for one leave. */
  readonly messages: number;
  /** Ciphertext bytes on the wire (nonce or pad offset + body + tag), headers excluded. */
  readonly bytes: number;
  /** Wall-clock milliseconds per leave (mean over the measured leaves). */
  readonly msPerChange: number;
}

/** Measure one strategy at one group size: `changes` leaves, seeded. */
export function measureLeaveCost(strategy: "flat" | "lkh", n: number, changes: number, seed: number): KdcRekeyRow {
  return strategy === "flat" ? benchFlat(n, changes, seeded(seed)) : benchLkh(n, changes, seeded(seed));
}

/** The report's rekey figure: flat up to N = 10^3, LKH up to 10^5, two leaves per size (deterministic counts). */
export function rekeyCostFigureFromModel(): Figure {
  const rows: KdcRekeyRow[] = [];
  for (let n = 10; n <= 100_000; n *= 10) {
    if (n <= 1_000) rows.push(measureLeaveCost("flat", n, 2, 2020));
    rows.push(measureLeaveCost("lkh", n, 2, 2020));
  }
  return rekeyCostFigure(rows);
}

/** Messages per leave against N on log-log axes, with the `2 log2 N` target. */
export function rekeyCostFigure(rows: readonly KdcRekeyRow[]): Figure {
  const series = (strategy: "flat" | "lkh") =>
    rows.filter((r) => r.strategy === strategy).map((r) => [r.n, r.messages] as const);
  const ns = [...new Set(rows.map((r) => r.n))].sort((a, b) => a - b);
  return {
    id: "kdc.rekey-cost",
    title: "Rekey messages per leave: flat vs logical key hierarchy",
    caption:
      "Ciphertexts the KDC sends when one member leaves a group of N (member-scope private keys). " +
      "The paper's flat rekey grows as N - 1; LKH stays under 2 log2 N (dashed target).",
    xLabel: "group size N",
    yLabel: "messages per leave",
    xScale: "log",
    yScale: "log",
    series: [
      { name: "flat (paper, eq. 6 per member)", mark: "point", points: series("flat") },
      { name: "LKH (Wong-Gouda-Lam)", mark: "point", points: series("lkh") },
      { name: "2 log2 N", mark: "line", dash: "dashed", points: ns.map((n) => [n, 2 * Math.log2(n)] as const) },
    ],
  };
}

function benchFlat(n: number, changes: number, rng: Rng): KdcRekeyRow {
  const members = Array.from({ length: n }, (_, i) => `m${i}`);
  const [materials, r1] = drawKeyMaterial(rng, 32 * n);
  const privateKeys = new Map(members.map((m, i) => [m, privateKey(m, "aes-256-gcm", materials.subarray(32 * i, 32 * i + 32))]));
  let group: KdcGroup = { ...newKdcGroup("g", "member-scope", "aes-256-gcm"), members, privateKeys };
  let next = r1;
  let messages = 0;
  let bytes = 0;
  let ms = 0;
  for (let c = 0; c < changes; c++) {
    const [index, r2] = drawInt(next, 0, group.members.length - 1);
    const t0 = performance.now();
    const out = flatRekey.leave(group, group.members[index], r2);
    ms += performance.now() - t0;
    group = out.group;
    next = out.rng;
    messages += out.messages.length;
    bytes += out.messages.reduce((s, m) => s + (m.kind === "group-key" ? ciphertextBytes(m.ciphertext) : 0), 0);
  }
  return { n, strategy: "flat", messages: messages / changes, bytes: bytes / changes, msPerChange: ms / changes };
}

function benchLkh(n: number, changes: number, rng: Rng): KdcRekeyRow {
  const members = Array.from({ length: n }, (_, i) => `m${i}`);
  const [leafSecret, r1] = drawKeyMaterial(rng, 32);
  // leaf (individual) keys stand for the members' QKD keys, derived on demand
  let [tree, next]: [LkhTree, Rng] = createLkhTree(members, (m) => deriveKey(leafSecret, `leaf|${m}`), r1);
  let messages = 0;
  let bytes = 0;
  let ms = 0;
  const left = new Set<number>();
  for (let c = 0; c < changes; c++) {
    let index: number;
    [index, next] = drawInt(next, 0, n - 1);
    while (left.has(index)) index = (index + 1) % n;
    left.add(index);
    const t0 = performance.now();
    const change = lkhLeave(tree, members[index], next);
    ms += performance.now() - t0;
    tree = change.tree;
    next = change.rng;
    messages += change.messages.length;
    bytes += change.messages.reduce((s, m) => s + ciphertextBytes(m.ciphertext), 0);
  }
  return { n, strategy: "lkh", messages: messages / changes, bytes: bytes / changes, msPerChange: ms / changes };
}

function ciphertextBytes(c: GroupKeyCiphertext): number {
  return (c.cipher === "otp" ? 8 : c.nonce.length) + c.body.length + c.tag.length;
}
