/**
 * The finite-key properties of bb84 (issue 13), in one list: the ε ledger of every private key,
 * the exact check of privacy amplification on small blocks, and the decoy bound against an adversary.
 * @module
 */
import type { PropertyDefinition } from "../types.js";
import { finiteKeyLedgerProperty } from "./finiteKey.js";
import { paExactProperty } from "./paExact.js";
import { decoyAdversaryProperty } from "./decoyAdversary.js";

/** Every finite-key property of bb84. */
export const finiteKeyProperties: readonly PropertyDefinition[] = [finiteKeyLedgerProperty, paExactProperty, decoyAdversaryProperty];
