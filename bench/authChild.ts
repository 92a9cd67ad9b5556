/**
 * One build's side of bench/auth.ts, in a process of its own: `node authChild.js DIR [COUNT]` loads DIR's
 * `properties/auth/evaluate.js` (DIR a compiled build, this one's `dist` or an older one) and
 * answers its parent's IPC messages one at a time, so that a build's garbage collection and V8
 * compilation land in its own process and its own CPU time (an A/A pair in one process read
 * 0.89x, auth6's note in issue 12).
 *
 * Messages: `{ warm: seed, batches }` draws the strategies of every seed in `batches` and
 * evaluates those of `seed` under every reading, untimed;
 * `{ batch: seed, variant }` evaluates them under one reading and answers `{ cpu, spill, wall }`
 * (seconds: this process's user + system CPU time, all its threads, since the end of its previous
 * request's work, of which `spill` before this batch started; and the batch's wall clock). The
 * strategies are drawn here at the warm-up, by this build's generator (this file's `dist`, the
 * same in every child: a seed gives the same strategies to both builds; COUNT per seed, default
 * {@link STRATEGIES_PER_BATCH}), never inside a timed batch.
 * @module
 */
import { performance } from "node:perf_hooks";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as fc from "fast-check";
import type { Strategy } from "../model/auth/index.js";
import { arbStrategy } from "../properties/auth/arbitraries.js";
import type { EvaluationParams } from "../properties/auth/evaluate.js";
import { authParams } from "../properties/auth/params.js";

/** A message from the parent: the warm-up (and the seeds of the batches to come, drawn then), or a timed batch. */
export type AuthChildRequest = { readonly warm: number; readonly batches: readonly number[] } | { readonly batch: number; readonly variant: AuthReading };

/** A child's answer: ready, a batch's timings, a warm-up done, or why it could not load its build. */
export type AuthChildReply = { readonly ready: true } | { readonly cpu: number; readonly spill: number; readonly wall: number } | { readonly done: true } | { readonly error: string };

/** The readings the bench times (n = 4, two sessions). */
export const AUTH_READINGS = ["parity", "basis-encoded"] as const;
export type AuthReading = (typeof AUTH_READINGS)[number];

/** Strategies drawn for each batch (fresh ones every batch). */
export const STRATEGIES_PER_BATCH = 200;

type Evaluate = (params: EvaluationParams, strategy: Strategy) => unknown;

/** The strategies of a seed, as every build is given them. */
export function benchStrategies(seed: number, count = STRATEGIES_PER_BATCH): Strategy[] {
  return fc.sample(arbStrategy(["mitm", "impersonate-member", "impersonate-kdc"], 2, 3), { numRuns: count, seed });
}

/** The parameters of a reading. */
export function benchParams(variant: AuthReading): EvaluationParams {
  return authParams.parse({ variant, keyBits: 4, sessions: 2 });
}

async function serve(dir: string, count: number): Promise<void> {
  const send = (reply: AuthChildReply): void => void process.send?.(reply);
  const file = resolve(dir, "properties/auth/evaluate.js");
  let evaluate: Evaluate;
  try {
    const mod = (await import(pathToFileURL(file).href)) as { evaluateStrategy?: Evaluate };
    if (typeof mod.evaluateStrategy !== "function") throw new Error("it has no evaluateStrategy");
    evaluate = mod.evaluateStrategy;
  } catch (e) {
    send({ error: `cannot load ${file} (${(e as Error).message.split("\n")[0]})` });
    process.disconnect?.();
    return;
  }
  const params = new Map(AUTH_READINGS.map((v) => [v, benchParams(v)]));
  // every batch's strategies are drawn at the warm-up: drawing 200 takes CPU time that must not
  // land in a timed batch (nor between batches, where it would count as V8's background work)
  const drawn = new Map<number, Strategy[]>();
  // CPU time is counted from the end of the previous request's work, so that what V8's compiler
  // and GC threads did after this process answered (while the other build ran) is counted too,
  // in the next batch (the `spill` of the answer)
  let idleSince = process.cpuUsage();
  process.on("message", (m: AuthChildRequest) => {
    if ("warm" in m) {
      for (const seed of m.batches) drawn.set(seed, benchStrategies(seed, count));
      const strategies = benchStrategies(m.warm, count);
      for (const p of params.values()) for (const s of strategies) evaluate(p, s);
      idleSince = process.cpuUsage();
      send({ done: true });
      return;
    }
    const strategies = drawn.get(m.batch), p = params.get(m.variant)!;
    if (strategies === undefined) throw new RangeError(`authChild: batch ${m.batch} was not announced at the warm-up`);
    const spill = process.cpuUsage(idleSince), t0 = performance.now();
    for (const s of strategies) evaluate(p, s);
    const wall = (performance.now() - t0) / 1000, c = process.cpuUsage(idleSince);
    idleSince = process.cpuUsage();
    send({ cpu: (c.user + c.system) / 1e6, spill: (spill.user + spill.system) / 1e6, wall });
  });
  send({ ready: true });
}

// run only as the forked child (bench/auth.ts imports the helpers above)
if (process.send !== undefined && process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) void serve(process.argv[2] ?? "", Number(process.argv[3] ?? STRATEGIES_PER_BATCH));
