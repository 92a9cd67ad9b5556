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

/*
 * Sizes of generated inputs that a scenario's parameters set. Each bound below was measured
 * 2026-11-28 with `verify` on a one-property scenario, one run, `--workers 1`, machine quiet
 * (load 1-3): the time of that run and the process's peak resident memory. Before these bounds a
 * scenario could ask for any size: `groups: 10^8` or `universe: 10^8` died of a fatal
 * out-of-memory error with a native stack trace, and `maxKeyBits: 10^9`, `samples: 10^9` or
 * `maxPulses: 10^11` ran past a minute for one run without an end in sight.
 */

/** Most bits of the sifted keys `bb84.error-correction` reconciles (`minKeyBits`, `maxKeyBits`): 10^6 bits took 0.40 s (181 MB). */
export const MAX_RECONCILED_KEY_BITS = 1_000_000;

/** Most samples of `bb84.toeplitz-universal` (`samples`): 10^6 took 1.1 s (3.9 s at 16 output bits; 133 MB). */
export const MAX_HASH_SAMPLES = 1_000_000;

/** Most pulses of a `bb84.finite-key-ledger` run (`minPulses`, `maxPulses`): 10^6 took 1.1 s (150 MB), 10^7 36 s (780 MB). */
export const MAX_FINITE_KEY_PULSES = 10_000_000;

/**
 * Most members (`universe`, `maxInitial`) and membership events (`maxEvents`) of a KDC session
 * history: 256 of each took 1.1 s (flat rekey) and 1.9 s (LKH) for forward secrecy, 2.2 s for
 * backward secrecy with LKH; 1,000 of each took 71 s (flat) and 144 s (LKH).
 */
export const MAX_KDC_MEMBERS = 256;

/** Most groups of `kdc.relay-confidentiality` (`groups`): 256 took 0.09 s, 1,000 0.8 s. */
export const MAX_KDC_GROUPS = 256;
