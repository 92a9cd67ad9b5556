/**
 * The schedule of `--workers N` (scenarios/parallel.ts): one queue per thread, the cells of a
 * protocol in one queue, longest first, and every cell taken exactly once however the threads
 * interleave, including by a thread whose own queue is empty (it helps the fullest queue).
 */
import { describe, expect, test } from "vitest";
import type { MatrixCell } from "../../scenarios/matrix.js";
import { cellQueues, longestFirst, takeCell, type CellQueues } from "../../scenarios/parallel.js";

/** A cell with only what the schedule reads: its key and its property's protocol. */
function cell(protocol: string, name: string): MatrixCell {
  return { key: `${protocol}-${name}::${protocol}.p`, property: { definition: { protocol } } } as unknown as MatrixCell;
}

const cells = [cell("auth", "a"), cell("bb84", "b"), cell("bb84", "c"), cell("kdc", "d"), cell("kdc", "e"), cell("auth", "f")];
const ms: Record<string, number> = Object.fromEntries(cells.map((c, i) => [c.key, [100, 500, 50, 800, 300, 200][i]]));

/** The cells of queue q, in order. */
function queue(queues: CellQueues, q: number): number[] {
  return [...queues.order.slice(queues.start[q], queues.start[q + 1])];
}

/** Take every cell, thread after thread in the given pattern, until all are empty. */
function drain(queues: CellQueues, pattern: readonly number[]): { thread: number; index: number }[] {
  const taken: { thread: number; index: number }[] = [];
  for (let k = 0; ; k++) {
    const thread = pattern[k % pattern.length];
    const index = takeCell(queues, thread);
    if (index < 0) return taken;
    taken.push({ thread, index });
  }
}

describe("cellQueues / takeCell: protocol affinity, longest first, every cell once", () => {
  test("each protocol in one queue, each queue longest first; protocols to the least loaded queue, largest total first", () => {
    const queues = cellQueues(cells, ms, 2);
    // totals: kdc 1100, bb84 550, auth 300 -> kdc to queue 0, bb84 and auth to queue 1
    expect(queue(queues, 0)).toEqual([3, 4]);
    expect(queue(queues, 1)).toEqual([1, 5, 0, 2]);
    expect(queues.left[queues.start[1]]).toBe(850);
  });

  test("one queue is the longest-first order", () => {
    expect(queue(cellQueues(cells, ms, 1), 0)).toEqual(longestFirst(cells, ms));
  });

  test("a thread with an empty queue takes from the queue with the most expected work left", () => {
    const queues = cellQueues(cells, ms, 2);
    expect(takeCell(queues, 0)).toBe(3);
    expect(takeCell(queues, 0)).toBe(4);
    // queue 0 empty: thread 0 helps queue 1 (its next cell is its longest left)
    expect(takeCell(queues, 0)).toBe(1);
    expect(takeCell(queues, 1)).toBe(5);
  });

  test("every cell is taken exactly once, whatever the interleaving and the number of threads", () => {
    for (const threads of [1, 2, 3, 8]) {
      for (const pattern of [[0], [1, 0], [0, 0, 1], [2, 1, 0, 1], [7, 3]]) {
        const taken = drain(cellQueues(cells, ms, threads), pattern);
        expect(taken.map((t) => t.index).sort()).toEqual(cells.map((_, i) => i));
      }
    }
  });

  test("no known durations: every cell still taken once (a queue of zero expected work is not empty)", () => {
    const taken = drain(cellQueues(cells, {}, 2), [1]);
    expect(taken.map((t) => t.index).sort()).toEqual(cells.map((_, i) => i));
  });
});
