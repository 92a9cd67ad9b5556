/**
 * Sampled mode, end to end: one seeded finite run of the private-key step (docs/protocol/02-bb84-private-keys.md,
 * eqs. 3-5) producing real bit strings: pulses, sifting, a random test subset, the decision of
 * eq. 4, and (variant `with-pa`) Cascade error correction with its leak counted and Toeplitz
 * privacy amplification, both from `model/bb84/postprocessing`. Same seed, same bytes.
 * @module
 */
import type { Rng } from "../../random.js";
import { split } from "../../random.js";
import { NO_ADVERSARY, type Adversary } from "../adversary.js";
import { pulseStatistics } from "../exact.js";
import { outcomeTable } from "../outcomeTable.js";
import { finiteKeyLedger, privacyAmplify, reconcile, type EpsilonLedger } from "../postprocessing/index.js";
import type { LinkSetup } from "../setup.js";
import { hasPrivacyAmplification, switchesBases, testedBits, type ProtocolVariant } from "../variant.js";
import { estimate, type Estimate } from "./estimate.js";
import { samplePulses } from "./pulses.js";
import { sift } from "./sift.js";

/** Settings of a sampled run. */
export interface SampledRunSettings {
  /** N, pulses sent. */
  readonly pulses: number;
  /** p_o of eq. 4. */
  readonly threshold: number;
  /** n, sifted bits published for estimation. */
  readonly testSize: number;
  /** ε_PE: the smoothing parameter of the phase-error sampling bound (`with-pa`; ε of Tomamichel et al. S3). */
  readonly epsilonPE: number;
  /** ε_PA: the leftover-hash parameter (`with-pa`; ε̃ of S3). ε_sec = 2 ε_PE + ε_PA. */
  readonly epsilonPA: number;
}

/** Defaults: 10^5 pulses, p_o = 0.11, n = 1000, eps_PE = eps_PA = 1e-10. */
export const DEFAULT_SAMPLED_RUN: SampledRunSettings = { pulses: 100_000, threshold: 0.11, testSize: 1000, epsilonPE: 1e-10, epsilonPA: 1e-10 };

/** The outcome of a sampled run. */
export interface SampledRun {
  readonly variant: ProtocolVariant;
  readonly pulses: number;
  readonly siftedBits: number;
  readonly estimate: Omit<Estimate, "key">;
  /** eq. 4 accepted (otherwise the run aborted and there is no key). */
  readonly accepted: boolean;
  /** Key bits after estimation (eq. 5 for `paper`). */
  readonly rawKeyBits: number;
  /** Errors between the KDC's and the receiver's raw keys. */
  readonly rawKeyErrors: number;
  /** Fraction of raw key bits Eve's guesses match. */
  readonly eveAgreement: number;
  /** Bits leaked by error correction (Cascade parities + verification tag), 0 without EC. */
  readonly ecLeak: number;
  /** Upper bound on the phase error rate used to size privacy amplification (`with-pa`). */
  readonly phaseErrorUpper: number | null;
  /** The ε ledger of the final key (`with-pa`, `z-only`; null when aborted or without PA). */
  readonly ledger: EpsilonLedger | null;
  /** The final private keys P_k(m_i) of the KDC and of the receiver (empty when aborted). */
  readonly kdcKey: Uint8Array;
  readonly receiverKey: Uint8Array;
  /** Whether the two final keys are equal. */
  readonly keysEqual: boolean;
}

/**
 * Run the private-key step on N sampled pulses.
 * - `paper`: the raw key after estimation is the private key (eq. 5); no EC, no PA;
 * - `with-pa`: Cascade + verification (`reconcile`), then the finite-key length of Tomamichel et al. (2012)
 *   eq. (S3) with the run's own disclosure ({@link finiteKeyLedger}): the key bits of each basis have their
 *   phase errors bounded by the other basis's test errors, Cascade's counted parities and the tag are charged;
 * - `z-only`: bases always Z; `truncated-test`: only ceil(n/8) of the published bits compared;
 * - `predictable-test`: the first n sifted bits are published and Eve leaves the pulses before them alone.
 * @throws RangeError when fewer than n bits survive sifting.
 */
