import { expect, test } from "vitest";
import { runBb84Bench } from "../../bench/bb84.js";

test("bb84 bench reports its rates against their targets", async () => {
  const results = await runBb84Bench({ windowMs: 50 }); // the rows and their shape; rates are npm run bench's
  for (const r of results) console.log(`${r.name}: ${r.value.toExponential(3)} ${r.unit} (target ${r.target})`);
  expect(results.map((r) => r.unit)).toEqual(["checks/s", "adversaries/s", "pulses/s", "keys/s", "keys/s", "evaluations/s"]);
  for (const r of results) expect(r.value).toBeGreaterThan(0);
});
