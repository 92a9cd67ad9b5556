/**
 * The configurations a KDC property runs on: the paper's readings (key scope, rekey strategy,
 * cipher) and deliberately broken strategies used as negative controls.
 * @module
 */
import { z } from "zod";
import { flatRekey } from "../../model/kdc/flatRekey.js";
import { encryptGroupKey } from "../../model/kdc/groupKeyCipher.js";
import { groupKeyAad, holderOf } from "../../model/kdc/kdcGroup.js";
import { lkhRekey } from "../../model/kdc/lkhRekey.js";
import type { RekeyStrategy } from "../../model/kdc/rekeyStrategy.js";
import type { SessionConfig } from "../../model/kdc/session.js";
import { atMost, positiveInt } from "../params.js";
import { MAX_KDC_MEMBERS } from "../limits.js";

/** Schema of the paper's readings shared by the session properties. */
export const readingSchema = {
  scope: z.enum(["group-scope", "member-scope"]).default("member-scope"),
  strategy: z.enum(["flat", "lkh"]).default("flat"),
  cipher: z.enum(["otp", "aes-256-gcm"]).default("aes-256-gcm"),
  universe: positiveInt.pipe(atMost(MAX_KDC_MEMBERS)).default(6),
  maxInitial: positiveInt.pipe(atMost(MAX_KDC_MEMBERS)).default(4),
  maxEvents: positiveInt.pipe(atMost(MAX_KDC_MEMBERS)).default(8),
};

/** A strategy by name. */
export function strategyNamed(name: "flat" | "lkh"): RekeyStrategy {
  return name === "flat" ? flatRekey : lkhRekey;
}

/**
 * Negative control for forward secrecy: the KDC updates its bookkeeping on a leave but sends
 * nothing and keeps the old group key and epoch (the rekey is skipped).
 */
export function skipLeaveRekey(strategy: RekeyStrategy): RekeyStrategy {
  return {
    ...strategy,
    name: `${strategy.name}+skip-leave-rekey`,
    leave: (group, member, rng) => {
      const r = strategy.leave(group, member, rng);
      return { group: { ...r.group, epoch: group.epoch, groupKey: group.groupKey }, messages: [], rng: r.rng };
    },
  };
}

/**
 * Negative control for backward secrecy: after a correct join the KDC also hands the joiner the
 * previous epoch's group key ("so it can read the backlog").
 */
export function leakPreviousKeyOnJoin(strategy: RekeyStrategy): RekeyStrategy {
  return {
    ...strategy,
    name: `${strategy.name}+leak-previous-key-on-join`,
    join: (group, member, rng) => {
      const r = strategy.join(group, member, rng);
      if (!group.groupKey) return r;
      const holder = holderOf(group, member);
      const key = r.group.privateKeys.get(holder)!;
      const [ciphertext, used] = encryptGroupKey(key, group.groupKey, groupKeyAad(group.id, group.epoch, holder));
      return {
        ...r,
        group: { ...r.group, privateKeys: new Map(r.group.privateKeys).set(holder, used) },
        messages: [...r.messages, { kind: "group-key", group: group.id, epoch: group.epoch, holder, ciphertext }],
      };
    },
  };
}

/** Negative control for correctness: every rekey loses its last message. */
export function dropLastMessage(strategy: RekeyStrategy): RekeyStrategy {
  const drop = <T extends { messages: readonly unknown[] }>(r: T): T => ({ ...r, messages: r.messages.slice(0, -1) });
  return {
    name: `${strategy.name}+drop-last-message`,
    init: (g, m, rng) => drop(strategy.init(g, m, rng)),
    join: (g, m, rng) => drop(strategy.join(g, m, rng)),
    leave: (g, m, rng) => drop(strategy.leave(g, m, rng)),
  };
}

/** The session configuration for parsed reading parameters and a strategy wrapper. */
export function sessionConfig(
  p: { scope: "group-scope" | "member-scope"; strategy: "flat" | "lkh"; cipher: "otp" | "aes-256-gcm" },
  wrap: (s: RekeyStrategy) => RekeyStrategy = (s) => s,
): SessionConfig {
  return { scope: p.scope, cipher: p.cipher, strategy: wrap(strategyNamed(p.strategy)) };
}
