/**
 * Saved passages for one page, stored the way the popup restores notes (an extension page's
 * `restoreNotes` message): for the E2E tests and `npm run bench`, which need a page with many notes
 * without selecting each one with the mouse.
 */
import type { Page } from 'playwright-core';
import { pageKeyFor } from '../lib/notes/page-identity';
import type { Note } from '../lib/notes/note-types';
import type { ExtensionBrowser } from './browser-harness';

export interface SeededPassage {
  quote: string;
  prefix: string;
  suffix: string;
  color?: string;
}

/**
 * Passages of the page's paragraphs (`selector`), `count` of them, `length` characters each, with 32
 * characters of context on each side, as the anchoring module describes a selection.
 */
export function passagesOf(
  page: Page,
  selector: string,
  count: number,
  length = 60,
): Promise<SeededPassage[]> {
  return page.evaluate(
    ([sel, n, len]) => {
      const paragraphs = [...document.querySelectorAll(sel as string)]
        .map((p) => p.textContent ?? '')
        .filter((t) => t.length > (len as number) + 10);
      const out: { quote: string; prefix: string; suffix: string }[] = [];
      for (let i = 0; i < (n as number) && paragraphs.length > 0; i++) {
        const text = paragraphs[i % paragraphs.length]!;
        const round = Math.floor(i / paragraphs.length);
        const start = Math.min(text.length - (len as number), 5 + round * ((len as number) + 5));
        if (start < 0) continue;
        out.push({
          quote: text.slice(start, start + (len as number)),
          prefix: text.slice(Math.max(0, start - 32), start),
          suffix: text.slice(start + (len as number), start + (len as number) + 32),
        });
      }
      return out;
    },
    [selector, count, length] as const,
  );
}

/** Stores the passages as notes of `url`, through an extension page; resolves once they are stored. */
export async function seedPageNotes(
  browser: ExtensionBrowser,
  url: string,
  passages: readonly SeededPassage[],
): Promise<void> {
  const colors = ['highlight', 'claim', 'official', 'disputed', 'follow-up'];
  const now = Date.now();
  const notes: Note[] = passages.map((p, i) => ({
    id: `seeded-${now}-${i}`,
    pageKey: pageKeyFor({ url }),
    url,
    pageTitle: 'Seeded page',
    site: new URL(url).hostname,
    selectors: { quote: { exact: p.quote, prefix: p.prefix, suffix: p.suffix } },
    text: `Seeded note ${i}`,
    tags: [],
    color: p.color ?? colors[i % colors.length]!,
    entityIds: [],
    incidentIds: [],
    createdAt: now,
    updatedAt: now,
    anchorStatus: 'unknown',
    terms: [],
  }));
  const extensionPage = await browser.context.newPage();
  try {
    await extensionPage.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    const answer = await extensionPage.evaluate(
      (data) =>
        (
          globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }
        ).chrome.runtime.sendMessage({ id: 1, type: 'restoreNotes', data, timestamp: Date.now() }),
      { notes },
    );
    const result = (answer as { res?: { ok: boolean } } | undefined)?.res;
    if (!result?.ok) throw new Error(`the notes were not stored: ${JSON.stringify(answer)}`);
  } finally {
    await extensionPage.close();
  }
}
