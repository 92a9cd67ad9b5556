/**
 * Prose with inline math: statements, reasons, messages, trace details and captions.
 *
 * The convention (documented in `docs/reading-a-report.md`): LaTeX between `\(` and `\)` is
 * typeset inline, e.g. `"the pair \\(K'_{2i-1}, K'_{2i}\\)"`. Bare subscripts and superscripts
 * that older texts write without delimiters are typeset too: a one-letter symbol (optionally
 * primed) followed by `_x`, `_{...}`, `^x` or `^{...}` (`K_{2i-1}`, `K'_{2i}`, `p_o`, `e_X`,
 * `Y_1^L`); `snake_case` words are left alone. Everything else is escaped text, with numbers
 * tidied by {@link tidyNumbers}.
 * @module
 */
import katex from "katex";
import { escapeHtml } from "./escape.js";
import { tidyNumbers } from "./format.js";

/** Typeset fragments by source: traces repeat the same few symbols hundreds of times. */
const typeset = new Map<string, string>();

/** Inline MathML of a LaTeX fragment (a parse error shows the source, never throws). */
export function renderInlineMath(latex: string): string {
  let html = typeset.get(latex);
  if (html === undefined) {
    html = katex.renderToString(latex, { output: "mathml", throwOnError: false, displayMode: false, strict: "ignore" });
    if (typeset.size < 10_000) typeset.set(latex, html);
  }
  return html;
}

/** `\( ... \)` delimited math. */
const DELIMITED = /\\\((.+?)\\\)/g;

/** A bare symbol with sub- or superscripts: one letter (or a Greek name), optional prime, then `_`/`^` parts. */
const BARE = /(?<![\w\\'{}^])((?:[A-Za-z]|\d+)'?(?:[_^](?:\{[^{}\s]{1,24}\}|\d+(?![\w{.])|[A-Za-z0-9](?![\w{])))+)(?![\w{])/g;

/**
 * Text as HTML with its math typeset inline (see the module comment for the convention).
 * @example renderProse("accepted when P^e < p_o") // "accepted when <math>…P^e…</math> &lt; <math>…p_o…</math>"
 */
export function renderProse(text: unknown): string {
  const source = tidyNumbers(String(text ?? ""));
  let html = "";
  let last = 0;
  for (const match of source.matchAll(DELIMITED)) {
    html += renderBare(source.slice(last, match.index));
    html += renderInlineMath(match[1] ?? "");
    last = (match.index ?? 0) + match[0].length;
  }
  return html + renderBare(source.slice(last));
}

function renderBare(text: string): string {
  let html = "";
  let last = 0;
  for (const match of text.matchAll(BARE)) {
    html += escapeHtml(text.slice(last, match.index));
    // a bare multi-digit exponent (`2^128`) is one group in the text, not in LaTeX
    html += renderInlineMath((match[1] ?? "").replace(/([_^])(\d{2,})/g, "$1{$2}"));
    last = (match.index ?? 0) + match[0].length;
  }
  return html + escapeHtml(text.slice(last));
}
