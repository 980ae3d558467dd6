/**
 * The saved-passages part of `npm run bench`: keystroke-to-highlight time of a save, re-anchoring 200
 * notes on one long article, loading that article with 200 saved passages and scrolling it, drawing
 * 200 passages alone, the public marks' palette, and whether a page without notes loads any of the
 * notes code. Saved passages are seen from the content script's world (scripts/page-marks.ts): the
 * page's own world cannot see them.
 */
import { build } from 'esbuild';
import { frameStats, type FrameStats } from '../lib/bench/frames';
import { median } from '../lib/bench/stats';
import { PAGE_UI_PATH } from '../lib/page/page-ui-contract';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT, waitForReport, type ExtensionBrowser, type StaticServer } from './browser-harness';
import { ExtensionWorld } from './page-marks';
import { waitForUi } from './page-ui-probe';
import { passagesOf, seedPageNotes } from './seed-page-notes';

/** Scrolling a page: late frames, long tasks and the renderer's main-thread time while it scrolled. */
export type ScrollStats = FrameStats & { longTasks: number; mainThreadMs: number };

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
  /** The long article with 200 saved passages: navigation start to all of them drawn, longest task. */
  load200DrawnMs: number;
  load200LongestTaskMs: number;
  /** Drawing 200 passages alone (a page without the extension), from the call to the frame painted. */
  draw200OverlayMs: number;
  draw200HighlightsMs: number;
  /** The public marks' palette made and adopted on a page, with the style recalculation it causes. */
  paletteAdoptMs: number;
  /** Scrolling the long article top to bottom with the wheel, with 200 saved passages and without notes. */
  scroll200: ScrollStats;
  scrollNoNotes: ScrollStats;
}

/**
 * Runs in the content script's world: how many saved passages are drawn, whichever way they are
 * (the overlay's boxes in ClaimLens's closed roots, or highlights named claimlens-note-* as before).
 */
