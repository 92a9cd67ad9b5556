import { describe, expect, test } from "vitest";
import { integrityProperty } from "../../properties/kdc/integrity.js";
import { otpPerfectSecrecyProperty } from "../../properties/kdc/otpPerfectSecrecy.js";
import { nonceUniquenessProperty } from "../../properties/kdc/nonceUniqueness.js";
import { relayConfidentialityProperty } from "../../properties/kdc/relayConfidentiality.js";
import { rekeyLeaveCostProperty } from "../../properties/kdc/lkhLeaveCost.js";
import { check } from "./check.js";

describe("kdc.integrity", () => {
  test.each(["group-key-otp", "group-key-aes", "messages"] as const)("holds on %s", (layer) => {
    const r = check(integrityProperty, { layer }, 60);
    expect(r.verdict).toBe("holds");
  });
  test("negative control: the bare one-time pad (no MAC) accepts a flipped bit", () => {
    const r = check(integrityProperty, { layer: "group-key-otp", variant: "otp-unauthenticated" }, 60);
    expect(r.verdict).toBe("violated");
    expect(r.counterexample?.message).toMatch(/modified/);
  });
  test.each(["group-key-otp", "group-key-aes", "messages"] as const)("negative control: a receiver without replay state accepts a replay (%s)", (layer) => {
    const r = check(integrityProperty, { layer, variant: "no-replay-state" }, 60);
    expect(r.verdict).toBe("violated");
    expect(r.counterexample?.message).toMatch(/replay or reorder/);
  });
});

describe("kdc.otp-perfect-secrecy", () => {
  test("holds exactly: total variation 0 over all 2^16 pads", () => {
    const r = check(otpPerfectSecrecyProperty, {}, 4);
    expect(r.verdict).toBe("holds");
    expect(r.metrics.totalVariation).toBe(0);
    expect(r.metrics.mutualInformationBits).toBe(0);
    expect(r.metrics.support).toBe(65536);
  });
  test("negative control: a wrap-around pool reuses the pad and leaks m1 XOR m2", () => {
    const r = check(otpPerfectSecrecyProperty, { variant: "wrap-around-pool" }, 10);
    expect(r.verdict).toBe("violated");
    // pad reuse: the two plaintext pairs have disjoint ciphertext supports, so I(M;C) is one full bit
    expect(r.metrics.totalVariation).toBe(1);
    expect(r.metrics.mutualInformationBits).toBeCloseTo(1, 12);
  });
});

describe("kdc.nonce-uniqueness", () => {
  test("holds for threaded sender state", () => {
    expect(check(nonceUniquenessProperty, {}, 50).verdict).toBe("holds");
  });
  test("negative control: a stale sender state repeats a nonce and the XOR attack recovers a plaintext", () => {
    const r = check(nonceUniquenessProperty, { variant: "stale-sender-state" }, 50);
    expect(r.verdict).toBe("violated");
    expect(r.metrics.plaintextRecoveredByXor).toBe(true);
  });
});

describe("kdc.relay-confidentiality", () => {
  test("holds, and the KDC saw every inter-group plaintext", () => {
    const r = check(relayConfidentialityProperty, {}, 40);
    expect(r.verdict).toBe("holds");
    expect(r.metrics.kdcSeesAllInterGroupPlaintext).toBe(true);
  });
  test("negative control: a fan-out relay lets a third group read", () => {
    const r = check(relayConfidentialityProperty, { variant: "fan-out-relay" }, 40);
    expect(r.verdict).toBe("violated");
    expect(r.counterexample?.message).toMatch(/read/);
  });
});

describe("kdc.rekey-leave-cost", () => {
  test("LKH: at most 2 log2 N messages, remaining members recover the key, the leaver opens nothing", () => {
    const r = check(rekeyLeaveCostProperty, { strategy: "lkh" }, 40);
    expect(r.verdict).toBe("holds");
  });
  test("negative control: the paper's flat rekey exceeds 2 log2 N", () => {
    const r = check(rekeyLeaveCostProperty, { strategy: "flat" }, 20);
    expect(r.verdict).toBe("violated");
    expect(r.counterexample?.message).toMatch(/> 2 log2 N/);
  });
});
