/**
 * The open round (model/auth/round.ts `roundCompiler`: one compilation per strategy round with f
 * open at both ends, each pair of pairs a bilinear combination of its blocks) against the round
 * compiled for its pairs (`compileKrausRound` on the round's own instructions, which prepare f
 * and measure it): for generated round strategies, every mode, every variant (paper readings and
 * controls), noise off and on, first round or not, all 16 (KDC pair, member pair): per arm the
 * map on Eve's registers (its Choi matrix `sum_K K|i><j|K^dagger` over i, j) to 1e-12, the arms
 * that end a session left out on both sides. Negative control: with a strategy that keeps the
 * particle, the round of other pairs differs (the comparison sees the pairs).
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { authVariants, kdcPresent, keyPair, roundCompiler, roundPhases, variantSpec, type RoundContext, type RoundDecisions } from "../../model/auth/index.js";
import { compileKrausRound, type KrausRound } from "../../model/auth/internal/krausRound.js";
import { arbRoundStrategy } from "../../properties/auth/arbitraries.js";

const RUNS = Math.max(1, Math.round(20 * Number(process.env.QKD_RUNS ?? 1)));
const TOL = 1e-12;
const MODES = ["mitm", "impersonate-member", "impersonate-kdc"] as const;

/** What the run drops (compiledRun.ts `endsSession`). */
const endsSession = (mode: (typeof MODES)[number]) => (f: RoundDecisions): boolean =>
  mode === "impersonate-kdc" ? f.memberContinues === false : f.kdcAccepted === false;

/** Per arm (by its facts) the Choi matrix of its map, 16 x 16 interleaved, arms with the same facts summed. */
function choi(round: KrausRound, keep: (f: RoundDecisions) => boolean): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const arm of round.arms) {
    if (!keep(arm.facts)) continue;
    const f = arm.facts, key = JSON.stringify([f.records, f.kdcAccepted, f.memberContinues, f.kdcOutcome, f.memberOutcome]);
    let c = out.get(key);
    if (c === undefined) out.set(key, (c = new Float64Array(2 * 256)));
    for (const k of arm.kraus) {
      // (K|i><j|K^dagger)[a, b] = K[a, i] conj(K[b, j]); entry ((a, i), (b, j))
      for (let a = 0; a < 4; a++) for (let i = 0; i < 4; i++) for (let b = 0; b < 4; b++) for (let j = 0; j < 4; j++) {
        const xr = k[2 * (4 * a + i)], xi = k[2 * (4 * a + i) + 1], yr = k[2 * (4 * b + j)], yi = -k[2 * (4 * b + j) + 1];
        const at = 2 * (16 * (4 * a + i) + 4 * b + j);
        c[at] += xr * yr - xi * yi;
        c[at + 1] += xr * yi + xi * yr;
      }
    }
  }
  return out;
}

/** Largest difference between two arm-wise Choi maps (an arm missing on one side counts as zero there). */
function distance(x: Map<string, Float64Array>, y: Map<string, Float64Array>): number {
  let d = 0;
  for (const key of new Set([...x.keys(), ...y.keys()])) {
    const a = x.get(key), b = y.get(key);
    for (let k = 0; k < 512; k++) d = Math.max(d, Math.abs((a?.[k] ?? 0) - (b?.[k] ?? 0)));
  }
  return d;
}

describe("auth: the open round equals the round compiled for its pairs", () => {
  it("generated rounds, every mode and variant, noise off and on, first round or not, all 16 pairs of pairs (1e-12)", () => {
    fc.assert(
      fc.property(
        arbRoundStrategy(3),
        fc.constantFrom(...MODES),
        fc.constantFrom(...authVariants),
        fc.constantFrom(0, 0.05),
        fc.boolean(),
        (strategy, mode, variant, noise, firstRound) => {
          const spec = variantSpec(variant), keep = (f: RoundDecisions): boolean => !endsSession(mode)(f);
          const compiler = roundCompiler(mode, endsSession(mode));
          const steps = compiler.steps(strategy);
          const closed: Map<string, Float64Array>[] = [];
          for (let pairs = 0; pairs < 16; pairs++) {
            const ctx: RoundContext = { spec, mode, kdcPair: keyPair(pairs >> 2, 0), memberPair: keyPair(pairs & 3, 0), noise, strategy, firstRound };
            const want = choi(compileKrausRound(roundPhases(ctx).flatMap((p) => p.ops), kdcPresent(mode)), keep);
            expect(distance(choi(compiler.compile(ctx, steps), keep), want)).toBeLessThan(TOL);
            closed.push(want);
          }
        },
      ),
      { numRuns: RUNS, seed: 91 },
    );
  });

  it("negative control: when Eve keeps the particle (a swap on the way to the KDC), the open round for pairs 0 is not the round of pairs 5", () => {
    // (a generated draw cannot be the control: a strategy that never touches the particles maps
    // Eve's registers alike for every pair, review of 2026-11-27)
    const mode = "mitm", strategy = { toMember: [], toKdc: [{ op: "swap", reg: "e0" }], message: "pass", after: [] } as const;
    const compiler = roundCompiler(mode, endsSession(mode));
    const keep = (f: RoundDecisions): boolean => !endsSession(mode)(f);
    const ctx = (pairs: number): RoundContext => ({ spec: variantSpec("basis-encoded"), mode, kdcPair: keyPair(pairs >> 2, 0), memberPair: keyPair(pairs & 3, 0), noise: 0, strategy, firstRound: true });
    const open0 = choi(compiler.compile(ctx(0), compiler.steps(strategy)), keep);
    const closed = (pairs: number) => choi(compileKrausRound(roundPhases(ctx(pairs)).flatMap((p) => p.ops), kdcPresent(mode)), keep);
    expect(distance(open0, closed(0))).toBeLessThan(TOL);
    expect(distance(open0, closed(5))).toBeGreaterThan(0.1);
  });
});
