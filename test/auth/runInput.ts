/**
 * The input of an exact run (`runCompiled`) as the tests of its buffers and bounds build it: every
 * key value of `keyBits` bits equally likely, Eve's registers in |00>, noise 0.05, branches below
 * 1e-15 dropped; `extra` overrides any field (a variant, a limit, a weight floor).
 */
import type { CompiledRunInput } from "../../model/auth/internal/compiledRun.js";
import type { Strategy } from "../../model/auth/strategy.js";
import { variantSpec } from "../../model/auth/variant.js";
import { bitsKet, densityOf } from "../../model/kernel/index.js";

const eve0 = densityOf(bitsKet("00")).matrix.data;

export function runInput(strategy: Strategy, keyBits: number, sessions: number, extra: Partial<CompiledRunInput> = {}): CompiledRunInput {
  return {
    spec: variantSpec("basis-encoded"), strategy, noise: 0.05, keyBits, sessions,
    keys: Array.from({ length: 2 ** keyBits }, (_, k) => k), eve0, weightFloor: 1e-15,
    ...extra,
  };
}
