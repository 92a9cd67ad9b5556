import { test } from "vitest";
import { runAuth } from "../../model/auth/index.js";
import { evaluateStrategy } from "../../properties/auth/evaluate.js";
import { bestAttack, interceptResend } from "../../properties/auth/namedStrategies.js";
test("t", () => {
  for (const s of [bestAttack, interceptResend]) for (const variant of ["parity", "basis-encoded"] as const) {
    let t0 = performance.now();
    const r = runAuth({ variant, keyBits: 4, sessions: 4, strategy: s });
    const t1 = performance.now() - t0;
    t0 = performance.now();
    evaluateStrategy({ variant, keyBits: 4, sessions: 4, noise: 0 }, s);
    console.log(variant, t1, performance.now() - t0, r.sessions.map((x) => x.branches.length).join(","));
  }
});
