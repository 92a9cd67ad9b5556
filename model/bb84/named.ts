/**
 * Adversaries by name, for scenarios and the CLI (`--adversary intercept-resend --fraction 1
 * --basis random`). Every name builds plain {@link Adversary} data.
 * @module
 */
import { INTERCEPT_BASES, validateAdversary, type Adversary, type InterceptBasis } from "./adversary.js";
import { pulseStatistics } from "./exact.js";
import { haarUnitaryFromUniforms, probe } from "./probes.js";
import type { LinkSetup } from "./setup.js";
import { IDEAL_LINK } from "./setup.js";

/** Options of the named adversaries; each name reads the ones it needs. */
export interface NamedAdversaryOptions {
  /** Intercepted fraction f in [0, 1] (`intercept-resend`; default 1). */
  readonly fraction?: number;
  /** Intercept basis (`intercept-resend`; default `random`). */
  readonly basis?: string;
  /** Disturbance D in [0, 1/2] (`cloner`; default 0.11). */
  readonly disturbance?: number;
  /** The link, needed by `hide-in-noise` to match the fibre's QBER. */
  readonly link?: LinkSetup;
  /** 2 d^2 uniforms in [0, 1) for `haar-probe` (d = 2 x ancillaDim). */
  readonly uniforms?: readonly number[];
  /** Ancilla dimension 2..4 for `haar-probe` (default 2). */
  readonly ancillaDim?: number;
}

/** The names {@link namedAdversary} knows. */
export const NAMED_ADVERSARIES = ["none", "intercept-resend", "cloner", "pns", "pns-cloner", "hide-in-noise", "haar-probe"] as const;

/**
 * An adversary by name.
 * - `none`; `intercept-resend` (fraction, basis); `cloner` (disturbance);
 * - `pns`: photon-number splitting, single photons untouched; `pns-cloner`: PNS plus the cloner
 *   (disturbance) on the forwarded single photons;
 * - `hide-in-noise`: the cloner with D equal to the fibre's QBER, replacing the fibre noise;
 * - `haar-probe`: the Haar-random probe made from `uniforms`.
 * @throws RangeError naming the option and the problem.
 * @example namedAdversary("intercept-resend", { fraction: 0.4, basis: "Z" })
 */
export function namedAdversary(name: string, options: NamedAdversaryOptions = {}): Adversary {
  switch (name) {
    case "none":
      return { kind: "none" };
    case "intercept-resend": {
      const basis = options.basis ?? "random";
      if (!(INTERCEPT_BASES as readonly string[]).includes(basis)) throw new RangeError(`basis must be one of ${INTERCEPT_BASES.join(", ")}, got ${JSON.stringify(basis)}`);
      return validateAdversary({ kind: "intercept-resend", fraction: options.fraction ?? 1, basis: basis as InterceptBasis });
    }
    case "cloner":
      return validateAdversary({ kind: "cloner", disturbance: options.disturbance ?? 0.11 });
    case "pns":
      return { kind: "pns", singlePhoton: { kind: "none" } };
    case "pns-cloner":
      return validateAdversary({ kind: "pns", singlePhoton: { kind: "cloner", disturbance: options.disturbance ?? 0.05 } });
    case "hide-in-noise": {
      const link = options.link ?? IDEAL_LINK;
      const s = pulseStatistics({ ...link, misalignment: 0, darkCountProbability: 0 }, { kind: "none" });
      const d = Math.min(0.5, Math.max(s.qberByBasis[0], s.qberByBasis[1]));
      return { kind: "hide-in-noise", attack: { kind: "cloner", disturbance: d } };
    }
    case "haar-probe": {
      const dE = options.ancillaDim ?? 2;
      if (!(Number.isInteger(dE) && dE >= 2 && dE <= 4)) throw new RangeError(`ancillaDim must be 2, 3 or 4, got ${dE}`);
      const d = 2 * dE;
      const u = options.uniforms ?? Array.from({ length: 2 * d * d }, (_, i) => ((i * 0.6180339887498949) % 1));
      return probe(dE, haarUnitaryFromUniforms(u, d), "haar");
    }
    default:
      throw new RangeError(`adversary must be one of ${NAMED_ADVERSARIES.join(", ")}, got ${JSON.stringify(name)}`);
  }
}
