/**
 * Eve's strategies on the quantum channel as plain data (THREATS.md "Quantum channel"):
 * serialisable to JSON, printable with {@link describeAdversary}, and built from numbers only,
 * so fast-check can generate and shrink them.
 *
 * Eve acts on the transit photon before the fibre noise and loss (the worst place for the
 * KDC), keeps her ancilla, and measures it only after the bases are announced.
 * @module
 */
import { unitarityError } from "../kernel/index.js";

/** The basis of an intercept-resend attack. */
export type InterceptBasis = "Z" | "X" | "random" | "breidbart";

/** The intercept-resend bases, in a fixed order. */
export const INTERCEPT_BASES: readonly InterceptBasis[] = ["Z", "X", "random", "breidbart"];

/** One strategy of Eve on the quantum channel. */
export type Adversary =
  /** No eavesdropper. */
  | { readonly kind: "none" }
  /** Measure a fraction `fraction` of the photons in `basis` and resend the state found. */
  | { readonly kind: "intercept-resend"; readonly fraction: number; readonly basis: InterceptBasis }
  /**
   * Entangling probe: the unitary `U` on (photon qubit (x) ancilla of dimension `ancillaDim`),
   * ancilla prepared in `|0>`; `unitary` is U row-major with interleaved (re, im) entries,
   * size `(2 d)^2 * 2`. `origin` says how it was made (`haar`, `hamiltonian`, ...).
   */
  | { readonly kind: "probe"; readonly ancillaDim: number; readonly unitary: readonly number[]; readonly origin: string }
  /** The optimal phase-covariant (BB84) cloner for disturbance D in [0, 1/2]. */
  | { readonly kind: "cloner"; readonly disturbance: number }
  /**
   * Photon-number splitting: keep one photon of every multi-photon pulse, forward the rest over a
   * lossless channel, block single-photon pulses as far as the expected click rate allows, and
   * attack the forwarded single photons with `singlePhoton`.
   */
  | { readonly kind: "pns"; readonly singlePhoton: Adversary }
  /** Eve replaces the fibre's depolarizing and dephasing noise by her own attack `attack`. */
  | { readonly kind: "hide-in-noise"; readonly attack: Adversary }
  /** Per pulse, Eve picks `parts[i].attack` with probability `parts[i].weight` (weights sum to 1). */
  | { readonly kind: "mixture"; readonly parts: readonly { readonly weight: number; readonly attack: Adversary }[] };

/** The kinds of {@link Adversary}. */
export type AdversaryKind = Adversary["kind"];

/** No eavesdropper. */
export const NO_ADVERSARY: Adversary = { kind: "none" };

/**
 * Check an adversary's data; returns it unchanged.
 * @throws RangeError naming the path and the problem, e.g. `adversary.fraction must be in [0, 1], got 2`.
 */
export function validateAdversary(a: Adversary, path = "adversary"): Adversary {
  switch (a.kind) {
    case "none":
      return a;
    case "intercept-resend":
      checkUnit(a.fraction, `${path}.fraction`);
      if (!INTERCEPT_BASES.includes(a.basis)) throw new RangeError(`${path}.basis must be one of ${INTERCEPT_BASES.join(", ")}, got ${JSON.stringify(a.basis)}`);
      return a;
    case "probe": {
      if (!(Number.isInteger(a.ancillaDim) && a.ancillaDim >= 1 && a.ancillaDim <= 8)) {
        throw new RangeError(`${path}.ancillaDim must be an integer in [1, 8], got ${a.ancillaDim}`);
      }
      const d = 2 * a.ancillaDim;
      if (a.unitary.length !== 2 * d * d) throw new RangeError(`${path}.unitary must have ${2 * d * d} numbers for a ${d}x${d} complex matrix, got ${a.unitary.length}`);
      if (a.unitary.some((v) => !Number.isFinite(v))) throw new RangeError(`${path}.unitary entries must be finite`);
      const err = unitarityError({ rows: d, cols: d, data: scratchCopy(a.unitary) });
      if (!(err <= 1e-9 * d)) throw new RangeError(`${path}.unitary is not unitary (max |U^dagger U - I| = ${err.toExponential(2)})`);
      return a;
    }
    case "cloner":
      if (!(a.disturbance >= 0 && a.disturbance <= 0.5)) throw new RangeError(`${path}.disturbance must be in [0, 0.5], got ${a.disturbance}`);
      return a;
    case "pns":
      validateAdversary(a.singlePhoton, `${path}.singlePhoton`);
      return a;
    case "hide-in-noise":
      validateAdversary(a.attack, `${path}.attack`);
      return a;
    case "mixture": {
      if (a.parts.length === 0) throw new RangeError(`${path}.parts must not be empty`);
      let total = 0;
      a.parts.forEach((p, i) => {
        checkUnit(p.weight, `${path}.parts[${i}].weight`);
        validateAdversary(p.attack, `${path}.parts[${i}].attack`);
        total += p.weight;
      });
      if (Math.abs(total - 1) > 1e-9) throw new RangeError(`${path}.parts weights must sum to 1, got ${total}`);
      return a;
    }
    default:
      throw new RangeError(`${path}.kind must be one of none, intercept-resend, probe, cloner, pns, hide-in-noise, mixture, got ${JSON.stringify((a as { kind: unknown }).kind)}`);
  }
}

/**
 * One line describing an adversary, for reports and traces.
 * @example describeAdversary({ kind: "intercept-resend", fraction: 0.5, basis: "random" }) // "intercept-resend 50% in random basis"
 */
export function describeAdversary(a: Adversary): string {
  switch (a.kind) {
    case "none":
      return "no eavesdropper";
    case "intercept-resend":
      return `intercept-resend ${round(100 * a.fraction)}% in ${a.basis} basis`;
    case "probe":
      return `entangling probe (${a.origin}) with ancilla dimension ${a.ancillaDim}`;
    case "cloner":
      return `phase-covariant cloner with disturbance ${round(a.disturbance)}`;
    case "pns":
      return `photon-number splitting; single photons: ${describeAdversary(a.singlePhoton)}`;
    case "hide-in-noise":
      return `hidden in the fibre noise: ${describeAdversary(a.attack)}`;
    case "mixture":
      return `mixture of ${a.parts.map((p) => `${round(100 * p.weight)}% ${describeAdversary(p.attack)}`).join(" + ")}`;
  }
}

/** Doubles for the largest probe unitary (ancillaDim 8: 16 x 16 complex). */
const SCRATCH = new Float64Array(2 * 16 * 16);

/**
 * `values` in a view of a module-level scratch array, for a check that reads it and keeps
 * nothing: a fresh Float64Array of more than 8 doubles is an off-heap allocation in V8, ~1 us
 * (see `slab` in internal/blocks.ts), for every generated probe a bb84 check validates.
 */
function scratchCopy(values: readonly number[]): Float64Array {
  const out = SCRATCH.subarray(0, values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i];
  return out;
}

function checkUnit(v: number, name: string): void {
  if (!(v >= 0 && v <= 1)) throw new RangeError(`${name} must be in [0, 1], got ${v}`);
}

function round(v: number): number {
  return Math.round(v * 1e4) / 1e4;
}
