/**
 * Results documents for the report tests: every status (matched, known finding, MISMATCH,
 * error), counterexamples with traces, figures with linear and log scales, and hostile strings
 * (`<script>`, quotes, ampersands) wherever a scenario or counterexample can put text.
 */
import type { Figure, PropertyResult, ResultsDocument, TraceStep } from "../../properties/types.js";

/** A string that must never reach the page unescaped. */
export const hostile = `<script>window.__pwned = 1</script>"'&`;

const bb84Trust = {
  trusted: ["KDC", "receiver", "classical channel (authenticated)"],
  adversary: "Eve intercepts and resends a fraction of the photons in a basis she chooses.",
} as const;

const holds: PropertyResult = {
  scenario: "bb84-noiseless",
  protocol: "bb84",
  variant: "member-scope",
  property: "bb84.intercept-resend-qber",
  title: "Intercept-resend raises the QBER by f/4",
  statement: "An intercept-resend attack on a fraction f of the pulses in a random basis gives a sifted QBER of f/4, detected when above the threshold.",
  equation: "E = \\frac{f}{4}, \\qquad P^e < p_o \\;\\Rightarrow\\; \\text{continue} \\quad (4)",
  trust: bb84Trust,
  expected: "holds",
  verdict: "holds",
  matches: true,
  runs: 200,
  seed: 42,
  metrics: { margin: 0.0123, qber: 0.0625, interceptFraction: 0.25, aborted: true, note: null },
};

const knownFinding: PropertyResult = {
  scenario: `bb84-pns ${hostile}`,
  protocol: "bb84",
  variant: "weak-coherent",
  property: "bb84.pns-secrecy",
  title: `Secrecy against photon-number splitting ${hostile}`,
  statement: `Eve's information about the final key stays below 1e-6 bits when the protocol does not abort ${hostile}.`,
  equation: "I(K;E) \\le 10^{-6} \\text{ whenever } P^e < p_o",
  trust: { trusted: ["KDC", `receiver ${hostile}`], adversary: `photon-number splitting on multi-photon pulses ${hostile}` },
  expected: "violated",
  expectedReason: `the paper uses no decoy states in section 2.2 ${hostile}`,
  verdict: "violated",
  matches: true,
  runs: 57,
  seed: 7,
  metrics: { holevo: 0.412, qber: 0.011, [`label ${hostile}`]: `value ${hostile}` },
  counterexample: {
    seed: 7,
    path: "3:1:0",
    shrinks: 4,
    input: { strategy: "pns", mu: 0.6, note: hostile },
    message: `Eve learns 0.412 bits per sifted bit ${hostile}`,
    metrics: { holevo: 0.412, qber: 0.011 },
    trace: [
      { step: "source", detail: "KDC sends weak coherent pulses with mean photon number 0.6", values: { mu: 0.6, multiPhotonFraction: 0.122 } },
      { step: `split ${hostile}`, detail: `Eve keeps one photon of every multi-photon pulse ${hostile}`, values: { kept: 122, [`k ${hostile}`]: hostile } },
      { step: "sifting", detail: "bases announced; Eve measures her photons in the right basis" },
      { step: "verdict", detail: "QBER 1.1 % below threshold 11 %: no abort", values: { qber: 0.011, threshold: 0.11 } },
    ],
    replay: `npx qkd-harness replay --scenario 'bb84-pns' --property bb84.pns-secrecy --seed 7 --path "3:1:0" ${hostile}`,
  },
};

const mismatch: PropertyResult = {
  scenario: "auth-mitm",
  protocol: "auth",
  variant: "parity",
  property: "auth.soundness",
  title: "Authentication soundness",
  statement: "A party without K_c passes all n/2 rounds with probability at most 2^{-n/2}.",
  equation: "\\Pr[\\text{accept} \\mid \\text{no } K_c] \\le 2^{-n/2} \\quad (8\\text{-}11)",
  trust: { trusted: ["KDC"], adversary: "man in the middle on m and f: hold, substitute, measure, entangle, forward" },
  expected: "holds",
  verdict: "violated",
  matches: false,
  runs: 12,
  seed: 1234,
  metrics: { acceptance: 1, bound: 0.0625 },
  counterexample: {
    seed: 1234,
    path: "0",
    shrinks: 2,
    input: { attack: "forward-f-after-own-cnot" },
    message: "Eve passes every round with probability 1",
    metrics: { acceptance: 1, bound: 0.0625 },
    trace: [
      { step: "EPR pair", detail: "KDC prepares (|00> + |11>)/sqrt 2 on s, m and sends m", values: { round: 1 } },
      { step: "intercept m", detail: "Eve keeps m and answers with f = |0> after her own CNOT" },
      { step: "KDC check", detail: "KDC measures f = parity with probability 1", values: { pAccept: 1 } },
    ],
    replay: "npx qkd-harness replay --scenario auth-mitm --property auth.soundness --seed 1234 --path 0",
  },
};

