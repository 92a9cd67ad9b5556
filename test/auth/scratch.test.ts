import { test } from "vitest";
import { runAuth, knowledge, impersonationBound, passiveHolevo, type Strategy } from "../../model/auth/index.js";

const ghz: Strategy = { mode: "mitm", rounds: [{
  toMember: [{ op: "cnot", control: "transit", target: "e0" }],
  toKdc: [{ op: "cnot", control: "e0", target: "transit" }, { op: "measure", target: "transit", theta: 0, phi: 0 }, { op: "cnot", control: "e0", target: "transit" }],
  message: "pass",
  after: [{ op: "measure", target: "e0", theta: 0, phi: 0 }, { op: "prepare", reg: "e0", theta: 0, phi: 0 }],
}] };
const imp: Strategy = { mode: "impersonate-member", rounds: [{
  toMember: [{ op: "swap", reg: "e0" }],
  toKdc: [{ op: "cnot", control: "e0", target: "transit" }],
  message: "pass", after: [{ op: "measure", target: "e0", theta: 0, phi: 0 }, { op: "prepare", reg: "e0", theta: 0, phi: 0 }],
}] };
test("scratch", () => {
  for (const variant of ["parity", "basis-encoded"] as const) {
    for (const [name, s] of [["honest", { mode: "mitm", rounds: [{ toMember: [], toKdc: [], message: "pass", after: [] }] }], ["ghz", ghz], ["imp", imp]] as const) {
      const t0 = performance.now();
      const res = runAuth({ variant, keyBits: 4, sessions: 2, strategy: s as Strategy });
      for (const sr of res.sessions) {
        const k = knowledge(sr.branches, (b) => b.kdcKey);
        const agree = sr.branches.filter((b) => b.kdcKey === b.memberKey).reduce((x, b) => x + b.weight, 0);
        console.log(variant, name, sr.session, sr.acceptance.toFixed(6), sr.branches.length, JSON.stringify(k), agree / sr.acceptance);
      }
      console.log("ms", performance.now() - t0);
    }
    console.log(impersonationBound(variant, 4).perRound, passiveHolevo(variant));
  }
});
