/**
 * `kdc.relay-confidentiality`: inter-group traffic (docs/protocol/04-messaging.md) is read by the source group,
 * the target group and the KDC, and by no one else; the KDC sees every inter-group plaintext.
 * @module
 */
import * as fc from "fast-check";
import { z } from "zod";
import { seeded, type Rng } from "../../model/random.js";
import { drawKeyMaterial } from "../../model/kdc/keyPool.js";
import { emptySequence, openMessage, readMessage, sealMessage, type GroupMessage, type SequenceState } from "../../model/kdc/messaging.js";
import { KDC_SENDER, emptyRelay, relay, type GroupKeyEntry, type Relayed, type RelayState } from "../../model/kdc/relay.js";
import type { CheckOutcome, PropertyDefinition } from "../types.js";
import { atMost, positiveInt } from "../params.js";
import { MAX_KDC_GROUPS } from "../limits.js";

const params = z.object({ variant: z.enum(["protocol", "fan-out-relay"]).default("protocol"), groups: positiveInt.pipe(atMost(MAX_KDC_GROUPS)).default(3) });
type Params = z.output<typeof params>;

/** Generated input: group sizes, inter-group sends, key seed. */
export interface RelayInput {
  readonly sizes: readonly number[];
  readonly sends: readonly { readonly from: number; readonly sender: number; readonly to: number; readonly text: string }[];
  readonly seed: number;
}

/** Relay confidentiality and the honest-but-curious KDC's view. */
export const relayConfidentialityProperty: PropertyDefinition<Params, RelayInput> = {
  id: "kdc.relay-confidentiality",
  protocol: "kdc",
  title: "Inter-group traffic is read by its two groups and the KDC only",
  statement:
    "For generated groups and inter-group sends relayed by the KDC (decrypt under G_a, re-encrypt under G_b): every member of the " +
    "target group receives the plaintext in order; no member of a third group and no outsider can decrypt either hop with the keys " +
    "it holds; and the KDC's record of what it saw is exactly the list of inter-group plaintexts: the honest-but-curious KDC reads all.",
  equation: String.raw`C_b = E(D(C_a, G_a), G_b);\ \ \mathrm{Read}(C_a) \cup \mathrm{Read}(C_b) = G_a \cup G_b \cup \{\mathrm{KDC}\}`,
  trust: {
    trusted: ["KDC for confidentiality (it sees every inter-group plaintext: recorded, not prevented)", "members of source and target"],
    adversary: "members of third groups and outsiders who record both hops",
  },
  params,
  arbitrary: (p) =>
    fc.record({
      sizes: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: p.groups, maxLength: p.groups }),
      sends: fc.array(fc.record({ from: fc.nat(7), sender: fc.nat(7), to: fc.nat(7), text: fc.string({ minLength: 1, maxLength: 16 }) }), {
        minLength: 1,
        maxLength: 5,
      }),
      seed: fc.integer({ min: 0, max: 0x7fffffff }),
    }),
  check: (p, input): CheckOutcome => {
    if (p.groups < 2) throw new Error(`kdc.relay-confidentiality: params.groups must be >= 2, got ${p.groups}`);
    const names = input.sizes.map((_, g) => `g${g}`);
    const members = input.sizes.map((n, g) => Array.from({ length: n }, (_, j) => `g${g}m${j}`));
    const keys = new Map<string, GroupKeyEntry>();
    let rng: Rng = seeded(input.seed);
    for (const g of names) {
      const [key, next] = drawKeyMaterial(rng, 32);
      keys.set(g, { epoch: 1, key });
      rng = next;
    }
    let state = emptyRelay;
    const senders = new Map<string, SequenceState>();
    const windows = new Map<string, SequenceState>();
    const problems: string[] = [];
    let thirdPartyReads = 0;
    for (const s of input.sends) {
      const from = s.from % names.length;
      const to = (from + 1 + (s.to % (names.length - 1))) % names.length;
      const sender = members[from][s.sender % members[from].length];
      const plaintext = new Uint8Array(Buffer.from(s.text, "utf8"));
      const [message, next] = sealMessage(keys.get(names[from])!.key, senders.get(sender) ?? emptySequence, { group: names[from], epoch: 1, sender, to: names[to] }, plaintext);
      senders.set(sender, next);
      const out = (p.variant === "protocol" ? relay : fanOutRelay)(state, keys, message);
      if (!out.ok) {
        problems.push(`relay refused: ${out.reason}`);
        continue;
      }
      state = out.state;
      const forTarget = out.forwarded.find((f) => f.header.group === names[to])!;
      for (const m of members[to]) {
        const o = openMessage(keys.get(names[to])!.key, windows.get(m) ?? emptySequence, forTarget);
        if (!o.ok || Buffer.compare(Buffer.from(o.plaintext), Buffer.from(plaintext)) !== 0) problems.push(`${m} did not receive the relayed message`);
        else windows.set(m, o.state);
      }
      // every other party tries both hops with every group key it holds
      const hops: GroupMessage[] = [message, ...out.forwarded];
      members.forEach((group, g) => {
        if (g === from || g === to) return;
        for (const hop of hops) {
          if (readMessage(keys.get(names[g])!.key, hop)) {
            thirdPartyReads++;
            problems.push(`${group.join("/")} (group ${names[g]}) read ${JSON.stringify(s.text)} sent ${names[from]} -> ${names[to]}`);
          }
        }
      });
    }
    const observedOk = state.observed.length === input.sends.length && state.observed.every((o, i) => Buffer.from(o.plaintext).toString("utf8") === input.sends[i].text);
    if (!observedOk) problems.push("the KDC's record differs from the inter-group plaintexts");
    return {
      ok: problems.length === 0,
      margin: 0 - problems.length,
      metrics: { sends: input.sends.length, kdcSaw: state.observed.length, thirdPartyReads, kdcSeesAllInterGroupPlaintext: observedOk },
      ...(problems.length > 0 ? { message: problems[0] } : {}),
    };
  },
};

/** Negative control: a misconfigured relay that re-encrypts for every group, not only the target. */
function fanOutRelay(state: RelayState, keys: ReadonlyMap<string, GroupKeyEntry>, message: GroupMessage): Relayed {
  const out = relay(state, keys, message);
  if (!out.ok) return out;
  const plaintext = out.state.observed[out.state.observed.length - 1].plaintext;
  let outbound = out.state.outbound;
  const extra: GroupMessage[] = [];
  for (const [g, k] of keys) {
    if (g === message.header.group || g === message.header.to) continue;
    const [m, next] = sealMessage(k.key, outbound, { group: g, epoch: k.epoch, sender: KDC_SENDER, origin: `${message.header.group}/${message.header.sender}` }, plaintext);
    extra.push(m);
    outbound = next;
  }
  return { ok: true, forwarded: [...out.forwarded, ...extra], state: { ...out.state, outbound } };
}
