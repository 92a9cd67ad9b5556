import { runProperty } from "../../properties/engine.js";
import type { PropertyDefinition, PropertyResult } from "../../properties/types.js";
import { runs } from "./runs.js";

/** Run a property with raw params; throws when the check itself errored (never a silent pass). */
export function check(def: PropertyDefinition, raw: Record<string, unknown>, n = 25, seed = 7): PropertyResult {
  const r = runProperty(def, def.params.parse(raw), { runs: runs(n), seed, scenario: "test/kdc", variant: JSON.stringify(raw), expected: "holds" });
  if (r.verdict === "error") throw new Error(`${def.id}: ${r.error}`);
  return r;
}
