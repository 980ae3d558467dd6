/**
 * The cards on a page in real Chromium, as a reader uses them: copy a citation to the clipboard (read
 * back), pin a card from the keyboard on a link, keep a card open while the page changes under it,
 * the hover state, the legend of marks and keys, and the marks under simulated colour blindness.
 * Screenshots of each view (1280×800 and 800×600, light and dark) go to test-results/.
 */
import { mkdirSync, readFileSync } from 'node:fs';
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
import { highlightNameOf, publicMarks } from '../../scripts/page-marks';
import { inUi, registerUiSelector, uiHostName, waitForUi } from '../../scripts/page-ui-probe';

let browser: ExtensionBrowser;
let server: StaticServer;
const RESULTS = join(PROJECT_ROOT, 'test-results');
const AXE = join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js');

const LINKED_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Linked</title></head>
<body><article><p>Officials named <a id="named" href="/elsewhere.html">Lashkar-e-Taiba</a> and Jaish-e-Mohammed in the report.</p></article></body></html>`;
const ELSEWHERE_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Elsewhere</title></head><body><p>Another page.</p></body></html>`;

/** The Zakura article on a dark page: ClaimLens draws its panels dark there. */
const zakuraDark = () =>
  readFileSync(join(PROJECT_ROOT, 'tests/fixtures/pages/zakura-2017.html'), 'utf8').replace(
    '</style>',
    'body { background: #121417 !important; color: #e8e6e1 !important; } article a { color: #9cc3ff; }</style>',
  );

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  server = await serveStatic(
    { '/': join(PROJECT_ROOT, 'tests/fixtures/pages') },
    {
      '/linked.html': LINKED_PAGE,
      '/elsewhere.html': ELSEWHERE_PAGE,
      '/zakura-dark.html': zakuraDark(),
      '/zakura-notes.html': readFileSync(join(PROJECT_ROOT, 'tests/fixtures/pages/zakura-2017.html'), 'utf8'),
    },
  );
  await registerUiSelector();
  browser = await launchWithExtension();
  await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const url = server.url(path);
  await page.goto(url);
  await waitForReport(browser, url);
  return page;
}

/** The short card's title now, or null while none is shown (never waits). */
async function titleShown(page: Page): Promise<string | null> {
  const heading = await inUi(page, '.cl-tooltip .cl-title');
  return (await heading.count()) > 0 ? heading.first().textContent() : null;
}

/** Steps through the marks with Alt+Shift+N until the short card shows `title`. */
async function stepTo(page: Page, title: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Alt+Shift+N');
    await waitForUi(page, '.cl-tooltip .cl-title');
    if ((await titleShown(page)) === title) return;
  }
  throw new Error(`no mark opened a card titled ${title}`);
}

/** Presses Tab until the page element with this id has the focus. */
async function tabTo(page: Page, id: string): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
  }
  throw new Error(
    `Tab never reached #${id} (${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))})`,
  );
}

/** Opens the Zakura incident's full card beside the article, its legend unfolded. */
async function openFullCard(page: Page): Promise<void> {
  await stepTo(page, 'Zakura attack');
  await (await inUi(page, '.cl-tooltip .cl-open')).click();
  await (await inUi(page, '.cl-side .cl-timeline')).waitFor();
}

