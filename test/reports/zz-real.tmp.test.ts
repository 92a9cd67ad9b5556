import { it } from "vitest";
import { writeFile } from "node:fs/promises";
import { allFigures } from "../../properties/figures.js";
import { renderHtmlReport } from "../../reports/html/index.js";
import { cleanDocument } from "./fixtures.js";
it("real figures", async () => {
  const figures = allFigures();
  console.log(JSON.stringify(figures.map((f) => ({ id: f.id, xs: f.xScale, ys: f.yScale, series: f.series.map((s) => [s.name, s.mark, s.points.length]) }))));
  await writeFile("/tmp/real-report.html", await renderHtmlReport({ ...cleanDocument, figures }));
});
