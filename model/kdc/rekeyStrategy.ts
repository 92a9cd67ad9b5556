/**
 * What a rekey strategy is: how the KDC distributes a group key at initialization and replaces it
 * on every join and leave. Implementations: {@link flatRekey} (the paper's eqs. 6-7 repeated) and
 * {@link lkhRekey} (logical key hierarchy).
 * @module
 */
import type { Rng } from "../random.js";
import type { KdcGroup, Rekeyed } from "./kdcGroup.js";

/** The shipped strategies. */
export type RekeyStrategyName = "flat" | "lkh";

/** A rekey strategy. Each function is pure: the group and rng in, a new group and messages out. */
export interface RekeyStrategy {
  readonly name: string;
  /** First distribution to `members` (whose private keys are already in the group). */
  init(group: KdcGroup, members: readonly string[], rng: Rng): Rekeyed;
  /** Admit `member` (its private key already in the group) and rekey. */
  join(group: KdcGroup, member: string, rng: Rng): Rekeyed;
  /** Remove `member` and rekey. */
  leave(group: KdcGroup, member: string, rng: Rng): Rekeyed;
}
