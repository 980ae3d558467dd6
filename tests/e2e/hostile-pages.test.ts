/**
 * Hostile and awkward pages (written for these tests, in tests/fixtures/hostile/): what a page's own
 * scripts can do to ClaimLens, and what ClaimLens must keep doing whatever the page does.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import {
  PROJECT_ROOT,
  launchWithExtension,
  serveStatic,
  waitForReport,
  type ExtensionBrowser,
  type StaticServer,
} from '../../scripts/browser-harness';
import {
  clickToolbar,
  noteFrame,
  selectWithMouse,
  uiElements,
  uiHostName,
  waitForUi,
} from '../../scripts/page-ui-probe';

let browser: ExtensionBrowser;
let server: StaticServer;
const HOSTILE = join(PROJECT_ROOT, 'tests/fixtures/hostile');
/** Pages served from memory, which a test changes between visits. */
const routes: Record<string, string> = {};

/** A hostile page with the parts it shares put in: `<!-- include: part.html -->` stands for that file. */
function withParts(name: string): string {
  return readFileSync(join(HOSTILE, name), 'utf8').replace(
    /<!-- include: ([\w.-]+) -->/g,
    (_, part: string) => readFileSync(join(HOSTILE, part), 'utf8'),
  );
}

beforeAll(async () => {
  for (const name of ['event-stopper.html', 'forged-start.html', 'host-remover.html'])
    routes[`/${name}`] = withParts(name);
  server = await serveStatic({ '/': HOSTILE }, routes);
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

/** How many notes are stored (the worker's test hook). */
async function storedNotes(): Promise<number> {
  return browser.worker.evaluate(
    async () =>
      (
        await (
          globalThis as unknown as { claimlens: { notes(): Promise<{ count: number }> } }
        ).claimlens.notes()
      ).count,
  );
}

/** Writes a note on a paragraph's passage in the notes frame, as the reader would. */
async function writeNote(page: Page, id: string, text: string): Promise<void> {
  await selectWithMouse(page, `#${id}`, 10_000);
  await clickToolbar(page, 'Add note');
  const editor = (await noteFrame(page)).locator('.cl-note-editor');
  await editor.locator('textarea').waitFor();
  await page.keyboard.type(text);
  await page.keyboard.press('Control+Enter');
  await editor.waitFor({ state: 'detached' });
}

/** The note editor once it shows, in whichever live notes frame holds it (the frame may be made again meanwhile). */
async function openEditor(page: Page): Promise<Locator> {
  let editor: Locator | undefined;
  await expect
    .poll(
      async () => {
        const candidate = (await noteFrame(page)).locator('.cl-note-editor');
        if (!(await candidate.isVisible().catch(() => false))) return false;
        editor = candidate;
        return true;
      },
      { timeout: 30_000, interval: 250 },
    )
    .toBe(true);
  return editor!;
}

/** Clicks the start of a paragraph's saved passage, as a reader opening its note would. */
async function clickPassage(page: Page, id: string): Promise<void> {
  const point = await page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return { x: r.left + 30, y: r.top + 8 };
  }, `#${id}`);
  await page.mouse.click(point.x, point.y);
}

/**
 * The note text shown by the card that opens from a paragraph's passage (once it is that card). The
 * click is made again while another card (or none) shows: after a reload the passage may not be
 * drawn yet when the test first clicks, on a busy machine.
 */
async function cardText(page: Page, id: string): Promise<string> {
  const words = (text: string | null) => (text ?? '').trim().replace(/\s+/g, ' ');
  const start = words(await page.locator(`#${id}`).textContent()).slice(0, 30);
  await page.keyboard.press('Escape');
  await clickPassage(page, id);
  const card = (await noteFrame(page)).locator('.cl-note-card');
  const shown = async () =>
    (await card.count()) > 0
      ? words(await card.locator('.cl-note-quote').textContent({ timeout: 2000 }))
      : '';
  await expect
    .poll(
      async () => {
        const quote = await shown().catch(() => '');
        if (!quote.includes(start)) {
          await page.keyboard.press('Escape');
          await clickPassage(page, id);
        }
        return quote;
      },
      { timeout: 30_000, interval: 1000 },
    )
    .toContain(start);
  return (await card.locator('.cl-note-text').textContent()) ?? '';
}

