/**
 * Eve's interaction with one transit photon as an isometry `V : Q -> Q (x) E` (Stinespring form):
 * intercept-resend keeps a classical record in E, a probe is a unitary with ancilla `|0>`, the
 * phase-covariant cloner holds the purification of a Pauli channel.
 * Index of `|q, e>` is `q * dE + e` (Q is subsystem 0, the most significant; kernel convention).
 * @module
 */
import { isUnitary } from "../kernel/index.js";
import type { Adversary } from "./adversary.js";
import { breidbartAmplitudes, preparedAmplitudes, type Bit } from "./bases.js";
import { slab, type Take } from "./internal/blocks.js";

/** `V|0>` and `V|1>`, each a `2 dE` complex vector (interleaved re, im). */
export interface Isometry {
  readonly eveDim: number;
  readonly images: readonly [Float64Array, Float64Array];
}

/** Adversaries that act on one photon at a time. */
export type PhotonAttack = Extract<Adversary, { kind: "none" | "probe" | "cloner" }>;

/**
 * The isometry of a single-photon attack.
 * - none: `V|psi> = |psi>|0>` (dE = 1);
 * - probe U: `V|q> = U|q,0>`;
 * - cloner with disturbance D: `V|psi> = sum_P sqrt(w_P) P|psi> |P>` with
 *   `w = ((1-D)^2, D(1-D), D(1-D), D^2)` for (I, X, Z, XZ): error D in both bases, Eve holding
 *   the purification (Cerf, Bourennane, Karlsson, Gisin, PRL 88 (2002) 127902).
 */
export function eveIsometry(a: PhotonAttack): Isometry {
  // the images of a probe are views into one slab; a caller's arrays own their buffers
  const { eveDim, images } = checkedIsometry(a);
  return { eveDim, images: [images[0].slice(), images[1].slice()] };
}

/**
 * {@link eveIsometry} after its unitarity check, its images views into one slab (for callers that
 * only read them, as `pulseSectors`, which copies what it returns).
 * @internal for `sectors.ts`.
 */
export function checkedIsometry(a: PhotonAttack): Isometry {
  if (a.kind === "probe" && !isUnitary({ rows: 2 * a.ancillaDim, cols: 2 * a.ancillaDim, data: Float64Array.from(a.unitary) }, { atol: 1e-8 })) {
    throw new RangeError("eveIsometry: probe.unitary is not unitary");
  }
  return validatedIsometry(a);
}

/**
 * {@link eveIsometry} of an attack that `validateAdversary` has accepted, without checking the
 * probe's unitarity again (that check, to 1e-9 d, is tighter than this one's 1e-8 d; the second
 * product `U^dagger U` was ~2 % of a bb84.secrecy check). The images are blocks of `take` when
 * given (see `checkedSectors`).
 * @internal for `sectors.ts`.
 */
export function validatedIsometry(a: PhotonAttack, take?: Take): Isometry {
  switch (a.kind) {
    case "none":
      return fromReal(1, [[1, 0], [0, 1]], take);
    case "probe":
      return fromProbe(a.ancillaDim, a.unitary, take);
    case "cloner":
      return cloner(a.disturbance, take);
  }
}

/**
 * Measure in one basis and resend the state found, recording the outcome in E (dE = 2):
 * `V|psi> = sum_k <b_k|psi> |b_k>|k>`. Intercept-resend on a fraction f in a set of bases is a
 * mixture of these and the identity, Eve knowing which one she applied (see `sectors.ts`): a
 * single coherent isometry would leave her record in a superposition of bases, which is not
 * a measurement.
 */
export function measureResendIsometry(basis: "Z" | "X" | "breidbart"): Isometry {
  const images = [0, 1].map((q) => {
    const out = new Float64Array(8);
    for (const k of [0, 1] as Bit[]) {
      const b = basis === "Z" ? preparedAmplitudes(0, k) : basis === "X" ? preparedAmplitudes(1, k) : breidbartAmplitudes(k);
      for (let r = 0; r < 2; r++) out[2 * (r * 2 + k)] += b[q] * b[r];
    }
    return out;
  });
  return { eveDim: 2, images: [images[0], images[1]] };
}

function fromProbe(dE: number, u: readonly number[], blocks: Take | undefined): Isometry {
  const d = 2 * dE;
  const take = blocks ?? slab(4 * d); // one off-heap allocation at most, see internal/blocks.ts
  const images = [0, 1].map((q) => {
    const out = take(2 * d);
    const col = q * dE;
    for (let r = 0; r < d; r++) {
      out[2 * r] = u[2 * (r * d + col)];
      out[2 * r + 1] = u[2 * (r * d + col) + 1];
    }
    return out;
  });
  return { eveDim: dE, images: [images[0], images[1]] };
}

function cloner(D: number, take: Take | undefined): Isometry {
  const w = [(1 - D) * (1 - D), D * (1 - D), D * (1 - D), D * D];
  // Paulis as real 2x2 [row][col]: I, X, Z, XZ
  const paulis = [[[1, 0], [0, 1]], [[0, 1], [1, 0]], [[1, 0], [0, -1]], [[0, -1], [1, 0]]];
  const cols = [0, 1].map((q) => {
    const out = new Array<number>(8).fill(0);
    paulis.forEach((p, e) => {
      for (let r = 0; r < 2; r++) out[r * 4 + e] += Math.sqrt(w[e]) * p[r][q];
    });
    return out;
  });
  return fromReal(4, cols, take);
}

function fromReal(dE: number, cols: readonly (readonly number[])[], take: Take | undefined): Isometry {
  const images = cols.map((c) => {
    const out = take ? take(2 * c.length) : new Float64Array(2 * c.length);
    c.forEach((v, i) => (out[2 * i] = v));
    return out;
  });
  return { eveDim: dE, images: [images[0], images[1]] };
}
