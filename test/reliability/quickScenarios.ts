/**
 * The shipped scenarios `npm test` reruns for byte-identical results (the heavy run,
 * `QKD_DETERMINISM=all`, reruns them all): every protocol, findings, negative controls and
 * holds, searches and shrinking. Three are rerun in-process by test/reliability/determinism.test.ts;
 * three across two processes, with 1 and with 2 worker threads, by test/parallel/workers.test.ts,
 * which checks the same thing and more (a fresh process each time, any worker count).
 */
export const RERUN_IN_PROCESS = [
  "scenarios/auth/negative-controls.yaml",
  "scenarios/bb84/negative-controls.yaml",
  "scenarios/kdc/negative-controls.yaml",
] as const;

export const RERUN_ACROSS_WORKERS = [
  "scenarios/auth/parity-generated.yaml",
  "scenarios/bb84/paper-protocol.yaml",
  "scenarios/kdc/integrity-aes.yaml",
] as const;

/** Few inputs and a small search budget: determinism, not the reach of either, is under test. */
export const RERUN_BUDGET = ["--runs", "3", "--budget", "20"] as const;
