/**
 * Draw a {@link Figure} as inline SVG, headless: vega-lite compiles the spec, vega renders it
 * with `renderer: "none"` (no canvas, no browser, no network).
 * @module
 */
import { parse, View, type Spec } from "vega";
import { compile } from "vega-lite";
import type { Figure } from "../../properties/types.js";
import { figureSpec } from "./figure-spec.js";

/**
 * The figure as an `<svg>` string. Element ids are prefixed with the figure id so that several
 * plots can share one page; the SVG keeps its `viewBox` and scales with CSS.
 */
export async function renderFigureSvg(figure: Figure): Promise<string> {
  const view = new View(parse(stackLegends(compile(figureSpec(figure)).spec)), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    return prefixIds(svg, `fig-${figure.id.replace(/[^A-Za-z0-9_-]/g, "_")}-`);
  } finally {
    view.finalize();
  }
}

function prefixIds(svg: string, prefix: string): string {
  return svg
    .replace(/ id="([^"]+)"/g, (_, id: string) => ` id="${prefix}${id}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${prefix}${id})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${prefix}${id}"`);
}


/** Stack the bottom legends (lines, marks) vertically: a Vega option vega-lite's types omit. */
function stackLegends(spec: Spec): Spec {
  const legend = { ...spec.config?.legend, layout: { bottom: { anchor: "start", direction: "vertical", margin: 6 } } } as const;
  return { ...spec, config: { ...spec.config, legend } };
}
