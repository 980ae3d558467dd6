/**
 * The first job in real Chromium with the built extension: marks on fixture articles, the tooltip by
 * keyboard, hover and click, the page's DOM untouched, a framework page kept working, quiet pages.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PROJECT_ROOT,
  launchWithExtension,
  readReports,
  serveStatic,
  traceWhile,
  waitForReport,
  type ExtensionBrowser,
  type StaticServer,
  type TraceEvent,
} from '../../scripts/browser-harness';
import { highlightNameOf, publicMarks, type PublicStyle } from '../../scripts/page-marks';
import { CONTENT_MAIN_PATH } from '../../lib/page/content-main-contract';
import { inUi, pointOf, registerUiSelector, uiHostName } from '../../scripts/page-ui-probe';

let browser: ExtensionBrowser;
let server: StaticServer;
const SHOTS = process.env.UPDATE_SCREENSHOTS
  ? join(PROJECT_ROOT, 'docs', 'images')
  : join(PROJECT_ROOT, 'test-results');

const DARK_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Dark</title>
<style>body{background:#111;color:#eee;font:17px/1.6 sans-serif;padding:2em}</style></head>
<body><article><p>A night edition: Lashkar-e-Taiba and Jaish-e-Mohammed were named by officials.</p></article></body></html>`;

const LINKED_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Linked</title></head>
<body><article><p>Officials named <a href="/elsewhere.html">Lashkar-e-Taiba</a> and Jaish-e-Mohammed in the report.</p></article></body></html>`;
const ELSEWHERE_PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>Elsewhere</title></head><body><p>Another page.</p></body></html>`;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await serveStatic(
    {
      '/': join(PROJECT_ROOT, 'tests/fixtures/pages'),
      '/framework/': join(PROJECT_ROOT, 'tests/fixtures/framework'),
      '/vendor/preact/': join(PROJECT_ROOT, 'node_modules/preact/dist'),
      '/vendor/hooks/': join(PROJECT_ROOT, 'node_modules/preact/hooks/dist'),
    },
    { '/dark.html': DARK_PAGE, '/linked.html': LINKED_PAGE, '/elsewhere.html': ELSEWHERE_PAGE },
  );
  await registerUiSelector();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a page, snapshotting its DOM before ClaimLens runs (the content script waits for idle). */
async function open(path: string): Promise<{ page: Page; url: string; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    // What the page's own message listeners receive while ClaimLens runs.
    const w = window as unknown as { __messages: unknown[] };
    w.__messages = [];
    window.addEventListener('message', (event) => w.__messages.push(event.data));
    document.addEventListener('DOMContentLoaded', () => {
      (window as unknown as { __before: string }).__before = document.documentElement.outerHTML;
    });
  });
  const url = server.url(path);
  await page.goto(url);
  await waitForReport(browser, url);
  return { page, url, errors };
}

/** How many marks of each style the page shows (their highlight names are random on each page). */
async function highlightCounts(page: Page): Promise<Partial<Record<PublicStyle, number>>> {
  return Object.fromEntries(
    Object.entries(await publicMarks(page)).map(([style, texts]) => [style, texts.length]),
  );
}

/** The tooltip, in ClaimLens's closed shadow root (exposed to the test through the DevTools protocol). */
function tooltip(page: Page) {
  return inUi(page, '.cl-tooltip');
}

/** The tooltip's title now, or null while there is none (never waits for one). */
async function titleShown(page: Page): Promise<string | null> {
  const heading = (await tooltip(page)).locator('.cl-title');
  return (await heading.count()) > 0 ? heading.first().textContent() : null;
}

/** Steps through the marks with the keyboard until the tooltip shows `title`. */
async function stepTo(page: Page, title: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Alt+Shift+N');
    const heading = (await tooltip(page)).locator('.cl-title');
    if ((await heading.count()) > 0 && (await heading.first().textContent()) === title) return;
    await page.waitForTimeout(60);
    if ((await heading.count()) > 0 && (await heading.first().textContent()) === title) return;
  }
  throw new Error(`no mark opened a tooltip titled ${title}`);
}

