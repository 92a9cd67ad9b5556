/**
 * `qkd-harness/arbitraries`: fast-check arbitraries for quantum objects — Haar-random
 * unitaries, isometries and kets, density matrices, Kraus channels, POVMs, subsystem dims —
 * and `fc` itself, the fast-check the harness runs on (use it to build your own adversary
 * arbitraries, so that one copy of fast-check generates and checks).
 *
 * @example
 * ```ts
 * import { arbHaarUnitary, fc } from "qkd-harness/arbitraries";
 * const probe = fc.record({ unitary: arbHaarUnitary(4), fraction: fc.double({ min: 0, max: 1, noNaN: true }) });
 * ```
 * @module qkd-harness/arbitraries
 */
export * as fc from "fast-check";
export {
  arbHaarUnitary,
  arbHaarIsometry,
  arbKet,
  arbDensityMatrix,
  arbKrausChannel,
  arbPovm,
  arbDims,
  arbSubsystems,
  arbHermitian,
  type DensityMatrixOptions,
  type KrausChannelOptions,
  type DimsOptions,
  type SubsystemsOptions,
  type HermitianWithSpectrum,
} from "../properties/arbitraries/index.js";
