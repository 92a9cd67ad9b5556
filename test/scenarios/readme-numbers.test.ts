/**
 * Every number in the README's findings table ("What the harness finds") is asserted: by a
 * quantitative claim of a shipped scenario (which `verify` checks on every run, and this test
 * runs once) or by a computation here. A number added to the table without an entry below
 * fails the first test. Section references, equation numbers and formulas (2^-(n/2), 1 - h(E))
 * are not numbers; their values are (0.25 at n = 4).
 */
import * as fc from "fast-check";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { paperClaimsProperty } from "../../properties/bb84/paperClaims.js";
import { loadScenario, type LoadedScenario } from "../../scenarios/load.js";
import { matrixOf } from "../../scenarios/matrix.js";
import { runCell } from "../../scenarios/run.js";

const root = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** A README number pinned by scenario claims: the claim bounds must be exactly these, and contain the number. */
interface ClaimCheckEntry {
  readonly row: string;
  readonly number: string;
  readonly scenario: string;
  readonly property: string;
  readonly metric: string;
  readonly atLeast?: number;
  readonly atMost?: number;
}

/** A README number asserted by a scenario parameter or a computation here. */
interface ComputedEntry {
  readonly row: string;
  readonly number: string;
  readonly check: () => void;
}

type Entry = ClaimCheckEntry | ComputedEntry;

const partial = "scenarios/bb84/partial-intercept-resend.yaml";
const basis = "scenarios/auth/basis-encoded-generated.yaml";
const best = "scenarios/auth/parity-best-attack.yaml";
const detected = "bb84.intercept-resend-detected";

/** Each README number, the row it is in (a fragment of the row), and what asserts it. */
const TABLE: readonly Entry[] = [
  { row: "random-basis intercept-resend", number: "0.11", check: () => expect(parameter(partial, detected, "run")).toMatchObject({ threshold: 0.11 }) },
  { row: "random-basis intercept-resend", number: "1000", check: () => expect(parameter(partial, detected, "run")).toMatchObject({ testSize: 1000 }) },
  { row: "random-basis intercept-resend", number: "0.4", check: () => expect(parameter(partial, detected, "adversary")).toMatchObject({ kind: "fixed", strategy: { kind: "intercept-resend", fraction: 0.4, basis: "random" } }) },
  { row: "random-basis intercept-resend", number: "0.10", scenario: partial, property: detected, metric: "qber", atLeast: 0.0999999, atMost: 0.1000001 },
  { row: "random-basis intercept-resend", number: "0.84", scenario: partial, property: detected, metric: "acceptance", atLeast: 0.84, atMost: 0.845 },
  { row: "random-basis intercept-resend", number: "0.2", scenario: partial, property: detected, metric: "holevo", atLeast: 0.1999999, atMost: 0.2000001 },
  { row: "photon-number splitting", number: "1", scenario: "scenarios/bb84/pns-weak-coherent.yaml", property: "bb84.secrecy", metric: "counterexample.qber", atMost: 0.01 },
  { row: "photon-number splitting", number: "0.99", scenario: "scenarios/bb84/pns-weak-coherent.yaml", property: "bb84.secrecy", metric: "counterexample.leakPerBit", atLeast: 0.99 },
  { row: "Figs. 10-12", number: "4", scenario: "scenarios/bb84/keyrate-and-postprocessing.yaml", property: "bb84.paper-claims", metric: "independentInconsistencies", atLeast: 4, atMost: 4 },
  { row: "Figs. 10-12", number: "8", scenario: "scenarios/bb84/keyrate-and-postprocessing.yaml", property: "bb84.paper-claims", metric: "inconsistent", atLeast: 8, atMost: 8 },
  { row: "Figs. 10-12", number: "10", scenario: "scenarios/bb84/keyrate-and-postprocessing.yaml", property: "bb84.paper-claims", metric: "claims", atLeast: 10, atMost: 10 },
  {
    row: "Figs. 10-12",
    number: "35",
    check: () => {
      const params = paperClaimsProperty.params.parse({});
      const [paperSet] = fc.sample(paperClaimsProperty.arbitrary(params), 1);
      expect(paperClaimsProperty.check(params, paperSet!).metrics!["claim:fig10-secure-fraction-35km"]).toBe("inconsistent");
    },
  },
  { row: "impersonation", number: "4", check: () => expect(parameter(basis, "auth.impersonation", "keyBits")).toBe(4) },
  { row: "impersonation", number: "0.25", scenario: basis, property: "auth.impersonation", metric: "lambdaMaxBound", atLeast: 0.2499999, atMost: 0.2500001 },
  { row: "impersonation", number: "0.0625", scenario: basis, property: "auth.impersonation", metric: "claimedBound", atMost: 0.0625 },
  { row: "f in transit", number: "0.5", scenario: basis, property: "auth.passive-secrecy", metric: "holevoUniformPerRound", atLeast: 0.4999999, atMost: 0.5000001 },
  { row: "secrecy of the updated key", number: "8", check: () => expect(parameter(best, "auth.update-secrecy", "keyBits")).toBe(8) },
  { row: "secrecy of the updated key", number: "1", scenario: best, property: "auth.update-secrecy", metric: "acceptance", atLeast: 0.999 },
  { row: "secrecy of the updated key", number: "8", scenario: best, property: "auth.update-secrecy", metric: "holevo", atLeast: 7.99 },
];

