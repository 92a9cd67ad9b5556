/**
 * The auth properties, in one explicit list.
 * @module
 */
import type { PropertyDefinition } from "../types.js";

/** Every auth property definition. */
export const authProperties: readonly PropertyDefinition[] = [];
