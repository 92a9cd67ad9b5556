/**
 * The shipped scenarios `npm test` reruns for byte-identical results (the heavy run,
 * `QKD_DETERMINISM=all`, reruns them all): every protocol, findings, negative controls and
 * holds, searches and shrinking. test/reliability/determinism.test.ts reruns all six in one
 * process (which also exercises state kept across runs, such as the auth model's reused buffers);
 * test/parallel/workers.test.ts runs the first three with 2 workers (the compiled CLI, in a child
 * process) and with 1 (in its own process, from the TypeScript sources), and compares the documents.
 */
export const QUICK_RERUNS = [
  "scenarios/auth/parity-generated.yaml",
  "scenarios/bb84/paper-protocol.yaml",
  "scenarios/kdc/integrity-aes.yaml",
  "scenarios/auth/negative-controls.yaml",
  "scenarios/bb84/negative-controls.yaml",
  "scenarios/kdc/negative-controls.yaml",
] as const;

/** The three of {@link QUICK_RERUNS} that the workers test runs: one per protocol. */
export const ACROSS_WORKERS = QUICK_RERUNS.slice(0, 3);

/** Few inputs and a small search budget: determinism, not the reach of either, is under test. */
export const RERUN_BUDGET = ["--runs", "3", "--budget", "20"] as const;
