import { describe, expect, test } from "vitest";
import { forwardSecrecyProperty } from "../../properties/kdc/forwardSecrecy.js";
import { backwardSecrecyProperty } from "../../properties/kdc/backwardSecrecy.js";
import { correctnessProperty } from "../../properties/kdc/correctness.js";
import { outsiderConfidentialityProperty } from "../../properties/kdc/outsiderConfidentiality.js";
import type { Verdict } from "../../properties/types.js";
import { check as verdict } from "./check.js";

const readings = [
  { scope: "member-scope", strategy: "flat", cipher: "otp" },
  { scope: "member-scope", strategy: "flat", cipher: "aes-256-gcm" },
  { scope: "member-scope", strategy: "lkh", cipher: "aes-256-gcm" },
  { scope: "group-scope", strategy: "flat", cipher: "otp" },
  { scope: "group-scope", strategy: "flat", cipher: "aes-256-gcm" },
  { scope: "group-scope", strategy: "lkh", cipher: "aes-256-gcm" },
] as const;

describe("kdc.correctness", () => {
  test.each(readings)("holds on %o", (reading) => {
    expect(verdict(correctnessProperty, { ...reading }).verdict).toBe("holds");
  });
  test.each(["flat", "lkh"] as const)("violated when every rekey drops its last message (%s)", (strategy) => {
    const r = verdict(correctnessProperty, { strategy, variant: "drop-last-message" });
    expect(r.verdict).toBe("violated");
    expect(r.counterexample?.message).toMatch(/lacks|did not receive|holds no group key/);
  });
});

const forwardExpected: Record<string, Verdict> = { "member-scope": "holds", "group-scope": "violated" };

describe("kdc.forward-secrecy", () => {
  test.each(readings)("%o: holds under member-scope, violated under group-scope (finding)", (reading) => {
    const r = verdict(forwardSecrecyProperty, { ...reading });
    expect(r.verdict).toBe(forwardExpected[reading.scope]);
    if (r.verdict === "violated") expect(r.counterexample?.message).toMatch(/after leaving/);
  });
  test.each(["flat", "lkh"] as const)("negative control: skipping the rekey on leave is violated (%s, member-scope)", (strategy) => {
    expect(verdict(forwardSecrecyProperty, { strategy, variant: "skip-leave-rekey" }).verdict).toBe("violated");
  });
});

describe("kdc.backward-secrecy", () => {
  test.each(readings)("holds on %o", (reading) => {
    expect(verdict(backwardSecrecyProperty, { ...reading }).verdict).toBe("holds");
  });
  test.each(["flat", "lkh"] as const)("negative control: handing the joiner the previous key is violated (%s)", (strategy) => {
    const r = verdict(backwardSecrecyProperty, { strategy, variant: "leak-previous-key-on-join" });
    expect(r.verdict).toBe("violated");
    expect(r.counterexample?.message).toMatch(/before it joined/);
  });
});

describe("kdc.outsider-confidentiality", () => {
  test.each(readings)("holds with a trusted KDC on %o", (reading) => {
    expect(verdict(outsiderConfidentialityProperty, { ...reading, kdc: "trusted" }).verdict).toBe("holds");
  });
  test.each(["flat", "lkh"] as const)("violated when the KDC is compromised (%s)", (strategy) => {
    const r = verdict(outsiderConfidentialityProperty, { strategy, kdc: "compromised" });
    expect(r.verdict).toBe("violated");
    expect(r.counterexample?.message).toMatch(/outsider x\d read/);
  });
});
