/**
 * Saved passages in real Chromium with the built extension: select, save with a note, reload and
 * find it highlighted with its note; edit the page and see it re-anchored or reported; stop the
 * service worker in the middle of a save and still get exactly one note.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
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
import { clickToolbar, noteFrame, selectWithMouse, uiElements } from '../../scripts/page-ui-probe';

let browser: ExtensionBrowser;
let server: StaticServer;
/** Served pages whose HTML a test can change between visits (the "same" article, edited). */
const editable: Record<string, string> = {};

const ARTICLE = (
  extra = '',
  changed = false,
) => `<!doctype html><html><head><meta charset="utf-8"><title>Claims desk</title>
<link rel="canonical" href="https://news.example/claims-desk"></head><body><article>
<h1>Three claims, one attack</h1>
${extra}
<p id="first">The police said the attack near the crossing was carried out by two men in a car, and that one of them was caught alive.</p>
<p id="second">${changed ? 'Officials said on Sunday that the claim by the Islamic State was still being verified by investigators.' : 'Officials said on Saturday that the claim by the Islamic State was still being verified by the investigators.'}</p>
<p id="third">A resident said the shooting lasted for several minutes before the car sped away towards the city.</p>
</article></body></html>`;

beforeAll(async () => {
  mkdirSync(join(PROJECT_ROOT, 'test-results'), { recursive: true });
  server = await serveStatic({ '/': join(PROJECT_ROOT, 'tests/fixtures/pages') }, editable);
  browser = await launchWithExtension();
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

const worlds = new WeakMap<Page, Promise<ExtensionWorld>>();

/** The text a reader sees tinted as saved (read from ClaimLens's side: the page cannot see it). */
async function noteHighlights(page: Page): Promise<string[]> {
  if (!worlds.has(page)) worlds.set(page, ExtensionWorld.attach(browser, page));
  return (await worlds.get(page)!).tintedTexts();
}

async function storedNotes(): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const worker = browser.context.serviceWorkers().find((w) => w.url().includes(browser.extensionId));
    try {
      if (worker)
        return (
          await worker.evaluate(() =>
            (
              globalThis as unknown as {
                claimlens: { notes(): Promise<{ count: number }>; delaySaves(b: number, a: number): void };
              }
            ).claimlens.notes(),
          )
        ).count as number;
    } catch {
      // the worker is restarting
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the service worker did not come back');
}

describe('saving a passage', () => {
  it('selects, saves with a note and tags, and finds it highlighted with its note after a reload', async () => {
    editable['/desk.html'] = ARTICLE();
    const page = await open('desk.html');
    const selected = await selectWithMouse(page, '#first', 70);
    await clickToolbar(page, 'Add note');
    const frame = await noteFrame(page);
    const editor = frame.locator('.cl-note-editor');
    await expect.poll(() => editor.count()).toBe(1);
    // The editor has the keys at once.
    await expect.poll(() => frame.evaluate(() => document.activeElement?.localName)).toBe('textarea');
    await page.keyboard.type('Police version of events');
    await editor.getByLabel('Add a tag').fill('police');
    await editor.getByLabel('Add a tag').press('Enter');
    await editor.getByLabel('Claim').check();
    await editor.locator('textarea').press('Control+Enter');
    await expect.poll(() => noteHighlights(page)).toEqual([selected]);
    await expect.poll(() => editor.count()).toBe(0);

    await page.reload();
    await expect.poll(() => noteHighlights(page), { timeout: 5000 }).toEqual([selected]);
    // Clicking the passage opens its note.
    const point = await page.evaluate(() => {
      const r = document.querySelector('#first')!.getBoundingClientRect();
      return { x: r.left + 20, y: r.top + 8 };
    });
    await page.mouse.click(point.x, point.y);
    const card = (await noteFrame(page)).locator('.cl-note-card');
    await expect.poll(() => card.count(), { timeout: 3000 }).toBe(1);
    expect(await card.textContent()).toContain('Police version of events');
    expect(await card.textContent()).toContain('police');
    expect(await card.textContent()).toContain('Claim');
    await page.close();
  });

  it('re-anchors a passage after the page changed around it, and reports one that is gone', async () => {
    editable['/desk-2.html'] = ARTICLE();
    let page = await open('desk-2.html');
    const kept = await selectWithMouse(page, '#third', 50);
    await page.keyboard.press('Alt+Shift+S');
    await expect.poll(() => noteHighlights(page)).toEqual([kept]);
    const lost = await selectWithMouse(page, '#second', 40);
    await clickToolbar(page, 'Highlight');
    await expect.poll(() => noteHighlights(page).then((h) => h.sort())).toEqual([kept, lost].sort());
    await page.close();

    // A paragraph inserted before, and the second passage rewritten.
    editable['/desk-2.html'] = ARTICLE(
      '<p>Update: a paragraph added at the top of the report.</p>',
      true,
    ).replace(
      'Officials said on Sunday that the claim by the Islamic State was still being verified by investigators.',
      'Investigators have since closed that line of inquiry.',
    );
    page = await open('desk-2.html');
    await expect.poll(() => noteHighlights(page), { timeout: 5000 }).toEqual([kept]);
    const notice = (await noteFrame(page, 'notice')).locator('.cl-orphans');
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toContain('1 saved passage could not be found');
    await page.close();
  });

  it('stores exactly one note when the service worker is stopped in the middle of a save', async () => {
    editable['/desk-3.html'] = ARTICLE();
    const before = await storedNotes();
    const page = await open('desk-3.html');
    await browser.worker
      .evaluate(() =>
        (
          globalThis as unknown as {
            claimlens: { notes(): Promise<{ count: number }>; delaySaves(b: number, a: number): void };
          }
        ).claimlens.delaySaves(0, 1500),
      )
      .catch(() => undefined);
    await selectWithMouse(page, '#first', 40);
    await clickToolbar(page, 'Highlight');
    await page.waitForTimeout(400); // written, not yet answered
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The content script sends the same note again; the new worker stores it once.
    await expect.poll(() => storedNotes(), { timeout: 10_000 }).toBe(before + 1);
    await page.waitForTimeout(1500);
    expect(await storedNotes()).toBe(before + 1);
    expect((await noteHighlights(page)).length).toBe(1);
    await page.close();
  });

  it('saves without a mouse: keyboard selection, Alt+Shift+S', async () => {
    editable['/desk-4.html'] = ARTICLE();
    const page = await open('desk-4.html');
    // Keyboard readers select with caret browsing (F7) or their screen reader, with Shift and the
    // arrow keys: the selection itself is set here, the keys are the reader's.
    await page.evaluate(() => {
      const text = document.querySelector('#third')!.firstChild!;
      document.getSelection()!.setBaseAndExtent(text, 0, text, 9);
    });
    await page.keyboard.press('Shift+ArrowRight');
    const selected = await page.evaluate(() => document.getSelection()!.toString());
    expect(selected).toBe('A resident');
    await page.keyboard.press('Alt+Shift+S');
    await expect.poll(() => noteHighlights(page)).toEqual(['A resident']);
    await page.close();
  });

  it('offers nothing for a selection inside a text field', async () => {
    editable['/desk-5.html'] = ARTICLE().replace(
      '</article>',
      '<textarea id="box">Islamic State in a text box</textarea></article>',
    );
    const page = await open('desk-5.html');
    await page.locator('#box').selectText();
    await page.keyboard.press('Alt+Shift+S');
    await page.waitForTimeout(400);
    expect(await noteHighlights(page)).toEqual([]);
    expect(await uiElements(page, '.cl-selection-toolbar')).toEqual([]);
    await page.close();
  });

  it('shows the reader’s own names for the colours, set on the options page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByLabel('Name for the colour “Follow up”').fill('Check with a second source');
    const colours = options.getByRole('region', { name: 'Highlight colours' });
    await colours.getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => colours.getByRole('status').textContent()).toContain('Saved');
    await options.close();

    editable['/desk-6.html'] = ARTICLE();
    const page = await open('desk-6.html');
    await selectWithMouse(page, '#first', 30);
    await clickToolbar(page, 'Add note');
    const editor = (await noteFrame(page)).locator('.cl-note-editor');
    await expect.poll(() => editor.textContent()).toContain('Check with a second source');
    await page.keyboard.press('Escape');
    await expect.poll(() => editor.count()).toBe(0);
    expect(await noteHighlights(page)).toEqual([]);
    await page.close();
  });

  it('lists, searches, exports and imports notes in the popup, refusing a hostile file whole', async () => {
    editable['/desk-7.html'] = ARTICLE();
    const page = await open('desk-7.html');
    await selectWithMouse(page, '#second', 60);
    await page.keyboard.press('Alt+Shift+S');
    await expect.poll(() => noteHighlights(page)).toHaveLength(1);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('tab', { name: 'All notes' }).click();
    await popup.getByRole('searchbox').fill('saturday islamic');
    await expect.poll(() => popup.locator('[role=listitem]').count()).toBe(1);
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      (async () => {
        await popup.getByRole('button', { name: 'Export / import' }).click();
        await popup.getByRole('menuitem', { name: 'JSON', exact: true }).click();
      })(),
    ]);
    const exported = join(PROJECT_ROOT, 'test-results', 'notes-export.json');
    await download.saveAs(exported);
    const file = JSON.parse(readFileSync(exported, 'utf8')) as { format: string; notes: { url: string }[] };
    expect(file.format).toBe('claimlens-notes');
    expect(file.notes).toHaveLength(1);
    await popup.locator('input[type=file]').setInputFiles(exported);
    await expect.poll(() => popup.getByRole('status').textContent()).toContain('1 skipped');
    const hostile = join(PROJECT_ROOT, 'test-results', 'notes-hostile.json');
    writeFileSync(
      hostile,
      JSON.stringify({ ...file, notes: [{ ...file.notes[0], id: 'other', url: 'javascript:alert(1)' }] }),
    );
    const before = await storedNotes();
    await popup.locator('input[type=file]').setInputFiles(hostile);
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain('notes[0].url');
    expect(await storedNotes()).toBe(before);
    await popup.close();
    await page.close();
  });

  it('opens a note on its page from the popup: the tab that has it, else a new tab', async () => {
    editable['/desk-8.html'] = ARTICLE();
    const page = await open('desk-8.html');
    await selectWithMouse(page, '#third', 45);
    await clickToolbar(page, 'Add note');
    await (await noteFrame(page)).locator('.cl-note-editor textarea').waitFor();
    await page.keyboard.type('Witness account, ask for a second one');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => noteHighlights(page)).toHaveLength(1);

    const openFromPopup = async () => {
      const popup = await browser.context.newPage();
      await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
      await popup.getByRole('tab', { name: 'All notes' }).click();
      await popup.getByRole('searchbox').fill('witness account');
      await expect.poll(() => popup.locator('[role=listitem]').count()).toBe(1);
      // The popup closes itself once the note is shown: wait for the close, not for the click,
      // which may find the page already gone.
      await Promise.all([
        popup.waitForEvent('close'),
        popup
          .getByRole('button', { name: /A resident said the shooting/ })
          .click()
          .catch(() => {}),
      ]);
    };
    await openFromPopup();
    const card = (await noteFrame(page)).locator('.cl-note-card');
    await expect.poll(() => card.count(), { timeout: 5000 }).toBe(1);
    expect(await card.textContent()).toContain('Witness account');
    await page.close();

    // The page is no longer open: a new tab at its address, and the note shown there.
    const opened = browser.context.waitForEvent('page', (p) => p.url().includes('desk-8.html'));
    await openFromPopup();
    const fresh = await opened;
    await fresh.waitForLoadState();
    expect(fresh.url()).toContain('desk-8.html#:~:text=A%20resident%20said');
    const freshCard = (await noteFrame(fresh, 'panel', 10_000)).locator('.cl-note-card');
    await expect.poll(() => freshCard.count(), { timeout: 5000 }).toBe(1);
    await fresh.close();
  });

  it('edits a note in place in the popup', async () => {
    editable['/desk-9.html'] = ARTICLE();
    const page = await open('desk-9.html');
    await selectWithMouse(page, '#first', 55);
    await clickToolbar(page, 'Add note');
    await (await noteFrame(page)).locator('.cl-note-editor textarea').waitFor();
    await page.keyboard.type('First reading of the police account');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => noteHighlights(page)).toHaveLength(1);
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('tab', { name: 'All notes' }).click();
    await popup.getByRole('searchbox').fill('first reading');
    await expect.poll(() => popup.locator('[role=listitem]').count()).toBe(1);
    await popup.getByRole('button', { name: 'Edit this note' }).click();
    const editor = popup.locator('.cl-note-editor textarea');
    await editor.fill('Second reading: the police account changed');
    await editor.press('Control+Enter');
    await popup.getByRole('searchbox').fill('second reading');
    await expect
      .poll(() => popup.locator('[role=listitem]').textContent())
      .toContain('Second reading: the police account changed');
    await popup.close();
    await page.close();
  });
});
