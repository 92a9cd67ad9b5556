/**
 * `kdc.end-to-end-quantum`: the end-to-end abort property with the real quantum steps — BB84
 * private keys from the sampled density-matrix run (error correction and privacy amplification
 * included) and the exact EPR/CNOT authentication — instead of classical stand-ins.
 * Negative control `z-only-bb84`: BB84 without basis switching, so Eve's Z-basis intercept-resend
 * causes no errors, passes eq. 4 and error correction, and her copy of the key becomes a private key.
 * (Raising p_o alone is no control here: error-correction verification and privacy amplification
 * still reject a fully intercepted run.)
 * @module
 */
import { densityMatrixSteps } from "../../model/kdc/densityMatrixSteps.js";
import { endToEndAbortProperty } from "./endToEndAbort.js";

const withCheck = densityMatrixSteps();
const zOnly = densityMatrixSteps({ bb84Variant: "z-only", eveBasis: "Z" });

/** End to end over the density-matrix BB84 and authentication models. */
export const endToEndQuantum = endToEndAbortProperty(
  (variant) => (variant === "z-only-bb84" ? zOnly : withCheck),
  "kdc.end-to-end-quantum",
  "sampled density-matrix BB84 with Cascade and Toeplitz privacy amplification, exact EPR/CNOT authentication",
);
