/**
 * Undo of a delete on the page, and re-linking an orphan note from the page's own notice, in real
 * Chromium with the built extension, keyboard only: a note deleted from its card gives way to "Note
 * deleted · Undo", and Undo puts back the same note on the same passage; a note whose passage was
 * rewritten is re-linked to a new selection and keeps the passage it was first saved on ("Originally:
 * …"). Each view (and the note editor they start from) is saved at 1280×800 and 800×600 on a light
 * and a dark page (test-results/), and checked with axe-core (no serious or critical violation); what
 * Re-link asks the reader to do is told to a screen reader (a live region), though the keys go back to the page.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import {
  PROJECT_ROOT,
  launchWithExtension,
  serveStatic,
  waitForReport,
  type ExtensionBrowser,
  type StaticServer,
} from '../../scripts/browser-harness';
import { ExtensionWorld } from '../../scripts/page-marks';
import { noteFrame, selectWithMouse } from '../../scripts/page-ui-probe';

const RESULTS = join(PROJECT_ROOT, 'test-results');
const AXE = join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js');
let browser: ExtensionBrowser;
let server: StaticServer;
/** Served pages a test rewrites between visits (the "same" article, edited). */
const editable: Record<string, string> = {};

const KEPT = 'The police said the attack near the crossing was carried out by two men in a car.';
const LOST = 'Officials said on Saturday that the account was still being checked by investigators.';
const REWRITTEN = 'Investigators have since closed that line of inquiry entirely, a spokesman said.';

const ARTICLE = (second: string, theme: 'light' | 'dark') => `<!doctype html><html lang="en"><head>
<meta charset="utf-8"><title>Claims desk</title><style>
body { font: 18px/1.6 Georgia, serif; max-width: 40em; margin: 2em auto; padding: 0 1em; }
${theme === 'dark' ? 'body { background: #121417; color: #e8e6e1; }' : ''}
</style></head><body><article><h1>Two accounts of one attack</h1>
<p id="first">${KEPT}</p>
<p id="second">${second}</p>
<p id="third">A resident said the shooting lasted for several minutes before the car sped away.</p>
</article></body></html>`;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  server = await serveStatic({ '/': join(PROJECT_ROOT, 'tests/fixtures/pages') }, editable);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  const url = server.url(path);
  await page.goto(url);
  await waitForReport(browser, url);
  return page;
}

/** The text a reader sees tinted as saved (read from ClaimLens's side: the page cannot see it). */
async function tinted(page: Page): Promise<string[]> {
  const world = await ExtensionWorld.attach(browser, page);
  try {
    return await world.tintedTexts();
  } finally {
    await world.detach();
  }
}

/** How many notes are stored. */
async function storedCount(): Promise<number> {
  return (
    await browser.worker.evaluate(() =>
      (globalThis as unknown as { claimlens: { notes(): Promise<{ count: number }> } }).claimlens.notes(),
    )
  ).count;
}

/** What has the keys in a frame: the focused element's text (or tag). */
const focused = (frame: Frame) =>
  frame.evaluate(() => {
    const el = document.activeElement;
    return el && el !== document.body ? (el.textContent ?? '').trim() || el.localName : null;
  });

