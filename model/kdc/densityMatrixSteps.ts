/**
 * The KDC's quantum steps from the density-matrix models: BB84 private keys from the sampled
 * run of `model/bb84` (with error correction and privacy amplification) and identity
 * authentication from the exact EPR/CNOT model of `model/auth`.
 *
 * A tapped link carries full random-basis intercept-resend (QBER 1/4, docs/protocol/02-bb84-private-keys.md#ambiguities, paper section 3.2): the
 * strict test P^e < p_o of eq. 4 then aborts except with the binomial tail probability. An
 * untapped link carries only the configured honest noise.
 * @module
 */
import { honestStrategy, runAuth, type AuthVariant } from "../auth/index.js";
import { linkSetup, namedAdversary, NO_ADVERSARY, sampledRun, type LinkSetup, type ProtocolVariant } from "../bb84/index.js";
import { withRng, type Rng } from "../random.js";
import type { AuthenticationOutcome, PrivateKeyOutcome, QuantumChannel, QuantumSteps } from "./quantumSteps.js";

/** Settings of the density-matrix quantum steps. */
export interface DensityMatrixStepsOptions {
  /** BB84 variant: `with-pa` (default) or the paper's `paper`, or a broken one for controls. */
  readonly bb84Variant?: ProtocolVariant;
  /** The honest link (default: ideal single-photon link with 1 % depolarizing noise). */
  readonly link?: LinkSetup;
  /** Pulses per establishment (default 12 000). */
  readonly pulses?: number;
  /** p_o of eq. 4 (default 0.11). */
  readonly threshold?: number;
  /** Sifted bits compared (default 1000). */
  readonly testSize?: number;
  /** Authentication reading (default `parity`) and key length (default 4). */
  readonly authVariant?: AuthVariant;
  readonly authKeyBits?: number;
  /** Basis of Eve's intercept-resend on tapped links (default `random`). */
  readonly eveBasis?: "Z" | "X" | "random";
  /**
   * ε_sec of each private key (default 4e-6): split as Tomamichel et al. (2012) eq. (2) does,
   * ε_PE = ε_sec/4 (counted twice) and ε_PA = ε_sec/2; ε_cor = 2^-64 from the verification tag.
   */
  readonly epsilonSec?: number;
}

/** Smallest private key the KDC uses: an AES-256 key's worth of bits. */
const MIN_KEY_BITS = 256;

/**
 * Build {@link QuantumSteps} from the BB84 and authentication models.
 * @example densityMatrixSteps().establish({ eavesdropped: ["m1"] })("m1", seeded(1)) // aborts: QBER about 1/4
 */
export function densityMatrixSteps(options: DensityMatrixStepsOptions = {}): QuantumSteps {
  const link = options.link ?? linkSetup({ depolarizing: 0.01 });
  const variant = options.bb84Variant ?? "with-pa";
  const settings = {
    pulses: options.pulses ?? 12_000,
    threshold: options.threshold ?? 0.11,
    testSize: options.testSize ?? 1000,
    epsilonPE: (options.epsilonSec ?? 4e-6) / 4,
    epsilonPA: (options.epsilonSec ?? 4e-6) / 2,
  };
  const eve = namedAdversary("intercept-resend", { fraction: 1, basis: options.eveBasis ?? "random", link });
  const acceptance = runAuth({ variant: options.authVariant ?? "parity", keyBits: options.authKeyBits ?? 4, sessions: 1, strategy: honestStrategy }).sessions[0].acceptance;
  return {
    establish: (channel: QuantumChannel) => (party: string, rng: Rng): PrivateKeyOutcome => {
      const adversary = channel.eavesdropped.includes(party) ? eve : NO_ADVERSARY;
      const [run] = sampledRun(link, adversary, variant, settings, rng);
      const qber = run.estimate.qber;
      if (!run.accepted) return { ok: false, reason: `QBER ${qber.toFixed(4)} >= p_o ${settings.threshold} (eq. 4)`, qber };
      if (!run.keysEqual) return { ok: false, reason: "keys differ after error correction (verification failed)", qber };
      // The key is sized by the run's ε ledger (finite-key length of Tomamichel et al. 2012 with Cascade's counted leak).
      if (run.kdcKey.length < MIN_KEY_BITS) {
        const eps = run.ledger ? ` (ε_sec + ε_cor = ${run.ledger.epsilonTotal.toExponential(2)}, ${run.ledger.chargedBits.toFixed(0)} bits charged for disclosure)` : "";
        return { ok: false, reason: `only ${run.kdcKey.length} key bits after privacy amplification${eps}`, qber };
      }
      return { ok: true, key: packBits(run.kdcKey), qber };
    },
    authenticate: (member: string, rng: Rng): AuthenticationOutcome => {
      const [u] = withRng(rng, (r) => r.float());
      return u < acceptance ? { accepted: true } : { accepted: false, detail: `${member}: rejected by the EPR/CNOT check (acceptance ${acceptance})` };
    },
  };
}

function packBits(bits: Uint8Array): Uint8Array {
  const out = new Uint8Array(bits.length >> 3);
  for (let i = 0; i < out.length * 8; i++) out[i >> 3] |= bits[i] << (7 - (i & 7));
  return out;
}
