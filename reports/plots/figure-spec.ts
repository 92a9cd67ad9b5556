/**
 * A {@link Figure} (data computed by `properties/`) as a vega-lite specification: lines and
 * marks by series, one colour legend, axis titles, log scales when the figure asks for them.
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import type { Figure, FigureSeries } from "../../properties/types.js";

/** Plot size in pixels (the SVG scales down with the page). */
export const plotSize = { width: 450, height: 260 } as const;

/** Colours by series order: colour-blind-safe (Okabe-Ito), dark enough for text on white. */
const palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999"];

interface Row {
  readonly x: number;
  readonly y: number;
  readonly series: string;
}

/**
 * The vega-lite spec of a figure. Points that a log axis cannot show (x or y not positive) and
 * non-finite points are left out; {@link droppedPoints} counts them so that the caption can say so.
 */
export function figureSpec(figure: Figure): TopLevelSpec {
  const x = { field: "x", type: "quantitative" as const, title: figure.xLabel, scale: scaleOf(figure.xScale) };
  const y = { field: "y", type: "quantitative" as const, title: figure.yLabel, scale: scaleOf(figure.yScale) };
  // Lines and marks get separate colour legends, so that a legend entry shows how it is drawn.
  const layer = (["line", "point"] as const)
    .map((mark) => ({ mark, series: figure.series.filter((s) => s.mark === mark) }))
    .map(({ mark, series }) => ({ mark, series, rows: series.flatMap((s) => rowsOf(figure, s)) }))
    .filter(({ rows }) => rows.length > 0)
    .map(({ mark, series, rows }) => {
      const color = {
        field: "series",
        type: "nominal" as const,
        title: null,
        scale: { domain: series.map((s) => s.name), range: series.map((s) => colourOf(figure, s)) },
        legend: {
          orient: "bottom" as const,
          direction: "horizontal" as const,
          columns: 1,
          labelLimit: 440,
          symbolType: mark === "line" ? "stroke" : "diamond",
          symbolStrokeWidth: 2,
        },
      };
      return {
        data: { values: rows as Row[] },
        mark: mark === "line" ? { type: "line" as const, strokeWidth: 2 } : { type: "point" as const, filled: true, size: 80, shape: "diamond", stroke: "#000000", strokeWidth: 0.5 },
        encoding: mark === "line" ? { x, y, color, detail: { field: "series" } } : { x, y, color },
      };
    });
  const spec: TopLevelSpec = {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    width: plotSize.width,
    height: plotSize.height,
    background: "white",
    config: {
      font: "Helvetica, Arial, sans-serif",
      axis: { titleFontSize: 13, labelFontSize: 11, titleFontWeight: "normal", gridColor: "#e6e6e6" },
      legend: { labelFontSize: 12 },
      view: { stroke: "#cccccc" },
    },
    layer: layer.length > 0 ? layer : [{ data: { values: [] }, mark: "point" }],
    resolve: { scale: { color: "independent" }, legend: { color: "independent" } },
  };
  return spec;
}

/** How many points of a figure cannot be drawn (non-finite, or not positive on a log axis). */
export function droppedPoints(figure: Figure): number {
  return figure.series.reduce((n, s) => n + s.points.length - rowsOf(figure, s).length, 0);
}

function colourOf(figure: Figure, series: FigureSeries): string {
  return palette[figure.series.indexOf(series) % palette.length];
}

function scaleOf(kind: Figure["xScale"]): { type: "log" | "linear"; zero?: boolean } {
  return kind === "log" ? { type: "log" } : { type: "linear", zero: false };
}

function rowsOf(figure: Figure, series: FigureSeries): Row[] {
  return series.points
    .filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y))
    .filter(([x]) => figure.xScale !== "log" || x > 0)
    .filter(([, y]) => figure.yScale !== "log" || y > 0)
    .map(([x, y]) => ({ x, y, series: series.name }));
}
