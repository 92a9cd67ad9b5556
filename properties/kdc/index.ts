/**
 * The kdc properties, in one explicit list.
 * @module
 */
import type { PropertyDefinition } from "../types.js";

/** Every kdc property definition. */
export const kdcProperties: readonly PropertyDefinition[] = [];
