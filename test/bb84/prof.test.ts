import { test } from "vitest";
import { eigh, eigvalsh } from "../../model/kernel/index.js";
import { pulseStatistics, IDEAL_LINK, pulseSectors } from "../../model/bb84/index.js";
test("prof", () => {
  const m = { rows: 4, cols: 4, data: Float64Array.from({ length: 32 }, (_, i) => 0) };
  for (let i = 0; i < 4; i++) m.data[2 * (i * 4 + i)] = 0.1 * i;
  m.data[2] = 0.01; m.data[8] = 0.01;
  const time = (name: string, n: number, f: () => void) => { f(); const t = performance.now(); for (let i = 0; i < n; i++) f(); console.log(name, ((performance.now() - t) / n * 1000).toFixed(2), "us"); };
  time("eigvalsh4", 10000, () => eigvalsh(m));
  time("eigh4", 10000, () => eigh(m));
  const a = { kind: "cloner", disturbance: 0.1 } as const;
  time("sectors cloner", 2000, () => pulseSectors(IDEAL_LINK, a));
  time("stats cloner", 2000, () => pulseStatistics(IDEAL_LINK, a));
  const b = { kind: "intercept-resend", fraction: 0.3, basis: "random" } as const;
  time("stats IR", 2000, () => pulseStatistics(IDEAL_LINK, b));
});
