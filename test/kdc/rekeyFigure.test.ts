import { expect, test } from "vitest";
import { rekeyCostFigureFromModel } from "../../properties/kdc/rekeyCost.js";

test("the report's rekey figure is deterministic and shows flat = N - 1 and LKH <= 2 log2 N", () => {
  const a = rekeyCostFigureFromModel();
  const b = rekeyCostFigureFromModel();
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  const flat = a.series.find((s) => s.name.startsWith("flat"))!;
  const lkh = a.series.find((s) => s.name.startsWith("LKH"))!;
  // two leaves per size: N - 1 then N - 2 ciphertexts
  for (const [n, m] of flat.points) expect(m).toBe(n - 1.5);
  for (const [n, m] of lkh.points) expect(m).toBeLessThanOrEqual(2 * Math.log2(n));
  expect(lkh.points.length).toBe(5);
  expect(flat.points.length).toBe(3);
});
