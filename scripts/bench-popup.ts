/**
 * The popup part of `npm run bench`: with 10,000 notes stored, the time to draw the list, the time
 * from a search keystroke to its results, and the time to export them in each format.
 */
import { generateNotes } from '../lib/bench/generated-notes';
import { median } from '../lib/bench/stats';
import { toCsv } from '../lib/notes/exchange/csv';
import { toClaimLensJson } from '../lib/notes/exchange/json';
import { toMarkdown } from '../lib/notes/exchange/markdown';
import { toWebAnnotation } from '../lib/notes/exchange/web-annotation';
import type { ExtensionBrowser } from './browser-harness';

export interface PopupBench {
  notes: number;
  /** From opening the popup page to its first view drawn. */
  openMs: number;
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

  const open: number[] = [];
  const list: number[] = [];
  const search: number[] = [];
  for (let run = 0; run < 5; run++) {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await page.getByRole('tab', { name: 'All notes' }).waitFor();
    open.push(await page.evaluate(() => performance.now()));
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
    openMs: med(open),
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