const scenarios = new Map<string, LoadedScenario>();
function scenario(file: string): LoadedScenario {
  if (!scenarios.has(file)) scenarios.set(file, loadScenario(root(file)));
  return scenarios.get(file)!;
}

function parameter(file: string, property: string, key: string): unknown {
  const p = scenario(file).properties.find((x) => x.definition.id === property)!;
  return (p.params as Record<string, unknown>)[key];
}

/** The findings table's rows, with section references, equation numbers and formulas removed. */
function readmeRows(): { row: string; numbers: string[] }[] {
  const text = readFileSync(root("README.md"), "utf8");
  const start = text.indexOf("## What the harness finds");
  const end = text.indexOf("\n## ", start + 1);
  const rows = text.slice(start, end).split("\n").filter((l) => l.startsWith("| ") && !l.startsWith("| protocol") && !l.startsWith("|---"));
  return rows.map((row) => {
    const stripped = row
      .replace(/\((\d+\.\d+)(\/\d+\.\d+)?\)/g, "") // section references such as (2.2/2.3)
      .replace(/eq\. \d+/g, "")
      .replace(/2\^-(\([^)]*\)|n)/g, "") // 2^-(n/2), 2^-n, 2^-(bits checked): formulas, asserted through their values
      .replace(/1 - 2?h\(E\)/g, "")
      .replace(/`[^`]*`/g, "")
      .replace(/Figs\. \d+-\d+/g, "Figs. 10-12");
    const numbers = stripped.replace(/Figs\. 10-12/g, "").match(/(?<![\w.])\d+(?:\.\d+)?/g) ?? [];
    return { row, numbers };
  });
}

function entriesOf(row: string): Entry[] {
  return TABLE.filter((e) => row.includes(e.row));
}

describe("README findings table: every number is asserted", () => {
  it("each number in the table has an entry (add one here, with the claim or check that asserts it)", () => {
    const missing: string[] = [];
    for (const { row, numbers } of readmeRows()) {
      const listed = entriesOf(row).map((e) => e.number);
      for (const n of numbers) if (!listed.includes(n)) missing.push(`${n} in ${row}`);
    }
    expect(missing).toEqual([]);
  });

  it("every entry names a number that is in its README row", () => {
    const rows = readmeRows();
    for (const e of TABLE) {
      const row = rows.find((r) => r.row.includes(e.row));
      expect(row, e.row).toBeDefined();
      expect(row!.numbers, `${e.number} in ${e.row}`).toContain(e.number);
    }
  });

  it.each(TABLE.filter((e): e is ClaimCheckEntry => "scenario" in e).map((e) => [`${e.number} (${e.row})`, e] as const))(
    "%s is a claim of its scenario, whose bounds contain the README number",
    (_name, e) => {
      const p = scenario(e.scenario).properties.find((x) => x.definition.id === e.property);
      expect(p, `${e.property} in ${e.scenario}`).toBeDefined();
      if (e.atLeast !== undefined) expect(p!.claims?.atLeast?.[e.metric]).toBe(e.atLeast);
      if (e.atMost !== undefined) expect(p!.claims?.atMost?.[e.metric]).toBe(e.atMost);
      const value = readmeValue(e);
      if (e.atLeast !== undefined) expect(value).toBeGreaterThanOrEqual(e.atLeast - 1e-3 * Math.abs(e.atLeast));
      if (e.atMost !== undefined) expect(value).toBeLessThanOrEqual(e.atMost + 1e-3 * Math.abs(e.atMost));
    },
  );

  it.each(TABLE.filter((e): e is ComputedEntry => "check" in e).map((e) => [`${e.number} (${e.row})`, e] as const))("%s is asserted here", (_name, e) => e.check());

  it("the claims hold on the scenarios' own seeds (verify checks them on every run, with the search; here without it)", () => {
    const cells = new Set(TABLE.filter((e): e is ClaimCheckEntry => "scenario" in e).map((e) => `${e.scenario}::${e.property}`));
    for (const key of cells) {
      const [file, property] = key.split("::") as [string, string];
      const s = scenario(file);
      const cell = matrixOf([{ ...s, settings: { ...s.settings, searchBudget: 0 } }]).find((c) => c.property.definition.id === property)!;
      const { result } = runCell(cell, { replayCommand: () => "" });
      expect(result.claims?.filter((c) => !c.ok), key).toEqual([]);
      expect(result.matches, key).toBe(true);
    }
  });
});

/** The README's number in the metric's unit: "1 %" of QBER is 0.01, "8" bits of an 8-bit key are 8. */
function readmeValue(e: ClaimCheckEntry): number {
  if (e.metric.endsWith("qber") && e.number === "1") return 0.01; // "QBER <= 1 %"
  return Number(e.number);
}
