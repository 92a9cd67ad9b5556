/**
 * The figures section: every {@link Figure} of the document as an inline SVG plot.
 * @module
 */
import type { Figure } from "../../../properties/types.js";
import { clippedPoints, droppedPoints, renderFigureSvg } from "../../plots/index.js";
import { escapeHtml } from "../escape.js";
import { renderProse } from "../prose.js";

/** All figures; a figure that cannot be drawn shows its error instead of breaking the report. */
export async function renderFigures(figures: readonly Figure[]): Promise<string> {
  if (figures.length === 0) return `<p class="empty">This run produced no figures.</p>`;
  const blocks = await Promise.all(figures.map(renderOne));
  return `<div class="plots">\n${blocks.join("\n")}\n</div>`;
}

async function renderOne(figure: Figure): Promise<string> {
  const drawing = await renderFigureSvg(figure).catch(
    (e: unknown) => `<div class="error-box"><b>This figure could not be drawn.</b><pre><code>${escapeHtml(e instanceof Error ? e.message : e)}</code></pre></div>`,
  );
  const dropped = droppedPoints(figure);
  const clipped = clippedPoints(figure);
  const note =
    (dropped > 0 ? ` (${dropped} point${dropped === 1 ? "" : "s"} not shown: not finite, or not positive on a log axis.)` : "") +
    (clipped > 0 ? ` (${clipped} point${clipped === 1 ? "" : "s"} below the axis floor, clipped at the bottom.)` : "");
  return `<figure class="plot" id="figure-${escapeHtml(figure.id)}" data-figure="${escapeHtml(figure.id)}">
<h3>${escapeHtml(figure.title)}</h3>
${drawing}
<figcaption>${renderProse(figure.caption)}${note}</figcaption>
</figure>`;
}
