/**
 * qkd-harness/vitest: a violation's error message carries the counterexample, the attack
 * trace and the replay options, and replaying with them reproduces the counterexample.
 */
import { describe, expect, test } from "vitest";
import { fc, z, type PropertyDefinition, type TraceStep } from "qkd-harness";
import { blochDensity, probabilities } from "qkd-harness/kernel";
import { defaultSeed, expectProperty, failureMessage, paramsOf, PropertyAssertionError, propertyTest } from "qkd-harness/vitest";

/** "Measuring in Z gives outcome 0 with probability at least `floor`": false for states near |1>. */
const zeroIsLikely: PropertyDefinition<{ floor: number }, number> = {
  id: "toy.zero-is-likely",
  protocol: "toy",
  title: "outcome 0 is likely",
  statement: "A qubit with Bloch z-coordinate z measured in Z gives 0 with probability (1 + z)/2 >= floor.",
  trust: { trusted: ["the preparation"], adversary: "chooses z" },
  params: z.object({ floor: z.number().min(0).max(1) }),
  arbitrary: () => fc.double({ min: -1, max: 1, noNaN: true }),
  check(params, zCoord) {
    const p0 = probabilities(blochDensity(0, 0, zCoord))[0];
    return { ok: p0 >= params.floor, margin: p0 - params.floor, metrics: { p0 }, message: `p0 = ${p0} < ${params.floor}` };
  },
  trace: (params, zCoord): TraceStep[] => [
    { step: "Prepare", detail: "Bloch vector (0, 0, z)", values: { z: zCoord } },
    { step: "Measure", detail: "in Z", values: { p0: (1 + zCoord) / 2, floor: params.floor } },
  ],
};

const catchAssertion = (f: () => unknown): PropertyAssertionError => {
  try {
    f();
  } catch (e) {
    if (e instanceof PropertyAssertionError) return e;
    throw e;
  }
  throw new Error("expected a PropertyAssertionError");
};

describe("expectProperty", () => {
  test("toHold on a violated property throws with counterexample, trace and replay", () => {
    const error = catchAssertion(() => expectProperty(zeroIsLikely, { floor: 0.2 }, { seed: 11 }).toHold());
    const cx = error.result.counterexample!;
    expect(error.result.verdict).toBe("violated");
    expect(cx.metrics.p0).toBeLessThan(0.2);
    expect(error.message).toContain("toy.zero-is-likely: expected to hold, but it is violated (seed 11)");
    expect(error.message).toContain(`counterexample (seed 11, path "${cx.path}", ${cx.shrinks} shrinks): ${JSON.stringify(cx.input)}`);
    expect(error.message).toContain("attack trace:\n    1. Prepare: Bloch vector (0, 0, z)");
    expect(error.message).toContain("2. Measure: in Z");
    expect(error.message).toContain(`replay: pass { seed: 11, path: "${cx.path}" }`);
    expect(error.message).toBe(failureMessage(error.result, "holds"));
  });

  test("the printed seed and path replay the same counterexample", () => {
    const first = catchAssertion(() => expectProperty(zeroIsLikely, { floor: 0.2 }, { seed: 5 }).toHold()).result.counterexample!;
    const replayed = expectProperty(zeroIsLikely, { floor: 0.2 }, { seed: first.seed, path: first.path }).toBeViolated().counterexample!;
    expect(replayed.input).toEqual(first.input);
    expect(replayed.metrics).toEqual(first.metrics);
  });

  test("toBeViolated on a property that holds throws naming the closest approach", () => {
    const error = catchAssertion(() => expectProperty(zeroIsLikely, { floor: 0 }, { runs: 30 }).toBeViolated());
    expect(error.result.verdict).toBe("holds");
    expect(error.message).toContain(`expected to be violated, but it held on all 30 generated inputs (seed ${defaultSeed(zeroIsLikely)})`);
    expect(error.message).toMatch(/closest approach: p0=[\d.e-]+, margin=/);
  });

  test("a check that throws is an error, never a pass", () => {
    const broken: PropertyDefinition<{ floor: number }, number> = { ...zeroIsLikely, check: () => { throw new Error("boom"); } };
    const error = catchAssertion(() => expectProperty(broken, { floor: 0 }).toHold());
    expect(error.result.verdict).toBe("error");
    expect(error.message).toContain("the check threw an error (expected it to hold): boom");
  });

  test("the default seed is deterministic: two runs give the same result document", () => {
    expect(expectProperty(zeroIsLikely, { floor: 0.3 }).run()).toEqual(expectProperty(zeroIsLikely, { floor: 0.3 }).run());
  });
});

describe("paramsOf", () => {
  test("validates with the property's schema and names the field", () => {
    expect(paramsOf(zeroIsLikely, { floor: 0.5 })).toEqual({ floor: 0.5 });
    expect(() => paramsOf(zeroIsLikely, { floor: 2 })).toThrow(/paramsOf\(toy.zero-is-likely\): invalid parameters: floor: /);
  });
});

describe("propertyTest registers one vitest test per property", () => {
  propertyTest(zeroIsLikely, { floor: 0 }, { runs: 50 });
  propertyTest(zeroIsLikely, { floor: 0.2 }, { expect: "violated" });
  test("a claim and its negative control register under distinct names", ({ task }) => {
    const names = task.suite!.tasks.map((t) => t.name).filter((n) => n.startsWith(zeroIsLikely.id));
    expect(names).toEqual([`${zeroIsLikely.id}: ${zeroIsLikely.title}`, `${zeroIsLikely.id}: ${zeroIsLikely.title} (negative control)`]);
  });
});
