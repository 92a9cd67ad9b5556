/**
 * One group's life, run end to end on the classical layer: initialization (2.1) with
 * authentication (2.6) and private-key establishment (2.2) injected, group-key distribution
 * (2.3, eqs. 6-7), messaging (2.4) and rekeying on every join and leave.
 *
 * Every party the history names, plus a passive outsider `eve`, sees every broadcast. Honest
 * members absorb rekey traffic as it arrives and receive messages through sequence windows;
 * at the end every party's knowledge is closed under all traffic (see {@link absorbAll}), which
 * is what a departed member or a late joiner holding recorded ciphertexts can do.
 * @module
 */
import { split, type Rng } from "../random.js";
import { utf8 } from "./internal/bytes.js";
import type { CipherName } from "./groupKeyCipher.js";
import { encryptGroupKey } from "./groupKeyCipher.js";
import { groupKeyAad, holderOf, newKdcGroup, withPrivateKey, type KdcGroup, type KeyScope, type RekeyMessage } from "./kdcGroup.js";
import { absorbAll, emptyKnowledge, groupKeyOf, withMaterial, type Knowledge } from "./knowledge.js";
import { partiesOf, type MembershipEvent, type MembershipHistory } from "./membership.js";
import { emptySequence, openMessage, sealMessage, type GroupMessage, type SequenceState } from "./messaging.js";
import type { Authentication, PrivateKeyEstablishment } from "./quantumSteps.js";
import type { RekeyStrategy } from "./rekeyStrategy.js";

/** The passive outsider who records all classical traffic. */
export const EAVESDROPPER = "eve";

/** How the KDC is configured. */
export interface SessionConfig {
  readonly scope: KeyScope;
  readonly cipher: CipherName;
  readonly strategy: RekeyStrategy;
}

/** The injected quantum steps. */
export interface SessionSteps {
  readonly establish: PrivateKeyEstablishment;
  readonly authenticate: Authentication;
}

/** One message sent in the group and what each member at that time received. */
export interface SentMessage {
  readonly message: GroupMessage;
  readonly plaintext: Uint8Array;
  readonly members: readonly string[];
  readonly received: readonly { readonly party: string; readonly plaintext: Uint8Array | null; readonly reason?: string }[];
}

/** One step of the session. */
export interface SessionStep {
  readonly event: MembershipEvent | { readonly kind: "init"; readonly members: readonly string[] };
  readonly outcome: "done" | "rejected" | "skipped";
  readonly detail: string;
  /** Members after the step. */
  readonly members: readonly string[];
  readonly epoch: number;
  readonly rekey: readonly RekeyMessage[];
  readonly sent: SentMessage | null;
}

/** Everything a session did, and what every party could learn from it. */
export interface SessionTranscript {
  readonly scope: KeyScope;
  readonly cipher: CipherName;
  readonly strategy: string;
  readonly history: MembershipHistory;
  readonly steps: readonly SessionStep[];
  readonly authentications: readonly { readonly member: string; readonly accepted: boolean; readonly detail?: string }[];
  readonly establishments: readonly { readonly party: string; readonly ok: boolean; readonly qber: number; readonly reason?: string }[];
  /** The KDC's group key per epoch. */
  readonly groupKeys: readonly { readonly epoch: number; readonly key: Uint8Array }[];
  /** Every party, including {@link EAVESDROPPER}. */
  readonly parties: readonly string[];
  /** Each party's knowledge closed under all rekey traffic of the session. */
  readonly knowledge: ReadonlyMap<string, Knowledge>;
}

interface World {
  group: KdcGroup;
  rng: Rng;
  knowledge: Map<string, Knowledge>;
  windows: Map<string, SequenceState>;
  senders: Map<string, SequenceState>;
  steps: SessionStep[];
  authentications: SessionTranscript["authentications"][number][];
  establishments: SessionTranscript["establishments"][number][];
  groupKeys: { epoch: number; key: Uint8Array }[];
}

/** Run `history` with the KDC configured by `config`. Pure: same inputs and seed, same transcript. */
export function runSession(config: SessionConfig, history: MembershipHistory, steps: SessionSteps, rng: Rng): SessionTranscript {
  const parties = [...new Set([...partiesOf(history), EAVESDROPPER])];
  const w: World = {
    group: newKdcGroup(history.group, config.scope, config.cipher),
    rng,
    knowledge: new Map(parties.map((p) => [p, emptyKnowledge])),
    windows: new Map(parties.map((p) => [p, emptySequence])),
    senders: new Map(parties.map((p) => [p, emptySequence])),
    steps: [],
    authentications: [],
    establishments: [],
    groupKeys: [],
  };
  initialize(w, config, history, steps);
  for (const event of history.events) apply(w, config, event, steps);
  const all = w.steps.flatMap((s) => s.rekey);
  const knowledge = new Map([...w.knowledge].map(([p, k]) => [p, absorbAll(k, all)]));
  return {
    scope: config.scope,
    cipher: config.cipher,
    strategy: config.strategy.name,
    history,
    steps: w.steps,
    authentications: w.authentications,
    establishments: w.establishments,
    groupKeys: w.groupKeys,
    parties,
    knowledge,
  };
}

