/**
 * `runProperty(bb84.secrecy)` gives the result documents of main before the generation and the
 * check were made cheaper (15e6720): verdicts, metrics, counterexamples, shrink counts and replay
 * paths on generated adversaries of several spaces, a sha256 per cell computed by the same loop
 * importing that build's dist, never this code. A negative control shows the digest sees one ulp.
 */
import { createHash } from "node:crypto";
import { describe, expect, test } from "vitest";
import { runProperty } from "../../properties/engine.js";
import { secrecy } from "../../properties/bb84/secrecy.js";
import type { PropertyResult } from "../../properties/types.js";

/** variant, adversary space, seed, runs; the shrink count and the sha256 of the result document on 15e6720. */
const CELLS: readonly [string, string, number, number, number | undefined, string][] = [
  ["with-pa", "single-photon", 42, 300, undefined, "fcfb4c3baa4823a5691ce63678863f90f308bc1619a293b4a7d8d901d360ec3f"],
  ["paper", "single-photon", 1, 100, 20, "e5b47651b52c2bacf37865b29f4a87fc492c6833c5963cdcb41ebe28d0f381c3"],
  ["paper", "single-photon", 2, 100, 57, "d064060070ce7720b720513fc140cd02e87ff0a3c389cb77c4be0b863603a3e5"],
  ["paper", "probes", 3, 100, 180, "df79bf2baffe0e0b2e2fb67d3ee7218deda2d633e28cd61a6e4778849987c7c6"],
  ["paper", "any", 4, 100, 5, "e7ffa252cebf3341274089cbdb7c5b80e0461a3a44d4c4ab79bc891f788f871c"],
  ["with-pa", "any", 5, 200, undefined, "c3575491d9e33c08f214a0e34f1032a98a9da948ca9396ee86fb25665c7cf83b"],
  ["paper", "hide-in-noise", 6, 100, 5, "edf93aaac11cd2a36555278935dc17117bace3764632c691fb26f658e86a411c"],
];

function result(variant: string, space: string, seed: number, runs: number): PropertyResult {
  const params = secrecy.params.parse({ variant, adversary: { kind: "generated", space } });
  return runProperty(secrecy, params, { runs, seed, scenario: "pin", variant, expected: "holds" });
}

const sha256 = (r: PropertyResult, perturb: (x: number) => number = (x) => x): string =>
  createHash("sha256").update(JSON.stringify(r, (_, x: unknown) => (typeof x === "number" ? perturb(x) : x))).digest("hex");

describe("runProperty(bb84.secrecy): the result documents of 15e6720", () => {
  test.each(CELLS)("%s, %s adversaries, seed %i, %i runs", (variant, space, seed, runs, shrinks, digest) => {
    const r = result(variant, space, seed, runs);
    expect(r.verdict).toBe(variant === "with-pa" ? "holds" : "violated");
    expect(r.counterexample?.shrinks).toBe(shrinks);
    expect(sha256(r)).toBe(digest);
  });

  test("negative control: one ulp on every number of a result changes its digest", () => {
    const [variant, space, seed, runs, , digest] = CELLS[1];
    expect(sha256(result(variant, space, seed, runs), (x) => (x === 0 || !Number.isFinite(x) ? x : x * (1 + Number.EPSILON)))).not.toBe(digest);
  });
});
