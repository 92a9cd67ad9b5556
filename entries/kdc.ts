/**
 * `qkd-harness/kdc`: the shipped multicast key-distribution center (docs/protocol/01-initialization.md to 04-messaging.md) —
 * group keys, ciphers, messaging, relay, flat and LKH rekeying, the end-to-end run — the
 * generated membership histories, and the shipped KDC property definitions.
 *
 * @example
 * ```ts
 * import { keyPool, takeKey } from "qkd-harness/kdc";
 * const [key, rest] = takeKey(keyPool(new Uint8Array(64)), 32);
 * ```
 * @module qkd-harness/kdc
 */
// model/kdc/index.ts is itself an explicit by-name barrel
export * from "../model/kdc/index.js";
export { membershipHistoryArbitrary, type HistoryShape } from "../properties/kdc/histories.js";
export { kdcProperties, endToEndAbortProperty } from "../properties/kdc/index.js";