describe('inline context on a Zakura-like report', () => {
  it('marks the groups and names the incident, with the reason', async () => {
    const { page, url } = await open('zakura-2017.html');
    const report = await waitForReport(browser, url);
    const ids = report.entities.map((e) => e.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'group-islamic-state',
        'media-amaq',
        'group-tehreek-ul-mujahideen',
        'group-ansar-ghazwat-ul-hind',
      ]),
    );
    const tum = report.entities.find((e) => e.id === 'group-tehreek-ul-mujahideen')!;
    expect(tum.aliases).toContain('Tehreek-ul-Mujhadeen');
    const zakura = report.incidents.find((i) => i.id === 'incident-zakura-2017');
    expect(zakura?.confidence).toBeGreaterThanOrEqual(0.6);
    expect(zakura?.why).toContain('Zakura');
    const counts = await highlightCounts(page);
    expect(counts.group).toBeGreaterThanOrEqual(6);
    expect(counts.incident).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('paints each kind of mark in its own line style, from a palette named after this page’s highlights', async () => {
    const { page, url } = await open('zakura-2017.html');
    await waitForReport(browser, url);
    const names = await Promise.all(
      (['group', 'actor', 'incident'] as const).map((style) => highlightNameOf(page, style)),
    );
    const styles = await page.evaluate(
      (list) =>
        list.map((name) => {
          const range = [...CSS.highlights.get(name!)!][0] as Range;
          const style = getComputedStyle(range.startContainer.parentElement!, `::highlight(${name})`);
          return [
            style.textDecorationLine,
            style.textDecorationStyle,
            style.backgroundColor !== 'rgba(0, 0, 0, 0)',
          ];
        }),
      names,
    );
    expect(styles).toEqual([
      ['underline', 'solid', true],
      ['underline', 'dotted', false],
      ['underline', 'double', true],
    ]);
    // The palette names this page's highlights (random names: nothing fixed to look for), in one
    // adopted sheet: the page's DOM gets no style element.
    const palette = await page.evaluate(() => ({
      rules: document.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)),
      styleElements: [...document.querySelectorAll('style')].filter((s) =>
        s.textContent?.includes('::highlight'),
      ).length,
    }));
    expect(palette.styleElements).toBe(0);
    for (const name of names)
      expect(palette.rules.some((r) => r.includes(`::highlight(${name})`))).toBe(true);
    expect(palette.rules.join('\n')).not.toMatch(/claimlens/i);
    await page.close();
  });

  it('opens the incident’s short card from the keyboard: three competing claims at a glance, the police in a line', async () => {
    const { page } = await open('zakura-2017.html');
    await stepTo(page, 'Zakura attack');
    const tip = await tooltip(page);
    const glance = tip.locator('.cl-glance');
    await expect.poll(() => glance.count()).toBe(1);
    expect(await glance.locator('h3').textContent()).toBe('⚠ 3 competing claims of responsibility');
    const text = (await glance.textContent())!;
    expect(text).toContain(
      'Claimed by Islamic State (Amaq News Agency, 18 Nov 2017) · Tehreek-ul-Mujahideen · Ansar Ghazwat-ul-Hind',
    );
    expect(text).toMatch(/Jammu and Kashmir Police: .*Islamic State claim/);
    // Why the page was linked: a footer in words, no percentage beside the title.
    expect(await tip.locator('.cl-why').textContent()).toMatch(
      /^Linked to this page on (strong|fair|some) evidence: .*Zakura/,
    );
    expect(await tip.textContent()).not.toMatch(/\d\s*%/);
    // Opened from the keyboard, the card is pinned and focused: its button is reachable with Tab.
    expect(await tip.getAttribute('class')).toContain('cl-pinned');
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe(await uiHostName(page));
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.count()).toBe(0);
    await page.close();
  });

  it('shows a short card on hover, pins it on click, and Escape closes it', async () => {
    const { page } = await open('zakura-2017.html');
    const point = await pointOf(page, 'Zakura attack');
    await page.mouse.move(point.x, point.y);
    await expect.poll(async () => titleShown(page), { timeout: 3000 }).toBe('Zakura attack');
    const tip = await tooltip(page);
    expect(await tip.getAttribute('class')).not.toContain('cl-pinned');
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => tip.getAttribute('class')).toContain('cl-pinned');
    // Pinned: the pointer leaving does not close it (the grace period for a hover card is 300 ms).
    await page.mouse.move(5, 5);
    await page.waitForTimeout(700);
    expect(await titleShown(page)).toBe('Zakura attack');
    await page.keyboard.press('Escape');
    await expect.poll(() => tip.count()).toBe(0);
    // A click elsewhere on the page closes a pinned card too.
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => tip.getAttribute('class')).toContain('cl-pinned');
    await page.mouse.click(5, 5);
    await expect.poll(() => tip.count()).toBe(0);
    await page.close();
  });

  it('opens the full card beside the article: claims first, then a dated timeline, the statements and every source', async () => {
    const { page } = await open('zakura-2017.html');
    await stepTo(page, 'Zakura attack');
    await (await inUi(page, '.cl-tooltip .cl-open')).click();
    const side = await inUi(page, '.cl-side');
    await expect.poll(() => side.count()).toBe(1);
    await expect.poll(async () => (await tooltip(page)).count()).toBe(0);
    const sections = await side
      .locator('section')
      .evaluateAll((list) => list.map((section) => section.getAttribute('aria-label')));
    expect(sections.slice(0, 4)).toEqual(['At a glance', 'Claims', 'Timeline', 'Official statements']);
    const lines = await side
      .locator('.cl-timeline li')
      .evaluateAll((list) => list.map((li) => [...li.children].map((c) => c.textContent)));
    expect(lines[0]).toEqual(['17 Nov 2017', 'Incident', 'Zakura attack']);
    expect(lines).toContainEqual(['18 Nov 2017', 'Claim', 'Islamic State claimed via Amaq News Agency']);
    expect(lines.filter(([, kind]) => kind === 'Official')).toHaveLength(5);
    const dated = lines.map(([date]) => date).filter((d) => d !== 'undated');
    const days = dated.map((d) => Date.parse(d!));
    expect(days).toEqual([...days].sort((a, b) => a - b));
    expect(await side.textContent()).toMatch(/Shesh Paul Vaid/);
    const links = side.locator('a');
    expect(await links.count()).toBeGreaterThan(5);
    for (const link of await links.all()) expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    await page.keyboard.press('Escape');
    await expect.poll(() => side.count()).toBe(0);
    await page.close();
  });

  it('pins the card on the first click of a mark inside a link, and follows the link on the second', async () => {
    const { page, url } = await open('linked.html');
    const point = await pointOf(page, 'Lashkar-e-Taiba');
    await page.mouse.click(point.x, point.y);
    await expect.poll(async () => titleShown(page), { timeout: 3000 }).toBe('Lashkar-e-Taiba');
    expect(page.url()).toBe(url);
    await Promise.all([page.waitForURL(/elsewhere\.html$/), page.mouse.click(point.x, point.y)]);
    await page.close();
  });

  it('screenshots the short and the full card at 1280×800 and 800×600, light and dark, each fitting its window', async () => {
    for (const theme of ['light', 'dark'] as const) {
      for (const [width, height] of [
        [1280, 800],
        [800, 600],
      ] as const) {
        const { page } = await open('zakura-2017.html');
        await page.setViewportSize({ width, height });
        if (theme === 'dark')
          await page.addStyleTag({
            content: 'html, body { background: #121212 !important; color: #e8e8e8 !important; }',
          });
        await stepTo(page, 'Zakura attack');
        const tip = await tooltip(page);
        await tip.locator('.cl-open').waitFor();
        await page.screenshot({ path: join(SHOTS, `short-card-${width}x${height}-${theme}.png`) });
        const box = await tip.evaluate((el) => ({
          scrolls: el.scrollHeight > el.clientHeight + 1,
          rect: el.getBoundingClientRect().toJSON() as DOMRect,
          dark: el.classList.contains('cl-dark'),
        }));
        // The short card fits without scrolling, inside the window.
        expect(box.scrolls).toBe(false);
        expect(box.rect.top).toBeGreaterThanOrEqual(0);
        expect(box.rect.bottom).toBeLessThanOrEqual(height);
        expect(box.dark).toBe(theme === 'dark');
        await tip.locator('.cl-open').click();
        const side = await inUi(page, '.cl-side');
        await side.locator('.cl-timeline').waitFor();
        const panel = await side.evaluate((el) => el.getBoundingClientRect().toJSON() as DOMRect);
        expect(panel.right).toBeLessThanOrEqual(width);
        expect(panel.height).toBeLessThanOrEqual(height);
        await page.screenshot({ path: join(SHOTS, `full-card-${width}x${height}-${theme}.png`) });
        await page.close();
      }
    }
  });

  it('opens a group tooltip on hover after a calm delay, and closes it when the pointer leaves', async () => {
    const { page } = await open('zakura-2017.html');
    const point = await pointOf(page, 'Tehreek-ul-Mujhadeen');
    await page.mouse.move(point.x, point.y);
    await page.waitForTimeout(150);
    expect(await (await tooltip(page)).count()).toBe(0); // not at once: reading over a name is not asking
    await expect.poll(async () => titleShown(page), { timeout: 3000 }).toBe('Tehreek-ul-Mujahideen');
    expect(await (await tooltip(page)).textContent()).toMatch(/Incidents claimed: \d/);
    await page.mouse.move(5, 5);
    await expect.poll(async () => (await tooltip(page)).count(), { timeout: 3000 }).toBe(0);
    await page.close();
  });

  it('opens on click and leaves the page DOM as it was, apart from the one host element, and posts the page nothing', async () => {
    const { page } = await open('zakura-2017.html');
    const point = await pointOf(page, 'Amaq');
    await page.mouse.click(point.x, point.y);
    await expect.poll(async () => (await tooltip(page)).count(), { timeout: 3000 }).toBe(1);
    const hostName = (await uiHostName(page))!;
    const { before, after, hosts, messages, loaded } = await page.evaluate((name) => {
      const clone = document.documentElement.cloneNode(true) as HTMLElement;
      const hosts = clone.querySelectorAll(name).length;
      clone.querySelectorAll(name).forEach((el) => el.remove());
      const w = window as unknown as { __before: string; __messages: unknown[] };
      const loaded = performance.getEntriesByType('resource').map((e) => e.name);
      return { before: w.__before, after: clone.outerHTML, hosts, messages: w.__messages, loaded };
    }, hostName);
    expect(hosts).toBe(1);
    expect(after).toBe(before);
    expect(messages).toEqual([]);
    // The modules ClaimLens imported (its work, then the tooltip's UI) are not in the page's timeline.
    expect(loaded.filter((u) => !u.startsWith('http'))).toEqual([]);
    await page.close();
  });

  it('compiles its module off the main thread of the page, on every visit to a site', async () => {
    const module = (e: TraceEvent) => String(e.args?.data?.url ?? '').includes(`${CONTENT_MAIN_PATH}?`);
    let events: TraceEvent[] = [];
    // The third visit is the one where the browser would have a cached compile to read on the main thread.
    for (let visit = 0; visit < 3; visit++) {
      const page = await browser.context.newPage();
      const url = server.url(`zakura-2017.html?visit=${visit}`);
      events = await traceWhile(browser, page, 'devtools.timeline,v8', async () => {
        await page.goto(url);
        await waitForReport(browser, url);
      });
      await page.close();
    }
    const script = events.find(
      (e) => e.name === 'EvaluateScript' && String(e.args?.data?.url).endsWith('/spotter.js'),
    );
    const compiled = events.filter((e) => e.name === 'v8.compileModule' && module(e));
    expect(script).toBeDefined();
    expect(compiled).toHaveLength(1);
    expect(compiled[0]!.args?.data).toMatchObject({ streamed: true });
    expect(compiled[0]!.args?.data).not.toHaveProperty('consumedCacheSize');
    const offMainThread = events.filter(
      (e) => module(e) && e.tid !== script!.tid && /parse|compile/i.test(e.name),
    );
    expect(offMainThread.length).toBeGreaterThan(0);
  });
});

