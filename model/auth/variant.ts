/**
 * The readings of the authentication step (docs/protocol/05-authentication.md#ambiguities, Ambiguity B) and the negative-control
 * variants, each as a small record of what the member and the KDC do.
 * @module
 */

/** The two readings of eq. 9 the paper allows (Ambiguity B). */
export type PaperVariant = "parity" | "basis-encoded";

/**
 * Negative controls: deliberately broken protocols that a property must reject.
 * - `no-check`: the KDC accepts without measuring f (impersonation control);
 * - `plain-f`: f = |K_{2i-1} XOR K_{2i}> sent without the member's CNOT and read without the
 *   KDC's CNOT (passive-secrecy control: f carries the parity in the clear);
 * - `kdc-no-cnot`: the KDC omits its CNOT of eq. 11 (completeness control);
 * - `announced-update`: the KDC announces K'_{2i-1} on the public channel (update-secrecy control);
 * - `member-x-update`: the member measures m in the X basis for eq. 12 (agreement control).
 */
export type ControlVariant = "no-check" | "plain-f" | "kdc-no-cnot" | "announced-update" | "member-x-update";

/** Every modelled variant. */
export type AuthVariant = PaperVariant | ControlVariant;

/** The paper's readings, in order. */
export const paperVariants: readonly PaperVariant[] = ["parity", "basis-encoded"];

/** Every variant name, paper readings first. */
export const authVariants: readonly AuthVariant[] = [
  "parity",
  "basis-encoded",
  "no-check",
  "plain-f",
  "kdc-no-cnot",
  "announced-update",
  "member-x-update",
];

/** What the member and the KDC do in one round, as data. */
export interface VariantSpec {
  readonly name: AuthVariant;
  /** `parity`: f = |K_{2i-1} XOR K_{2i}> in Z (eq. 9). `basis`: K_{2i-1} picks Z or X, K_{2i} the value. */
  readonly encoding: "parity" | "basis";
  /** The member's CNOT m -> f (eq. 10). */
  readonly memberCnot: boolean;
  /** The KDC's CNOT s -> f (eq. 11). */
  readonly kdcCnot: boolean;
  /** Whether the KDC's decision depends on its measurement of f (step 7). */
  readonly kdcChecks: boolean;
  /** Whether the KDC announces its update outcome K'_{2i-1} publicly (control only). */
  readonly announcesUpdate: boolean;
  /** Basis in which the member measures m for eq. 12 (`Z` in the paper). */
  readonly memberUpdateBasis: "Z" | "X";
}

const PAPER: Omit<VariantSpec, "name" | "encoding"> = {
  memberCnot: true,
  kdcCnot: true,
  kdcChecks: true,
  announcesUpdate: false,
  memberUpdateBasis: "Z",
};

/**
 * The behaviour record of a variant: one frozen object per variant.
 * @example variantSpec("parity").encoding // "parity"
 * @throws RangeError naming the unknown variant.
 */
export function variantSpec(name: AuthVariant): VariantSpec {
  let spec = SPECS.get(name);
  if (spec === undefined) SPECS.set(name, (spec = Object.freeze(specOf(name))));
  return spec;
}

const SPECS = new Map<AuthVariant, VariantSpec>();

function specOf(name: AuthVariant): VariantSpec {
  switch (name) {
    case "parity": return { name, encoding: "parity", ...PAPER };
    case "basis-encoded": return { name, encoding: "basis", ...PAPER };
    case "no-check": return { name, encoding: "parity", ...PAPER, kdcChecks: false };
    case "plain-f": return { name, encoding: "parity", ...PAPER, memberCnot: false, kdcCnot: false };
    case "kdc-no-cnot": return { name, encoding: "parity", ...PAPER, kdcCnot: false };
    case "announced-update": return { name, encoding: "parity", ...PAPER, announcesUpdate: true };
    case "member-x-update": return { name, encoding: "parity", ...PAPER, memberUpdateBasis: "X" };
    default: throw new RangeError(`variantSpec: unknown variant "${name as string}"; known: ${authVariants.join(", ")}`);
  }
}

/**
 * Number of key bits the KDC's decision depends on over one session of n/2 rounds:
 * `n/2` for the parity reading (only K_{2i-1} XOR K_{2i} enters the check), `n` for the
 * basis-encoded reading (K_{2i-1} picks the basis, K_{2i} the expected value). This is what the
 * protocol specifies the check to use (a control variant that drops the check keeps the count of
 * the reading it breaks). The impersonation bound under test is `2^{-bitsChecked}`.
 * @example bitsChecked("basis-encoded", 8) // 8
 */
export function bitsChecked(name: AuthVariant, keyBits: number): number {
  return variantSpec(name).encoding === "parity" ? keyBits / 2 : keyBits;
}
