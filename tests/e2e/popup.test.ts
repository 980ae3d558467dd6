/**
 * The popup in real Chromium with the built extension and a seeded database: search, edit in place
 * under the row, delete and undo, select several to tag, delete (and undo) and export from the menu by
 * keyboard, export everything and compare the file, import it into an empty profile and compare; the
 * paused banner; screenshots at the popup's own size, light and dark, with notes and empty; re-link an
 * orphan note from the popup, keyboard only. (Opening a note on its page is in notes.test.ts.)
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Download, Page } from 'playwright-core';
import { generateNotes } from '../../lib/bench/generated-notes';
import { noteRecord } from '../../lib/notes/exchange/note-validation';
import {
  PROJECT_ROOT,
  launchWithExtension,
  readReports,
  serveStatic,
  waitForReport,
  type ExtensionBrowser,
  type StaticServer,
} from '../../scripts/browser-harness';
import { ExtensionWorld } from '../../scripts/page-marks';
import { noteFrame, selectWithMouse } from '../../scripts/page-ui-probe';

const SEEDED = 30;
const RESULTS = join(PROJECT_ROOT, 'test-results');
let browser: ExtensionBrowser;
let server: StaticServer;
const editable: Record<string, string> = {};

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  server = await serveStatic({ '/': join(PROJECT_ROOT, 'tests/fixtures/pages') }, editable);
  browser = await launchWithExtension();
  await worker(browser).evaluate((n) => (globalThis as unknown as Claimlens).claimlens.seedNotes(n), SEEDED);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Claimlens = {
  claimlens: {
    seedNotes(n: number): Promise<number>;
    notes(): Promise<{ count: number; ids: string[] }>;
  };
};

function worker(b: ExtensionBrowser) {
  return b.context.serviceWorkers().find((w) => w.url().includes(b.extensionId)) ?? b.worker;
}

async function storedCount(b: ExtensionBrowser): Promise<number> {
  return (await worker(b).evaluate(() => (globalThis as unknown as Claimlens).claimlens.notes())).count;
}

async function openPopup(b: ExtensionBrowser, query = ''): Promise<Page> {
  const popup = await b.context.newPage();
  await popup.setViewportSize({ width: 400, height: 900 });
  await popup.goto(`chrome-extension://${b.extensionId}/popup.html${query}`);
  return popup;
}

/** Exports from the menu: opens "Export / import", then picks the format. */
async function exportAs(popup: Page, format: string) {
  await popup.getByRole('button', { name: 'Export / import' }).click();
  await popup.getByRole('menuitem', { name: format, exact: true }).click();
}

async function saveDownload(popup: Page, click: () => Promise<void>, name: string) {
  const [download]: [Download, void] = await Promise.all([popup.waitForEvent('download'), click()]);
  const path = join(RESULTS, name);
  await download.saveAs(path);
  return path;
}

interface NotesFile {
  format: string;
  notes: { id: string }[];
}
const byId = (notes: { id: string }[]) => [...notes].sort((a, b) => (a.id < b.id ? -1 : 1));

