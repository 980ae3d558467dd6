/**
 * A hostile page against ClaimLens's marks, in real Chromium with the built extension: with saved
 * passages on it, the page's own scripts look for them (the highlight registry, style sheets, the
 * DOM and every shadow root they can open, hit-testing under the passages), look for fixed
 * ClaimLens names, fetch its modules at their fixed address, and clear the highlight registry.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PROJECT_ROOT,
  launchWithExtension,
  serveStatic,
  waitForReport,
  type ExtensionBrowser,
  type StaticServer,
} from '../../scripts/browser-harness';
import { ExtensionWorld } from '../../scripts/page-marks';
import { passagesOf, seedPageNotes, type SeededPassage } from '../../scripts/seed-page-notes';

let browser: ExtensionBrowser;
let server: StaticServer;

/** What the page's scripts can find out, gathered by the page itself. */
interface PageView {
  names: string[];
  texts: string[];
  css: string;
  added: string;
  shadowText: string;
  boxesReached: number;
  hitUnderPassages: string[];
}

const HOSTILE = `<!doctype html><html><head><meta charset="utf-8"><title>Border desk</title>
<style>body { background: #fff; color: #111; font: 18px/1.6 serif; margin: 40px; }</style></head><body><article>
<h1>What the border posts reported this week</h1>
<p id="p1">Officials at the northern crossing said on Tuesday that the night patrol had found nothing unusual on the road.</p>
<p id="p2">A statement posted in the name of the Islamic State said its fighters had attacked the post, which the army denied.</p>
<p id="p3">Residents of the valley told reporters that the market had stayed open and that the buses ran on time all week.</p>
<p id="p4">The provincial governor promised an inquiry, and said that the findings would be published before the end of the month.</p>
</article>
<script>
  // The page's own scripts: everything they can reach without the extension's help.
  window.hostile = {
    look(quotes) {
      const texts = [];
      for (const [, h] of CSS.highlights) for (const r of h) texts.push(r.toString());
      const roots = [];
      const visit = (root) => {
        for (const el of root.querySelectorAll('*'))
          if (el.shadowRoot) { roots.push(el.shadowRoot); visit(el.shadowRoot); }
      };
      visit(document);
      const rules = (sheets) => sheets.flatMap((s) => { try { return [...s.cssRules].map((r) => r.cssText); } catch { return []; } });
      const boxesReached = roots.reduce((n, root) =>
        n + [...root.querySelectorAll('*')].filter((el) => el.style && parseFloat(el.style.width) > 0 && el.style.top).length, 0);
      const hitUnderPassages = [];
      const range = document.createRange();
      for (const quote of quotes) {
        for (const p of document.querySelectorAll('p')) {
          const at = p.textContent.indexOf(quote);
          if (at < 0) continue;
          range.setStart(p.firstChild, at);
          range.setEnd(p.firstChild, at + 1);
          const r = range.getBoundingClientRect();
          for (const el of document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2))
            hitUnderPassages.push(el.tagName.toLowerCase());
        }
      }
      return {
        names: [...CSS.highlights.keys()],
        texts,
        css: [...rules([...document.styleSheets]), ...rules([...document.adoptedStyleSheets])].join('\\n'),
        // What was added to the page's own document (the page wrote its head, article and script).
        added: [...document.documentElement.children, ...document.body.children]
          .filter((el) => el !== document.head && el !== document.body && !['ARTICLE', 'SCRIPT'].includes(el.tagName))
          .map((el) => el.outerHTML).join('\\n'),
        shadowText: roots.map((root) => root.innerHTML).join('\\n'),
        boxesReached,
        hitUnderPassages,
      };
    },
  };
</script></body></html>`;

