import { test } from "vitest";
import { renderHtmlReport } from "../../reports/html/index.js";
import { largeDocument, richDocument } from "./fixtures.js";
test("t", async () => {
  for (let i = 0; i < 3; i++) {
    let t = performance.now(); const d = largeDocument(); const t1 = performance.now() - t;
    t = performance.now(); const h = await renderHtmlReport(d); const t2 = performance.now() - t;
    t = performance.now(); await renderHtmlReport(richDocument); const t3 = performance.now() - t;
    console.log(`large doc ${t1.toFixed(0)} ms, render large ${t2.toFixed(0)} ms (${h.length} chars), render rich ${t3.toFixed(0)} ms`);
  }
});