const errored: PropertyResult = {
  scenario: "kdc-rekey",
  protocol: "kdc",
  variant: "member-scope",
  property: "kdc.forward-secrecy",
  title: "Forward secrecy on leave",
  statement: "A departed member cannot decrypt group keys issued after it left.",
  trust: { trusted: ["KDC", "remaining members"], adversary: "a departed member who kept every old key" },
  expected: "holds",
  verdict: "error",
  matches: false,
  runs: 0,
  seed: 99,
  metrics: {},
  error: `TypeError: cannot read 'key' of undefined ${hostile}`,
};

const authHolds: PropertyResult = {
  ...holds,
  scenario: "auth-mitm",
  protocol: "auth",
  variant: "parity",
  property: "auth.completeness",
  title: "Authentication completeness",
  statement: "An honest member with K_c is accepted with probability 1 on a noiseless channel.",
  equation: "\\Pr[\\text{accept} \\mid K_c] = 1",
  trust: { trusted: ["KDC", "member", "quantum channel (noiseless)"], adversary: "none (passive)" },
  metrics: { acceptance: 1 },
};

const series = (f: (x: number) => number, from: number, to: number, n: number): (readonly [number, number])[] =>
  Array.from({ length: n }, (_, i) => {
    const x = from + ((to - from) * i) / (n - 1);
    return [x, f(x)] as const;
  });

const binaryEntropy = (p: number): number => (p <= 0 || p >= 1 ? 0 : -p * Math.log2(p) - (1 - p) * Math.log2(1 - p));

/** The figures the CLI will produce, with plausible data. */
export const figures: readonly Figure[] = [
  {
    id: "bb84.qber-vs-intercept",
    title: "QBER vs intercept fraction",
    caption: "Sifted QBER under intercept-resend on a fraction f of the pulses; the analytic line is f/4.",
    xLabel: "intercept fraction f",
    yLabel: "QBER",
    series: [
      { name: "model (random basis)", mark: "point", points: series((f) => f / 4 + 0.002 * Math.sin(9 * f), 0, 1, 11) },
      { name: "analytic f/4", mark: "line", points: series((f) => f / 4, 0, 1, 2) },
      { name: "threshold p_o", mark: "line", points: [[0, 0.11], [1, 0.11]] },
    ],
  },
  {
    id: "bb84.info-vs-disturbance",
    title: "Eve's information vs disturbance",
    caption: "Eve's information per sifted bit against the QBER she causes, with the intercept-resend line 2D and the optimal cloner bound.",
    xLabel: "disturbance D (QBER)",
    yLabel: "Eve's information (bits)",
    series: [
      { name: "intercept-resend 2D", mark: "line", points: series((d) => Math.min(1, 2 * d), 0, 0.25, 26) },
      { name: "optimal cloner 1 - H(1/2 + sqrt(D(1-D)))", mark: "line", points: series((d) => 1 - binaryEntropy(0.5 + Math.sqrt(d * (1 - d))), 0, 0.25, 26) },
      { name: "generated probes", mark: "point", points: [[0.05, 0.08], [0.1, 0.19], [0.15, 0.3], [0.2, 0.41]] },
    ],
  },
  {
    id: "bb84.acceptance-vs-qber",
    title: "Acceptance probability vs QBER",
    caption: "Probability that the test sample of 100 bits shows an error rate below p_o = 11 %.",
    xLabel: "true QBER",
    yLabel: "P(accept)",
    series: [{ name: "sample size 100", mark: "line", points: series((q) => 1 / (1 + Math.exp((q - 0.11) * 80)), 0, 0.3, 31) }],
  },
  {
    id: "bb84.key-rate-vs-distance",
    title: "Key rate vs distance",
    caption: "GLLP decoy-state secure key rate (eq. 13) against fibre length, with the paper's claimed points (Fig. 10) overlaid; log scale.",
    xLabel: "distance (km)",
    yLabel: "key rate (kbit/s)",
    yScale: "log",
    series: [
      { name: "GLLP secure rate", mark: "line", points: series((d) => 3000 * 10 ** (-0.03 * d), 0, 120, 25) },
      { name: "sifted rate", mark: "line", points: series((d) => 5000 * 10 ** (-0.021 * d), 0, 120, 25) },
      { name: "paper, Fig. 10 (secure)", mark: "point", points: [[35, 993], [80, 82]] },
      { name: "paper, Fig. 10 (sifted)", mark: "point", points: [[35, 1395.64], [80, 121.36], [90, 0]] },
    ],
  },
  {
    id: "kdc.rekey-cost",
    title: `Rekey cost vs group size ${hostile}`,
    caption: `Messages the KDC sends when one member leaves ${hostile}.`,
    xLabel: "group size N",
    yLabel: "messages per leave",
    xScale: "log",
    yScale: "log",
    series: [
      { name: `member-scope ${hostile}`, mark: "line", points: series((n) => n - 1, 2, 1024, 40) },
      { name: "group-scope", mark: "line", points: series(() => 1, 2, 1024, 2) },
    ],
  },
];

