import { describe, expect, test } from "vitest";
import { seeded } from "../../model/random.js";
import { deriveKey } from "../../model/kdc/aesGcm.js";
import { createLkhTree, lkhJoin, lkhLeave, lkhPathKeys, lkhPosition, lkhRootKey, lkhSize } from "../../model/kdc/lkhTree.js";
import { rekeyCostFigure, runKdcRekeyBench } from "../../bench/kdcRekey.js";

const leaf = (m: string) => deriveKey(Uint8Array.of(42), `leaf|${m}`);

describe("LKH tree", () => {
  test("a leave replaces the root key and keeps the old tree value intact", () => {
    const members = ["a", "b", "c", "d", "e"];
    const [tree, rng] = createLkhTree(members, leaf, seeded(1));
    const root = lkhRootKey(tree)!;
    const change = lkhLeave(tree, "c", rng);
    expect(lkhSize(change.tree)).toBe(4);
    expect(lkhPosition(change.tree, "c")).toBe(-1);
    expect(lkhPosition(tree, "c")).toBe(2);
    expect(Buffer.from(lkhRootKey(tree)!.key).equals(Buffer.from(root.key))).toBe(true);
    expect(Buffer.from(lkhRootKey(change.tree)!.key).equals(Buffer.from(root.key))).toBe(false);
  });
  test("a join fills a free leaf, grows the tree when full, and refreshes the joiner's path", () => {
    const [tree, rng] = createLkhTree(["a", "b"], leaf, seeded(2));
    expect(tree.height).toBe(1);
    const joined = lkhJoin(tree, "c", leaf("c"), rng);
    expect(joined.tree.height).toBe(2);
    expect(lkhPosition(joined.tree, "c")).toBe(2);
    const path = lkhPathKeys(joined.tree, "c");
    expect(path[path.length - 1].origin).toBe(lkhRootKey(joined.tree)!.origin);
    expect(() => lkhJoin(joined.tree, "c", leaf("c"), joined.rng)).toThrow(/lkhJoin: c is already in the tree/);
  });
  test("10^6 members: built lazily, one leave with at most 2 log2 N wraps (its time is a bench row)", () => {
    const n = 1_000_000;
    const members = Array.from({ length: n }, (_, i) => `m${i}`);
    const [tree, rng] = createLkhTree(members, leaf, seeded(3));
    const change = lkhLeave(tree, "m123457", rng);
    expect(change.messages.length).toBeLessThanOrEqual(2 * Math.log2(n));
  });
});

describe("bench/kdcRekey", () => {
  test("rows for both strategies up to N = 1000, LKH under the bound, figure data log-log", async () => {
    const rows = await runKdcRekeyBench({ maxN: 1000, changes: 1 });
    expect(rows.map((r) => `${r.strategy}${r.n}`)).toEqual(["flat10", "lkh10", "flat100", "lkh100", "flat1000", "lkh1000"]);
    for (const r of rows.filter((x) => x.strategy === "lkh")) expect(r.messages).toBeLessThanOrEqual(2 * Math.log2(r.n));
    for (const r of rows.filter((x) => x.strategy === "flat")) expect(r.messages).toBe(r.n - 1);
    const fig = rekeyCostFigure(rows);
    expect(fig.xScale).toBe("log");
    expect(fig.series.map((s) => s.points.length)).toEqual([3, 3, 3]);
  });
});