async function seriousViolations(page: Page, root: string, selector: string): Promise<string[]> {
  await page.evaluate(
    ([part, id]) => {
      const ui = (globalThis as unknown as { __claimlensTestUiRoot: ShadowRoot }).__claimlensTestUiRoot;
      const copy = document.createElement('div');
      copy.id = id!;
      const open = copy.attachShadow({ mode: 'open' });
      for (const node of ui.querySelectorAll(`style, ${part}`)) open.append(node.cloneNode(true));
      document.body.append(copy);
    },
    [root, 'axe-copy'],
  );
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const found = (await page.evaluate(async (inside) => {
    const axe = (
      window as unknown as {
        axe: {
          run(c: unknown, o: unknown): Promise<{ violations: { id: string; impact: string | null }[] }>;
        };
      }
    ).axe;
    return (await axe.run({ include: [['#axe-copy', inside]] }, { resultTypes: ['violations'] })).violations;
  }, selector)) as { id: string; impact: string | null }[];
  await page.evaluate(() => document.getElementById('axe-copy')?.remove());
  return found.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

describe('copy citation', () => {
  it('copies a source and a claim as plain text, says “Copied”, and works from the keyboard', async () => {
    const page = await open('zakura-2017.html');
    await openFullCard(page);
    const sourceButton = (await inUi(page, '.cl-side .cl-claim .cl-sources .cl-copy')).first();
    const label = (await sourceButton.getAttribute('aria-label'))!;
    // "Copy citation: Outlet, 18 Nov 2017": the clipboard gets the outlet, the headline, the date, the address.
    const outlet = /^Copy citation: (.+?)(, \d{1,2} \w{3} \d{4})?$/.exec(label)![1]!;
    await page.evaluate(() => navigator.clipboard.writeText('nothing yet'));
    await sourceButton.click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe('nothing yet');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.startsWith(`${outlet}, `)).toBe(true);
    expect(copied).toMatch(/^[^\n]+, "[^"\n]+", \d{1,2} \w{3} \d{4}, https?:\/\/\S+$/);
    await expect.poll(() => sourceButton.textContent()).toBe('Copied');
    const status = await inUi(page, '.cl-root-side [role="status"]');
    await expect.poll(() => status.textContent()).toBe('Citation copied to the clipboard');
    await page.screenshot({ path: join(RESULTS, 'card-copy-citation-1280x800-light.png') });

    // The claim's own button, pressed with the keyboard: who claimed it first, then each source.
    const claimButton = (await inUi(page, '.cl-side .cl-claim > .cl-copy')).first();
    await claimButton.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).not.toBe(copied);
    const lines = (await page.evaluate(() => navigator.clipboard.readText())).split('\n');
    expect(lines[0]).toMatch(/^Islamic State claimed via Amaq News Agency, 18 \w{3} 2017: /);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines.slice(1)) expect(line).toMatch(/, https?:\/\/\S+$/);
    await page.close();
  });
});

describe('the keyboard', () => {
  it('Enter on a focused link around a mark pins its card; Escape gives the focus back; Enter then follows the link', async () => {
    const page = await open('linked.html');
    await tabTo(page, 'named');
    // Focus by Tab shows the card as hovering does.
    await expect.poll(() => titleShown(page)).toBe('Lashkar-e-Taiba');
    const tip = (await inUi(page, '.cl-tooltip')).first();
    expect(await tip.getAttribute('class')).not.toContain('cl-pinned');
    await page.keyboard.press('Enter');
    await expect.poll(() => tip.getAttribute('class')).toContain('cl-pinned');
    expect(page.url()).toBe(server.url('linked.html'));
    expect(await page.evaluate(() => document.activeElement?.localName)).toBe(await uiHostName(page));
    await page.keyboard.press('Escape');
    await expect.poll(() => titleShown(page)).toBe(null);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('named');
    await Promise.all([page.waitForURL(server.url('elsewhere.html')), page.keyboard.press('Enter')]);
    await page.close();
  });

  it('Space pins the card too', async () => {
    const page = await open('linked.html');
    await tabTo(page, 'named');
    await page.keyboard.press('Space');
    await expect.poll(async () => (await inUi(page, '.cl-tooltip.cl-pinned .cl-title')).count()).toBe(1);
    expect(page.url()).toBe(server.url('linked.html'));
    await page.close();
  });

  it('keeps a card opened with Alt+Shift+N open while the page changes under it', async () => {
    const page = await open('zakura-2017.html');
    await page.keyboard.press('Alt+Shift+N');
    await waitForUi(page, '.cl-tooltip .cl-title');
    const title = await titleShown(page);
    expect(title).not.toBeNull();
    // What the accessibility test does (a copy of the card added to the page and taken away), then
    // a paragraph naming another group: the marks are drawn again.
    await page.evaluate(() => {
      const copy = document.createElement('div');
      copy.textContent = 'a copy';
      document.body.append(copy);
      copy.remove();
      const p = document.createElement('p');
      p.textContent = 'Later, officials also named Jaish-e-Mohammed.';
      document.querySelector('article')!.append(p);
    });
    await expect
      .poll(async () => (await publicMarks(page)).group ?? [], { timeout: 5000 })
      .toContain('Jaish-e-Mohammed');
    expect(await titleShown(page)).toBe(title);
    // And the next key steps on to the next card.
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => titleShown(page)).not.toBe(title);
    await page.close();
  });
});

