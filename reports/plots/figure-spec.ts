/**
 * A {@link Figure} (data computed by `properties/`) as a vega-lite specification: lines and
 * marks by series, log scales when the figure asks for them, and reference lines (thresholds).
 *
 * Readability rules, so that no series hides another and the legend matches the drawing:
 * - marks: one shape per series (circle, square, triangle, diamond, ...), sizes decreasing in
 *   series order and drawn in that order, so coinciding marks show as nested outlines;
 * - lines: widths decreasing in series order (a line on top of another leaves the wider one
 *   visible around it), and the series' own dash style (`dash`), which the legend shows too;
 * - a linear axis whose values are all small integers (sessions, counts) gets integer ticks;
 * - a log y axis stops at the figure's `yFloor`, or 30 decades below its largest value.
 * @module
 */
import type { TopLevelSpec } from "vega-lite";
import type { Figure, FigureSeries } from "../../properties/types.js";

/** Plot size in pixels (the SVG scales down with the page). */
export const plotSize = { width: 450, height: 260 } as const;

/** Colours by series order: colour-blind-safe (Okabe-Ito), dark enough for text on white. */
const palette = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#999999"];

/** Mark shapes by order among a figure's mark series. */
const shapes = ["circle", "square", "triangle-up", "diamond", "cross", "triangle-down", "wedge", "stroke"];

/** Dash arrays of the line styles. */
const dashes: Readonly<Record<"solid" | "dashed" | "dotted", number[]>> = { solid: [1, 0], dashed: [7, 4], dotted: [1.5, 3] };

/** How many decades below its largest value a log y axis goes at most. */
export const LOG_DECADES = 30;

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
  const floor = yFloorOf(figure);
  const x = { field: "x", type: "quantitative" as const, title: figure.xLabel, scale: scaleOf(figure.xScale), axis: integerAxis(figure) };
  const y = {
    field: "y",
    type: "quantitative" as const,
    title: figure.yLabel,
    scale: floor === undefined ? scaleOf(figure.yScale) : { ...scaleOf(figure.yScale), domainMin: floor },
  };
  const legend = (symbolType: string, symbolSize: number) => ({
    orient: "bottom" as const,
    direction: "horizontal" as const,
    columns: 1,
    labelLimit: 440,
    symbolType,
    symbolStrokeWidth: 2,
    symbolSize,
  });
  const byName = (series: readonly FigureSeries[], range: readonly (string | number | number[])[]) => ({
    field: "series",
    type: "nominal" as const,
    title: null,
    scale: { domain: series.map((s) => s.name), range: [...range] },
  });
  /** A per-series number (width, size), decreasing in series order, without a legend of its own. */
  const byRank = (count: number, first: number, last: number) =>
    count === 1
      ? { value: first }
      : { field: "rank", type: "quantitative" as const, scale: { type: "linear" as const, domain: [0, count - 1], range: [first, last] }, legend: null };
  const lines = figure.series.filter((s) => s.mark === "line" && rowsOf(figure, s).length > 0);
  const marks = figure.series.filter((s) => s.mark === "point" && rowsOf(figure, s).length > 0);
  const layer: object[] = [];
  if (lines.length > 0) {
    layer.push({
      data: { values: lines.flatMap((s, rank) => rowsOf(figure, s).map((r) => ({ ...r, rank }))) },
      mark: { type: "line" as const, clip: true },
      encoding: {
        x,
        y,
        color: { ...byName(lines, lines.map((s) => colourOf(figure, s))), legend: legend("stroke", 500) },
        strokeDash: { ...byName(lines, lines.map((s) => dashes[s.dash ?? "solid"])), legend: legend("stroke", 500) },
        strokeWidth: byRank(lines.length, 4.5, 1.5),
        detail: { field: "series" },
      },
    });
  }
  if (marks.length > 0) {
    layer.push({
      data: { values: marks.flatMap((s, rank) => rowsOf(figure, s).map((r) => ({ ...r, rank }))) },
      mark: { type: "point" as const, filled: true, opacity: 0.9, stroke: "#000000", strokeWidth: 0.6, clip: true },
      encoding: {
        x,
        y,
        color: { ...byName(marks, marks.map((s) => colourOf(figure, s))), legend: legend("circle", 120) },
        shape: { ...byName(marks, marks.map((_, i) => shapes[i % shapes.length]!)), legend: legend("circle", 120) },
        size: byRank(marks.length, 170, Math.max(30, 170 - 35 * (marks.length - 1))),
      },
    });
  }
  for (const rule of figure.rules ?? []) {
    if (!Number.isFinite(rule.value)) continue;
    const channel = rule.axis === "x" ? { x: { datum: rule.value, type: "quantitative" as const, scale: x.scale } } : { y: { datum: rule.value, type: "quantitative" as const, scale: y.scale } };
    layer.push({ data: { values: [{}] }, mark: { type: "rule" as const, color: "#444444", strokeDash: [5, 4], strokeWidth: 1.5 }, encoding: channel });
    layer.push({
      data: { values: [{}] },
      mark: {
        type: "text" as const,
        text: rule.label,
        color: "#222222",
        fontSize: 12,
        align: "left" as const,
        baseline: "top" as const,
        dx: 4,
        dy: 4,
        ...(rule.axis === "x" ? { y: 0 } : { x: 0 }),
      },
      encoding: channel,
    });
  }
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
    layer: (layer.length > 0 ? layer : [{ data: { values: [] }, mark: "point" }]) as TopLevelSpec extends { layer: infer L } ? L : never,
    resolve: { scale: { color: "independent", shape: "independent", strokeDash: "independent", size: "independent", strokeWidth: "independent" }, legend: { color: "independent" } },
  } as TopLevelSpec;
  return spec;
}

/** How many points of a figure cannot be drawn (non-finite, or not positive on a log axis). */
export function droppedPoints(figure: Figure): number {
  return figure.series.reduce((n, s) => n + s.points.length - rowsOf(figure, s).length, 0);
}

/** How many drawable points lie below a log y axis's floor (clipped at the axis). */
export function clippedPoints(figure: Figure): number {
  const floor = yFloorOf(figure);
  if (floor === undefined) return 0;
  return figure.series.reduce((n, s) => n + rowsOf(figure, s).filter((r) => r.y < floor).length, 0);
}

/** The lowest value of a log y axis: the figure's own floor, or 30 decades below the largest value. */
function yFloorOf(figure: Figure): number | undefined {
  if (figure.yScale !== "log") return undefined;
  const ys = figure.series.flatMap((s) => rowsOf(figure, s).map((r) => r.y));
  if (ys.length === 0) return undefined;
  const lowest = Math.min(...ys);
  const floor = figure.yFloor ?? Math.max(...ys) * 10 ** -LOG_DECADES;
  return lowest < floor ? floor : undefined;
}

/** Integer ticks on a linear x axis whose values are all integers spanning less than 50. */
function integerAxis(figure: Figure): { tickMinStep: number; format: string } | undefined {
  if (figure.xScale === "log") return undefined;
  const xs = figure.series.flatMap((s) => s.points.map(([px]) => px)).filter(Number.isFinite);
  if (xs.length === 0 || !xs.every(Number.isInteger) || Math.max(...xs) - Math.min(...xs) >= 50) return undefined;
  return { tickMinStep: 1, format: "d" };
}

function colourOf(figure: Figure, series: FigureSeries): string {
  return palette[figure.series.indexOf(series) % palette.length]!;
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
