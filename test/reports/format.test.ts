import { describe, expect, it } from "vitest";
import { renderEquation, splitEquation } from "../../reports/html/equation.js";
import { formatNumber, formatValue, tidyNumbers } from "../../reports/html/format.js";
import { renderProse } from "../../reports/html/prose.js";
import { renderTrace } from "../../reports/html/sections/trace.js";
import { blochTrace, longEquations } from "./fixtures.js";

describe("one number formatter", () => {
  it.each([
    [1.4000000000000001, "1.4"],
    [0.1234567, "0.1235"],
    [3.953e-323, "0"],
    [-1e-310, "0"],
    [0.000012346, "1.235e-5"],
    [1_234_567.8, "1.235e6"],
    [42, "42"],
    [Number.POSITIVE_INFINITY, "∞"],
    [Number.NaN, "—"],
  ])("%s -> %s", (value, text) => expect(formatNumber(value)).toBe(text));

  it("explains a missing or undefined value in a tooltip", () => {
    expect(formatValue(Number.NaN)).toMatch(/^<span class="na" title="not a number[^"]*">—<\/span>$/);
    expect(formatValue(null)).toMatch(/title="no value/);
  });

  it("tidies numbers written into prose", () => {
    expect(tidyNumbers("QBER 1.4000000000000001 % at 3.953e-323 km, efficiency NaN")).toBe("QBER 1.4 % at 0 km, efficiency —");
    expect(tidyNumbers("version 0.1.0, 2^-4 = 0.0625")).toBe("version 0.1.0, 2^-4 = 0.0625");
  });
});

describe("math in prose", () => {
  const tex = (html: string) => [...html.matchAll(/<annotation encoding="application\/x-tex">([^<]*)<\/annotation>/g)].map((m) => m[1]);

  it("typesets \\( ... \\) and bare sub/superscripts, leaves snake_case alone, escapes the rest", () => {
    const html = renderProse("pair \\(K'_{2i-1}, K'_{2i}\\) with Y_1^L and p_o in rate_per_second <b>");
    expect(tex(html)).toEqual(["K&#x27;_{2i-1}, K&#x27;_{2i}", "Y_1^L", "p_o"]);
    expect(html).toContain("rate_per_second &lt;b&gt;");
    expect(tex(renderProse("GF(2^128) and 2^{-n/2}"))).toEqual(["2^{128}", "2^{-n/2}"]);
  });
});

describe("long equations", () => {
  it("split at top-level \\quad into left-aligned lines, never inside braces or environments", () => {
    const lines = splitEquation(longEquations[0]!);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(" ")).toContain("\\begin{cases} n/2 & \\text{parity}\\\\ n & \\text{basis-encoded}\\end{cases}");
    expect(renderEquation(longEquations[0]!)).not.toContain("katex-error");
    expect(splitEquation("a = b")).toEqual(["a = b"]);
  });
});

describe("traces show what changed", () => {
  it("lists every value in the first row, then only the changes, highlighted, grouped per particle", () => {
    const html = renderTrace(blochTrace(3));
    const rows = html.split("<tr>").slice(2);
    expect(rows[0]).toContain("s = (0, 0, -1)");
    expect(rows[0]).not.toContain("changed");
    expect(rows[1]).toContain('class="chip changed"');
    expect(rows[1]).toMatch(/\d+ unchanged/);
    expect(rows[1]!.match(/class="chip/g)!.length).toBeLessThan(6);
  });
});
