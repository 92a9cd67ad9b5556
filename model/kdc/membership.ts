/**
 * Membership histories as data: serialisable, printable, shrinkable (THREATS.md: scenarios are
 * data). A history is the initial member list of one group and a sequence of events.
 * @module
 */

/** One event in the life of a group. */
export type MembershipEvent =
  | { readonly kind: "join"; readonly member: string }
  | { readonly kind: "leave"; readonly member: string }
  | { readonly kind: "send"; readonly sender: string; readonly text: string }
  /** A compromised or delegated KDC issues the current group key to an outsider (THREATS.md, ANSSI). */
  | { readonly kind: "leak"; readonly outsider: string };

/** The initialization request (docs/protocol/01-initialization.md) and what followed. */
export interface MembershipHistory {
  readonly group: string;
  readonly initiator: string;
  readonly initial: readonly string[];
  readonly events: readonly MembershipEvent[];
}

/** Every party a history names, in first-mention order. */
export function partiesOf(history: MembershipHistory): readonly string[] {
  const names = [...history.initial];
  for (const e of history.events) {
    const who = e.kind === "send" ? e.sender : e.kind === "leak" ? e.outsider : e.member;
    names.push(who);
  }
  return [...new Set(names)];
}

/** One line per event, e.g. `init g [a, b] | join c | leave a | send b "hi"`. */
export function formatHistory(history: MembershipHistory): string {
  const parts = [`init ${history.group} [${history.initial.join(", ")}]`];
  for (const e of history.events) {
    if (e.kind === "send") parts.push(`send ${e.sender} ${JSON.stringify(e.text)}`);
    else if (e.kind === "leak") parts.push(`leak to ${e.outsider}`);
    else parts.push(`${e.kind} ${e.member}`);
  }
  return parts.join(" | ");
}
