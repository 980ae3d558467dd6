/**
 * The popup part of `npm run bench`: with 10,000 notes stored, the time to the popup's first render,
 * to draw the list, from a search keystroke to its results, to select all and tag, delete and undo
 * all 10,000 at once (one message, one transaction each), and to export them in each format.
 */
import type { Page } from 'playwright-core';
import { generateNotes } from '../lib/bench/generated-notes';
import { median } from '../lib/bench/stats';
import { toCsv } from '../lib/notes/exchange/csv';
import { toClaimLensJson } from '../lib/notes/exchange/json';
import { toMarkdown } from '../lib/notes/exchange/markdown';
import { toWebAnnotation } from '../lib/notes/exchange/web-annotation';
import type { ExtensionBrowser } from './browser-harness';

export interface PopupBench {
  notes: number;
  /** From opening the popup page (navigation start) to its first view drawn (the tabs on screen). */
  firstRenderMs: number;
  /** First contentful paint of the popup page. */
  firstPaintMs: number;
  /** From opening the popup page until Playwright saw it ready (its own polling included). */
  openMs: number;
  /** From "select all listed" to the bulk bar drawn, at 10,000 notes. */
  selectAllMs: number;
  /** From "Add tag" to the change confirmed, on 10,000 selected notes. */
  bulkTagMs: number;
  /** From "Delete" to the list emptied, on 10,000 selected notes. */
  bulkDeleteMs: number;
  /** From "Undo" to the 10,000 notes back in the list. */
  bulkUndoMs: number;
  /** From choosing "All notes" to the list of 10,000 drawn. */
  listMs: number;
  /** From a keystroke in the search box to the results drawn. */
  searchKeystrokeMs: number;
  exportMs: Record<'markdown' | 'json' | 'webAnnotation' | 'csv', number>;
}

const COUNT = 10_000;

export async function benchPopup(browser: ExtensionBrowser): Promise<PopupBench> {
  const worker =
    browser.context.serviceWorkers().find((w) => w.url().includes(browser.extensionId)) ?? browser.worker;
  await worker.evaluate(
    (n) =>
      (globalThis as unknown as { claimlens: { seedNotes(n: number): Promise<number> } }).claimlens.seedNotes(
        n,
      ),
    COUNT,
  );

  const first: number[] = [];
  const paint: number[] = [];
  const open: number[] = [];
  const list: number[] = [];
  const search: number[] = [];
  for (let run = 0; run < 5; run++) {
    const page = await browser.context.newPage();
    // When the tabs first appear: the popup's first render, timed in the page itself.
    await page.addInitScript(() => {
      const w = window as unknown as { __first?: number };
      new MutationObserver((_, observer) => {
        if (!document.querySelector('[role=tab]')) return;
        w.__first = performance.now();
        observer.disconnect();
      }).observe(document, { childList: true, subtree: true });
    });
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.getByRole('tab', { name: 'All notes' }).waitFor();
    open.push(await page.evaluate(() => performance.now()));
    first.push(await page.evaluate(() => (window as unknown as { __first: number }).__first));
    paint.push(
      await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      ),
    );
    // The time is taken in the page, from the click to the rows on screen.
    await page.evaluate(() => {
      const w = window as unknown as { __t?: number };
      document.addEventListener(
        'click',
        () => {
          const t0 = performance.now();
          const poll = () =>
            document.querySelector('[role=listitem]')
              ? (w.__t = performance.now() - t0)
              : requestAnimationFrame(poll);
          poll();
        },
        { capture: true, once: true },
      );
    });
    await page.getByRole('tab', { name: 'All notes' }).click();
    await page.waitForFunction(() => (window as unknown as { __t?: number }).__t !== undefined);
    list.push(await page.evaluate(() => (window as unknown as { __t: number }).__t));
    await page.evaluate(() => {
      const w = window as unknown as { __s?: number };
      const box = document.querySelector('input[type=search]')!;
      box.addEventListener(
        'input',
        () => {
          const t0 = performance.now();
          const scroller = document.querySelector('[role=list]')!;
          new MutationObserver((_, observer) => {
            observer.disconnect();
            requestAnimationFrame(() => (w.__s = performance.now() - t0));
          }).observe(scroller, { childList: true, subtree: true, characterData: true });
        },
        { capture: true, once: true },
      );
    });
    await page.getByRole('searchbox').press('p');
    await page.waitForFunction(() => (window as unknown as { __s?: number }).__s !== undefined, null, {
      timeout: 10_000,
    });
    search.push(await page.evaluate(() => (window as unknown as { __s: number }).__s));
    await page.close();
  }

  // Bulk operations on all 10,000 at once (once: they change the database).
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
  await page.getByRole('tab', { name: 'All notes' }).click();
  await page.getByRole('list', { name: `Your notes (${COUNT})` }).waitFor();
  const selectAllMs = await timeUntil(
    page,
    () => page.getByRole('checkbox', { name: /^Select all listed/ }).click(),
    () => !!document.querySelector('.bulk'),
  );
  await page.locator('.bulk input[type=text]').fill('bench');
  const bulkTagMs = await timeUntil(
    page,
    () => page.getByRole('button', { name: 'Add tag' }).click(),
    () => /10,000/.test(document.querySelector('.bulk-status')?.textContent ?? ''),
  );
  const bulkDeleteMs = await timeUntil(
    page,
    () => page.locator('.bulk').getByRole('button', { name: 'Delete' }).click(),
    () => !document.querySelector('[role=listitem]') && !!document.querySelector('.undo'),
  );
  const bulkUndoMs = await timeUntil(
    page,
    () => page.getByRole('button', { name: 'Undo' }).click(),
    () => !!document.querySelector('[role=listitem]') && !document.querySelector('.undo'),
  );
  await page.close();

  // Export: the same functions the popup calls, on 10,000 notes.
  const notes = generateNotes(COUNT);
  const time = (work: () => unknown) => {
    const t0 = performance.now();
    work();
    return Math.round((performance.now() - t0) * 10) / 10;
  };
  const med = (v: number[]) => Math.round(median(v) * 10) / 10;
  return {
    notes: COUNT,
    firstRenderMs: med(first),
    firstPaintMs: med(paint),
    openMs: med(open),
    selectAllMs,
    bulkTagMs,
    bulkDeleteMs,
    bulkUndoMs,
    listMs: med(list),
    searchKeystrokeMs: med(search),
    exportMs: {
      markdown: time(() => toMarkdown(notes)),
      json: time(() => toClaimLensJson(notes)),
      webAnnotation: time(() => toWebAnnotation(notes)),
      csv: time(() => toCsv(notes)),
    },
  };
}

/** Milliseconds from the click `act` makes to `done` true in the page (checked every frame). */
async function timeUntil(page: Page, act: () => Promise<void>, done: () => boolean): Promise<number> {
  // One script, the check written into it: extension pages refuse eval and new Function.
  await page.evaluate(`(() => {
    const w = window;
    delete w.__done;
    const test = ${done.toString()};
    document.addEventListener('click', () => {
      const t0 = performance.now();
      const poll = () => (test() ? (w.__done = performance.now() - t0) : requestAnimationFrame(poll));
      poll();
    }, { capture: true, once: true });
  })()`);
  await act();
  await page.waitForFunction(() => (window as unknown as { __done?: number }).__done !== undefined, null, {
    timeout: 60_000,
  });
  return Math.round(await page.evaluate(() => (window as unknown as { __done: number }).__done));
}
