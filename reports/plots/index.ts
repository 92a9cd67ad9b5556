/**
 * Plots: every {@link Figure} of a results document as inline SVG (vega-lite + vega, headless).
 * @module
 */
export { clippedPoints, figureSpec, droppedPoints, plotSize } from "./figure-spec.js";
export { drawFigures, renderFigureSvg } from "./render-figure.js";
