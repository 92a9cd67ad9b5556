import { expect, test } from "vitest";
import { runBb84Bench } from "../../bench/bb84.js";

test("bb84 bench reports its rates against their targets", async () => {
  // the rows and their shape at a hundredth of the bench's work per batch; rates are npm run bench's
  const results = await runBb84Bench({ windowMs: 50, scale: 0.01 });
  for (const r of results) console.log(`${r.name}: ${r.value.toExponential(3)} ${r.unit} (target ${r.target})`);
  // each secrecy row beside the rate of its warm-up batch (no target)
  expect(results.map((r) => r.unit)).toEqual(["checks/s", "checks/s", "adversaries/s", "adversaries/s", "pulses/s", "keys/s", "keys/s", "evaluations/s"]);
  expect(results.map((r) => r.target)).toEqual([1e4, null, 1e4, null, 1e6, 1, 1, null]);
  for (const r of results) expect(r.value).toBeGreaterThan(0);
  expect(results[0].name).toBe("bb84 exact secrecy checks (generated single-photon attacks, with-pa) (after one warm-up batch of 20)");
  expect(results[5].name).toBe("bb84 Cascade on a 10^3-bit key at QBER 5 %");
  expect(results[6].name).toBe("bb84 Toeplitz hashing of a 10^3-bit key to 5·10^2 bits");
});
