/**
 * The saved-passages part of `npm run bench`: keystroke-to-highlight time of a save, re-anchoring 200
 * notes on one long article, and whether a page without notes loads any of the notes code.
 */
import { build } from 'esbuild';
import { median } from '../lib/bench/stats';
import { PAGE_UI_PATH } from '../lib/page/page-ui-contract';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT, waitForReport, type ExtensionBrowser, type StaticServer } from './browser-harness';
import { waitForUi } from './page-ui-probe';

export interface NotesBench {
  /** From the click on "Highlight" to the highlight drawn (median of runs). */
  saveToHighlightMs: number;
  /** Re-anchoring 200 notes on one long article, cold (first run on the page) and warm. */
  reanchor200ColdMs: number;
  reanchor200WarmMs: number;
  reanchored: number;
  articleCharacters: number;
  /** A page without notes never fetches the page UI (Preact, anchoring, the editor). */
  pageUiLoadedWithoutNotes: boolean;
}

export async function benchNotes(
  withExt: ExtensionBrowser,
  plain: ExtensionBrowser,
  server: StaticServer,
): Promise<NotesBench> {
  // Save: keystroke (here the click on the toolbar's button) to highlight drawn, measured in the page.
  const saves: number[] = [];
  for (let run = 0; run < 5; run++) {
    const page = await withExt.context.newPage();
    const url = server.url('fixtures/zakura-2017.html');
    await page.goto(url);
    await waitForReport(withExt, url);
    await selectParagraph(page, run + 2);
    const button = await waitForUi(page, '.cl-selection-toolbar button', 'Highlight');
    await page.evaluate(() => {
      const w = window as unknown as { __saved?: number };
      document.addEventListener(
        'pointerdown',
        () => {
          const t0 = performance.now();
          const count = () =>
            [...CSS.highlights.entries()]
              .filter(([n]) => n.startsWith('claimlens-note-'))
              .reduce((s, [, h]) => s + h.size, 0);
          const before = count();
          const poll = () =>
            count() > before ? (w.__saved = performance.now() - t0) : requestAnimationFrame(poll);
          poll();
        },
        { capture: true, once: true },
      );
    });
    await page.mouse.click(button.x, button.y);
    await page.waitForFunction(() => (window as unknown as { __saved?: number }).__saved !== undefined);
    saves.push(await page.evaluate(() => (window as unknown as { __saved: number }).__saved));
    await page.close();
  }

  // Page UI: loaded only where needed.
  const quiet = await withExt.context.newPage();
  const requests: string[] = [];
  withExt.context.on('request', (r) => requests.push(r.url()));
  const quietUrl = server.url('fixtures/unrelated-traps.html');
  await quiet.goto(quietUrl);
  await waitForReport(withExt, quietUrl);
  await quiet.waitForTimeout(500);
  const pageUiLoadedWithoutNotes = requests.some((u) => u.endsWith(PAGE_UI_PATH));
  await quiet.close();

  // Re-anchoring 200 notes: the anchoring module itself, in a plain page, on the long fixture article.
  const code = (
    await build({
      stdin: {
        contents: `import { anchorAll, describe } from './lib/anchoring';
window.__reanchor = () => {
  const ps = [...document.querySelectorAll('article p')];
  const list = [];
  for (let i = 0; i < 200; i++) {
    const p = ps[(i * 7) % ps.length];
    const text = p.firstChild;
    const r = document.createRange();
    const start = (i * 13) % Math.max(1, text.length - 120);
    r.setStart(text, start); r.setEnd(text, Math.min(text.length, start + 80 + (i % 40)));
    list.push(describe(document.body, r));
  }
  const t0 = performance.now(); const a = anchorAll(document.body, list); const cold = performance.now() - t0;
  const t1 = performance.now(); anchorAll(document.body, list); const warm = performance.now() - t1;
  return { cold, warm, found: a.filter(Boolean).length, chars: document.body.textContent.length };
};`,
        resolveDir: PROJECT_ROOT,
        loader: 'ts',
      },
      bundle: true,
      write: false,
      format: 'iife',
    })
  ).outputFiles[0]!.text;
  const colds: number[] = [];
  const warms: number[] = [];
  let found = 0;
  let chars = 0;
  for (let run = 0; run < 5; run++) {
    const page = await plain.context.newPage();
    await page.goto(server.url('fixtures/long-article.html'));
    await page.addScriptTag({ content: code });
    const r = await page.evaluate(() =>
      (
        window as unknown as { __reanchor(): { cold: number; warm: number; found: number; chars: number } }
      ).__reanchor(),
    );
    colds.push(r.cold);
    warms.push(r.warm);
    found = r.found;
    chars = r.chars;
    await page.close();
  }
  const med = (v: number[]) => Math.round(median(v) * 100) / 100;
  return {
    saveToHighlightMs: med(saves),
    reanchor200ColdMs: med(colds),
    reanchor200WarmMs: med(warms),
    reanchored: found,
    articleCharacters: chars,
    pageUiLoadedWithoutNotes,
  };
}

async function selectParagraph(page: Page, index: number): Promise<void> {
  const box = await page.evaluate((i) => {
    const p = document.querySelectorAll('article p')[i]!;
    const range = document.createRange();
    range.selectNodeContents(p);
    const rect = range.getClientRects()[0]!;
    p.scrollIntoView({ block: 'center' });
    const again = range.getClientRects()[0]!;
    return { x: again.left + 2, y: again.top + again.height / 2, w: Math.min(rect.width, 300) };
  }, index);
  await page.mouse.move(box.x, box.y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.w, box.y, { steps: 6 });
  await page.mouse.up();
}
