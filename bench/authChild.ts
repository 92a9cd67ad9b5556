/**
 * One build's side of bench/auth.ts, in a process of its own: `node authChild.js DIR [COUNT]` loads DIR's
 * `properties/auth/evaluate.js` (DIR a compiled build, this one's `dist` or an older one) and
 * answers its parent's IPC messages one at a time, so that a build's garbage collection and V8
 * compilation land in its own process and its own CPU time (an A/A pair in one process read
 * 0.89x, auth6's note in issue 12).
 *
 * Messages:
 * - `{ warm: seed, batches }` draws the strategies of every seed in `batches`, then evaluates
 *   those of `seed` under every reading (parity first), untimed for the rates but answered with
 *   the CPU seconds of each reading's share (a process's first evaluations: the "cold" rows) and
 *   a SHA-256 of every result (the parent checks that two builds compute the same);
 * - `{ batch: seed, variant }` evaluates them under one reading and answers `{ cpu, spill, wall }`
 *   (seconds: this process's user + system CPU time, all its threads, since the end of its
 *   previous request's work, of which `spill` before this batch started; and the batch's wall
 *   clock);
 * - `{ honest: reps }` evaluates the honest strategy over all 256 keys (parity, n = 8, one
 *   session) `reps` times, answered as a batch.
 * The strategies are drawn here at the warm-up, by this build's generator (this file's `dist`,
 * the same in every child: a seed gives the same strategies to both builds; COUNT per seed,
 * default {@link STRATEGIES_PER_BATCH}), never inside a timed batch. A request that fails is
 * answered `{ error }` (the parent names the build).
 * @module
 */
import { createHash } from "node:crypto";
import { performance } from "node:perf_hooks";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import * as fc from "fast-check";
import { honestStrategy, type Strategy } from "../model/auth/index.js";
import { arbStrategy } from "../properties/auth/arbitraries.js";
import type { EvaluationParams } from "../properties/auth/evaluate.js";
import { authParams } from "../properties/auth/params.js";

/** A message from the parent: the warm-up (and the seeds of the batches to come, drawn then), a timed batch, or the honest n = 8 sessions. */
export type AuthChildRequest =
  | { readonly warm: number; readonly batches: readonly number[] }
  | { readonly batch: number; readonly variant: AuthReading }
  | { readonly honest: number };

/** Timings of a batch (seconds). */
export interface BatchTimes {
  readonly cpu: number;
  readonly spill: number;
  readonly wall: number;
}

/** A child's answer: ready, a batch's timings, a warm-up done, or why a request failed. */
export type AuthChildReply =
  | { readonly ready: true }
  | BatchTimes
  | { readonly done: true; readonly coldCpu: readonly number[]; readonly digest: string }
  | { readonly error: string };

/** The readings the bench times (n = 4, two sessions). */
export const AUTH_READINGS = ["parity", "basis-encoded"] as const;
export type AuthReading = (typeof AUTH_READINGS)[number];

/** Strategies drawn for each batch (fresh ones every batch). */
export const STRATEGIES_PER_BATCH = 200;

type Evaluate = (params: EvaluationParams, strategy: Strategy) => unknown;

/** The strategies of a seed, as every build is given them. */
function benchStrategies(seed: number, count: number): Strategy[] {
  return fc.sample(arbStrategy(["mitm", "impersonate-member", "impersonate-kdc"], 2, 3), { numRuns: count, seed });
}

/** CPU seconds (user + system, all threads) since `since`. */
function cpuSince(since: NodeJS.CpuUsage): number {
  const c = process.cpuUsage(since);
  return (c.user + c.system) / 1e6;
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
  const params = new Map(AUTH_READINGS.map((v) => [v, authParams.parse({ variant: v, keyBits: 4, sessions: 2 }) as EvaluationParams]));
  const honest = authParams.parse({ variant: "parity", keyBits: 8, sessions: 1 }) as EvaluationParams;
  // every batch's strategies are drawn at the warm-up: drawing 200 takes CPU time that must not
  // land in a timed batch (nor between batches, where it would count as V8's background work)
  const drawn = new Map<number, Strategy[]>();
  // CPU time is counted from the end of the previous request's work, so that what V8's compiler
  // and GC threads did after this process answered (while the other build ran) is counted too
  // (the `spill` of the next answer; the parent gives it back to the request it came from)
  let idleSince = process.cpuUsage();
  /** Run `work` timed as a batch. */
  const timed = (work: () => void): BatchTimes => {
    const spill = cpuSince(idleSince), t0 = performance.now();
    work();
    const wall = (performance.now() - t0) / 1000, cpu = cpuSince(idleSince);
    idleSince = process.cpuUsage();
    return { cpu, spill, wall };
  };
  const answer = (m: AuthChildRequest): AuthChildReply => {
    if ("warm" in m) {
      for (const seed of m.batches) drawn.set(seed, benchStrategies(seed, count));
      const strategies = benchStrategies(m.warm, count), hash = createHash("sha256"), coldCpu: number[] = [];
      for (const p of params.values()) {
        const t = process.cpuUsage();
        const results = strategies.map((s) => evaluate(p, s));
        coldCpu.push(cpuSince(t));
        hash.update(JSON.stringify(results));
      }
      idleSince = process.cpuUsage();
      return { done: true, coldCpu, digest: hash.digest("hex") };
    }
    if ("honest" in m) return timed(() => { for (let k = 0; k < m.honest; k++) evaluate(honest, honestStrategy); });
    const strategies = drawn.get(m.batch), p = params.get(m.variant);
    if (strategies === undefined || p === undefined) throw new RangeError(`batch ${m.batch} (${m.variant}) was not announced at the warm-up`);
    return timed(() => { for (const s of strategies) evaluate(p, s); });
  };
  process.on("message", (m: AuthChildRequest) => {
    try {
      send(answer(m));
    } catch (e) {
      send({ error: e instanceof Error ? e.message : String(e) });
    }
  });
  send({ ready: true });
}

// run only as the forked child (bench/auth.ts imports its types and constants)
if (process.send !== undefined && process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) void serve(process.argv[2] ?? "", Number(process.argv[3] ?? STRATEGIES_PER_BATCH));