const results: readonly PropertyResult[] = [holds, knownFinding, authHolds, mismatch, errored];

/** A document with one result of every status, traces, hostile strings and five figures. */
export const richDocument: ResultsDocument = {
  schemaVersion: 1,
  tool: { name: "qkd-harness", version: "0.1.0" },
  results,
  figures,
  summary: { total: 5, matched: 3, mismatched: 2, errors: 1, violated: 2 },
  run: {
    startedAt: "2025-11-23T14:00:00.000Z",
    durationMs: 12_345,
    durations: {
      "bb84-noiseless::bb84.intercept-resend-qber": 812,
      [`bb84-pns ${hostile}::bb84.pns-secrecy`]: 2_345,
      "auth-mitm::auth.completeness": 45,
      "auth-mitm::auth.soundness": 1_234,
    },
    environment: { node: "v20.20.0", platform: "linux x64", cpus: "2", [`ci ${hostile}`]: hostile },
    shard: "1/2",
  },
};

/** A document where everything matched and nothing was violated. */
export const cleanDocument: ResultsDocument = {
  ...richDocument,
  results: [holds, authHolds],
  figures: [],
  summary: { total: 2, matched: 2, mismatched: 0, errors: 0, violated: 0 },
  run: { ...richDocument.run, shard: undefined },
};

/** A document with no results and no figures. */
export const emptyDocument: ResultsDocument = {
  ...cleanDocument,
  results: [],
  summary: { total: 0, matched: 0, mismatched: 0, errors: 0, violated: 0 },
  run: { startedAt: "2025-11-23T14:00:00.000Z", durationMs: 0, durations: {}, environment: {} },
};

/** Long equations of the shipped properties (the ones that used to overflow their boxes). */
export const longEquations: readonly string[] = [
  "\\Pr[\\text{accept}] \\le 2^{-b},\\ b = \\begin{cases} n/2 & \\text{parity}\\\\ n & \\text{basis-encoded}\\end{cases};\\quad \\Pr[\\text{accept}] \\le \\lambda_{\\max}(\\Pi)^{n/2},\\ \\Pi = \\tfrac14\\sum_{a,b} U^\\dagger (I\\otimes P_{ab}) U\\ (\\text{eqs. } 8\\text{--}11)",
  "\\chi(K'_c : R E \\mid \\text{acc}) \\le \\varepsilon,\\quad P_{\\text{guess}}(K'_c \\mid R, \\text{acc}) - \\max_k p(k\\mid\\text{acc}) \\le \\varepsilon\\quad(K'_{2i-1} = c,\\ K'_{2i} = K_{2i-1}\\oplus K_{2i}\\oplus c,\\ \\text{eq. } 12)",
  "\\Pr[\\text{accept} \\mid K_c] = \\prod_{i=1}^{n/2} a_i,\\quad a_i = \\begin{cases}(1-\\tfrac p2)^2+(\\tfrac p2)^2 & f \\in Z\\\\ 1-\\tfrac p2 & f \\in X\\end{cases}\\quad(\\text{eqs. } 8\\text{--}11;\\ a_i = 1 \\text{ at } p = 0)",
  "\\forall x \\text{ sent at } t,\\ \\forall p:\\ p \\notin \\mathrm{members}(t') \\ \\forall t' \\le t,\\ p \\in \\mathrm{members}(t'') \\text{ for some } t'' > t \\Rightarrow x \\notin \\mathrm{Read}(\\mathrm{Know}_p)",
  "0 \\le \\max(0, R[Y_1^L, e_1^U]) \\le \\max(0, R[Y_1, e_1]),\\quad Y_1^L = \\tfrac{\\mu}{\\mu\\nu-\\nu^2}\\big(Q_\\nu e^{\\nu} - Q_\\mu e^{\\mu}\\tfrac{\\nu^2}{\\mu^2} - \\tfrac{\\mu^2-\\nu^2}{\\mu^2} Y_0\\big)",
  "q \\ge p_o + \\delta \\implies P\\big(\\hat e_n < p_o\\big) = \\sum_{k/n < p_o} \\tbinom{n}{k} q^k (1-q)^{n-k} \\le e^{-2n(q-p_o)^2} \\le e^{-2n\\delta^2} \\quad \\text{(eq. 4)}",
];

