/**
 * A check of a parsed report (parse5's DOM) for markup injected through data: any `<script>`
 * that is not one of the report's own (which carry no `src` and never contain `alert(`),
 * `<img>`, `<iframe>`, `<object>`, `<embed>` or `<svg onload>` elements, and any `on*` event
 * attribute, are reported with where they are.
 * @module
 */
import type { DefaultTreeAdapterMap } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const foreign = new Set(["img", "iframe", "object", "embed"]);

/** The injected elements and attributes found in `root`, as short descriptions (empty: none). */
export function hostileElements(root: Node): string[] {
  const found: string[] = [];
  const visit = (node: Node): void => {
    if ("tagName" in node) {
      const el = node as Element;
      if (foreign.has(el.tagName)) found.push(`<${el.tagName}>`);
      if (el.tagName === "script") {
        const text = el.childNodes.map((c) => ("value" in c ? (c as { value: string }).value : "")).join("");
        if (el.attrs.some((a) => a.name === "src") || text.includes("alert(")) found.push("<script> with injected content");
      }
      for (const a of el.attrs) if (/^on/i.test(a.name)) found.push(`<${el.tagName} ${a.name}>`);
    }
    const children = "content" in node ? [(node as { content: Node }).content] : [];
    for (const child of [...("childNodes" in node ? (node as { childNodes: Node[] }).childNodes : []), ...children]) visit(child);
  };
  visit(root);
  return found;
}