describe('the popup with a seeded database', () => {
  it('exports every note losslessly, and an empty profile imports the file to the same notes', async () => {
    const popup = await openPopup(browser);
    await popup.getByRole('tab', { name: 'All notes' }).click();
    await expect.poll(() => popup.getByRole('list', { name: `Your notes (${SEEDED})` }).count()).toBe(1);
    const exported = await saveDownload(popup, () => exportAs(popup, 'JSON'), 'popup-export.json');
    const file = JSON.parse(readFileSync(exported, 'utf8')) as NotesFile;
    expect(file.format).toBe('claimlens-notes');
    // Exactly the notes that were seeded, every field but the search index (rebuilt on import).
    const seeded = generateNotes(SEEDED).map((n) => {
      const { terms: _index, ...record } = noteRecord(n);
      return record;
    });
    expect(byId(file.notes)).toEqual(byId(seeded));
    await popup.close();

    const empty = await launchWithExtension();
    try {
      const other = await openPopup(empty);
      await other.getByRole('tab', { name: 'All notes' }).click();
      // The menu's "Import notes…" opens the picker of this file input (Chromium imports in the popup).
      await other.getByRole('button', { name: 'Export / import' }).click();
      await expect.poll(() => other.getByRole('menuitem', { name: 'Import notes…' }).count()).toBe(1);
      await other.keyboard.press('Escape');
      await expect.poll(() => other.getByRole('menu').count()).toBe(0);
      await other.locator('input[type=file]').setInputFiles(exported);
      await expect
        .poll(() => other.getByRole('status').first().textContent())
        .toContain(`${SEEDED} added, 0 updated, 0 skipped`);
      expect(await storedCount(empty)).toBe(SEEDED);
      const again = await saveDownload(other, () => exportAs(other, 'JSON'), 'popup-export-imported.json');
      expect(byId((JSON.parse(readFileSync(again, 'utf8')) as NotesFile).notes)).toEqual(byId(file.notes));
    } finally {
      await empty.close();
    }
  });

  it('searches, edits in place, deletes with undo', async () => {
    const target = generateNotes(SEEDED)[7]!;
    // Every word of its passage: the one note that has them all.
    const words = target.selectors.quote.exact;
    const popup = await openPopup(browser);
    await popup.getByRole('tab', { name: 'All notes' }).click();
    await popup.getByRole('searchbox').fill(words);
    const row = popup.getByRole('listitem').filter({ hasText: target.selectors.quote.exact.slice(0, 60) });
    await expect.poll(() => row.count()).toBe(1);

    await row.getByRole('button', { name: 'Edit this note' }).click();
    // The editor opens in place, inside the note's own row.
    const editor = row.locator('.cl-note-editor textarea');
    await expect.poll(() => editor.count()).toBe(1);
    await editor.fill('Checked against **the wire copy**');
    await editor.press('Control+Enter');
    await expect.poll(() => row.textContent()).toContain('Checked against the wire copy');
    // The note's Markdown is drawn: bold, not asterisks.
    expect(await row.locator('.note strong').textContent()).toBe('the wire copy');
    expect(await row.locator('.cl-note-editor').count()).toBe(0);

    const before = await storedCount(browser);
    await row.getByRole('button', { name: 'Delete this note' }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(await storedCount(browser)).toBe(before - 1);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => row.count()).toBe(1);
    expect(await storedCount(browser)).toBe(before);
    expect(await row.textContent()).toContain('Checked against the wire copy');
    await popup.close();
  });

  it('selects several notes (Shift for a range) to tag, export, delete and undo at once', async () => {
    const popup = await openPopup(browser);
    await popup.getByRole('tab', { name: 'All notes' }).click();
    const boxes = popup.getByRole('checkbox', { name: /^Select the note on/ });
    await expect.poll(() => boxes.count()).toBeGreaterThan(4);
    await boxes.nth(0).check();
    await boxes.nth(2).click({ modifiers: ['Shift'] });
    const bar = popup.getByRole('region', { name: 'With the selected notes' });
    await expect.poll(() => bar.textContent()).toContain('3 notes selected');
    const ids = await popup.evaluate(() =>
      [...document.querySelectorAll('[role=listitem] .passage')].slice(0, 3).map((b) => b.textContent),
    );

    await bar.getByLabel('Tag').fill('second source');
    await bar.getByRole('button', { name: 'Add tag' }).click();
    await expect.poll(() => popup.locator('.bulk-status').textContent()).toBe('Tag changed on 3 notes.');
    await popup.screenshot({ path: join(RESULTS, 'popup-selection.png') });

    // Export of the selection only, from the menu, keyboard only.
    const selectedFile = await saveDownload(
      popup,
      async () => {
        await popup.getByRole('button', { name: 'Export / import' }).focus();
        await popup.keyboard.press('Enter');
        await expect.poll(() => popup.getByRole('menu').textContent()).toContain('Export 3 selected as');
        await expect.poll(() => popup.evaluate(() => document.activeElement?.textContent)).toBe('Markdown');
        await popup.keyboard.press('ArrowDown');
        await popup.keyboard.press('ArrowDown');
        expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('JSON');
        await popup.keyboard.press('Enter');
      },
      'popup-export-selected.json',
    );
    const chosen = (JSON.parse(readFileSync(selectedFile, 'utf8')) as { notes: { tags: string[] }[] }).notes;
    expect(chosen).toHaveLength(3);
    expect(chosen.every((n) => n.tags.includes('second source'))).toBe(true);

    const before = await storedCount(browser);
    await bar.getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => popup.locator('.undo').textContent()).toContain('3 notes deleted.');
    expect(await storedCount(browser)).toBe(before - 3);
    await popup.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => storedCount(browser)).toBe(before);
    await expect
      .poll(() =>
        popup.evaluate(() =>
          [...document.querySelectorAll('[role=listitem] .passage')].slice(0, 3).map((b) => b.textContent),
        ),
      )
      .toEqual(ids);
    await popup.getByRole('searchbox').fill('second source');
    await expect.poll(() => popup.getByRole('listitem').count()).toBe(3);
    await popup.close();
  });
});