function initialize(w: World, config: SessionConfig, history: MembershipHistory, steps: SessionSteps): void {
  const accepted = [...new Set(history.initial)].filter((m) => authenticate(w, steps, m));
  let admitted: string[];
  if (config.scope === "group-scope") {
    admitted = accepted.length > 0 && establish(w, steps, history.group, accepted) ? accepted : [];
  } else {
    admitted = accepted.filter((m) => establish(w, steps, m, [m]));
  }
  const rejected = history.initial.filter((m) => !admitted.includes(m));
  const rekeyed = admitted.length > 0 ? config.strategy.init(w.group, admitted, w.rng) : null;
  if (rekeyed) commit(w, rekeyed.group, rekeyed.messages, rekeyed.rng);
  w.steps.push({
    event: { kind: "init", members: history.initial },
    outcome: admitted.length > 0 ? "done" : "rejected",
    detail: `initiator ${history.initiator}: admitted [${admitted.join(", ")}], refused [${rejected.join(", ")}]`,
    members: w.group.members,
    epoch: w.group.epoch,
    rekey: rekeyed ? rekeyed.messages : [],
    sent: null,
  });
}

function apply(w: World, config: SessionConfig, event: MembershipEvent, steps: SessionSteps): void {
  const record = (outcome: SessionStep["outcome"], detail: string, rekey: readonly RekeyMessage[] = [], sent: SentMessage | null = null): void => {
    w.steps.push({ event, outcome, detail, members: w.group.members, epoch: w.group.epoch, rekey, sent });
  };
  const members = w.group.members;
  if (event.kind === "join") {
    if (members.includes(event.member)) return record("skipped", `${event.member} is already a member`);
    if (w.group.groupKey === null) return record("skipped", "group was never initialized");
    if (!authenticate(w, steps, event.member)) return record("rejected", `authentication of ${event.member} failed`);
    const party = holderOf(w.group, event.member);
    const receivers = config.scope === "group-scope" ? [...members, event.member] : [event.member];
    if (!establish(w, steps, party, receivers)) return record("rejected", `private-key establishment with ${party} aborted`);
    const r = config.strategy.join(w.group, event.member, w.rng);
    commit(w, r.group, r.messages, r.rng);
    return record("done", `${event.member} joined`, r.messages);
  }
  if (event.kind === "leave") {
    if (!members.includes(event.member)) return record("skipped", `${event.member} is not a member`);
    const r = config.strategy.leave(w.group, event.member, w.rng);
    commit(w, r.group, r.messages, r.rng);
    return record("done", `${event.member} left`, r.messages);
  }
  if (event.kind === "leak") {
    if (w.group.groupKey === null) return record("skipped", "no group key to leak");
    if (!establish(w, steps, event.outsider, [event.outsider])) return record("rejected", `establishment with ${event.outsider} aborted`);
    const key = w.group.privateKeys.get(event.outsider)!;
    const [ciphertext] = encryptGroupKey(key, w.group.groupKey, groupKeyAad(w.group.id, w.group.epoch, event.outsider));
    const leak: RekeyMessage = { kind: "group-key", group: w.group.id, epoch: w.group.epoch, holder: event.outsider, ciphertext };
    const privateKeys = new Map(w.group.privateKeys);
    privateKeys.delete(event.outsider);
    w.group = { ...w.group, privateKeys };
    broadcast(w, [leak]);
    return record("done", `KDC issued the epoch-${w.group.epoch} group key to outsider ${event.outsider}`, [leak]);
  }
  if (!members.includes(event.sender)) return record("skipped", `${event.sender} is not a member`);
  const key = groupKeyOf(w.knowledge.get(event.sender)!, w.group.id, w.group.epoch);
  if (!key) return record("rejected", `${event.sender} holds no group key for epoch ${w.group.epoch}`);
  const plaintext = utf8(event.text);
  const [message, senderState] = sealMessage(key, w.senders.get(event.sender)!, { group: w.group.id, epoch: w.group.epoch, sender: event.sender }, plaintext);
  w.senders.set(event.sender, senderState);
  const received = members
    .filter((m) => m !== event.sender)
    .map((party) => {
      const own = groupKeyOf(w.knowledge.get(party)!, w.group.id, w.group.epoch);
      if (!own) return { party, plaintext: null, reason: `${party} holds no group key for epoch ${w.group.epoch}` };
      const opened = openMessage(own, w.windows.get(party)!, message);
      if (!opened.ok) return { party, plaintext: null, reason: opened.reason };
      w.windows.set(party, opened.state);
      return { party, plaintext: opened.plaintext };
    });
  record("done", `${event.sender} sent ${plaintext.length} bytes`, [], { message, plaintext, members, received });
}

function commit(w: World, group: KdcGroup, messages: readonly RekeyMessage[], rng: Rng): void {
  w.group = group;
  w.rng = rng;
  if (group.groupKey) w.groupKeys.push({ epoch: group.epoch, key: group.groupKey });
  broadcast(w, messages);
}

function broadcast(w: World, messages: readonly RekeyMessage[]): void {
  for (const [p, k] of w.knowledge) w.knowledge.set(p, absorbAll(k, messages));
}

function authenticate(w: World, steps: SessionSteps, member: string): boolean {
  const [next, mine] = split(w.rng);
  w.rng = next;
  const outcome = steps.authenticate(member, mine);
  w.authentications.push({ member, accepted: outcome.accepted, ...(outcome.detail !== undefined ? { detail: outcome.detail } : {}) });
  return outcome.accepted;
}

/** BB84 with `party`; on success the KDC and every receiver hold the material (out of band). */
function establish(w: World, steps: SessionSteps, party: string, receivers: readonly string[]): boolean {
  const [next, mine] = split(w.rng);
  w.rng = next;
  const outcome = steps.establish(party, mine);
  w.establishments.push({ party, ok: outcome.ok, qber: outcome.qber, ...(outcome.ok ? {} : { reason: outcome.reason }) });
  if (!outcome.ok) return false;
  w.group = withPrivateKey(w.group, party, outcome.key);
  for (const r of receivers) {
    w.knowledge.set(r, withMaterial(w.knowledge.get(r) ?? emptyKnowledge, { holder: party, cipher: w.group.cipher, material: outcome.key }));
  }
  return true;
}
