import { test } from "vitest";
import { runProperty } from "../../properties/engine.js";
import { forwardSecrecyProperty } from "../../properties/kdc/forwardSecrecy.js";
import { correctnessProperty } from "../../properties/kdc/correctness.js";
test("probe", () => {
  for (const raw of [{ scope: "group-scope", strategy: "flat" }, { scope: "group-scope", strategy: "lkh" }, {scope: "member-scope", strategy: "lkh"}]) {
    const r = runProperty(forwardSecrecyProperty, forwardSecrecyProperty.params.parse(raw), { runs: 25, seed: 7, scenario: "t", variant: "x", expected: "holds" });
    console.log(JSON.stringify(raw), r.verdict, r.metrics, r.counterexample?.input, r.counterexample?.message);
    if (r.counterexample) console.log(r.counterexample.trace.map(s => s.step + " " + s.detail).join("\n"));
  }
  const r = runProperty(correctnessProperty, correctnessProperty.params.parse({strategy: "lkh", variant: "drop-last-message"}), { runs: 25, seed: 7, scenario: "t", variant: "x", expected: "holds" });
  console.log(r.counterexample?.input, r.counterexample?.message);
});
