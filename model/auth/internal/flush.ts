/**
 * Workaround for a kernel limitation: `eigvalsh` (implicit QL) does not converge on some
 * matrices carrying subnormal entries (~1e-314) next to exact zeros, which arise as round-off of
 * long gate sequences. Entries below {@link FLUSH_BELOW} are physically meaningless here and are
 * set to zero before spectral computations (model/auth/information.ts, and the round's outcomes).
 * @internal
 */

/** Magnitude under which a matrix entry is treated as zero. */
export const FLUSH_BELOW = 1e-30;