beforeAll(async () => {
  server = await serveStatic(
    { '/': join(PROJECT_ROOT, 'tests/fixtures/pages') },
    { '/hostile.html': HOSTILE },
  );
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The hostile page with two saved passages (in the paragraphs around the one naming a group), loaded anew. */
async function openWithSavedPassages(): Promise<{ page: Page; world: ExtensionWorld; quotes: string[] }> {
  const url = server.url('hostile.html');
  const page = await browser.context.newPage();
  await page.goto(url);
  await waitForReport(browser, url);
  const [first, , third] = await passagesOf(page, 'p', 3, 50);
  const passages: SeededPassage[] = [
    { ...first!, color: 'highlight' },
    { ...third!, color: 'claim' },
  ];
  await seedPageNotes(browser, url, passages);
  const world = await ExtensionWorld.attach(browser, page);
  await page.reload();
  await waitForReport(browser, url);
  const quotes = passages.map((p) => p.quote);
  // Drawn: exactly the saved text lies under ClaimLens's tint, seen from ClaimLens's side.
  await expect.poll(() => world.tintedTexts(), { timeout: 10_000 }).toEqual(quotes);
  return { page, world, quotes };
}

const look = (page: Page, quotes: string[]) =>
  page.evaluate(
    (q) => (window as unknown as { hostile: { look(q: string[]): PageView } }).hostile.look(q),
    quotes,
  );

describe('a hostile page and the marks', () => {
  it('finds no saved passage and no fixed ClaimLens name, while the reader sees the passages tinted', async () => {
    const { page, world, quotes } = await openWithSavedPassages();
    const seen = await look(page, quotes);

    // The highlight registry holds the public marks only: the group the page names.
    expect(seen.texts.length).toBeGreaterThan(0);
    expect(new Set(seen.texts)).toEqual(new Set(['Islamic State']));
    for (const quote of quotes) {
      expect(seen.texts.some((t) => t.includes(quote.slice(0, 20)))).toBe(false);
      expect(seen.css + seen.added + seen.shadowText).not.toContain(quote);
    }
    // No box of the overlay is reachable, and nothing of ClaimLens lies under the passages.
    expect(seen.boxesReached).toBe(0);
    expect(seen.hitUnderPassages.length).toBeGreaterThan(0);
    expect(seen.hitUnderPassages.every((tag) => ['p', 'article', 'body', 'html'].includes(tag))).toBe(true);
    // No fixed name to look for: the names are new on each load, and none says what it is.
    for (const name of seen.names) expect(name).not.toMatch(/claimlens|note|group|incident|actor|active/i);
    expect(seen.css).not.toMatch(/highlight\(claimlens/);
    await page.reload();
    await expect.poll(() => world.tintedTexts(), { timeout: 10_000 }).toEqual(quotes);
    const again = await look(page, quotes);
    expect(again.names.length).toBe(seen.names.length);
    expect(again.names.filter((n) => seen.names.includes(n))).toEqual([]);

    // The reader does see them: the overlay's boxes cover the passages' text exactly (above), and a
    // pixel inside the first passage's line, above its letters, is tinted yellow on this white page.
    const [box] = await world.overlayBoxes();
    const pixel = await pixelAt(page, box!.left + 4, box!.top + 1);
    expect(pixel[2]).toBeLessThan(200); // blue taken out: yellow over white
    expect(pixel[0]).toBeGreaterThan(240);
    const outside = await pixelAt(page, box!.left + 4, box!.top - 30);
    expect(outside).toEqual([255, 255, 255]);
    await page.close();
  });

  it('puts the marks back when the page clears the highlight registry or removes the palette', async () => {
    const { page, world, quotes } = await openWithSavedPassages();
    const registry = () => page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
    const marks = await registry();
    expect(marks).toBeGreaterThan(0);

    await page.evaluate(() => CSS.highlights.clear());
    expect(await registry()).toBe(0);
    await expect.poll(registry, { timeout: 6000 }).toBe(marks);

    await page.evaluate(() => {
      for (const [, h] of CSS.highlights) h.clear();
      document.adoptedStyleSheets = [];
    });
    await expect.poll(registry, { timeout: 6000 }).toBe(marks);
    await expect
      .poll(() => page.evaluate(() => document.adoptedStyleSheets.length), { timeout: 6000 })
      .toBe(1);
    // Painted again: the group's mark has its colour.
    const painted = await page.evaluate(() => {
      const [name, highlight] = [...CSS.highlights].find(([, h]) => h.size > 0)!;
      const range = [...highlight][0] as Range;
      return getComputedStyle(range.startContainer.parentElement!, `::highlight(${name})`).textDecorationLine;
    });
    expect(painted).toContain('underline');
    // The saved passages were never in the registry: still drawn.
    expect(await world.tintedTexts()).toEqual(quotes);
    await page.close();
  });

  it('cannot fetch ClaimLens’s modules or notes frame at a fixed address, while ClaimLens still loads them', async () => {
    const url = server.url('hostile.html');
    const page = await browser.context.newPage();
    await page.goto(url);
    const report = await waitForReport(browser, url);
    expect(report.entities.length).toBeGreaterThan(0);
    const fetched = await page.evaluate(async (id) => {
      const out: string[] = [];
      for (const file of ['content-main.js', 'page-ui.js', 'notes-frame.html'])
        out.push(
          await fetch(`chrome-extension://${id}/${file}`).then(
            (r) => `${file}: ${r.status}`,
            () => `${file}: refused`,
          ),
        );
      return out;
    }, browser.extensionId);
    expect(fetched).toEqual(['content-main.js: refused', 'page-ui.js: refused', 'notes-frame.html: refused']);
    // Nor does the page's resource timing show it the per-session address the content script used.
    const resources = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((entry) => entry.name),
    );
    expect(resources.filter((name) => !name.startsWith('http'))).toEqual([]);
    await page.close();
  });
});

/** The colour of one pixel of the page as the reader sees it, read from a screenshot. */
async function pixelAt(page: Page, x: number, y: number): Promise<number[]> {
  const png = await page.screenshot({ clip: { x: Math.round(x), y: Math.round(y), width: 1, height: 1 } });
  const reader = await browser.context.newPage();
  try {
    return await reader.evaluate(async (base64) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
      const canvas = new OffscreenCanvas(1, 1);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)];
    }, png.toString('base64'));
  } finally {
    await reader.close();
  }
}