describe('the popup as a reader sees it', () => {
  const shoot = async (
    b: ExtensionBrowser,
    name: string,
    scheme: 'light' | 'dark',
    prepare: (p: Page) => Promise<void>,
  ) => {
    const popup = await b.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    // The popup's own size: 380 px wide, at most 600 px tall.
    await popup.setViewportSize({ width: 380, height: 600 });
    await popup.goto(`chrome-extension://${b.extensionId}/popup.html`);
    await prepare(popup);
    await popup.screenshot({ path: join(RESULTS, name) });
    return popup;
  };

  it('shows notes as rows a reader reads (light and dark), and teaches when there are none', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await shoot(browser, `popup-notes-${scheme}.png`, scheme, async (p) => {
        await p.getByRole('tab', { name: 'All notes' }).click();
        await expect.poll(() => p.getByRole('listitem').count()).toBeGreaterThan(3);
      });
      const row = popup.getByRole('listitem').first();
      // The passage is the row's main text, over the page's title and the date in one style.
      expect(await row.locator('.bar').count()).toBe(1);
      expect(await row.locator('.meta time').textContent()).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}$/);
      const sizes = await row.evaluate((el) => ({
        passage: parseFloat(getComputedStyle(el.querySelector('.passage')!).fontSize),
        meta: parseFloat(getComputedStyle(el.querySelector('.meta')!).fontSize),
      }));
      expect(sizes.passage).toBeGreaterThan(sizes.meta);
      // Filters folded by default; the menu closed.
      expect(await popup.getByRole('button', { name: 'Filters' }).getAttribute('aria-expanded')).toBe(
        'false',
      );
      expect(await popup.getByRole('menu').count()).toBe(0);
      await popup.getByRole('button', { name: 'Filters' }).click();
      await popup.getByRole('button', { name: 'Export / import' }).click();
      await popup.screenshot({ path: join(RESULTS, `popup-menu-${scheme}.png`) });
      await popup.close();
    }
    const empty = await launchWithExtension();
    try {
      for (const scheme of ['light', 'dark'] as const) {
        const popup = await shoot(empty, `popup-empty-${scheme}.png`, scheme, async (p) => {
          await p.getByRole('tab', { name: 'All notes' }).click();
          await p.getByText('No notes yet').waitFor();
        });
        expect(await popup.getByRole('listitem').count()).toBe(0);
        await popup.close();
        const page = await shoot(empty, `popup-this-page-${scheme}.png`, scheme, async (p) => {
          await p.getByRole('heading', { name: 'On this page', exact: true }).waitFor();
        });
        await page.close();
      }
    } finally {
      await empty.close();
    }
  });

  it('lists this page’s findings by kind, each incident with its claimants named', async () => {
    const url = server.url('zakura-2017.html');
    const page = await browser.context.newPage();
    await page.goto(url);
    await waitForReport(browser, url);
    const tabId = (await readReports(browser)).find((r) => r.url === url)!.tabId;
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await browser.context.newPage();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.setViewportSize({ width: 380, height: 600 });
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
      const incidents = popup.getByRole('region', { name: 'Incidents' });
      await expect.poll(() => incidents.textContent()).toContain('Claimed by Islamic State');
      expect(await incidents.textContent()).toContain('Zakura attack');
      expect(await popup.getByRole('region', { name: 'Groups' }).textContent()).toContain('Islamic State');
      await popup.screenshot({ path: join(RESULTS, `popup-findings-${scheme}.png`) });
      await popup.close();
    }
    await page.close();
  });

  it('says when ClaimLens is paused everywhere, resumes from the banner, and opens the settings', async () => {
    const popup = await openPopup(browser);
    await popup.getByRole('checkbox', { name: 'everywhere' }).check();
    const banner = popup.locator('.banner');
    await expect.poll(() => banner.textContent()).toContain('ClaimLens is paused everywhere.');
    await popup.screenshot({ path: join(RESULTS, 'popup-paused.png') });
    await banner.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    expect(await popup.getByRole('checkbox', { name: 'everywhere' }).isChecked()).toBe(false);
    const [options] = await Promise.all([
      browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/options.html') }),
      popup.getByRole('button', { name: 'Settings' }).click(),
    ]);
    await options.close();
    if (!popup.isClosed()) await popup.close();
  });
});

