import { test } from "vitest";
import { searchBestAttack } from "../../properties/auth/search.js";
import { authParams } from "../../properties/auth/params.js";

test("scratch", () => {
  for (const variant of ["parity", "basis-encoded"]) for (const seed of [1, 2]) {
    const t0 = performance.now();
    const p = authParams.parse({ variant });
    const r = searchBestAttack(p, { samples: 300, seed, modes: ["mitm"] });
    console.log(variant, seed, (performance.now() - t0).toFixed(0), r.score, r.acceptance, r.holevo, JSON.stringify(r.strategy));
  }
});
