/**
 * Draw a {@link Figure} as inline SVG, headless: vega-lite compiles the spec, vega renders it
 * with `renderer: "none"` (no canvas, no browser, no network).
 *
 * vega and vega-lite are imported on the first figure drawn, not when this module loads: every
 * CLI command, and every worker thread, loads the reports' modules, and most never draw (JSON
 * output, `--version`, the cells of `verify`).
 * @module
 */
import type { Spec } from "vega";
import type { Figure } from "../../properties/types.js";
import { stableJson } from "../json.js";
import { figureSpec } from "./figure-spec.js";

/** How many drawings {@link renderFigureSvg} keeps (the shipped figures are eight). @internal */
export const KEPT_DRAWINGS = 32;
/** Drawings by the figure's content ({@link contentKey}), least recently used first. */
const drawings = new Map<string, Promise<string>>();

/**
 * The figure's content as a string: its JSON with the non-finite numbers, which JSON turns into
 * null, spelled out (`yFloor: NaN` and `yFloor: null` draw differently). Throws on what JSON
 * cannot hold (a bigint, a cycle).
 */
function contentKey(figure: Figure): string {
  return JSON.stringify(figure, (_, v: unknown) => (typeof v === "number" && !Number.isFinite(v) ? `\u0000${v}` : v));
}

/**
 * The figure as an `<svg>` string. Element ids are prefixed with the figure id so that several
 * plots can share one page; the SVG keeps its `viewBox` and scales with CSS.
 *
 * A drawing depends on the figure's content only, so the last {@link KEPT_DRAWINGS} are kept by
 * content: one process draws the same shipped figures for every document it renders, and
 * drawing them costs about a second (vega; 1.0 of the 2.2 s of CPU of the first HTML report of
 * a `verify` run, 2026-11-27). `verify` draws them while its worker threads load
 * ({@link drawFigures}), so that the report at the end does not wait for them. A failed drawing
 * is not kept.
 */
export function renderFigureSvg(figure: Figure): Promise<string> {
  let key: string;
  try {
    key = contentKey(figure);
  } catch (e) {
    return Promise.reject(e instanceof Error ? e : new Error(String(e)));
  }
  const kept = drawings.get(key);
  if (kept !== undefined) {
    drawings.delete(key); // most recently used last
    drawings.set(key, kept);
    return kept;
  }
  const drawing = draw(figure);
  drawings.set(key, drawing);
  drawing.catch(() => {
    if (drawings.get(key) === drawing) drawings.delete(key);
  });
  if (drawings.size > KEPT_DRAWINGS) drawings.delete(drawings.keys().next().value!);
  return drawing;
}

/**
 * Draw `figures` as a report will (from their JSON form, which is what a results document
 * holds), keeping the drawings for {@link renderFigureSvg}. Never rejects: this only saves the
 * report time, and a figure that cannot be drawn is the report's to show.
 */
export async function drawFigures(figures: readonly Figure[]): Promise<void> {
  await Promise.all(
    figures.map(async (f) => {
      try {
        await renderFigureSvg(JSON.parse(stableJson(f)) as Figure);
      } catch {
        // the report draws it again and shows the error in the figure's place
      }
    }),
  );
}

/** Forget every kept drawing (tests: so that a drawing is made afresh). @internal */
export function forgetDrawings(): void {
  drawings.clear();
}

async function draw(figure: Figure): Promise<string> {
  // everything read from the figure is read before the first await: the drawing is that of the
  // content it is kept under, even if the caller changes the figure afterwards
  const spec = figureSpec(figure);
  const prefix = `fig-${figure.id.replace(/[^A-Za-z0-9_-]/g, "_")}-`;
  const [{ parse, View }, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const view = new View(parse(stackLegends(compile(spec).spec)), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    return prefixIds(svg, prefix);
  } finally {
    view.finalize();
  }
}

/**
 * Prefix every id with the figure's, and number them in order of appearance: vega counts clip
 * paths across views (`clip1`, `clip3`, ...), which would make the same figure differ between calls.
 */
function prefixIds(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const [, id] of svg.matchAll(/ id="([^"]+)"/g)) if (id && !ids.has(id)) ids.set(id, `${prefix}${ids.size}`);
  const renamed = (id: string): string => ids.get(id) ?? `${prefix}${id}`;
  return svg
    .replace(/ id="([^"]+)"/g, (_, id: string) => ` id="${renamed(id)}"`)
    .replace(/url\(#([^)]+)\)/g, (_, id: string) => `url(#${renamed(id)})`)
    .replace(/href="#([^"]+)"/g, (_, id: string) => `href="#${renamed(id)}"`);
}


/** Stack the bottom legends (lines, marks) vertically: a Vega option vega-lite's types omit. */
function stackLegends(spec: Spec): Spec {
  const legend = { ...spec.config?.legend, layout: { bottom: { anchor: "start", direction: "vertical", margin: 6 } } } as const;
  return { ...spec, config: { ...spec.config, legend } };
}
