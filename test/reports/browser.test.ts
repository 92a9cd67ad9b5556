/**
 * Opens rendered reports in headless Chromium (Debian's /usr/bin/chromium, driven by
 * playwright-core; no browser is downloaded) at 1400 px wide and checks what a researcher sees on
 * first load: a page under 20,000 px tall (details collapsed), no horizontal overflow of the page,
 * of the matrix boxes (each matrix scrolls inside its own box) or of any equation box, no console
 * errors, no requests. With `QKD_SCREENSHOTS=1`, screenshots go to `test/reports/out/`
 * (git-ignored) for a person to look at; they assert nothing and cost about 3 s, so they are off
 * by default.
 * Skipped when Chromium is absent.
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ResultsDocument } from "../../properties/types.js";
import { renderHtmlReport } from "../../reports/html/index.js";
import { craftedDocument, largeDocument, richDocument } from "./fixtures.js";

const executablePath = "/usr/bin/chromium";
const args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-quic"];
const out = fileURLToPath(new URL("./out/", import.meta.url));
const WIDTH = 1400;
const MAX_HEIGHT = 20_000;
const screenshots = process.env.QKD_SCREENSHOTS === "1";

interface Box {
  readonly scroll: number;
  readonly client: number;
  readonly right: number;
}
interface Overflow {
  readonly page: number;
  readonly main: number;
  readonly matrices: readonly (Box & { readonly overflowX: string })[];
  readonly equations: readonly Box[];
}

describe.skipIf(!existsSync(executablePath))("the HTML report in headless Chromium", () => {
  let browser: Browser;

  beforeAll(async () => {
    await mkdir(out, { recursive: true });
    browser = await chromium.launch({ executablePath, args });
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** Render `doc` to `out/<name>.html`, open it at 1400 px, collect console problems and requests. */
  async function open(name: string, doc: ResultsDocument, javaScriptEnabled = true) {
    const file = join(out, `${name}.html`);
    await writeFile(file, await renderHtmlReport(doc));
    const context = await browser.newContext({ viewport: { width: WIDTH, height: 1000 }, javaScriptEnabled });
    const page = await context.newPage();
    const problems: string[] = [];
    const requests: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error" || m.type() === "warning") problems.push(`${m.type()}: ${m.text()}`);
    });
    page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
    page.on("request", (r) => requests.push(r.url()));
    const url = pathToFileURL(file).href;
    await page.goto(url, { waitUntil: "load" });
    return { page, problems, requests: () => requests.filter((r) => r !== url && !r.startsWith("data:")), close: () => context.close() };
  }

  /** Overflow measurements: the page, each matrix box, each equation box (run in the page; no DOM types here). */
  async function overflow(page: Page): Promise<Overflow> {
    return (await page.evaluate(`(() => {
      const box = (e) => ({ scroll: e.scrollWidth, client: e.clientWidth, right: e.getBoundingClientRect().right });
      return {
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        main: document.querySelector("main").getBoundingClientRect().right,
        matrices: [...document.querySelectorAll(".matrix-scroll")].map((e) => ({ ...box(e), overflowX: getComputedStyle(e).overflowX })),
        equations: [...document.querySelectorAll(".equation")].map(box),
      };
    })()`)) as Overflow;
  }

  it("a run the size of `verify`: under 20,000 px on first load, nothing wider than its box, no console errors", async () => {
    const doc = largeDocument();
    expect(doc.results.length).toBeGreaterThan(80);
    const { page, problems, requests, close } = await open("large", doc);
    const height = (await page.evaluate("document.documentElement.scrollHeight")) as number;
    expect(height).toBeLessThan(MAX_HEIGHT);
    // every result is collapsed on first load
    expect(await page.locator("details[data-result][open], [data-result] > details[open]").count()).toBe(0);

    const collapsed = await overflow(page);
    expect(collapsed.page).toBe(0);
    expect(collapsed.matrices.length).toBe(3);
    for (const m of collapsed.matrices) {
      // the matrix scrolls inside its own box, which stays inside the page
      expect(["auto", "scroll"]).toContain(m.overflowX);
      expect(m.right).toBeLessThanOrEqual(collapsed.main + 1);
    }
    expect(await page.locator("#matrix").count()).toBe(1);
    if (screenshots) {
      await page.screenshot({ path: join(out, "large-top.png") });
      await page.locator("#matrix").screenshot({ path: join(out, "large-matrix.png") });
    }

    // one finding opened, as a reader would
    await page.locator("article.result > details > summary").first().click();
    if (screenshots) await page.locator("article.result").first().screenshot({ path: join(out, "large-finding-open.png") });

    // open everything: no equation box overflows
    await page.evaluate(`document.querySelectorAll("details").forEach((d) => { d.open = true; })`);
    const opened = await overflow(page);
    expect(opened.equations.length).toBe(doc.results.length);
    expect(opened.equations.filter((e) => e.scroll > e.client)).toEqual([]);
    expect(opened.page).toBe(0);

    expect(problems).toEqual([]);
    expect(requests()).toEqual([]);
    await close();
  });

  it("the rich fixture: every section drawn, links open their result, copy buttons, no requests", async () => {
    const { page, problems, requests, close } = await open("rich", richDocument);
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('table[aria-label^="verdict matrix"] tbody tr').count()).toBe(
      new Set(richDocument.results.map((r) => `${r.protocol}/${r.scenario}`)).size,
    );
    expect(await page.locator("figure.plot svg").count()).toBe(richDocument.figures.length);
    for (const figure of richDocument.figures) {
      const box = await page.locator(`figure[data-figure="${figure.id}"] svg`).boundingBox();
      expect(box?.width).toBeGreaterThan(300);
    }
    expect(await page.locator("figure.circuit svg").count()).toBe(3);
    expect(await page.locator("math").count()).toBeGreaterThan(0);
    expect(await page.locator(".replay button").count()).toBeGreaterThan(0);

    // a matrix cell opens its result's details
    const link = page.locator("a.cell.st-matched").first();
    const target = (await link.getAttribute("href"))!.slice(1);
    await link.click();
    // the page opens it on hashchange, an event that may fire after click() returns: wait for it.
    // A function, not a string: playwright polls a string predicate with eval, which the report's
    // Content-Security-Policy (no 'unsafe-eval') refuses whenever the first check is false.
    type Doc = { document: { getElementById(id: string): { open?: boolean } | null } };
    await page.waitForFunction((id) => (globalThis as unknown as Doc).document.getElementById(id)?.open === true, target, { timeout: 5000 });
    expect(await page.evaluate(`document.getElementById(${JSON.stringify(target)}).open`)).toBe(true);

    const { page: overflowPage } = await overflow(page).then((o) => ({ page: o.page }));
    expect(overflowPage).toBe(0);
    if (screenshots) await page.screenshot({ path: join(out, "rich-full.png"), fullPage: true });
    expect(problems).toEqual([]);
    expect(requests()).toEqual([]);
    await close();
  });

  it("reads without JavaScript: every result, plot and replay command is there", async () => {
    const { page, close } = await open("rich-nojs", richDocument, false);
    expect(await page.locator("[data-result]").count()).toBe(richDocument.results.length);
    expect(await page.locator("figure.plot svg").count()).toBe(richDocument.figures.length);
    expect(await page.locator(".replay pre").count()).toBeGreaterThanOrEqual(2);
    await close();
  });

  it("a crafted document with markup where numbers belong runs no script", async () => {
    const { page, problems, close } = await open("crafted", craftedDocument());
    expect(await page.evaluate(() => (globalThis as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("img").count()).toBe(0);
    expect(problems).toEqual([]);
    await close();
  });
});
