import { describe, expect, it } from "vitest";
import { droppedPoints, drawFigures, figureSpec, renderFigureSvg } from "../../reports/plots/index.js";
import { forgetDrawings, KEPT_DRAWINGS } from "../../reports/plots/render-figure.js";
import type { Figure } from "../../properties/types.js";
import { figures, hostile } from "./fixtures.js";

const byId = (id: string) => figures.find((f) => f.id === id)!;

describe("figures as vega-lite and SVG", () => {
  it("uses log scales exactly when the figure asks for them", () => {
    const spec = JSON.stringify(figureSpec(byId("bb84.key-rate-vs-distance")));
    expect(spec).toContain('"type":"log"');
    expect(JSON.stringify(figureSpec(byId("bb84.qber-vs-intercept")))).not.toContain('"type":"log"');
  });

  it("leaves out points a log axis cannot show, and counts them", () => {
    expect(droppedPoints(byId("bb84.key-rate-vs-distance"))).toBe(1);
    expect(droppedPoints(byId("bb84.qber-vs-intercept"))).toBe(0);
  });

  it("draws axis titles and a legend entry per series, with escaped text and no external references", async () => {
    for (const figure of figures) {
      const svg = await renderFigureSvg(figure);
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).toContain(escapeText(figure.xLabel));
      expect(svg).toContain(escapeText(figure.yLabel));
      // legend labels are truncated with an ellipsis past 220 px
      for (const s of figure.series) expect(svg).toContain(escapeText(s.name.slice(0, 20)));
      expect(svg).not.toContain("<script");
      expect(svg.replace(/xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]+"/g, "")).not.toMatch(/https?:/);
    }
  });

  it("is deterministic and keeps ids unique per figure", async () => {
    const figure = byId("kdc.rekey-cost");
    const first = await renderFigureSvg(figure);
    forgetDrawings();
    expect(await renderFigureSvg(figure)).toBe(first);
    const ids = (await Promise.all(figures.map(renderFigureSvg))).flatMap((svg) => [...svg.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps drawings by content: the same figure again (or its JSON form) is not drawn again, another one is", async () => {
    forgetDrawings();
    const figure = byId("kdc.rekey-cost");
    await drawFigures([figure]);
    const kept = renderFigureSvg(JSON.parse(JSON.stringify(figure)));
    expect(renderFigureSvg(figure)).toBe(kept); // the same promise: drawn once
    const changed = { ...figure, xLabel: `${figure.xLabel} (changed)` };
    expect(renderFigureSvg(changed)).not.toBe(kept);
    expect(await renderFigureSvg(changed)).not.toBe(await kept);
  });

  it("does not keep a failed drawing, keeps no more than KEPT_DRAWINGS, and drawFigures never rejects", async () => {
    forgetDrawings();
    const broken = { ...byId("kdc.rekey-cost"), series: null } as unknown as Figure;
    const failed = renderFigureSvg(broken);
    await expect(failed).rejects.toThrow();
    expect(renderFigureSvg(broken)).not.toBe(failed); // drawn (and failing) again
    await expect(drawFigures([broken, { ...broken, id: "with-a-bigint", extra: 1n } as unknown as Figure])).resolves.toBeUndefined();
    await expect(renderFigureSvg({ ...broken, extra: 1n } as unknown as Figure)).rejects.toThrow(/BigInt/);
    // the bound: KEPT_DRAWINGS + 1 distinct (failing, so cheap) figures asked at once push the first out
    forgetDrawings();
    const asked = Array.from({ length: KEPT_DRAWINGS + 1 }, (_, i) => ({ ...broken, id: `f${i}` }));
    const promises = asked.map((f) => renderFigureSvg(f));
    expect(renderFigureSvg(asked[KEPT_DRAWINGS])).toBe(promises[KEPT_DRAWINGS]);
    expect(renderFigureSvg(asked[0])).not.toBe(promises[0]);
    await Promise.allSettled(promises);
  });

  it("escapes a hostile series name", async () => {
    const svg = await renderFigureSvg(byId("kdc.rekey-cost"));
    expect(svg).not.toContain(hostile);
  });
});

function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
