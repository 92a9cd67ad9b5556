/**
 * The CLI's exit codes, the contract a CI gate relies on.
 * @module
 */

/** Every verdict matched its expectation. */
export const EXIT_OK = 0;
/** A verdict differed from its expectation, or a check errored. */
export const EXIT_MISMATCH = 1;
/** Bad input or usage: nothing was run and nothing was written. */
export const EXIT_USAGE = 2;
