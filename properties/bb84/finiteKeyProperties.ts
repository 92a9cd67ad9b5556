/**
 * The finite-key properties of bb84 (issue 13), in one list: the ε ledger of every private key.
 * @module
 */
import type { PropertyDefinition } from "../types.js";
import { finiteKeyLedgerProperty } from "./finiteKey.js";

/** Every finite-key property of bb84. */
export const finiteKeyProperties: readonly PropertyDefinition[] = [finiteKeyLedgerProperty];