describe('inline context on a Wilayah-of-Hind-like report', () => {
  it('resolves "late on Friday" against the article date and marks the province', async () => {
    const { url, page } = await open('wilayah-2019.html');
    const report = await waitForReport(browser, url);
    expect(report.published).toBe('2019-05-11');
    const ids = report.entities.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['group-islamic-state', 'media-amaq']));
    expect(ids.some((id) => /hind/.test(id))).toBe(true);
    expect(report.incidents.map((i) => i.id)).toEqual(expect.arrayContaining(['incident-amshipora-2019']));
    await page.close();
  });
});

describe('names textContent runs into the text beside them', () => {
  it('marks a name a page writes in lower case against the block before it, in markup with no spaces', async () => {
    // textContent reads "worldal-Qaedasport" and "the Bahamas": the page checks which of them begin a
    // text node, and reads its text because one does.
    const { page, url } = await open('topic-tags.html');
    const report = await waitForReport(browser, url);
    expect(report.entities.map((e) => [e.name, e.aliases])).toEqual([['al-Qaeda', ['al-Qaeda']]]);
    expect(report.timing.textNodes).toBeGreaterThan(0);
    expect((await highlightCounts(page)).group).toBe(1);
    await page.close();
  });
});

describe('pages ClaimLens must leave alone', () => {
  it('marks nothing and names no incident on a page about something else', async () => {
    const { page, url } = await open('unrelated-traps.html');
    const report = await waitForReport(browser, url);
    expect(report.entities.filter((e) => e.kind !== 'place')).toEqual([]);
    expect(report.incidents).toEqual([]);
    // Its whole text was glanced at first. (The page names Egypt and Spain, where incidents of the
    // default pack happened, beside words of violence in a myth: the glance may have it read, which
    // costs a walk but never a mark.)
    expect(report.timing.glanced).toBeGreaterThan(1000);
    const counts = await highlightCounts(page);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
    expect(await uiHostName(page)).toBeUndefined();
    const badge = await browser.worker.evaluate(
      (tabId) => chrome.action.getBadgeText({ tabId }),
      report.tabId,
    );
    expect(badge).toBe('');
    await page.close();
  });

  it('does not claim the 2017 incident for a 2021 attack in the same place', async () => {
    const { page, url } = await open('zakura-wrong-date.html');
    expect((await waitForReport(browser, url)).incidents).toEqual([]);
    await page.close();
  });

  it('reads only visible text: not scripts, form fields, editable or hidden regions', async () => {
    const { page, url } = await open('hidden-and-inputs.html');
    const report = await waitForReport(browser, url);
    expect(report.entities.filter((e) => e.kind !== 'place').map((e) => e.id)).toEqual([
      'group-jaish-e-mohammed',
    ]);
    await page.close();
  });
});