/** An authentication-like trace: `steps` rows, five particles' Bloch vectors each, a few changing per row. */
export function blochTrace(steps: number): TraceStep[] {
  const particles = ["s", "m", "f", "e0", "e1"];
  return Array.from({ length: steps }, (_, i) => ({
    step: `session ${1 + Math.floor(i / 8)}, round ${1 + (i % 8)}: member: eqs. 9-10`,
    detail: `prepare f from (K_{2i-1}, K_{2i}) = (1, 0), CNOT m -> f, send f; QBER 1.4000000000000001 % at step ${i}`,
    values: Object.fromEntries([
      ["probability", i % 3 === 0 ? 0.5 : 1],
      ...particles.flatMap((p, j) => ["x", "y", "z"].map((c) => [`${p}.${c}`, c === "z" && (i + j) % 4 === 0 ? -1 : 0] as const)),
    ]),
  }));
}

/**
 * A document the size of a shipped `verify` run (about 90 results over three protocols, a dozen
 * properties each), with long equations, long traces, float noise, NaN and subnormal metrics:
 * the browser test measures the page on it.
 */
export function largeDocument(): ResultsDocument {
  const protocols = ["auth", "bb84", "kdc"] as const;
  const results: PropertyResult[] = [];
  for (const [pi, protocol] of protocols.entries()) {
    for (let s = 0; s < 10; s++) {
      for (let p = 0; p < 12; p++) {
        if ((s * 7 + p * 3 + pi) % 4 !== 0) continue;
        const kind = (s + p) % 5 === 0 ? "finding" : (s + p) % 5 === 1 ? "control" : "claim";
        const violated = kind !== "claim";
        const trace = blochTrace(violated ? 12 : 0);
        results.push({
          ...holds,
          scenario: `${protocol}-scenario-with-a-long-name-${s}`,
          protocol,
          property: `${protocol}.property-with-confidentiality-${p}`,
          title: `Property ${p} of ${protocol}: the pair K'_{2i-1} stays secret`,
          statement: "Eve's information about \\(K'_{2i-1}, K'_{2i}\\) stays below epsilon; Y_1^L is a lower bound.",
          equation: longEquations[(s + p) % longEquations.length],
          expected: violated ? "violated" : "holds",
          verdict: violated ? "violated" : "holds",
          expectedReason: kind === "control" ? "negative control: a broken variant" : kind === "finding" ? "finding: the paper's key leaks" : undefined,
          kind,
          evidence: violated ? undefined : (p % 3 === 0 ? { kind: "exact", detail: "all 16 key pairs enumerated" } : { kind: "sampled", inputs: 60 }),
          metrics: { efficiency: Number.NaN, distanceKm: 3.953e-323, percent: 1.4000000000000001, qber: 0.1234567 },
          counterexample: violated
            ? { seed: 42, path: "1:2:3", shrinks: 5, input: { mode: "mitm" }, message: `Eve holds 1.0000 bits after session 2 (${p})`, metrics: { holevo: 1 }, trace, replay: `qkd-harness replay scenarios/${protocol}/s${s}.yaml --property ${protocol}.p${p} --seed 42 --path 1:2:3` }
            : undefined,
        });
      }
    }
  }
  return { ...richDocument, results, run: { ...richDocument.run, durations: {} } };
}

/** A merged document as an attacker could craft it: strings (markup) wherever a number belongs. */
export function craftedDocument(): ResultsDocument {
  const markup = `<img src=x onerror="window.__pwned=1">`;
  const evil = (r: PropertyResult): PropertyResult => ({ ...r, runs: markup as unknown as number, seed: markup as unknown as number });
  return {
    ...richDocument,
    results: [evil(holds), { ...evil(knownFinding), counterexample: { ...knownFinding.counterexample!, seed: markup as unknown as number, shrinks: markup as unknown as number } }],
    run: { ...richDocument.run, durationMs: markup as unknown as number, startedAt: markup },
  };
}
