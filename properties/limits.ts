/**
 * The bounds on untrusted input, each stated once and used wherever the value can come from
 * (a flag, a scenario file, a shard's results.json), so that no path accepts what another
 * refuses. Every bound is far above what a shipped scenario uses and far below what would
 * exhaust memory or run for hours.
 * @module
 */

/** Most generated inputs per property (`--runs`, `settings.runs`, a result's `runs`). */
export const MAX_RUNS = 10_000_000;

/** Most shards of one split run (`--shard i/n`, a shard's `run.shard`). */
export const MAX_SHARDS = 1000;

/** Deepest nesting of arrays and objects in a data file (scenario, strategy, results.json). */
export const MAX_NESTING = 64;

/**
 * Most alias expansions the YAML reader performs (its `maxAliasCount`: uses of an anchor times
 * the anchor's size). A file reusing one small anchor a few hundred times is fine; an alias
 * bomb (anchors of anchors) exceeds it at once.
 */
export const MAX_YAML_ALIAS_EXPANSION = 10_000;

/** Longest parameter expression (`"pi/8"`, `"2^-20"`), in characters. */
export const MAX_EXPRESSION_LENGTH = 200;

/** Largest magnitude an expression may produce (beyond it, results are reported as out of range). */
export const MAX_EXPRESSION_MAGNITUDE = 1e300;

/**
 * Most measurements in one round of an authentication strategy, generated or read from a file
 * (the generator's own budget). Each measurement can double the branches the exact evaluation
 * follows in every round of every session; measured with `analyze auth --key-bits 8` and
 * measurements in alternating bases: 8 per round take 49 s for one session, 3 per round 21 s
 * and 4 per round 92 s for six sessions (the most a scenario may ask for).
 */
export const MAX_MEASUREMENTS_PER_ROUND = 2;
