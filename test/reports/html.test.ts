import { describe, expect, it } from "vitest";
import { escapeHtml, renderHtmlReport, resultStatus } from "../../reports/html/index.js";
import { cleanDocument, emptyDocument, hostile, richDocument } from "./fixtures.js";

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
    for (const label of ["✓ matched", "◆ known finding", "✗ MISMATCH", "⚠ ERROR"]) expect(html).toContain(label);
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
