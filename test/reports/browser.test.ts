/**
 * Opens a rendered report in headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core; no browser is downloaded) and checks that it loads offline, cleanly and
 * completely. The report and a full-page screenshot are left in a temp directory, printed.
 */
import { existsSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderHtmlReport } from "../../reports/html/index.js";
import { richDocument } from "./fixtures.js";

const executablePath = "/usr/bin/chromium";
const args = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-sync",
  "--disable-quic",
];

describe.skipIf(!existsSync(executablePath))("the HTML report in headless Chromium", () => {
  let browser: Browser;
  let dir: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "qkd-report-"));
    file = join(dir, "report.html");
    await writeFile(file, await renderHtmlReport(richDocument));
    browser = await chromium.launch({ executablePath, args });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it("loads with no console errors and no requests but the file itself", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("request", (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: "load" });

    expect(problems).toEqual([]);
    expect(requests.filter((r) => r !== url && !r.startsWith("data:"))).toEqual([]);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();

    // the verdict matrix, every plot and every circuit are present and drawn
    expect(await page.locator('table[aria-label^="verdict matrix"] tbody tr').count()).toBe(new Set(richDocument.results.map((r) => r.scenario)).size);
    expect(await page.locator("figure.plot svg").count()).toBe(richDocument.figures.length);
    for (const figure of richDocument.figures) {
      const box = await page.locator(`figure[data-figure="${figure.id}"] svg`).boundingBox();
      expect(box?.width).toBeGreaterThan(300);
    }
    expect(await page.locator("figure.circuit svg").count()).toBe(3);
    expect(await page.locator("math").count()).toBeGreaterThan(0);

    // the optional script: filters hide results by status
    await page.locator('input[data-filter="matched"]').uncheck();
    expect(await page.locator('tr[data-status="matched"]:visible').count()).toBe(0);
    expect(await page.locator('tr[data-status="mismatch"]:visible').count()).toBe(1);
    await page.locator('input[data-filter="matched"]').check();
    expect(problems).toEqual([]);

    const screenshot = join(dir, "report.png");
    await page.screenshot({ path: screenshot, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(dir, "report-top.png") });
    console.log(`report: ${file}\nscreenshot: ${screenshot}`);
    await page.close();
  });

  it("reads without JavaScript: every result and plot is there", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator("section.result").count()).toBe(richDocument.results.length);
    expect(await page.locator("figure.plot svg").count()).toBe(richDocument.figures.length);
    expect(await page.locator(".replay pre").count()).toBe(2);
    await context.close();
  });
});
