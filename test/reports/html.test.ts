import { describe, expect, it } from "vitest";
import { escapeHtml, renderHtmlReport, resultStatus } from "../../reports/html/index.js";
import { craftedDocument, cleanDocument, emptyDocument, hostile, richDocument } from "./fixtures.js";

const html = await renderHtmlReport(richDocument);

describe("renderHtmlReport", () => {
  it("escapes every string from scenarios, properties and counterexamples", () => {
    expect(html).not.toContain(hostile);
    expect(html).not.toContain("<script>window.__pwned");
    // exactly one script element: the report's own
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain(escapeHtml(hostile));
    for (const text of [
      richDocument.results[1]!.counterexample!.replay,
      richDocument.results[1]!.counterexample!.trace[1]!.detail,
      richDocument.results[1]!.expectedReason!,
      richDocument.results[1]!.trust.adversary,
      richDocument.results[4]!.error!,
    ])
      expect(html).toContain(escapeHtml(text));
  });

  it("classifies matched, known finding, MISMATCH and error, each with its label", () => {
    expect(richDocument.results.map(resultStatus)).toEqual(["matched", "known-finding", "matched", "mismatch", "error"]);
    for (const label of ["✓ holds", "◆ finding", "✗ MISMATCH", "⚠ ERROR"]) expect(html).toContain(label);
    expect(html).toContain("✗ 1 mismatch, 1 error");
  });

  it("shows the matrix, durations, seeds, environment and date", () => {
    expect(html).toContain('aria-label="verdict matrix');
    expect(html).toContain("812 ms");
    expect(html).toContain("2.35 s");
    expect(html).toContain("<code>1234</code>");
    expect(html).toContain("2025-11-23 14:00:00 UTC");
    expect(html).toContain("v20.20.0");
    expect(html).toContain("shard 1/2");
  });

  it("typesets equations as MathML at build time and states who is trusted", () => {
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML" display="block">');
    expect(html).toContain("Adversary:");
    expect(html).toContain("classical channel (authenticated)");
  });

  it("draws every figure and every protocol circuit inline, with OpenQASM", () => {
    expect(html.match(/<figure class="plot"/g)).toHaveLength(richDocument.figures.length);
    for (const id of ["bb84.round", "auth.round.parity", "auth.round.basis-encoded"]) expect(html).toContain(`data-circuit="${id}"`);
    expect(html).toContain("OPENQASM 2.0;");
    expect(html).toContain("(1 point not shown: not finite, or not positive on a log axis.)");
  });

  it("references nothing outside the file", () => {
    const withoutNamespaces = html.replace(/xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]+"/g, "");
    expect(withoutNamespaces).not.toMatch(/\b(src|href)="(?!#)/);
    expect(withoutNamespaces).not.toMatch(/url\((?!#)/);
    expect(withoutNamespaces).not.toMatch(/@import/);
  });

  it("is a pure function of the document", async () => {
    expect(await renderHtmlReport(richDocument)).toBe(html);
  });

  it("renders a clean run and an empty run", async () => {
    expect(await renderHtmlReport(cleanDocument)).toContain("✓ All 2 results as expected");
    const empty = await renderHtmlReport(emptyDocument);
    expect(empty).toContain("No results in this run");
    expect(empty).toContain("This run produced no figures.");
  });
});

describe("verdict matrix per protocol", () => {
  it("one table per protocol, each with only its own properties as columns", async () => {
    const html = await renderHtmlReport(richDocument);
    const protocols = [...new Set(richDocument.results.map((r) => r.protocol))];
    const tables = html.match(/<table class="matrix" aria-label="verdict matrix[^"]*">/g) ?? [];
    expect(tables.length).toBe(protocols.length);
    if (protocols.length > 1) for (const p of protocols) expect(html).toContain(`aria-label="verdict matrix: ${p}"`);
  });
});

describe("a page for a researcher", () => {
  it("lists problems, then findings, then what holds, then the controls, before the matrix and the figures", () => {
    const at = (id: string) => html.indexOf(`<section id="${id}">`);
    expect(at("problems")).toBeGreaterThan(0);
    expect(at("problems")).toBeLessThan(at("findings"));
    expect(at("findings")).toBeLessThan(at("holds"));
    expect(at("holds")).toBeLessThan(at("matrix"));
    expect(at("matrix")).toBeLessThan(at("figures"));
  });

  it("shows each finding's worst attack and replay command above its collapsed details", () => {
    const finding = html.slice(html.indexOf('data-status="known-finding"'));
    const details = finding.indexOf("<details");
    expect(finding.indexOf(escapeHtml(richDocument.results[1]!.counterexample!.replay))).toBeLessThan(details);
    expect(finding.indexOf("Eve learns 0.412 bits")).toBeLessThan(details);
  });

  it("collapses every result on first load except a check that threw", () => {
    const opened = [...html.matchAll(/<details[^>]*\bopen\b[^>]*>/g)].map((m) => m[0]);
    expect(opened).toHaveLength(1);
    expect(html).toMatch(/data-status="error"[^]*?<details open>/);
  });

  it("points each result at the protocol page that explains its step", () => {
    expect(html).toContain("<code>docs/protocol/02-bb84-private-keys.md#eq-4</code>");
    expect(html).toContain("<code>docs/protocol/05-authentication.md</code>");
  });

  it("leads a finding with its most damaging attack when the search found one, and words every kind of evidence", async () => {
    const finding = richDocument.results[1]!;
    const damaging = {
      objective: "eveInformationBits", value: 0.9, evaluations: 300, budget: 400, seed: 5, input: { mu: 0.9 },
      message: "the search's worst attack: Eve learns 0.9 bits", metrics: { holevo: 0.9 }, trace: finding.counterexample!.trace,
      replay: "qkd-harness replay scenarios/bb84/pns.yaml --property bb84.pns-secrecy --search --seed 5",
    };
    const holds = richDocument.results[0]!;
    const page = await renderHtmlReport({
      ...richDocument,
      results: [
        { ...finding, damaging },
        { ...holds, evidence: { kind: "exact", detail: "all 16 key pairs enumerated" } },
        { ...holds, scenario: "b", evidence: { kind: "optimised", inputs: 50, budget: 400, evaluations: 380, objective: "acceptance", bestObjective: 0.0625 } },
      ],
    });
    const card = page.slice(page.indexOf('data-status="known-finding"'));
    expect(card.indexOf("the search&#39;s worst attack")).toBeLessThan(card.indexOf("<details"));
    expect(card.indexOf("--search --seed 5")).toBeLessThan(card.indexOf("<details"));
    expect(page).toContain("<h4>Most damaging attack found</h4>");
    expect(page).toContain("<b>exact</b>: all 16 key pairs enumerated");
    expect(page).toContain("<b>not falsified</b> by an optimising search: 50 generated inputs, 380 evaluations (budget 400); best acceptance = 0.0625");
  });

  it("says how each holds was established", () => {
    expect(html).toContain("<b>not falsified</b> in 200 generated inputs");
  });

  it("puts a paper audit under its own heading, not under an attack trace", async () => {
    const audit = { ...richDocument.results[1]!, property: "bb84.paper-claims" };
    const page = await renderHtmlReport({ ...richDocument, results: [audit] });
    expect(page).toContain("Paper audit: the claims one by one");
    expect(page).not.toContain("<h4>Attack trace</h4>");
  });

  it("escapes markup put where numbers belong (a crafted merged document)", async () => {
    const page = await renderHtmlReport(craftedDocument());
    expect(page).not.toContain("<img");
    expect(page).toContain("&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;");
  });
});