const ARTICLE = (
  second: string,
) => `<!doctype html><html><head><meta charset="utf-8"><title>Relink desk</title>
</head><body><article><h1>Three claims, one attack</h1>
<p id="first">The police said the attack near the crossing was carried out by two men in a car.</p>
<p id="second">${second}</p>
<p id="third">A resident said the shooting lasted for several minutes before the car sped away.</p>
</article></body></html>`;

describe('re-linking an orphan note', () => {
  it('attaches the note to a passage the reader selects, keyboard only, and keeps its text', async () => {
    editable['/relink.html'] = ARTICLE('Officials said on Saturday that the claim was still being verified.');
    let page = await browser.context.newPage();
    await page.goto(server.url('relink.html'));
    await waitForReport(browser, server.url('relink.html'));
    await selectWithMouse(page, '#second', 40);
    await page.keyboard.press('Alt+Shift+A');
    const editor = (await noteFrame(page)).locator('.cl-note-editor');
    await editor.locator('textarea').waitFor();
    await page.keyboard.type('Officials doubt the claim');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => editor.count()).toBe(0);
    await page.close();

    // The passage is rewritten: the note is an orphan.
    editable['/relink.html'] = ARTICLE('Investigators have since closed that line of inquiry entirely.');
    page = await browser.context.newPage();
    const url = server.url('relink.html');
    await page.goto(url);
    await waitForReport(browser, url);
    const noticeFrame = await noteFrame(page, 'notice', 10_000);
    await expect.poll(() => noticeFrame.locator('.cl-orphans').count(), { timeout: 5000 }).toBe(1);
    const tabId = (await readReports(browser)).find((r) => r.url === url)!.tabId;

    const popup = await openPopup(browser, `?tab=${tabId}`);
    const orphan = popup.locator('li.orphan');
    await expect.poll(() => orphan.textContent()).toContain('Officials doubt the claim');
    await orphan.getByRole('button', { name: 'Re-link' }).focus();
    // The popup closes itself in answer to the key: wait for the close, not for the key press,
    // which may find the page already gone.
    await Promise.all([popup.waitForEvent('close'), popup.keyboard.press('Enter').catch(() => {})]);

    const notice = noticeFrame.locator('.cl-relink-notice');
    await expect.poll(() => notice.count()).toBe(1);
    await expect.poll(() => notice.textContent()).toContain('Select the passage for this note');
    // A keyboard reader selects with caret browsing; the selection is set here, the rest is keys.
    await page.bringToFront();
    await page.evaluate(() => {
      const text = document.querySelector('#second')!.firstChild!;
      document.getSelection()!.setBaseAndExtent(text, 0, text, 30);
    });
    await page.keyboard.press('Shift+ArrowRight'); // the reader's key extends it by one letter
    await expect.poll(() => notice.textContent()).toContain('Selected: “Investigators have since closed”');
    // The notice is another process's frame: its new text is painted a moment after it is in its DOM
    // (here up to 2 s: this page was behind the popup's tab), and the screenshot must show it.
    await noticeFrame.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    await page.screenshot({ path: join(RESULTS, 'relink-notice.png') });
    await page.keyboard.press('Alt+Shift+S');

    // What the reader sees tinted as saved, read from ClaimLens's side (the page cannot see it).
    const world = await ExtensionWorld.attach(browser, page);
    const highlights = () => world.tintedTexts();
    await expect.poll(highlights).toEqual(['Investigators have since closed']);
    await expect.poll(() => notice.count()).toBe(0);
    expect(await noticeFrame.locator('.cl-orphans').count()).toBe(0);
    const card = (await noteFrame(page)).locator('.cl-note-card');
    await expect.poll(() => card.count()).toBe(1);
    expect(await card.textContent()).toContain('Officials doubt the claim');

    await page.reload();
    await expect.poll(highlights, { timeout: 5000 }).toEqual(['Investigators have since closed']);
    await page.close();
  });
});
