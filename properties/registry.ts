/**
 * Every property qkd-harness knows, by id. One explicit list per protocol; a new protocol
 * adds one import here and nothing else.
 * @module
 */
import type { PropertyDefinition } from "./types.js";
import { bb84Properties } from "./bb84/index.js";
import { authProperties } from "./auth/index.js";
import { kdcProperties } from "./kdc/index.js";

/** All shipped property definitions. */
export const allProperties: readonly PropertyDefinition[] = [...bb84Properties, ...authProperties, ...kdcProperties];

/** Look a property up by id; throws naming the unknown id and the known ones. */
export function propertyById(id: string, extra: readonly PropertyDefinition[] = []): PropertyDefinition {
  const found = [...allProperties, ...extra].find((p) => p.id === id);
  if (!found) {
    throw new Error(`unknown property "${id}"; known: ${[...allProperties, ...extra].map((p) => p.id).join(", ")}`);
  }
  return found;
}
