import { fc, runProperty, z, type PropertyDefinition } from "qkd-harness";
import { blochDensity, H, measureInBasis } from "qkd-harness/kernel";

const pPlus = (x: number) => measureInBasis(blochDensity(x, 0, 0), H, [0])[0]!.probability;
const bornRuleX: PropertyDefinition<{ tolerance: number }, number> = {
  id: "mine.born-rule-x", protocol: "mine", title: "Born's rule in the X basis", statement: "P(+) = (1 + x)/2 for the Bloch vector (x, 0, 0)",
  trust: { trusted: ["the preparation"], adversary: "chooses x" }, params: z.object({ tolerance: z.number() }),
  arbitrary: () => fc.double({ min: -1, max: 1, noNaN: true }),
  check: (p, x) => ({ ok: Math.abs(pPlus(x) - (1 + x) / 2) <= p.tolerance, metrics: { x, pPlus: pPlus(x) } }),
};
const result = runProperty(bornRuleX, { tolerance: 1e-12 }, { runs: 100, seed: 1, scenario: "readme", variant: "default", expected: "holds" });
console.log(result.verdict, result.matches); // holds true
