import { describe, expect, test } from "vitest";
import { seeded } from "../../model/random.js";
import { flatRekey } from "../../model/kdc/flatRekey.js";
import { runEndToEnd } from "../../model/kdc/endToEnd.js";
import { endToEndAbort } from "../../properties/kdc/endToEndAbort.js";
import { standInSteps } from "../../properties/kdc/standIns.js";
import { check } from "./check.js";

const request = {
  group: "g",
  initiator: "m0",
  members: ["m0", "m1", "m2"],
  messages: [{ sender: "m0", text: "hello" }],
  cipher: "otp" as const,
  strategy: flatRekey,
};

describe("runEndToEnd", () => {
  test("member-scope: the tapped member is refused, the others are keyed and receive", () => {
    const r = runEndToEnd({ ...request, scope: "member-scope", channel: { eavesdropped: ["m1"] } }, standInSteps(), seeded(3));
    expect(r.admitted).toEqual(["m0", "m2"]);
    expect(r.refused[0].member).toBe("m1");
    expect(r.refused[0].reason).toMatch(/aborted \(qber 0.25\)/);
    const sent = r.transcript.steps.find((s) => s.sent)!.sent!;
    expect(sent.received.map((x) => [x.party, Buffer.from(x.plaintext!).toString()])).toEqual([["m2", "hello"]]);
  });
  test("group-scope: a tap on the group's run refuses the whole group", () => {
    const r = runEndToEnd({ ...request, scope: "group-scope", channel: { eavesdropped: ["g"] } }, standInSteps(), seeded(3));
    expect(r.admitted).toEqual([]);
    expect(r.transcript.steps.flatMap((s) => s.rekey)).toEqual([]);
  });
  test("impostors are refused by authentication before any key is established for them", () => {
    const r = runEndToEnd({ ...request, scope: "member-scope", channel: { eavesdropped: [] } }, standInSteps({}, ["m2"]), seeded(3));
    expect(r.admitted).toEqual(["m0", "m1"]);
    expect(r.transcript.establishments.map((e) => e.party)).toEqual(["m0", "m1"]);
  });
  test("same seed, same transcript (byte-identical ciphertexts)", () => {
    const a = runEndToEnd({ ...request, scope: "member-scope", channel: { eavesdropped: [] } }, standInSteps(), seeded(9));
    const b = runEndToEnd({ ...request, scope: "member-scope", channel: { eavesdropped: [] } }, standInSteps(), seeded(9));
    const bytes = (r: typeof a) => JSON.stringify(r.transcript.steps.map((s) => s.rekey.map((m) => (m.kind === "group-key" ? Buffer.from(m.ciphertext.body).toString("hex") : ""))));
    expect(bytes(a)).toBe(bytes(b));
  });
});

describe("kdc.end-to-end-abort", () => {
  test.each([
    { scope: "member-scope", strategy: "flat", cipher: "otp" },
    { scope: "member-scope", strategy: "lkh", cipher: "aes-256-gcm" },
    { scope: "group-scope", strategy: "flat", cipher: "aes-256-gcm" },
    { scope: "group-scope", strategy: "lkh", cipher: "aes-256-gcm" },
  ])("holds on %o", (reading) => {
    const r = check(endToEndAbort, reading, 25);
    expect(r.verdict).toBe("holds");
  });
  test.each(["member-scope", "group-scope"])("negative control: a KDC that skips the QBER test hands Eve the group key (%s)", (scope) => {
    const r = check(endToEndAbort, { scope, variant: "no-qber-check" }, 25);
    expect(r.verdict).toBe("violated");
    expect(r.counterexample?.message).toMatch(/eve holds/);
  });
});