/** Presses Tab until the focused element of `frame` reads `name` (a keyboard reader's way there). */
async function tabTo(page: Page, frame: Frame, name: string): Promise<void> {
  for (let i = 0; i < 12; i++) {
    if ((await focused(frame)) === name) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached “${name}” (the focus is on ${await focused(frame)})`);
}

/**
 * Waits until a frame has painted what its DOM holds: it is another process's page, whose new content
 * reaches the screen a moment after it is in its DOM, and a screenshot must show what the reader sees.
 */
const painted = (frame: Frame) =>
  frame.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));

/**
 * Starts listening, in a frame, for what a screen reader is told: the text of a live region whose content
 * changes while it is on the page (a region that arrives with its text already in it is not read out).
 */
const listenForAnnouncements = (frame: Frame) =>
  frame.evaluate(() => {
    const told: string[] = [];
    (window as unknown as { claimlensTold: string[] }).claimlensTold = told;
    new MutationObserver((records) => {
      for (const record of records) {
        const target = record.target instanceof Element ? record.target : record.target.parentElement;
        const live = target?.closest(
          '[aria-live]:not([aria-live="off"]), [role="status"], [role="alert"], [role="log"]',
        );
        const text = live?.isConnected ? (live.textContent ?? '').trim() : '';
        if (text && !told.includes(text)) told.push(text);
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });

/** What a screen reader was told in the frame since `listenForAnnouncements`. */
const announced = (frame: Frame) =>
  frame.evaluate(() => (window as unknown as { claimlensTold: string[] }).claimlensTold);

/** Serious and critical axe-core violations inside one of ClaimLens's frames (an extension page). */
async function seriousViolations(frame: Frame): Promise<string[]> {
  await frame.evaluate(readFileSync(AXE, 'utf8'));
  const violations = (await frame.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(c: unknown, o: unknown): Promise<{ violations: { id: string; impact: string | null }[] }>;
        };
      }
    ).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as { id: string; impact: string | null }[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id);
}

/**
 * Writes a note on the start of a paragraph, keyboard only after the selection; returns its passage.
 * `shot`: the editor's screenshot (with the note typed) is saved under this name.
 */
async function writeNote(
  page: Page,
  selector: string,
  chars: number,
  text: string,
  shot?: string,
): Promise<string> {
  const passage = await selectWithMouse(page, selector, chars);
  await page.keyboard.press('Alt+Shift+A');
  const frame = await noteFrame(page);
  const editor = frame.locator('.cl-note-editor');
  await editor.locator('textarea').waitFor();
  await page.keyboard.type(text);
  if (shot) {
    await painted(frame);
    await page.screenshot({ path: join(RESULTS, shot) });
  }
  await page.keyboard.press('Control+Enter');
  await expect.poll(() => editor.count()).toBe(0);
  return passage;
}

const VIEWS = [
  { width: 1280, height: 800 },
  { width: 800, height: 600 },
] as const;

describe('undo and re-link on the page, keyboard only', () => {
  for (const theme of ['light', 'dark'] as const)
    for (const view of VIEWS) {
      const size = `${view.width}x${view.height}-${theme}`;

      it(`deletes a note from its card, and Undo puts it back on its passage (${size})`, async () => {
        const path = `undo-${size}.html`;
        editable[`/${path}`] = ARTICLE(LOST, theme);
        const page = await open(path, view);
        const passage = await writeNote(
          page,
          '#first',
          50,
          'Police account, **first** version',
          `note-editor-${size}.png`,
        );
        await expect.poll(() => tinted(page)).toEqual([passage]);
        const before = await storedCount();

        // Step to the saved passage: its card opens with the keys in it.
        await page.keyboard.press('Alt+Shift+N');
        const frame = await noteFrame(page);
        const card = frame.locator('.cl-note-card');
        await expect.poll(() => card.count()).toBe(1);
        await tabTo(page, frame, 'Delete');
        await page.keyboard.press('Enter');

        const notice = frame.locator('.cl-deleted');
        await expect.poll(() => notice.count()).toBe(1);
        expect(await notice.textContent()).toContain('Note deleted');
        await expect.poll(() => tinted(page)).toEqual([]);
        expect(await storedCount()).toBe(before - 1);
        await tabTo(page, frame, 'Undo');
        await painted(frame);
        await page.screenshot({ path: join(RESULTS, `undo-deleted-${size}.png`) });
        expect(await seriousViolations(frame)).toEqual([]);
        await page.keyboard.press('Enter');

        // The same note, on the same passage, with its mark and its card.
        await expect.poll(() => card.count()).toBe(1);
        expect(await card.textContent()).toContain('Police account, first version');
        expect(await card.locator('.cl-note-quote').textContent()).toBe(passage);
        await expect.poll(() => tinted(page)).toEqual([passage]);
        expect(await storedCount()).toBe(before);
        await page.close();
      });

      it(`re-links an orphan note to a new selection and shows the passage it had (${size})`, async () => {
        const path = `relink-${size}.html`;
        editable[`/${path}`] = ARTICLE(LOST, theme);
        let page = await open(path, view);
        const lost = await writeNote(page, '#second', 60, 'Officials doubt the account');
        await expect.poll(() => tinted(page)).toEqual([lost]);
        await page.close();

        // The passage is rewritten: the note can no longer be found, and the page says so.
        editable[`/${path}`] = ARTICLE(REWRITTEN, theme);
        page = await open(path, view);
        const frame = await noteFrame(page, 'notice', 10_000);
        const orphans = frame.locator('.cl-orphans');
        await expect.poll(() => orphans.count()).toBe(1);
        expect(await tinted(page)).toEqual([]);

        // From the page, Tab reaches the notice: open its list, then Re-link.
        await tabTo(page, frame, '1 saved passage could not be found on this page');
        await page.keyboard.press('Enter');
        await tabTo(page, frame, 'Re-link');
        await listenForAnnouncements(frame);
        await page.keyboard.press('Enter');
        const notice = frame.locator('.cl-relink-notice');
        await expect.poll(() => notice.count()).toBe(1);
        // A screen reader is told what to do next, though the keys go back to the page (below).
        await expect
          .poll(() => announced(frame))
          .toContain(
            'Select the passage for this note on the page, then choose Attach (or press Alt+Shift+S).',
          );
        // The note by its words, the passage it lost by what it is.
        expect(await notice.textContent()).toContain('Note: “Officials doubt the account”');
        expect(await notice.textContent()).toContain(`Passage no longer found: “${lost.trim()}”`);
        // The keys are back on the page, where the passage is selected.
        await expect.poll(() => page.evaluate(() => document.activeElement === document.body)).toBe(true);

        // A keyboard reader selects with caret browsing: the selection is set here, the rest is keys.
        await page.evaluate(() => {
          const text = document.querySelector('#second')!.firstChild!;
          document.getSelection()!.setBaseAndExtent(text, 0, text, 30);
        });
        await page.keyboard.press('Shift+ArrowRight');
        const chosen = REWRITTEN.slice(0, 31);
        await expect.poll(() => notice.textContent()).toContain(`Selected: “${chosen}”`);
        await painted(frame);
        await page.screenshot({ path: join(RESULTS, `relink-notice-${size}.png`) });
        expect(await seriousViolations(frame)).toEqual([]);
        await tabTo(page, frame, 'Attach');
        await page.keyboard.press('Enter');

        // The note now shows its new passage, and the one it was first saved on.
        await expect.poll(() => tinted(page)).toEqual([chosen]);
        await expect.poll(() => notice.count()).toBe(0);
        const panel = await noteFrame(page);
        const card = panel.locator('.cl-note-card');
        await expect.poll(() => card.count()).toBe(1);
        expect(await card.locator('.cl-note-quote').textContent()).toBe(chosen);
        expect(await card.locator('.cl-note-original').textContent()).toBe(`Originally: “${lost.trim()}”`);
        expect(await card.textContent()).toContain('Officials doubt the account');
        await painted(panel);
        await page.screenshot({ path: join(RESULTS, `relink-result-${size}.png`) });
        expect(await seriousViolations(panel)).toEqual([]);
        await page.close();
      });
    }
});
