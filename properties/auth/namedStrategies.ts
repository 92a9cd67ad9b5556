/**
 * Named strategies. Hand-written: the honest channel, plain intercept-resend, a GHZ tap with a
 * reversible parity read, and a keyless member impersonation. Found by the optimising search:
 * `best-attack`, written by `qkd-harness search auth ... --out properties/auth/strategies/best-attack.json`
 * (the file records the command and the seed). The JSON files in `strategies/` are these values
 * (a test guards that).
 * @module
 */
import { honestStrategy, type Strategy } from "../../model/auth/index.js";

const Z = { theta: 0, phi: 0 } as const;

/** Eve passes everything on. */
export const honest: Strategy = honestStrategy;

/**
 * Plain intercept-resend: measure m in Z and resend it, measure f in Z and resend it.
 * In the parity reading the outcomes are c = K'_{2i-1} and K_{2i-1} XOR K_{2i} XOR c = K'_{2i}.
 */
export const interceptResend: Strategy = {
  mode: "mitm",
  rounds: [{ toMember: [{ op: "measure", target: "transit", ...Z }], toKdc: [{ op: "measure", target: "transit", ...Z }], message: "pass", after: [] }],
};

/**
 * Hand-written (not found by a search): CNOT from m (in transit) onto Eve's e0 (a GHZ tap that
 * leaves acceptance at 1); on f, CNOT e0 -> f, measure f in Z (the parity), CNOT e0 -> f again
 * (undo); after the update, measure e0 in Z (= K'_{2i-1}) and reset it for the next round.
 */
export const ghzTapParityRead: Strategy = {
  mode: "mitm",
  rounds: [{
    toMember: [{ op: "cnot", control: "transit", target: "e0" }],
    toKdc: [
      { op: "cnot", control: "e0", target: "transit" },
      { op: "measure", target: "transit", ...Z },
      { op: "cnot", control: "e0", target: "transit" },
    ],
    message: "pass",
    after: [{ op: "measure", target: "e0", ...Z }, { op: "prepare", reg: "e0", ...Z }],
  }],
};

/**
 * The most damaging attack the optimising search found on the parity reading (objective
 * `acceptedInformation`, n = 8, one session): accepted with probability 1, Eve holds 8 of the 8 updated bits (`qkd-harness search auth --variant parity --key-bits 8 --sessions 1 --objective acceptedInformation --seed 1 --budget 400`, 393 evaluations):
 * measure f in Z on its way to the KDC, copy m into her qubit e1 (CNOT) on its way to the
 * member, and read e1 in Z (theta = pi) after the update. That is intercept-resend in Z in
 * effect, the hand-written {@link interceptResend} (an earlier search kept a useless H on e0; the
 * search now tries deleting the winner's steps). `strategies/best-attack.json` is
 * the search's output file, with its command and seed; test/search/search.test.ts reruns it.
 */
export const bestAttack: Strategy = {
  mode: "mitm",
  rounds: [
    {
      toMember: [{ op: "cnot", control: "transit", target: "e1" }],
      toKdc: [{ op: "measure", target: "transit", theta: 0, phi: 0 }],
      message: "pass",
      after: [{ op: "measure", target: "e1", theta: Math.PI, phi: Math.PI / 2 }],
    },
  ],
};

/** Keyless impersonation of the member: keep m, return f = CNOT(m -> |0>), measure m after. */
export const impersonateMember: Strategy = {
  mode: "impersonate-member",
  rounds: [{
    toMember: [{ op: "swap", reg: "e0" }],
    toKdc: [{ op: "cnot", control: "e0", target: "transit" }],
    message: "pass",
    after: [{ op: "measure", target: "e0", ...Z }, { op: "prepare", reg: "e0", ...Z }],
  }],
};

/** The named strategies by name. */
export const namedStrategies = {
  honest,
  "intercept-resend": interceptResend,
  "best-attack": bestAttack,
  "ghz-tap-parity-read": ghzTapParityRead,
  "impersonate-member": impersonateMember,
} as const satisfies Record<string, Strategy>;

/** A strategy name. */
export type StrategyName = keyof typeof namedStrategies;
