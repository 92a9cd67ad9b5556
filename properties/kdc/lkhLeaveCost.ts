/**
 * `kdc.rekey-leave-cost`: one leave costs at most 2 log2 N messages (LKH), and the rekey is
 * correct and forward-secret on the tree itself; the paper's flat rekey (N - 1) is the control.
 * @module
 */
import * as fc from "fast-check";
import { z } from "zod";
import { seeded } from "../../model/random.js";
import { deriveKey } from "../../model/kdc/aesGcm.js";
import { flatRekey } from "../../model/kdc/flatRekey.js";
import { privateKey } from "../../model/kdc/groupKeyCipher.js";
import { drawKeyMaterial } from "../../model/kdc/keyPool.js";
import { newKdcGroup } from "../../model/kdc/kdcGroup.js";
import { createLkhTree, lkhLeave, lkhPathKeys, lkhRootKey, lkhUnwrap, type LkhMessage } from "../../model/kdc/lkhTree.js";
import type { CheckOutcome, PropertyDefinition } from "../types.js";

const params = z.object({ strategy: z.enum(["lkh", "flat"]).default("lkh") });
type Params = z.output<typeof params>;

/** Generated input: group size, the leaver, the seed. */
export interface LeaveCostInput {
  readonly n: number;
  readonly leaver: number;
  readonly seed: number;
}

/** Logarithmic rekey cost per leave. */
export const rekeyLeaveCostProperty: PropertyDefinition<Params, LeaveCostInput> = {
  id: "kdc.rekey-leave-cost",
  protocol: "kdc",
  title: "One leave costs at most 2 log2 N rekey messages",
  statement:
    "For a group of N >= 2 members built at once and any leaving member, the KDC sends at most 2 log2 N ciphertexts; on the LKH tree " +
    "each remaining member (checked for N <= 32) recovers the new group key from its old path keys, and the leaver's old path keys " +
    "open none of the messages. The paper's flat rekey (N - 1 messages) is the negative control.",
  equation: String.raw`\#\mathrm{msg}(\mathrm{leave}) \le 2\,(\lceil \log_2 N \rceil - 1) < 2 \log_2 N`,
  trust: { trusted: ["KDC"], adversary: "the leaving member, holding its old path keys (forward secrecy on the tree)" },
  params,
  arbitrary: () =>
    fc.record({ n: fc.integer({ min: 2, max: 600 }), leaver: fc.nat(1 << 20), seed: fc.integer({ min: 0, max: 0x7fffffff }) }),
  check: (p, input): CheckOutcome => {
    const members = Array.from({ length: input.n }, (_, i) => `m${i}`);
    const leaver = members[input.leaver % input.n];
    const bound = 2 * Math.log2(input.n);
    if (p.strategy === "flat") {
      const [materials, rng] = drawKeyMaterial(seeded(input.seed), 32 * input.n);
      const privateKeys = new Map(members.map((m, i) => [m, privateKey(m, "aes-256-gcm", materials.subarray(32 * i, 32 * i + 32))]));
      const r = flatRekey.leave({ ...newKdcGroup("g", "member-scope", "aes-256-gcm"), members, privateKeys }, leaver, rng);
      return verdict(r.messages.length, bound, []);
    }
    const [leafSecret, rng] = drawKeyMaterial(seeded(input.seed), 32);
    const leafKey = (m: string) => deriveKey(leafSecret, `leaf|${m}`);
    const [tree, r1] = createLkhTree(members, leafKey, rng);
    const change = lkhLeave(tree, leaver, r1);
    const problems: string[] = [];
    const leaverKeys = lkhPathKeys(tree, leaver);
    for (const m of change.messages) {
      if (leaverKeys.some((k) => k.origin === m.under && lkhUnwrap(m, k.key))) problems.push(`${leaver} opened the wrap of ${m.target}`);
    }
    const root = lkhRootKey(change.tree)!;
    if (input.n <= 32) {
      for (const m of members.filter((x) => x !== leaver)) {
        if (!recovers(lkhPathKeys(tree, m).map((k) => [k.origin, k.key] as const), change.messages, root.origin, root.key)) {
          problems.push(`${m} cannot recover the new group key`);
        }
      }
    }
    return verdict(change.messages.length, bound, problems);
  },
};

function verdict(messages: number, bound: number, problems: readonly string[]): CheckOutcome {
  const ok = messages <= bound && problems.length === 0;
  return {
    ok,
    margin: problems.length > 0 ? -1 : bound - messages,
    metrics: { messages, bound },
    ...(ok ? {} : { message: problems[0] ?? `${messages} messages > 2 log2 N = ${bound.toFixed(2)}` }),
  };
}

/** A member with `held` keys processes the wraps in order and checks it ends with the root key. */
function recovers(held: readonly (readonly [string, Uint8Array])[], wraps: readonly LkhMessage[], origin: string, root: Uint8Array): boolean {
  const keys = new Map<string, Uint8Array>(held);
  for (const w of wraps) {
    const under = keys.get(w.under);
    const k = under ? lkhUnwrap(w, under) : null;
    if (k) keys.set(w.target, k);
  }
  const mine = keys.get(origin);
  return mine !== undefined && Buffer.from(mine).equals(Buffer.from(root));
}
