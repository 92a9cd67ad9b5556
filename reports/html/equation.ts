/**
 * Equations typeset at build time with KaTeX as MathML: no fonts, no CSS, no script needed,
 * so the report stays one self-contained file.
 * @module
 */
import katex from "katex";

/**
 * A LaTeX equation as display MathML. A parse error does not throw: KaTeX renders the source
 * in red with the error as a tooltip, so a bad equation never hides a result.
 */
export function renderEquation(latex: string): string {
  return katex.renderToString(latex, { output: "mathml", throwOnError: false, displayMode: true, strict: "ignore" });
}