describe('the badge', () => {
  it('counts the groups and incidents on the tab', async () => {
    await browser.worker.evaluate(() =>
      (globalThis as unknown as { claimlens: BadgeHooks }).claimlens.resetMessages(),
    );
    const { page, url } = await open('zakura-2017.html');
    const report = await waitForReport(browser, url);
    const expected =
      report.entities.filter((e) => e.kind === 'group' || e.kind === 'media').length +
      report.incidents.length;
    const badge = await browser.worker.evaluate(
      (tabId) => chrome.action.getBadgeText({ tabId }),
      report.tabId,
    );
    expect(badge).toBe(String(expected));
    // The background filed what it answered: the page sent its glance and its text, and no report.
    const sent = await browser.worker.evaluate(() =>
      (globalThis as unknown as { claimlens: BadgeHooks }).claimlens.messages(),
    );
    expect(sent).toEqual({ openPage: 1, scanText: 1 });
    await page.close();
  });
});

/** The worker's message counts (test build only: entrypoints/background/test-hooks.ts). */
interface BadgeHooks {
  messages(): Record<string, number>;
  resetMessages(): void;
}

describe('a page rendered by a framework', () => {
  it('keeps working, and its late and re-rendered text is marked', async () => {
    const { page, url, errors } = await open('framework/app.html');
    await page.locator('#story').waitFor();
    await page.click('#more');
    await expect.poll(() => page.locator('#more').textContent()).toBe('Load more (1)');
    await expect
      .poll(
        async () => (await readReports(browser)).find((r) => r.url === url)?.entities.map((e) => e.id) ?? [],
        { timeout: 5000 },
      )
      .toEqual(
        expect.arrayContaining([
          'group-islamic-state',
          'group-hizbul-mujahideen',
          'group-lashkar-e-taiba',
          'group-jaish-e-mohammed',
          'group-the-resistance-front',
        ]),
      );
    // The ticker re-renders four times a second; its mark follows the new text.
    const before = Number((await page.locator('#ticker').textContent())!.match(/Updated (\d+)/)![1]);
    await page.waitForTimeout(1600);
    const after = Number((await page.locator('#ticker').textContent())!.match(/Updated (\d+)/)![1]);
    expect(after).toBeGreaterThan(before);
    const groupName = await highlightNameOf(page, 'group');
    const tickerMarked = await page.evaluate((name) => {
      const ticker = document.getElementById('ticker')!;
      return [...CSS.highlights.get(name!)!].some(
        (r) => ticker.contains((r as Range).startContainer) && (r as Range).toString() === 'Jaish-e-Mohammed',
      );
    }, groupName);
    expect(tickerMarked).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('dark pages', () => {
  it('switches the marks and the tooltip to the dark palette', async () => {
    const { page } = await open('dark.html');
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(async () => (await tooltip(page)).getAttribute('class')).toContain('cl-dark');
    const colors = await (
      await tooltip(page)
    ).evaluate((el) => {
      const style = getComputedStyle(el);
      return [style.backgroundColor, style.color];
    });
    expect(colors).toEqual(['rgb(31, 32, 35)', 'rgb(236, 236, 241)']);
    await page.screenshot({ path: join(SHOTS, 'dark-tooltip.png') });
    await page.close();
  });
});

describe('pausing ClaimLens', () => {
  it('stops marking and offering anything when paused everywhere, and starts again when resumed', async () => {
    const { page } = await open('zakura-2017.html');
    const marks = async () => Object.values(await highlightCounts(page)).reduce((a, b) => a + b, 0);
    expect(await marks()).toBeGreaterThan(0);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByLabel('everywhere').check();
    await expect.poll(marks).toBe(0);
    await page.keyboard.press('Alt+Shift+N');
    await page.waitForTimeout(300);
    expect(await (await tooltip(page)).count()).toBe(0);
    await popup.getByLabel('everywhere').uncheck();
    await expect.poll(marks, { timeout: 5000 }).toBeGreaterThan(0);
    await popup.close();
    await page.close();
  });

  it('is not loaded at all on a page opened while paused, and starts there without a reload when resumed', async () => {
    const setPause = (pause: { everywhere: boolean; sites: string[] }) =>
      browser.worker.evaluate((value) => chrome.storage.local.set({ 'claimlens:pause': value }), pause);
    const registration = () =>
      browser.worker.evaluate(async () => {
        const [script] = await chrome.scripting.getRegisteredContentScripts();
        return script ? (script.excludeMatches ?? []) : null;
      });
    /** Opens a page, counting the worlds the browser makes in it for the extension's content script. */
    const openCounting = async (url: string) => {
      const page = await browser.context.newPage();
      const cdp = await browser.context.newCDPSession(page);
      let worlds = 0;
      cdp.on('Runtime.executionContextCreated', ({ context }) => {
        if (context.origin.includes(browser.extensionId)) worlds++;
      });
      await cdp.send('Runtime.enable');
      await page.goto(url);
      return { page, worlds: () => worlds };
    };
    const marks = async (page: Page) => Object.values(await highlightCounts(page)).reduce((a, b) => a + b, 0);
    const quietFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

    // Paused everywhere: nothing is registered, and a page opened now gets no content script.
    await setPause({ everywhere: true, sites: [] });
    await expect.poll(registration).toBeNull();
    const url = server.url('zakura-2017.html?paused-everywhere');
    const paused = await openCounting(url);
    await quietFor(1000);
    expect(paused.worlds()).toBe(0);
    expect(await marks(paused.page)).toBe(0);
    expect((await readReports(browser)).some((r) => r.url === url)).toBe(false);

    // Resumed: the same page, not reloaded, is read and marked.
    await setPause({ everywhere: false, sites: [] });
    await expect.poll(() => marks(paused.page), { timeout: 5000 }).toBeGreaterThan(0);
    expect(paused.worlds()).toBe(1);

    // Paused on one site: left out of the registration; the same page under another host name is read.
    await setPause({ everywhere: false, sites: ['127.0.0.1'] });
    await expect.poll(registration).toEqual(['*://127.0.0.1/*']);
    const onSite = await openCounting(server.url('zakura-2017.html?paused-site'));
    const elsewhere = await openCounting(
      server.url('zakura-2017.html?other-host').replace('127.0.0.1', 'localhost'),
    );
    await expect.poll(() => marks(elsewhere.page), { timeout: 5000 }).toBeGreaterThan(0);
    await quietFor(500);
    expect(onSite.worlds()).toBe(0);
    expect(await marks(onSite.page)).toBe(0);
    // The page open there from before was told to stop.
    await expect.poll(() => marks(paused.page)).toBe(0);

    await setPause({ everywhere: false, sites: [] });
    await expect.poll(() => marks(onSite.page), { timeout: 5000 }).toBeGreaterThan(0);
    await expect.poll(() => marks(paused.page), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await registration()).toEqual([]);
    for (const page of [paused.page, onSite.page, elsewhere.page]) await page.close();
  });
});