describe('many notes on one page', () => {
  // Five notes written, three edited, two deleted, each checked: more than a minute on a busy machine.
  it('Edit and Delete on each card act on that card’s note only', async () => {
    const page = await open('many-notes.html');
    const before = await storedNotes();
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5'];
    for (const id of ids) {
      await selectWithMouse(page, `#${id}`, 10_000);
      await clickToolbar(page, 'Add note');
      const editor = await openEditor(page);
      await editor.locator('textarea').fill(`note of ${id}`);
      await editor.locator('textarea').press('Control+Enter');
      await editor.waitFor({ state: 'detached' });
    }
    for (const id of ids) expect(await cardText(page, id)).toBe(`note of ${id}`);

    // Edit on a card opens that card's note, and saving changes that note alone.
    const edited = ['p1', 'p3', 'p5'];
    for (const id of edited) {
      await cardText(page, id);
      const frame = await noteFrame(page);
      await frame.getByRole('button', { name: 'Edit' }).click();
      const textarea = frame.locator('.cl-note-editor textarea');
      await expect.poll(() => textarea.inputValue()).toBe(`note of ${id}`);
      await textarea.fill(`edited ${id}`);
      await textarea.press('Control+Enter');
      await frame.locator('.cl-note-editor').waitFor({ state: 'detached' });
    }
    await page.reload();
    await waitForReport(browser, page.url());
    for (const id of ids)
      expect(await cardText(page, id)).toBe(edited.includes(id) ? `edited ${id}` : `note of ${id}`);

    // Delete on a card deletes that card's note: the others are still there after a reload.
    for (const gone of ['p1', 'p4']) {
      await cardText(page, gone);
      await (await noteFrame(page)).getByRole('button', { name: 'Delete' }).click();
      await (await noteFrame(page)).locator('.cl-note-card').waitFor({ state: 'detached' });
    }
    await page.reload();
    await waitForReport(browser, page.url());
    expect(await cardText(page, 'p2')).toBe('note of p2');
    expect(await cardText(page, 'p3')).toBe('edited p3');
    expect(await cardText(page, 'p5')).toBe('edited p5');
    // Two of the five notes are gone, and only those two.
    expect(await storedNotes()).toBe(before + 3);
    await page.close();
  }, 180_000);
});

describe('a page that logs every key', () => {
  it('hears nothing of a note being written, its tags included', async () => {
    const page = await open('key-logger.html');
    await selectWithMouse(page, '#p1', 10_000);
    await clickToolbar(page, 'Add note');
    const frame = await noteFrame(page);
    const editor = frame.locator('.cl-note-editor');
    await editor.locator('textarea').waitFor();
    const heardBefore = await page.evaluate(() => (window as unknown as { __keys: unknown[] }).__keys.length);
    await page.keyboard.type('Call Amira on 0300 555 0199 before noon');
    await editor.getByLabel('Add a tag').focus();
    await page.keyboard.type('informant');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Enter');
    await editor.waitFor({ state: 'detached' });
    const heard = await page.evaluate(
      (from) => (window as unknown as { __keys: unknown[] }).__keys.slice(from),
      heardBefore,
    );
    expect(heard).toEqual([]);
    // The note was written all the same.
    expect(await cardText(page, 'p1')).toBe('Call Amira on 0300 555 0199 before noon');
    expect(await frame.locator('.cl-note-card .cl-tags').textContent()).toContain('informant');
    await page.close();
  });
});

describe('a page that goes looking for notes by DOM means', () => {
  it('cannot find, read, open, change or delete a note, nor re-link an orphan', async () => {
    const original = readFileSync(join(HOSTILE, 'dom-probe.html'), 'utf8');
    routes['/probe.html'] = original;
    let page = await open('probe.html');
    const before = await storedNotes();
    await writeNote(page, 'p1', 'SECRET-ONE the market source');
    await writeNote(page, 'p2', 'SECRET-TWO the road source');
    expect(await storedNotes()).toBe(before + 2);
    await page.close();

    // The first passage is rewritten: its note is an orphan on this page.
    routes['/probe.html'] = original.replace(
      'talks about a market that closed early on Tuesday.',
      'has been rewritten since and says something else now.',
    );
    page = await open('probe.html');
    const notice = (await noteFrame(page, 'notice')).locator('.cl-orphans');
    await notice.waitFor();
    // The second note is open on screen while the page probes.
    expect(await cardText(page, 'p2')).toBe('SECRET-TWO the road source');
    await page.evaluate(() => (window as unknown as { probe(): Promise<void> }).probe());
    const found = await page.evaluate(() => (window as unknown as { __found: string[] }).__found);
    const all = found.join('\n');
    expect(all).not.toContain('SECRET');
    expect(all).not.toContain('open shadow root');
    expect(all).not.toContain('frame answered');
    // Frames inside a shadow root are not even among the page's window.frames.
    expect(found).toContain('frames: 0');
    // Nothing changed: both notes stored, the orphan still an orphan, the open note as written.
    expect(await storedNotes()).toBe(before + 2);
    expect(await notice.textContent()).toContain('1 saved passage could not be found');
    await page.reload();
    await waitForReport(browser, page.url());
    expect(await cardText(page, 'p2')).toBe('SECRET-TWO the road source');
    await (await noteFrame(page, 'notice')).locator('.cl-orphans').waitFor();
    await page.close();
  });
});

