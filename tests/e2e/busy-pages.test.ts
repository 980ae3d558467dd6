/**
 * Busy pages (issue 23; hostile-pages.test.ts holds the pages that attack the reader's notes). Pages that never sit still, in real Chromium with the built extension: thousands of elements added
 * in one task, a tree thousands deep, a ticker, a list re-rendered without keys. Each must end marked
 * (how long it takes is measured by `npm run bench`, not asserted here).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { HIGHLIGHT_PRIORITY } from '../../lib/page/mark-layer';
import { publicMarks } from '../../scripts/page-marks';
import {
  launchWithExtension,
  serveStatic,
  waitForReport,
  type ExtensionBrowser,
  type StaticServer,
} from '../../scripts/browser-harness';
import {
  HOSTILE_GROUP,
  bulkAppendPage,
  deepTreePage,
  keylessFeedPage,
  tickerPage,
} from '../../lib/bench/hostile-pages';

/** A page that names nothing itself, with the group named in a same-origin, a srcdoc and a cross-origin frame. */
const FRAMES_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Frames</title></head><body>
<h1>Embedded coverage</h1><p>Three frames from elsewhere.</p>
<iframe id="same" src="/framed.html"></iframe>
<iframe id="srcdoc" srcdoc="<p>In a srcdoc frame: ${HOSTILE_GROUP} was named by officials.</p>"></iframe>
<iframe id="other" src="CROSS/framed.html"></iframe>
</body></html>`;
const FRAMED_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Framed</title></head><body>
<p>In a framed page: police said ${HOSTILE_GROUP} planned the raid.</p></body></html>`;

let browser: ExtensionBrowser;
let server: StaticServer;

interface WorkerHooks {
  claimlens: { messages(): Record<string, number>; resetMessages(): void };
}

beforeAll(async () => {
  const routes: Record<string, string> = {
    '/append.html': bulkAppendPage(),
    '/deep.html': deepTreePage(),
    '/ticker.html': tickerPage(),
    '/feed.html': keylessFeedPage(),
    '/framed.html': FRAMED_PAGE,
  };
  server = await serveStatic({}, routes);
  // The cross-origin frame: the same server under another host name.
  routes['/frames.html'] = FRAMES_PAGE.replace('CROSS', server.origin.replace('127.0.0.1', 'localhost'));
  browser = await launchWithExtension();
});

describe('frames', () => {
  it('marks names inside same-origin, srcdoc and cross-origin frames, and counts them in the tab’s badge', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.url('frames.html'));
    expect(page.frames().filter((f) => f !== page.mainFrame())).toHaveLength(3);
    const marked = async () => {
      const counts = await Promise.all(
        page
          .frames()
          .filter((f) => f !== page.mainFrame())
          .map((f) => groupMarks(f).catch(() => 0)),
      );
      return counts;
    };
    await until(async () => (await marked()).filter((n) => n === 1).length === 3, 30_000);
    // One group in all: the badge counts the tab, frames included.
    const badge = async () =>
      browser.worker.evaluate(async (url) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
        return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
      }, server.url('frames.html'));
    await until(async () => (await badge()) === '1', 30_000);
    await page.close();
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  const url = server.url(path);
  await page.goto(url);
  await waitForReport(browser, url);
  return page;
}

/** The group's marks on the page (or a frame): ranges that still cover the group's name. */
const groupMarks = async (page: Page | Frame) =>
  ((await publicMarks(page)).group ?? []).filter((text) => text === HOSTILE_GROUP).length;

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const messages = () =>
  browser.worker.evaluate(() => (globalThis as unknown as WorkerHooks).claimlens.messages());

describe('pages that add a lot at once', () => {
  for (const count of [2_000, 20_000]) {
    it(`marks every name in ${count.toLocaleString('en')} paragraphs added in one task`, async () => {
      const page = await open('append.html');
      expect(await groupMarks(page)).toBe(1);
      const expected = await page.evaluate((n) => {
        const w = window as unknown as { __run(n: number): void; __expectedMarks(n: number): number };
        w.__run(n);
        return w.__expectedMarks(n);
      }, count);
      await until(async () => (await groupMarks(page)) === expected, 120_000);
      await page.close();
    });
  }

  it('marks the names in a tree 5,000 elements deep built after the page loaded', async () => {
    const page = await open('deep.html');
    const expected = await page.evaluate(() => {
      const w = window as unknown as { __run(n: number): void; __expectedMarks(n: number): number };
      w.__run(5000);
      return w.__expectedMarks(5000);
    });
    await until(async () => (await groupMarks(page)) === expected, 120_000);
    await page.close();
  });
});

describe('pages that keep changing', () => {
  it('sends no message per edit for a ticker that names nothing', async () => {
    const page = await open('ticker.html');
    await browser.worker.evaluate(() => (globalThis as unknown as WorkerHooks).claimlens.resetMessages());
    const edits = await page.evaluate(() =>
      (window as unknown as { __run(ms: number, perSecond: number): Promise<number> }).__run(3000, 1000),
    );
    const sent = Object.values(await messages()).reduce((a, b) => a + b, 0);
    expect(edits).toBeGreaterThan(1000);
    expect(sent).toBeLessThan(edits / 100);
    await page.close();
  });

  it('keeps its marks on a list re-rendered without keys: no frame is drawn without them', async () => {
    const page = await open('feed.html');
    expect(await groupMarks(page)).toBe(4);
    // Every frame the page draws while the list re-renders five times a second: how many marks it has.
    const frames = await page.evaluate(
      ([name, priority]) =>
        new Promise<number[]>((done) => {
          (window as unknown as { __run(ms: number): void }).__run(200);
          const counts: number[] = [];
          const start = performance.now();
          const frame = () => {
            // The group's highlight, known by its painting order (its name is random per page).
            const group = [...CSS.highlights.values()].find((h) => h.priority === priority);
            counts.push([...(group ?? [])].filter((r) => `${r}` === name).length);
            if (performance.now() - start < 4000) requestAnimationFrame(frame);
            else done(counts);
          };
          requestAnimationFrame(frame);
        }),
      [HOSTILE_GROUP, HIGHLIGHT_PRIORITY.group] as const,
    );
    expect(frames.length).toBeGreaterThan(20);
    expect(frames.filter((n) => n !== 4)).toEqual([]);
    await page.close();
  });
});
