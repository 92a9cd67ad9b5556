/**
 * The results document as JUnit XML, for CI systems: one `<testsuite>` per scenario, one
 * `<testcase>` per (scenario, property). A verdict that differs from the expectation is a
 * `<failure>` carrying the counterexample's message and its replay command; a check that threw
 * is an `<error>`. Each testcase carries `<properties>`: the expectation kind, the evidence (how
 * the verdict was reached), the checked claims, the seed sweep and the damaging attack.
 * Pure; every text is XML-escaped.
 * @module
 */
import { claimText, evidenceText, mismatchText, seedSweepText } from "../properties/evidence.js";
import type { PropertyResult, ResultsDocument } from "../properties/types.js";

/** Render a results document as JUnit XML. */
export function resultsToJunit(doc: ResultsDocument): string {
  const suites = new Map<string, PropertyResult[]>();
  for (const r of doc.results) suites.set(r.scenario, [...(suites.get(r.scenario) ?? []), r]);
  const body = [...suites].map(([scenario, results]) => suite(doc, scenario, results)).join("");
  const { total, mismatched, errors } = doc.summary;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<testsuites name="qkd-harness" tests="${total}" failures="${mismatched}" errors="${errors}" time="${seconds(doc.run.durationMs)}"${runAttributes(doc)}>\n` +
    body +
    `</testsuites>\n`
  );
}

function suite(doc: ResultsDocument, scenario: string, results: readonly PropertyResult[]): string {
  const failures = results.filter((r) => !r.matches && r.verdict !== "error").length;
  const errors = results.filter((r) => r.verdict === "error").length;
  const time = results.reduce((t, r) => t + duration(doc, r), 0);
  return (
    `  <testsuite name="${attr(scenario)}" tests="${results.length}" failures="${failures}" errors="${errors}" time="${seconds(time)}"${runAttributes(doc)}>\n` +
    results.map((r) => testcase(doc, r)).join("") +
    `  </testsuite>\n`
  );
}

function testcase(doc: ResultsDocument, r: PropertyResult): string {
  const open = `    <testcase classname="${attr(`${r.protocol}.${r.variant}.${r.scenario}`)}" name="${attr(r.property)}" time="${seconds(duration(doc, r))}">\n${properties(r)}`;
  const lines = details(r);
  if (r.verdict === "error") {
    return `${open}      <error message="${attr(r.error ?? "check failed")}" type="error">${text(lines)}</error>\n    </testcase>\n`;
  }
  if (!r.matches) {
    return `${open}      <failure message="${attr(mismatchText(r))}" type="verdict-mismatch">${text(lines)}</failure>\n    </testcase>\n`;
  }
  return `${open}      <system-out>${text(lines)}</system-out>\n    </testcase>\n`;
}

/** The testcase's `<properties>`: kind, evidence, claims, seed sweep, damaging attack. */
function properties(r: PropertyResult): string {
  const entries: [string, string][] = [];
  if (r.kind !== undefined) entries.push(["kind", r.kind]);
  if (r.evidence !== undefined) entries.push(["evidence", evidenceText(r)], ["evidence.kind", r.evidence.kind]);
  for (const c of r.claims ?? []) entries.push([`claim.${c.bound}.${c.metric}`, claimText(c)]);
  if (r.seedSweep) entries.push(["seeds.fraction", String(r.seedSweep.seeds === 0 ? 0 : r.seedSweep.matched / r.seedSweep.seeds)], ["seeds", seedSweepText(r.seedSweep)]);
  if (r.damaging) {
    entries.push(["damaging.objective", r.damaging.objective], ["damaging.value", String(r.damaging.value)], ["damaging.evaluations", String(r.damaging.evaluations)], ["damaging.replay", r.damaging.replay]);
  }
  if (entries.length === 0) return "";
  return `      <properties>\n${entries.map(([name, value]) => `        <property name="${attr(name)}" value="${attr(value)}"/>\n`).join("")}      </properties>\n`;
}

function details(r: PropertyResult): string {
  const out = [`${r.title}: ${r.statement}`, `expected: ${r.expected}${r.expectedReason ? ` (${r.expectedReason})` : ""}`, `verdict: ${r.verdict}`];
  if (r.evidence !== undefined) out.push(`evidence: ${evidenceText(r)}`);
  if (r.error !== undefined) out.push(`error: ${r.error}`);
  if (r.damaging) out.push(`most damaging attack: ${r.damaging.objective} = ${r.damaging.value} (${r.damaging.message})`, `search replay: ${r.damaging.replay}`);
  if (r.counterexample) {
    out.push(`${r.damaging ? "minimal counterexample" : "counterexample"}: ${r.counterexample.message}`, `input: ${JSON.stringify(r.counterexample.input)}`, `replay: ${r.counterexample.replay}`);
  }
  out.push(`trusted: ${r.trust.trusted.join(", ")}`);
  return out.join("\n");
}

/**
 * ` timestamp="..." hostname="..."` of the run: the start in the JUnit schema's form (ISO 8601,
 * UTC, no zone suffix) and the machine's name from the run environment; each omitted when unknown.
 */
function runAttributes(doc: ResultsDocument): string {
  const started = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d/.exec(doc.run.startedAt)?.[0];
  const host = doc.run.environment["hostname"];
  return `${started ? ` timestamp="${started}"` : ""}${host ? ` hostname="${attr(host)}"` : ""}`;
}

function duration(doc: ResultsDocument, r: PropertyResult): number {
  return doc.run.durations[`${r.scenario}::${r.property}`] ?? 0;
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** XML 1.0 forbids most control characters even when escaped: drop them. */
function clean(s: string): string {
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}

function text(s: string): string {
  return clean(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function attr(s: string): string {
  return text(s).replace(/"/g, "&quot;").replace(/'/g, "&apos;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}