describe('a page that tries to make the reader save what it chooses', () => {
  it('saves nothing when the page swaps the selection on mouseup', async () => {
    const page = await open('clickjack.html?swap');
    const before = await storedNotes();
    await selectWithMouse(page, '#real', 10_000);
    // The page's selection is the decoy now; ClaimLens offers nothing for it, and saves nothing.
    expect(await page.evaluate(() => document.getSelection()!.toString())).toContain('instead');
    await page.keyboard.press('Alt+Shift+S');
    await page.waitForTimeout(500);
    expect(await uiElements(page, '.cl-selection-toolbar')).toEqual([]);
    expect(await storedNotes()).toBe(before);
    await page.close();
  });

  it('saves nothing on a click on a transparent or covered toolbar, and saves on a seen one', async () => {
    const before = await storedNotes();
    // The cover is put over the toolbar once it shows, just before the click, and lets the click through.
    for (const trick of ['transparent', 'covered'] as const) {
      const page = await open(`clickjack.html?${trick}`);
      await selectWithMouse(page, '#real', 10_000);
      const button = await waitForUi(page, '.cl-selection-toolbar button', 'Highlight');
      if (trick === 'transparent')
        await page.evaluate(() => (window as unknown as { hideHost(): string }).hideHost());
      else
        await page.evaluate((rect) => (window as unknown as { cover(r: unknown): void }).cover(rect), button);
      await page.mouse.click(button.x, button.y);
      await waitForUi(page, '.cl-error', 'hidden or covered');
      expect(await storedNotes()).toBe(before);
      await page.close();
    }
    // The same click on the toolbar the reader sees saves the passage.
    const page = await open('clickjack.html?seen');
    await selectWithMouse(page, '#real', 10_000);
    const button = await waitForUi(page, '.cl-selection-toolbar button', 'Highlight');
    await page.mouse.click(button.x, button.y);
    await expect.poll(() => storedNotes(), { timeout: 5000 }).toBe(before + 1);
    await page.close();
  });
});

describe('a page that forges WXT’s “content script started” event', () => {
  it('does not stop ClaimLens: tooltips open and passages are saved', async () => {
    const page = await open('forged-start.html');
    await page.evaluate(
      (id) => (window as unknown as { forgeStart(id: string): void }).forgeStart(id),
      browser.extensionId,
    );
    await page.keyboard.press('Alt+Shift+N');
    await waitForUi(page, '.cl-tooltip .cl-title', 'Islamic State');
    await page.keyboard.press('Escape');
    const before = await storedNotes();
    await selectWithMouse(page, '#p2', 10_000);
    await clickToolbar(page, 'Highlight');
    await expect.poll(() => storedNotes(), { timeout: 5000 }).toBe(before + 1);
    await page.close();
  });
});

describe('a page that removes ClaimLens’s host and defines a custom element of its old name', () => {
  it('gets a new host under another name, and ClaimLens keeps working without an error in the page', async () => {
    const page = await open('host-remover.html');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.keyboard.press('Alt+Shift+N');
    await waitForUi(page, '.cl-tooltip .cl-title', 'Islamic State');
    const first = await uiHostName(page);
    expect(first).toBeDefined();
    expect(first).not.toBe('claimlens-ui');
    expect(
      await page.evaluate(() => (window as unknown as { removeAdded(): string[] }).removeAdded()),
    ).toEqual([first]);
    expect(await uiHostName(page)).toBeUndefined();
    await page.keyboard.press('Escape');
    await page.keyboard.press('Alt+Shift+N');
    await waitForUi(page, '.cl-tooltip .cl-title');
    const second = await uiHostName(page);
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const before = await storedNotes();
    await page.keyboard.press('Escape');
    await selectWithMouse(page, '#p2', 10_000);
    await clickToolbar(page, 'Highlight');
    await expect.poll(() => storedNotes(), { timeout: 5000 }).toBe(before + 1);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('a page that stops pointer, click, key and focus events at the window before anything else', () => {
  it('opens tooltips by key and by click, offers the toolbar, and says how to save when the page stops the click', async () => {
    const page = await open('event-stopper.html');
    await page.keyboard.press('Alt+Shift+N');
    await waitForUi(page, '.cl-tooltip .cl-title', 'Islamic State');
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await uiElements(page, '.cl-tooltip')).length).toBe(0);
    // A click on the name opens its tooltip.
    const name = await page.evaluate(() => {
      const text = document.querySelector('#p1')!.firstChild as Text;
      const at = text.data.indexOf('Islamic State');
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'Islamic State'.length);
      const r = range.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.click(name.x, name.y);
    await waitForUi(page, '.cl-tooltip .cl-title', 'Islamic State');
    await page.keyboard.press('Escape');
    // The reader selects a passage: the toolbar is offered. The page stops the click on it, and the
    // reader is told so, with the keys that save without a click; those keys save the passage.
    const before = await storedNotes();
    await selectWithMouse(page, '#p2', 10_000);
    await clickToolbar(page, 'Highlight');
    await waitForUi(page, '.cl-error', 'stops clicks');
    expect(await storedNotes()).toBe(before);
    await page.keyboard.press('Alt+Shift+S');
    await expect.poll(() => storedNotes(), { timeout: 5000 }).toBe(before + 1);
    expect(await page.evaluate(() => (window as unknown as { stopped: number }).stopped)).toBeGreaterThan(10);
    await page.close();
  });

  it('opens the card of a name in a link when Tab brings the focus to the link', async () => {
    const page = await open('event-stopper.html');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('named');
    await waitForUi(page, '.cl-tooltip .cl-title', 'Islamic State');
    await page.close();
  });
});
