/**
 * Generated membership histories (fast-check): raw choices that shrink well, interpreted into a
 * valid {@link MembershipHistory} (joins of non-members, leaves of members, sends by members),
 * with a message sent after every change so that every epoch carries traffic to attack.
 * @module
 */
import * as fc from "fast-check";
import type { MembershipEvent, MembershipHistory } from "../../model/kdc/membership.js";

/** Shape of the generated histories. */
export interface HistoryShape {
  /** Size of the pool of would-be members `m0..m{k-1}`. */
  readonly universe: number;
  readonly maxInitial: number;
  readonly maxEvents: number;
  /** Insert `leak` events (a compromised KDC issuing the group key to outsiders `x0, x1`). */
  readonly leaks: boolean;
}

/** One raw choice; `pick` selects among the currently eligible parties. */
interface Choice {
  readonly op: "join" | "leave" | "send" | "leak";
  readonly pick: number;
  readonly text: string;
}

/** Membership histories of one group `g` with initiator `m0`. */
export function membershipHistoryArbitrary(shape: HistoryShape): fc.Arbitrary<MembershipHistory> {
  const ops: Choice["op"][] = shape.leaks ? ["join", "leave", "send", "leak"] : ["join", "leave", "send"];
  const choice = fc.record({ op: fc.constantFrom(...ops), pick: fc.nat(31), text: fc.string({ maxLength: 12 }) });
  return fc
    .tuple(fc.integer({ min: 1, max: Math.min(shape.maxInitial, shape.universe) }), fc.array(choice, { maxLength: shape.maxEvents }))
    .map(([initialSize, choices]) => interpret(shape, initialSize, choices));
}

/** Interpret raw choices into a valid history (deterministic). */
export function interpret(shape: HistoryShape, initialSize: number, choices: readonly Choice[]): MembershipHistory {
  const universe = Array.from({ length: shape.universe }, (_, i) => `m${i}`);
  const initial = universe.slice(0, initialSize);
  let members = [...initial];
  const events: MembershipEvent[] = [];
  const send = (pick: number, text: string) => events.push({ kind: "send", sender: members[pick % members.length], text });
  for (const c of choices) {
    const outside = universe.filter((m) => !members.includes(m));
    if (c.op === "join" && outside.length > 0) {
      const member = outside[c.pick % outside.length];
      events.push({ kind: "join", member });
      members = [...members, member];
      send(c.pick, c.text);
    } else if (c.op === "leave" && members.length > 1) {
      const member = members[c.pick % members.length];
      events.push({ kind: "leave", member });
      members = members.filter((m) => m !== member);
      send(c.pick, c.text);
    } else if (c.op === "leak") {
      events.push({ kind: "leak", outsider: `x${c.pick % 2}` });
      send(c.pick, c.text);
    } else {
      send(c.pick, c.text);
    }
  }
  return { group: "g", initiator: initial[0], initial, events };
}
