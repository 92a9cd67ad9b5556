/**
 * Equations typeset at build time with KaTeX as MathML: no fonts, no CSS, no script needed,
 * so the report stays one self-contained file.
 *
 * MathML does not wrap, so a long equation is split into left-aligned lines
 * (`\begin{aligned}`) at its top-level `\quad`/`\qquad` (and, if a line is still long, at
 * top-level `,\ ` / `;\ `); its box scrolls (`overflow-x: auto`) if a line is still too wide.
 * @module
 */
import katex from "katex";

/** Sources longer than this (characters of LaTeX) are split into lines. */
export const LONG_EQUATION = 80;

/**
 * A LaTeX equation as display MathML. A parse error does not throw: KaTeX renders the source
 * in red with the error as a tooltip, so a bad equation never hides a result.
 */
export function renderEquation(latex: string): string {
  const lines = splitEquation(String(latex));
  const source = lines.length > 1 ? `\\begin{aligned}${lines.map((l) => `&${l}`).join("\\\\")}\\end{aligned}` : lines[0] ?? "";
  return katex.renderToString(source, { output: "mathml", throwOnError: false, displayMode: true, strict: "ignore" });
}

/**
 * The lines of a long equation: split at top-level spacing commands (outside braces,
 * environments and `\left ... \right`), the separator dropped. Short equations stay whole.
 * @example splitEquation("a = b,\\quad c = d") // ["a = b,", "c = d"] when long enough
 */
export function splitEquation(latex: string): string[] {
  if (latex.length <= LONG_EQUATION) return [latex];
  return splitAt(latex, atQuad)
    .flatMap((line) => (line.length > LONG_EQUATION ? splitAt(line, afterComma) : [line]))
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/** The length of a separator starting at `rest` (0: none), given the text `before` it. */
type Separator = (before: string, rest: string) => number;

const atQuad: Separator = (_, rest) => /^\\q?quad(?![A-Za-z])/.exec(rest)?.[0].length ?? 0;
const afterComma: Separator = (before, rest) => (/[,;]\s*$/.test(before) ? /^\\[ ;,]/.exec(rest)?.[0].length ?? 0 : 0);

/** Split at every top-level separator: outside braces, environments and `\left ... \right`. */
function splitAt(latex: string, separator: Separator): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < latex.length; i++) {
    const rest = latex.slice(i);
    if (/^\\(begin|left)(?![A-Za-z])/.test(rest) || latex[i] === "{") depth++;
    else if (/^\\(end|right)(?![A-Za-z])/.test(rest) || latex[i] === "}") depth--;
    else if (depth === 0 && latex[i] === "\\") {
      const length = separator(latex.slice(start, i), rest);
      if (length > 0) {
        parts.push(latex.slice(start, i));
        start = i + length;
        i = start - 1;
      }
    }
  }
  parts.push(latex.slice(start));
  return parts;
}
