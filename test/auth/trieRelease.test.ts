/**
 * The round compiler's trie drops a node's columns once its round is compiled and no longer list
 * passes through it (model/auth/internal/krausRound.ts `KrausTrie.release`); a longer list that
 * later passes through it advances them again from its parent. The run never does (its lists are
 * three segments long), so this test does: a generated round's segments compiled, then the same
 * list with one and two more segments that touch no qubit (so the nodes on the way keep their
 * keys: a key holds the slots later segments touch), each through a node whose columns were
 * released, gives the operators of a fresh trie, bit for bit, and of compileKrausRound on the
 * instructions. Negative control: a trie whose nodes were compiled from other instructions under
 * the same keys gives other operators, so the comparison sees what the released node is advanced from.
 * Checked against a mutant (a released node advanced without its first instruction): the first test fails.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { kdcPresent, keyPair, roundPhases, variantSpec, type RoundContext } from "../../model/auth/index.js";
import { compileKrausRound, KrausTrie, type KeyedOps, type KrausRound } from "../../model/auth/internal/krausRound.js";
import { arbRoundStrategy } from "../../properties/auth/arbitraries.js";

const RUNS = Math.max(2, Math.round(12 * Number(process.env.QKD_RUNS ?? 1)));

/** The round's instructions, one segment per phase (keyed by position: one list per trie). */
function segmentsOf(ctx: RoundContext): KeyedOps[] {
  return roundPhases(ctx).map((p, k) => ({ key: `${k}`, ops: p.ops }));
}

/** A round's arms as plain numbers (facts and every operator's entries), for a bitwise comparison. */
function numbers(round: KrausRound): unknown {
  return round.arms.map((a) => ({ facts: a.facts, kraus: a.kraus.map((k) => Array.from(k)) }));
}

/** A segment that touches no qubit (a decision that decides nothing). */
const idle = (key: string): KeyedOps => ({ key, ops: [{ kind: "decide", decide: () => ({}) }] });

describe("auth: a trie node's released columns are advanced again when a longer list passes through it", () => {
  it("a round, then the round and one, then two idle segments: the operators of a fresh trie, bit for bit", () => {
    fc.assert(
      fc.property(arbRoundStrategy(2), fc.constantFrom("parity", "basis-encoded"), fc.nat(15), fc.boolean(), (strategy, variant, pairs, noisy) => {
        const mode = "mitm";
        const ctx: RoundContext = { spec: variantSpec(variant), mode, kdcPair: keyPair(pairs >> 2, 0), memberPair: keyPair(pairs & 3, 0), noise: noisy ? 0.05 : 0, strategy, firstRound: true };
        const segments = segmentsOf(ctx), longer = [...segments, idle("a")], longest = [...longer, idle("b")];
        const trie = new KrausTrie(kdcPresent(mode));
        trie.compile(segments);
        for (const list of [longer, longest]) {
          const got = numbers(trie.compile(list));
          expect(got).toEqual(numbers(new KrausTrie(kdcPresent(mode)).compile(list)));
          expect(got).toEqual(numbers(compileKrausRound(list.flatMap((s) => s.ops), kdcPresent(mode))));
        }
      }),
      { numRuns: RUNS, seed: 31 },
    );
  });

  it("negative control: a released node compiled from other instructions under the same keys gives other operators", () => {
    const ctx = (pairs: number): RoundContext => ({ spec: variantSpec("parity"), mode: "mitm", kdcPair: keyPair(pairs >> 2, 0), memberPair: keyPair(pairs & 3, 0), noise: 0, strategy: { toMember: [], toKdc: [{ op: "swap", reg: "e0" }], message: "pass", after: [] }, firstRound: true });
    const other = segmentsOf(ctx(1)), list = [...segmentsOf(ctx(0)), idle("a")];
    const trie = new KrausTrie(true);
    trie.compile(other);
    expect(numbers(trie.compile(list))).not.toEqual(numbers(new KrausTrie(true).compile(list)));
  });
});