function countSavedMarks(): number {
  const dom = (
    globalThis as unknown as { chrome: { dom: { openOrClosedShadowRoot(e: Element): ShadowRoot | null } } }
  ).chrome.dom;
  let n = 0;
  for (const [name, h] of CSS.highlights) if (name.startsWith('claimlens-note-')) n += h.size;
  for (const element of document.documentElement.children) {
    const overlay = dom.openOrClosedShadowRoot(element)?.querySelector('.cl-root-overlay');
    const boxes = overlay && dom.openOrClosedShadowRoot(overlay);
    if (boxes) n += boxes.children.length;
  }
  return n;
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
    // Measured in the content script's world, after the frame that shows the mark was painted.
    const world = await ExtensionWorld.attach(withExt, page);
    await world.run(`(${installSaveTimer.toString()})(${countSavedMarks.toString()})`);
    await page.mouse.click(button.x, button.y);
    for (let tries = 0; tries < 200; tries++) {
      const ms = await world.evaluate(() => (globalThis as unknown as { __saved?: number }).__saved);
      if (ms !== undefined && ms !== null) {
        saves.push(ms);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await world.detach();
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
  // 200 saved passages on the long article: the load that re-anchors and draws them, then a scroll.
  const longUrl = server.url('fixtures/long-article.html');
  const plainUrl = server.url('fixtures/long-article.html?without=notes');
  const seeding = await withExt.context.newPage();
  await seeding.goto(longUrl);
  await waitForReport(withExt, longUrl);
  await seedPageNotes(withExt, longUrl, await passagesOf(seeding, 'article p', 200, 60));
  await seeding.close();
  const loads: number[] = [];
  const longest: number[] = [];
  let scroll200: ScrollStats | undefined;
  for (let run = 0; run < 5; run++) {
    const page = await withExt.context.newPage();
    await page.addInitScript(observeLongTasks);
    const world = await ExtensionWorld.attach(withExt, page);
    await page.goto(longUrl);
    const drawnAt = await world.run<number>(
      `(${waitForSaved.toString()})(${countSavedMarks.toString()}, 200)`,
    );
    loads.push(drawnAt);
    longest.push(
      await page.evaluate(
        (to) =>
          Math.max(
            0,
            ...(window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks
              .filter((t) => t.start <= to)
              .map((t) => t.duration),
          ),
        drawnAt,
      ),
    );
    if (run === 0) scroll200 = await scrollThrough(withExt, page);
    await world.detach();
    await page.close();
  }
  const bare = await withExt.context.newPage();
  await bare.addInitScript(observeLongTasks);
  await bare.goto(plainUrl);
  await waitForReport(withExt, plainUrl);
  const scrollNoNotes = await scrollThrough(withExt, bare);
  await bare.close();

  // Drawing 200 passages alone, and the public marks' palette, in a page without the extension.
  const drawCode = (
    await build({
      stdin: { contents: DRAW_BENCH, resolveDir: PROJECT_ROOT, loader: 'ts' },
      bundle: true,
      write: false,
      format: 'iife',
    })
  ).outputFiles[0]!.text;
  const drawTimes: Record<'overlay' | 'highlights' | 'palette', number[]> = {
    overlay: [],
    highlights: [],
    palette: [],
  };
  for (let run = 0; run < 5; run++)
    for (const kind of ['overlay', 'highlights', 'palette'] as const) {
      const page = await plain.context.newPage();
      await page.goto(server.url('fixtures/long-article.html'));
      await page.addScriptTag({ content: drawCode });
      drawTimes[kind].push(
        await page.evaluate(
          (k) => (window as unknown as { __drawBench(k: string): Promise<number> }).__drawBench(k),
          kind,
        ),
      );
      await page.close();
    }

  const med = (v: number[]) => Math.round(median(v) * 100) / 100;
  return {
    load200DrawnMs: med(loads),
    load200LongestTaskMs: med(longest),
    draw200OverlayMs: med(drawTimes.overlay),
    draw200HighlightsMs: med(drawTimes.highlights),
    paletteAdoptMs: med(drawTimes.palette),
    scroll200: scroll200!,
    scrollNoNotes,
    saveToHighlightMs: med(saves),
    reanchor200ColdMs: med(colds),
    reanchor200WarmMs: med(warms),
    reanchored: found,
    articleCharacters: chars,
    pageUiLoadedWithoutNotes,
  };
}

/** Bundled into a page without the extension: 200 passages drawn by the overlay or as highlights. */
const DRAW_BENCH = `import { PassageOverlay } from './lib/page/passage-overlay';
import { MarkLayer } from './lib/page/mark-layer';
const painted = () => new Promise((done) => requestAnimationFrame(() => setTimeout(done)));
function ranges200() {
  const ps = [...document.querySelectorAll('article p')];
  const list = [];
  for (let i = 0; i < 200; i++) {
    const text = ps[i % ps.length].firstChild;
    const r = document.createRange();
    const start = 5 + Math.floor(i / ps.length) * 65;
    r.setStart(text, Math.min(start, text.length - 1)); r.setEnd(text, Math.min(text.length, start + 60));
    list.push(r);
  }
  return list;
}
window.__drawBench = async (kind) => {
  await painted();
  const ranges = ranges200();
  if (kind === 'overlay') {
    const host = document.createElement('div');
    document.documentElement.append(host);
    let root;
    const attach = host.attachShadow.bind(host);
    host.attachShadow = (init) => (root = attach(init));
    const t0 = performance.now();
    new PassageOverlay(document, async () => host, () => 'light').set(
      ranges.map((range, i) => ({ id: String(i), style: 'note-highlight', range })),
    );
    for (;;) {
      await painted();
      if (root && root.children.length >= 200) return performance.now() - t0;
    }
  }
  if (kind === 'highlights') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('::highlight(bench-notes) { background-color: rgba(255, 235, 59, 0.55) }');
    document.adoptedStyleSheets = [sheet];
    await painted();
    const t0 = performance.now();
    CSS.highlights.set('bench-notes', new Highlight(...ranges));
    await painted();
    return performance.now() - t0;
  }
  // The palette: the first public mark made, its sheet adopted, and the style it invalidates recalculated.
  const t0 = performance.now();
  new MarkLayer().add('group', ranges[0]);
  getComputedStyle(document.body).color;
  document.body.getBoundingClientRect();
  return performance.now() - t0;
};`;

/** Runs in the page's world before it loads: records its long tasks. */
function observeLongTasks(): void {
  const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** Runs in the content script's world: when (ms since navigation) `n` saved passages were painted. */
function waitForSaved(saved: () => number, n: number): Promise<number> {
  return new Promise((resolve) => {
    const poll = () =>
      requestAnimationFrame(() => setTimeout(() => (saved() >= n ? resolve(performance.now()) : poll())));
    poll();
  });
}

/**
 * Scrolls the page from top to bottom with the mouse wheel (200 px a notch, a notch a frame): its
 * frames, long tasks, and the renderer's main-thread time meanwhile.
 */
async function scrollThrough(browser: ExtensionBrowser, page: Page): Promise<ScrollStats> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.mouse.move(640, 450);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async () =>
    (
      (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] }
    ).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  const height = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop?: boolean; __from: number };
    w.__frames = [];
    w.__from = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t);
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return document.documentElement.scrollHeight - innerHeight;
  });
  const before = await taskSeconds();
  for (let y = 0; y < height; y += 200) {
    await page.mouse.wheel(0, 200);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => done(undefined))));
  }
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
  const after = await taskSeconds();
  await cdp.detach();
  const { frames, longTasks } = await page.evaluate(() => {
    const w = window as unknown as {
      __frames: number[];
      __stop?: boolean;
      __from: number;
      __longTasks: { start: number; duration: number }[];
    };
    w.__stop = true;
    return { frames: w.__frames, longTasks: w.__longTasks.filter((t) => t.start >= w.__from).length };
  });
  return { ...frameStats(frames), longTasks, mainThreadMs: Math.round((after - before) * 10000) / 10 };
}

/** Runs in the content script's world: times the next click until its mark is painted. */
function installSaveTimer(saved: () => number): void {
  const w = globalThis as unknown as { __saved?: number };
  document.addEventListener(
    'pointerdown',
    () => {
      const t0 = performance.now();
      const before = saved();
      const poll = () =>
        requestAnimationFrame(() =>
          setTimeout(() => (saved() > before ? (w.__saved = performance.now() - t0) : poll())),
        );
      poll();
    },
    { capture: true, once: true },
  );
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