export function sampledRun(link: LinkSetup, adversary: Adversary, variant: ProtocolVariant, settings: SampledRunSettings, rng: Rng): [SampledRun, Rng] {
  const table = outcomeTable(link, adversary);
  const [r1, rest] = split(rng);
  const honest = variant === "predictable-test" ? honestPrefix(link, settings.testSize) : undefined;
  const [records, r2] = samplePulses(table, settings.pulses, switchesBases(variant) ? "random" : "z-only", r1, honest);
  const sifted = sift(records);
  const positions = variant === "predictable-test" ? "prefix" : "random";
  const [est, r3] = estimate(sifted, settings.testSize, settings.threshold, { positions, compared: testedBits(variant, settings.testSize) }, r2);
  const { key, ...published } = est;
  let rawKeyErrors = 0, eveHits = 0;
  for (let i = 0; i < key.length; i++) {
    rawKeyErrors += key.kdc[i] ^ key.receiver[i];
    eveHits += key.eve[i] === key.kdc[i] ? 1 : 0;
  }
  const base = {
    variant,
    pulses: settings.pulses,
    siftedBits: sifted.length,
    estimate: published,
    accepted: est.accepted,
    rawKeyBits: key.length,
    rawKeyErrors,
    eveAgreement: key.length > 0 ? eveHits / key.length : 0,
  };
  if (!est.accepted) {
    return [{ ...base, ecLeak: 0, phaseErrorUpper: null, ledger: null, kdcKey: new Uint8Array(0), receiverKey: new Uint8Array(0), keysEqual: true }, rest];
  }
  if (!hasPrivacyAmplification(variant)) {
    return [{ ...base, ecLeak: 0, phaseErrorUpper: null, ledger: null, kdcKey: key.kdc, receiverKey: key.receiver, keysEqual: rawKeyErrors === 0 }, rest];
  }
  const ec = reconcile(key.kdc, key.receiver, { qber: Math.min(0.49, Math.max(est.qber, 1e-4)), rng: r3 });
  const ledger = finiteKeyLedger({
    keyBitsByBasis: keyBitsByBasis(key.bases),
    testBitsByBasis: est.comparedByBasis,
    testErrorsByBasis: est.errorsByBasis,
    cascadeLeakBits: ec.cascadeLeakedBits,
    tagBits: ec.verificationLeakedBits,
    epsilonPE: settings.epsilonPE,
    epsilonPA: settings.epsilonPA,
    phaseEstimate: switchesBases(variant) ? "conjugate-basis" : "same-basis",
  });
  const length = ledger.length;
  const kdcKey = privacyAmplify(key.kdc, length, ec.rng);
  const receiverKey = privacyAmplify(ec.bobKey, length, ec.rng);
  let equal = ec.accepted;
  for (let i = 0; equal && i < length; i++) equal = kdcKey.key[i] === receiverKey.key[i];
  return [{ ...base, ecLeak: ec.leakedBits, phaseErrorUpper: ledger.phaseErrorUpper, ledger, kdcKey: kdcKey.key, receiverKey: ec.accepted ? receiverKey.key : new Uint8Array(0), keysEqual: equal }, rest];
}

/** Key bits per basis (Z, X). */
function keyBitsByBasis(bases: Uint8Array): [number, number] {
  let x = 0;
  for (let i = 0; i < bases.length; i++) x += bases[i];
  return [bases.length - x, x];
}

/** Pulses Eve leaves alone in `predictable-test`: enough for n sifted bits with a wide margin. */
function honestPrefix(link: LinkSetup, n: number): { table: Float64Array; prefix: number } {
  const stats = pulseStatistics(link, NO_ADVERSARY);
  const sifted = (stats.clickByBasis[0] + stats.clickByBasis[1]) / 4;
  return { table: outcomeTable(link, NO_ADVERSARY), prefix: Math.ceil((2 * n) / Math.max(sifted, 1e-12)) + 100 };
}