describe('what the marks say', () => {
  it('shows a hover state on the mark under the pointer', async () => {
    const page = await open('zakura-2017.html');
    const point = await page.evaluate(() => {
      const walker = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.nodeValue!.indexOf('Zakura');
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + 6);
        const r = range.getClientRects()[0]!;
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      throw new Error('no Zakura');
    });
    await page.mouse.move(point.x, point.y);
    await expect.poll(async () => (await publicMarks(page)).hover ?? []).toHaveLength(1);
    expect((await publicMarks(page)).hover![0]).toContain('Zakura');
    await page.screenshot({
      path: join(RESULTS, 'marks-hover-1280x800-light.png'),
      clip: { x: 0, y: Math.max(0, point.y - 150), width: 1280, height: 300 },
    });
    await page.mouse.move(5, 5);
    await expect.poll(async () => (await publicMarks(page)).hover ?? []).toHaveLength(0);
    await page.close();
  });

  it('tells incidents, groups and people apart by line style, not colour alone, under every colour-vision simulation', async () => {
    // A copy of the article at an address of its own: the passages saved here stay off the other tests' pages.
    const page = await open('zakura-notes.html');
    const styles = await page.evaluate(
      async (names) => {
        const rules = [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules]) as CSSStyleRule[];
        const of = (name: string | null) =>
          rules.find((r) => r.selectorText === `::highlight(${name})`)?.style.textDecorationStyle ?? null;
        return { group: of(names.group), incident: of(names.incident), actor: of(names.actor) };
      },
      {
        group: await highlightNameOf(page, 'group'),
        incident: await highlightNameOf(page, 'incident'),
        actor: await highlightNameOf(page, 'actor'),
      },
    );
    expect(styles.group).toBe('solid');
    expect(styles.incident).toBe('double');
    if (styles.actor) expect(styles.actor).toBe('dotted');
    expect(new Set(Object.values(styles).filter(Boolean)).size).toBe(
      Object.values(styles).filter(Boolean).length,
    );

    // Saved passages in three colours beside the marks: each colour has its own line too.
    for (const [n, colour] of [
      [3, 'Claim'],
      [4, 'Official statement'],
      [5, 'Follow up'],
    ] as const) {
      await page.evaluate((i) => {
        const p = document.querySelectorAll('article p')[i]!;
        const text = p.firstChild!;
        document.getSelection()!.setBaseAndExtent(text, 0, text, Math.min(40, text.textContent!.length));
      }, n);
      await page.keyboard.press('Shift+ArrowRight');
      await page.keyboard.press('Alt+Shift+A');
      // The editor's frame is made in answer to the shortcut: wait for it to exist.
      const panelFrame = () =>
        page
          .frames()
          .filter((f) => f.url().includes('/notes-frame.html?panel'))
          .at(-1);
      await expect.poll(() => panelFrame() !== undefined, { timeout: 10_000 }).toBe(true);
      const editor = panelFrame()!.locator('.cl-note-editor');
      await editor.waitFor();
      await editor.getByLabel(colour).check();
      await editor.locator('textarea').press('Control+Enter');
      await expect.poll(() => editor.count()).toBe(0);
    }
    const cdp = await page.context().newCDPSession(page);
    await page.evaluate(() => document.querySelector('article p')!.scrollIntoView());
    for (const type of ['none', 'deuteranopia', 'protanopia', 'tritanopia', 'achromatopsia'] as const) {
      await cdp.send('Emulation.setEmulatedVisionDeficiency', { type });
      await page.screenshot({ path: join(RESULTS, `marks-vision-${type}.png`) });
    }
    await cdp.send('Emulation.setEmulatedVisionDeficiency', { type: 'none' });
    await cdp.detach();
    await page.close();
  });

  for (const theme of ['light', 'dark'] as const)
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 800, height: 600 },
    ])
      it(`shows the legend of marks and keys at the foot of the full card (${viewport.width}×${viewport.height}, ${theme})`, async () => {
        const page = await open(theme === 'dark' ? 'zakura-dark.html' : 'zakura-2017.html', viewport);
        await openFullCard(page);
        const side = (await inUi(page, '.cl-side')).first();
        expect(await side.getAttribute('class')).toContain(`cl-${theme}`);
        const legend = (await inUi(page, '.cl-side .cl-legend')).first();
        await legend.locator('summary').click();
        await expect.poll(() => legend.getAttribute('open')).not.toBeNull();
        const text = (await legend.textContent())!;
        expect(text).toContain('solid underline');
        expect(text).toContain('double underline');
        expect(text).toContain('Alt+Shift+N');
        expect(text).toContain('Alt+Shift+A');
        await legend.scrollIntoViewIfNeeded();
        const name = `card-legend-${viewport.width}x${viewport.height}-${theme}.png`;
        await page.screenshot({ path: join(RESULTS, name) });
        // The top of the full card with its copy buttons, too.
        await side.evaluate((element) => element.scrollTo(0, 0));
        await page.screenshot({
          path: join(RESULTS, `card-full-${viewport.width}x${viewport.height}-${theme}.png`),
        });
        expect(await seriousViolations(page, '.cl-root-side', '.cl-side')).toEqual([]);
        await page.close();
      });
});
