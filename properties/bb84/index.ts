/**
 * The bb84 properties, in one explicit list.
 * @module
 */
import type { PropertyDefinition } from "../types.js";

/** Every bb84 property definition. */
export const bb84Properties: readonly PropertyDefinition[] = [];
