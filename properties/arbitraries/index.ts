/**
 * fast-check arbitraries of quantum objects, for property tests across the code base:
 * Haar unitaries and isometries, pure and mixed states, CPTP channels, POVMs, Hermitian
 * matrices with known spectra, subsystem dims and target lists. All are deterministic given
 * fast-check's seed and built only from fast-check primitives.
 * @module
 */
export { arbHaarUnitary, arbHaarIsometry } from "./arbHaarUnitary.js";
export { arbKet } from "./arbKet.js";
export { arbDensityMatrix, type DensityMatrixOptions } from "./arbDensityMatrix.js";
export { arbKrausChannel, type KrausChannelOptions } from "./arbKrausChannel.js";
export { arbPovm } from "./arbPovm.js";
export { arbDims, type DimsOptions } from "./arbDims.js";
export { arbSubsystems, type SubsystemsOptions } from "./arbSubsystems.js";
export { arbHermitian, type HermitianWithSpectrum } from "./arbHermitian.js";
