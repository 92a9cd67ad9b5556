/**
 * Where the repository explains each step of the paper: the `docs/protocol/` page (and equation
 * anchor) a result's equation or protocol points at. The report shows the path as text (it makes
 * no links outside itself); the pages render in the typedoc site.
 * @module
 */

/** The protocol page of each paper equation number (eqs. 1-2 are background notation, explained on the BB84 page). */
const pageOfEquation: readonly (readonly [number, number, string])[] = [
  [1, 5, "02-bb84-private-keys.md"],
  [6, 7, "03-group-key-distribution.md"],
  [8, 11, "05-authentication.md"],
  [12, 12, "06-key-update.md"],
  [13, 13, "07-key-rate.md"],
];

/** The page of a protocol whose result cites no equation number. */
const pageOfProtocol: Readonly<Record<string, string>> = {
  bb84: "02-bb84-private-keys.md",
  auth: "05-authentication.md",
  kdc: "03-group-key-distribution.md",
};

/**
 * The docs page (with `#eq-N` when an equation number is cited) that explains a result's step,
 * or undefined for an unknown protocol with no equation number.
 * @example protocolPage("auth", "\\chi \\le \\varepsilon \\quad (\\text{eq. } 12)") === "docs/protocol/06-key-update.md#eq-12"
 */
export function protocolPage(protocol: string, ...texts: readonly (string | undefined)[]): string | undefined {
  for (const text of texts) {
    const cited = /\beqs?\.(?:\}|\s|\\[ ,;]|\\text\{\s*)*\(?(\d{1,2})\b|\\quad\s*\((\d{1,2})\)\s*$/.exec(String(text ?? ""));
    const n = Number(cited?.[1] ?? cited?.[2]);
    const page = pageOfEquation.find(([lo, hi]) => n >= lo && n <= hi)?.[2];
    if (page) return `docs/protocol/${page}#eq-${n}`;
  }
  const page = pageOfProtocol[String(protocol)];
  return page ? `docs/protocol/${page}` : undefined;
}
