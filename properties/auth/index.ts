/**
 * The auth properties, in one explicit list.
 * @module
 */
import type { PropertyDefinition } from "../types.js";
import { accumulation } from "./accumulation.js";
import { completeness } from "./completeness.js";
import { impersonation } from "./impersonation.js";
import { passiveSecrecy } from "./passiveSecrecy.js";
import { updateAgreement } from "./updateAgreement.js";
import { updateSecrecy } from "./updateSecrecy.js";

export { accumulation, completeness, impersonation, passiveSecrecy, updateAgreement, updateSecrecy };

/** Every auth property definition. */
export const authProperties: readonly PropertyDefinition[] = [
  completeness,
  impersonation,
  passiveSecrecy,
  updateSecrecy,
  updateAgreement,
  accumulation,
];
