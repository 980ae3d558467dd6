/**
 * Hostile and awkward pages (written for these tests, in tests/fixtures/hostile/): what a page's own
 * scripts can do to ClaimLens, and what ClaimLens must keep doing whatever the page does.
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
import { clickToolbar, noteFrame, selectWithMouse } from '../../scripts/page-ui-probe';

let browser: ExtensionBrowser;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic({ '/': join(PROJECT_ROOT, 'tests/fixtures/hostile') });
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

/** Clicks the start of a paragraph's saved passage, as a reader opening its note would. */
async function clickPassage(page: Page, id: string): Promise<void> {
  const point = await page.evaluate((sel) => {
    const r = document.querySelector(sel)!.getBoundingClientRect();
    return { x: r.left + 30, y: r.top + 8 };
  }, `#${id}`);
  await page.mouse.click(point.x, point.y);
}

/** The note text shown by the card that opens from a paragraph's passage. */
async function cardText(page: Page, id: string): Promise<string> {
  await page.keyboard.press('Escape');
  await clickPassage(page, id);
  const card = (await noteFrame(page)).locator('.cl-note-card');
  await card.waitFor({ timeout: 5000 });
  return (await card.locator('.cl-note-text').textContent()) ?? '';
}

describe('many notes on one page', () => {
  it('Edit and Delete on each card act on that card’s note only', async () => {
    const page = await open('many-notes.html');
    const ids = ['p1', 'p2', 'p3', 'p4', 'p5'];
    for (const id of ids) {
      await selectWithMouse(page, `#${id}`, 10_000);
      await clickToolbar(page, 'Add note');
      const editor = (await noteFrame(page)).locator('.cl-note-editor');
      await editor.waitFor();
      await editor.locator('textarea').fill(`note of ${id}`);
      await editor.locator('textarea').press('Control+Enter');
      await editor.waitFor({ state: 'detached' });
    }
    for (const id of ids) expect(await cardText(page, id)).toBe(`note of ${id}`);

    // Edit on each card opens that card's note, and saving changes that note alone.
    for (const id of ids) {
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
    for (const id of ids) expect(await cardText(page, id)).toBe(`edited ${id}`);

    // Delete on a card deletes that card's note: the others are still there after a reload.
    for (const gone of ['p1', 'p4']) {
      await cardText(page, gone);
      await (await noteFrame(page)).getByRole('button', { name: 'Delete' }).click();
      await (await noteFrame(page)).locator('.cl-note-card').waitFor({ state: 'detached' });
    }
    await page.reload();
    await waitForReport(browser, page.url());
    for (const id of ['p2', 'p3', 'p5']) expect(await cardText(page, id)).toBe(`edited ${id}`);
    for (const gone of ['p1', 'p4']) {
      await page.keyboard.press('Escape');
      await clickPassage(page, gone);
      // A passage without a note opens nothing; give a card every chance to appear first.
      await clickPassage(page, 'p2');
      await (await noteFrame(page)).locator('.cl-note-card').waitFor();
      expect(await (await noteFrame(page)).locator('.cl-note-text').textContent()).toBe('edited p2');
    }
    await page.close();
  });
});
