import { test } from "vitest";
import { pulseStatistics } from "../../model/bb84/exact.js";
import { IDEAL_LINK } from "../../model/bb84/setup.js";
test("dbg", () => {
  for (const f of [0, 0.5, 1]) {
  const s = pulseStatistics(IDEAL_LINK, { kind: "intercept-resend", fraction: f, basis: "random" });
  console.log(f, s.holevoByBasis, s.eveMutualInformationByBasis, s.eveGuessByBasis, s.sectors);
  }
  const s = pulseStatistics(IDEAL_LINK, { kind: "mixture", parts: [{weight: 0.5, attack: { kind: "intercept-resend", fraction: 1, basis: "Z" }}, {weight: 0.5, attack: { kind: "intercept-resend", fraction: 1, basis: "X" }}] });
  console.log(s.holevoByBasis, s.eveMutualInformationByBasis, s.eveGuessByBasis, s.sectors);
});
