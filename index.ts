/**
 * qkd-harness: a pure-functional density-matrix model and property-testing harness for the
 * centralized quantum multicast key distribution center (QM_KDC) of Wu et al. (2020).
 *
 * This barrel re-exports the public API by name.
 * @module
 */
export * from "./model/random.js";
export type * from "./properties/types.js";
export { runProperty, type RunSettings } from "./properties/engine.js";
export { allProperties, propertyById } from "./properties/registry.js";
