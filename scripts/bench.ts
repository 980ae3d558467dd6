/**
 * `npm run bench -- [--json] [--pages DIR] [--cases PREFIX] [--notes-only]`: the content script's cost
 * in real Chromium, on the same pages and names as three baselines — the floor (a TreeWalker that only
 * reads every text node), one big RegExp alternation, and mark.js. Prints a table, or one JSON object
 * with --json. `--cases` runs only the cases whose name starts with PREFIX (`--startup` adds the
 * content script's start-up); `--notes-only` only the saved passages (scripts/bench-notes.ts). CLAIMLENS_OUT_DIR measures another build.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { generateArticle, generatePack } from '../lib/bench/generators';
import { median } from '../lib/bench/stats';
import { CONTENT_MAIN_PATH } from '../lib/page/content-main-contract';
import { benchBackground } from './bench-background';
import { benchNotes } from './bench-notes';
import { benchPopup } from './bench-popup';
import { benchRobust, printRobust, robustRoutes, type RobustCase } from './bench-robust';
import { launchReference, runReference } from './bench-reference';
import {
  EXTENSION_DIR,
  PROJECT_ROOT,
  launchWithExtension,
  serveStatic,
  traceWhile,
  waitForReport,
  type ExtensionBrowser,
} from './browser-harness';

interface Baselines {
  /**
   * TreeWalker over every text node, reading every character of it: once, cold, on a fresh page, in
   * a world of its own as a content script is (an isolated world, made through the DevTools protocol).
   */
  floorMs: number;
  /** The same walk in the page's own world, whose DOM objects the page's scripts may have made already. */
  floorPageWorldMs: number;
  /** The same walk (isolated world) taking only each node's length (the text is never read). */
  nodesOnlyMs: number;
  /**
   * The floor's walk as a content script: at document_idle, in a content script's world, on a fresh
   * page of a browser with a small reference extension (scripts/bench-reference.ts).
   */
  floorContentScriptMs: number;
  /**
   * The least a content script can do that marks what a background found, in the same reference
   * extension: the walk, one message with the text, as many ranges and highlights as ClaimLens drew.
   */
  leastMarkerMs: number;
  regexMs: number | null;
  regexNote?: string;
  markJsMs: number | null;
  markJsNote?: string;
}

interface CaseResult {
  name: string;
  page: string;
  pack: string;
  /** Characters of visible text read (0: the glance named nothing, and the page was not walked). */
  characters: number;
  textNodes: number;
  /** Characters of the glance the page sent first (0: too long to glance at). */
  glanced: number;
  aliases: number;
  /** Content script: main-thread time until the marks were drawn, wall time, longest task. */
  busyMs: number;
  /** Main-thread time by phase, in the median run. */
  phases: Record<string, number>;
  totalMs: number;
  longestTaskMs: number;
  longTasksOver50ms: number;
  heapMB: number;
  heapWithoutExtensionMB: number;
  marks: number;
  baselines: Baselines;
  vsFloor: number;
  vsFloorContentScript: number;
  vsLeastMarker: number;
  markJsVsUs: number | null;
}

/** Fresh page loads per measure; the median is kept (short pages vary with the scheduler of a small VM). */
const RUNS = 9;
/** For short pages, whose few milliseconds jump by 2–5 ms whenever the scheduler or the collector lands in them. */
const SHORT_PAGE_RUNS = 25;
/**
 * Quiet time before each measured load, and before the harness first asks the worker for the report:
 * the closing of the previous tab and the harness's own polling would otherwise compete for the CPU
 * with the run being measured (the same pause precedes every floor run).
 */
const SETTLE_MS = 250;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

/** What the background exposes to tools on its worker (entrypoints/background). */
interface WorkerHooks {
  claimlens: { aliases(): Promise<string[]>; usePacks(packs: unknown[] | null): Promise<void> };
}
const MARKJS_TIMEOUT_MS = 60_000;

async function main() {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const pagesIndex = args.indexOf('--pages');
  const pagesDir = pagesIndex >= 0 ? args[pagesIndex + 1] : undefined;
  const notesOnly = args.includes('--notes-only');
  const casesIndex = args.indexOf('--cases');
  const casePrefix = casesIndex >= 0 ? args[casesIndex + 1] : undefined;
  // Only the pages that never sit still (scripts/bench-robust.ts).
  const robustOnly = args.includes('--robust');

  const fixtures = join(PROJECT_ROOT, 'tests/fixtures/pages');
  const mounts: Record<string, string> = { '/fixtures/': fixtures };
  let largest: string | undefined;
  if (pagesDir) {
    const dir = resolve(pagesDir);
    mounts['/corpus/'] = dir;
    largest = readdirSync(dir)
      .filter((f) => f.endsWith('.html'))
      .sort((a, b) => statSync(join(dir, b)).size - statSync(join(dir, a)).size)[0];
  }

  const bigPack = generatePack(10_000, 5);
  const bigNames = bigPack.entities.map((e) => e.name);
  const routes: Record<string, string> = {
    '/generated/article-1mb.html': '',
    '/generated/article-1mb-bigpack.html': generateArticle({
      characters: 1_000_000,
      names: bigNames,
      title: 'Long article, generated names',
    }),
    '/generated/seed-bigpack.html': generateArticle({
      characters: 6_000,
      names: bigNames,
      nameRate: 0.02,
      title: 'Short article, generated names',
    }),
  };
  const server = await serveStatic(mounts, routes);
  const withExt = await launchWithExtension();
  const plain = await launchWithExtension({ withExtension: false });
  const reference = await launchReference();
  await blockOutside(withExt);
  await blockOutside(plain);
  await blockOutside(reference);
  const defaultAliases = (await withExt.worker.evaluate(() =>
    (globalThis as unknown as WorkerHooks).claimlens.aliases(),
  )) as string[];
  routes['/generated/article-1mb.html'] = generateArticle({
    characters: 1_000_000,
    names: defaultAliases.filter((a) => a.length > 4),
    title: 'Long article',
  });
  Object.assign(routes, robustRoutes(defaultAliases));
  const log = (line: string) => {
    if (!json) process.stderr.write(`${line}\n`);
  };
  if (robustOnly) {
    const robust = await benchRobust(withExt, plain, server, log);
    await withExt.close();
    await plain.close();
    await reference.close();
    await server.close();
    if (json)
      process.stdout.write(`${JSON.stringify({ date: new Date().toISOString(), robust }, null, 2)}\n`);
    else printRobust(robust);
    return;
  }

  const allCases: { name: string; path: string; pack: 'default' | 'generated'; runs?: number }[] = [
    {
      name: 'seed-like article',
      path: 'fixtures/zakura-2017.html',
      pack: 'default',
      runs: SHORT_PAGE_RUNS,
    },
    {
      name: 'page with no known name',
      path: 'fixtures/unrelated-traps.html',
      pack: 'default',
      runs: SHORT_PAGE_RUNS,
    },
    ...(largest
      ? [{ name: `largest corpus page (${largest})`, path: `corpus/${largest}`, pack: 'default' as const }]
      : []),
    { name: 'generated 1 MB article', path: 'generated/article-1mb.html', pack: 'default' },
    {
      name: 'short article, 10,000-entity pack',
      path: 'generated/seed-bigpack.html',
      pack: 'generated',
      runs: SHORT_PAGE_RUNS,
    },
    {
      name: 'generated 1 MB article, 10,000-entity pack',
      path: 'generated/article-1mb-bigpack.html',
      pack: 'generated',
    },
  ];

  const cases = notesOnly ? [] : allCases.filter((c) => !casePrefix || c.name.startsWith(casePrefix));
  const results: CaseResult[] = [];
  let currentPack = 'default';
  let aliases = defaultAliases;
  for (const c of cases) {
    if (c.pack !== currentPack) {
      await withExt.worker.evaluate(
        (packs) => (globalThis as unknown as WorkerHooks).claimlens.usePacks(packs),
        c.pack === 'generated' ? [bigPack] : null,
      );
      aliases = (await withExt.worker.evaluate(() =>
        (globalThis as unknown as WorkerHooks).claimlens.aliases(),
      )) as string[];
      currentPack = c.pack;
    }
    if (!json) process.stderr.write(`bench: ${c.name}…\n`);
    results.push(
      await runCase(withExt, plain, reference, server.url(c.path), c.name, c.pack, aliases, c.runs ?? RUNS),
    );
  }

  const partial = notesOnly || casePrefix !== undefined;
  const robust: RobustCase[] = partial ? [] : await benchRobust(withExt, plain, server, log);
  if (!json && !partial) process.stderr.write('bench: content script start-up…\n');
  // `--startup`: the content script's start-up too, in a partial run (to compare two builds).
  const startupMs =
    partial && !args.includes('--startup')
      ? { mainThreadMs: NaN, offMainThreadMs: NaN }
      : await contentScriptStartup(withExt, server.url('fixtures/unrelated-traps.html'));
  if (!json) process.stderr.write('bench: saved passages…\n');
  const notes = casePrefix !== undefined ? undefined : await benchNotes(withExt, plain, server);
  if (!json && !partial) process.stderr.write('bench: the background matching and linking (Node)…\n');
  const background = partial ? undefined : benchBackground(PROJECT_ROOT);
  if (!json && !partial) process.stderr.write('bench: popup with 10,000 notes…\n');
  const popup = partial ? undefined : await benchPopup(withExt);
  // What loads at document_idle on every page: the content script and the module it imports at once.
  const gzipped = [join('content-scripts', 'spotter.js'), CONTENT_MAIN_PATH.slice(1)].map(
    (file) => gzipSync(readFileSync(join(EXTENSION_DIR, file)), { level: 9 }).length,
  );
  const contentScriptGzipKB = Math.round((gzipped[0]! + gzipped[1]!) / 102.4) / 10;
  await withExt.close();
  await plain.close();
  await reference.close();
  await server.close();

  const find = (prefix: string) => results.filter((r) => r.name.startsWith(prefix));
  const targets = {
    // The bar since the 2× floor target was retired: no more than the least marking script.
    atMostLeastMarkingScript: results.every((r) => r.vsLeastMarker <= 1),
    atLeast10xFasterThanMarkJs: results.every((r) => r.markJsVsUs === null || r.markJsVsUs >= 10),
    noTaskOver50msOn1MB: find('generated 1 MB').every(
      (r) => r.longestTaskMs <= 50 && r.longTasksOver50ms === 0,
    ),
    noClaimLensTaskOver50msOnBusyPages: robust.every((r) => r.claimLensLongestTaskMs <= 50),
    noMessagePerTickerEdit: robust.every((r) => r.messagesPerEdit === null || r.messagesPerEdit < 0.01),
    noNamePageUnder2ms: find('page with no known name').every((r) => r.busyMs < 2),
    contentScriptAtMost30KBgz: contentScriptGzipKB <= 30,
    ...(notes && {
      saveUnder50ms: notes.saveToHighlightMs < 50,
      reanchor200NotesUnder50ms: notes.reanchor200ColdMs < 50,
      noNotesCodeOnPagesWithoutNotes: !notes.pageUiLoadedWithoutNotes,
      // Scrolling with 200 saved passages: no long task, no more missed frames than without notes.
      scrollWith200NotesAsSmoothAsWithout:
        notes.scroll200.longTasks === 0 && notes.scroll200.missed <= notes.scrollNoNotes.missed + 1,
    }),
    ...(popup && {
      popupFirstRenderUnder150ms: popup.firstRenderMs < 150,
      popupListUnder150ms: popup.listMs < 150,
      searchKeystrokeUnder30ms: popup.searchKeystrokeMs < 30,
      exportUnder1s: Object.values(popup.exportMs).every((ms) => ms < 1000),
    }),
  };
  const summary = {
    date: new Date().toISOString(),
    chromium: withExt.context.browser()?.version() ?? '',
    contentScriptGzipKB,
    contentScriptStartupMs: startupMs.mainThreadMs,
    contentScriptStartupOffMainThreadMs: startupMs.offMainThreadMs,
    targets,
    cases: results,
    robust,
    notes,
    popup,
    background,
  };
  if (json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  else printTable(summary);
}

/**
 * What every http(s) page pays before the spotter starts, and which `busyMs` does not include, read
 * from a trace of the page's renderer (median of RUNS fresh loads; tracing itself adds a little):
 * on the main thread, the content script (compiled and run up to importing its module), then the
 * module's compile finished and its top level run (which only registers its entry point); off
 * the main thread, the module's compile while it streams in.
 */
async function contentScriptStartup(
  browser: ExtensionBrowser,
  url: string,
): Promise<{ mainThreadMs: number; offMainThreadMs: number }> {
  const main: number[] = [];
  const off: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.context.newPage();
    await settle();
    const loaded = `${url}?startup=${i}`;
    const events = await traceWhile(browser, page, 'devtools.timeline,v8', async () => {
      await page.goto(loaded, { waitUntil: 'load' });
      await settle();
      await waitForReport(browser, loaded, 60_000);
    });
    await page.close();
    const done = events.filter((e) => e.ph === 'X' && e.dur !== undefined);
    const of = (file: string) => done.filter((e) => e.args?.data?.url?.split('?')[0]!.endsWith(file));
    const script = of('/content-scripts/spotter.js').filter((e) => e.name === 'EvaluateScript');
    const compiled = of(CONTENT_MAIN_PATH).filter((e) => e.name === 'v8.compileModule');
    if (script.length !== 1 || compiled.length !== 1)
      throw new Error(
        `expected one content script and one module, saw ${script.length} and ${compiled.length}`,
      );
    const mainThread = script[0]!.tid;
    // The module's evaluation is the first one on the main thread after its compile.
    const evaluated = done
      .filter((e) => e.name === 'v8.evaluateModule' && e.tid === mainThread && e.ts >= compiled[0]!.ts)
      .sort((x, y) => x.ts - y.ts)[0];
    if (!evaluated) throw new Error('the module was not seen running');
    const cached = done.filter(
      (e) => e.name === 'v8.produceModuleCache' && e.tid === mainThread && e.ts >= compiled[0]!.ts,
    );
    main.push([script[0]!, compiled[0]!, evaluated, ...cached].reduce((sum, e) => sum + e.dur!, 0) / 1000);
    off.push(
      of(CONTENT_MAIN_PATH)
        .filter((e) => e.tid !== mainThread)
        .reduce((sum, e) => sum + e.dur!, 0) / 1000,
    );
  }
  const round = (n: number) => Math.round(n * 100) / 100;
  return { mainThreadMs: round(median(main)), offMainThreadMs: round(median(off)) };
}

async function blockOutside(browser: ExtensionBrowser) {
  // Only the local pages go to the network; the extension's own files load as usual.
  await browser.context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return url.hostname === '127.0.0.1' || !/^https?:$/.test(url.protocol)
      ? route.continue()
      : route.abort('blockedbyclient');
  });
}

async function heapMB(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = (await cdp.send('Performance.getMetrics')) as {
    metrics: { name: string; value: number }[];
  };
  await cdp.detach();
  const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  return Math.round((used / 1048576) * 10) / 10;
}

async function runCase(
  withExt: ExtensionBrowser,
  plain: ExtensionBrowser,
  reference: ExtensionBrowser,
  url: string,
  name: string,
  pack: string,
  aliases: string[],
  loads: number,
): Promise<CaseResult> {
  // The extension, `loads` times on a fresh page each; the median run is kept.
  const runs: {
    busyMs: number;
    totalMs: number;
    longestTaskMs: number;
    longTasks: number;
    heap: number;
    marks: number;
    characters: number;
    textNodes: number;
    glanced: number;
    phases: Record<string, number>;
  }[] = [];
  for (let i = 0; i < loads; i++) {
    const page = await withExt.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask', buffered: true });
    });
    await settle();
    await page.goto(url, { waitUntil: 'load' });
    await settle();
    const report = await waitForReport(withExt, url, 60_000);
    const { startedAt, totalMs } = report.timing;
    const { longTasks, marks } = await page.evaluate(
      ([from, to]) => {
        const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
        const marks = [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0);
        return {
          longTasks: w.__longTasks.filter((t) => t.start + t.duration >= from! && t.start <= to!).length,
          marks,
        };
      },
      [startedAt, startedAt + totalMs],
    );
    runs.push({
      busyMs: report.timing.busyMs,
      totalMs,
      longestTaskMs: report.timing.longestTaskMs,
      longTasks,
      heap: i === 0 ? await heapMB(page) : 0,
      marks,
      characters: report.timing.characters,
      textNodes: report.timing.textNodes,
      glanced: report.timing.glanced,
      phases: report.timing.phases,
    });
    await page.close();
  }
  const busyMs = median(runs.map((r) => r.busyMs));

  // Baselines, in a browser without the extension, on the same page and names.
  const page = await plain.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const heapWithoutExtensionMB = await heapMB(page);
  // The floor runs the way a content script runs: once, cold, on a freshly loaded page (a second
  // run in the same page is warm and several times faster, which no content script ever is), and in
  // a world of its own. A content script's world starts with no DOM objects: the first touch of the
  // document makes them (about 0.8 ms in Chromium here), which a script in the page's own world may
  // find made already. Both are reported; the target compares with the content script's kind.
  const coldFloor = async (everyCharacter: boolean, world: 'isolated' | 'page') => {
    const times: number[] = [];
    for (let r = 0; r < loads; r++) {
      const fresh = await plain.context.newPage();
      await settle();
      await fresh.goto(url, { waitUntil: 'load' });
      const cdp = await plain.context.newCDPSession(fresh);
      const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      const contextId =
        world === 'isolated'
          ? (
              (await cdp.send('Page.createIsolatedWorld', {
                frameId: frameTree.frame.id,
                worldName: 'claimlens-bench-floor',
              })) as { executionContextId: number }
            ).executionContextId
          : undefined;
      const { result } = (await cdp.send('Runtime.evaluate', {
        expression: `(${readEveryTextNode.toString()})(${everyCharacter})`,
        returnByValue: true,
        ...(contextId === undefined ? {} : { contextId }),
      })) as { result: { value: number } };
      times.push(result.value);
      await cdp.detach();
      await fresh.close();
    }
    return median(times);
  };
  const floorMs = await coldFloor(true, 'isolated');
  const floorPageWorldMs = await coldFloor(true, 'page');
  const nodesOnlyMs = await coldFloor(false, 'isolated');
  const referenceTimes = async (kind: 'floor' | 'marker') => {
    const times: number[] = [];
    for (let r = 0; r < loads; r++)
      times.push(await runReference(reference, url, kind, runs[0]!.marks, settle));
    return median(times);
  };
  const floorContentScriptMs = await referenceTimes('floor');
  const leastMarkerMs = await referenceTimes('marker');
  const regex = await page.evaluate(
    ([list, runs]) => {
      const escaped = (list as string[])
        .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[-\s]+/g, '[-\\s]+'))
        .sort((a, b) => b.length - a.length);
      const times: number[] = [];
      try {
        for (let r = 0; r < (runs as number); r++) {
          const t0 = performance.now();
          const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
          const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
          let found = 0;
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            re.lastIndex = 0;
            while (re.exec((n as Text).data)) found++;
          }
          (window as unknown as { __sink: number }).__sink = found;
          times.push(performance.now() - t0);
        }
      } catch (error) {
        return { times, error: String((error as Error).message).slice(-40) };
      }
      return { times, error: undefined };
    },
    [aliases, 3] as const,
  );
  const regexMs = regex.error ? null : median(regex.times);
  await page.close();

  let markJsMs: number | null = null;
  let markJsNote: string | undefined;
  const markPage = await plain.context.newPage();
  await markPage.goto(url, { waitUntil: 'load' });
  await markPage.addScriptTag({ path: join(PROJECT_ROOT, 'node_modules/mark.js/dist/mark.min.js') });
  const timed = markPage
    .evaluate(
      (list) =>
        new Promise<number>((done, fail) => {
          const t0 = performance.now();
          const Mark = (
            window as unknown as { Mark: new (el: Element) => { mark(k: string[], o: object): void } }
          ).Mark;
          try {
            new Mark(document.body).mark(list, {
              separateWordSearch: false,
              diacritics: false,
              accuracy: 'exactly',
              exclude: ['script', 'style'],
              done: () => done(performance.now() - t0),
            });
          } catch (error) {
            fail(error);
          }
        }),
      aliases,
    )
    .catch((error: Error) => {
      markJsNote = `failed: ${String(error.message).split('\n')[0]!.slice(-60)}`;
      return null;
    });
  const timeout = new Promise<null>((ok) => setTimeout(() => ok(null), MARKJS_TIMEOUT_MS));
  markJsMs = await Promise.race([timed, timeout]);
  if (markJsMs === null && !markJsNote) markJsNote = `did not finish in ${MARKJS_TIMEOUT_MS / 1000} s`;
  await markPage.close().catch(() => undefined);

  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    name,
    page: url.replace(/^http:\/\/127\.0\.0\.1:\d+\//, ''),
    pack,
    characters: runs[0]!.characters,
    textNodes: runs[0]!.textNodes,
    glanced: runs[0]!.glanced,
    aliases: aliases.length,
    busyMs: round(busyMs),
    phases: runs.find((r) => r.busyMs === busyMs)?.phases ?? {},
    totalMs: round(median(runs.map((r) => r.totalMs))),
    longestTaskMs: round(Math.max(...runs.map((r) => r.longestTaskMs))),
    longTasksOver50ms: Math.max(...runs.map((r) => r.longTasks)),
    heapMB: runs[0]!.heap,
    heapWithoutExtensionMB,
    marks: runs[0]!.marks,
    baselines: {
      floorMs: round(floorMs),
      floorPageWorldMs: round(floorPageWorldMs),
      nodesOnlyMs: round(nodesOnlyMs),
      floorContentScriptMs: round(floorContentScriptMs),
      leastMarkerMs: round(leastMarkerMs),
      regexMs: regexMs === null ? null : round(regexMs),
      regexNote: regex.error,
      markJsMs: markJsMs === null ? null : round(markJsMs),
      markJsNote,
    },
    vsFloor: round(busyMs / Math.max(floorMs, 0.05)),
    vsFloorContentScript: round(busyMs / Math.max(floorContentScriptMs, 0.05)),
    vsLeastMarker: round(busyMs / Math.max(leastMarkerMs, 0.05)),
    markJsVsUs: markJsMs === null ? null : round(markJsMs / Math.max(busyMs, 0.05)),
  };
}

/** The floor: reads every text node (or only its length), and returns the time it took. */
function readEveryTextNode(readCharacters: boolean): number {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let sum = 0;
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const data = (n as Text).data;
    if (readCharacters) for (let i = 0; i < data.length; i++) sum += data.charCodeAt(i);
    else sum += data.length;
  }
  (window as unknown as { __sink: number }).__sink = sum;
  return performance.now() - t0;
}

function printTable(summary: {
  background?: ReturnType<typeof benchBackground>;
  notes?: Awaited<ReturnType<typeof benchNotes>>;
  popup?: Awaited<ReturnType<typeof benchPopup>>;
  contentScriptGzipKB: number;
  contentScriptStartupMs: number;
  contentScriptStartupOffMainThreadMs: number;
  targets: Record<string, boolean>;
  cases: CaseResult[];
  robust: RobustCase[];
}) {
  for (const [name, t] of Object.entries(summary.background ?? {}))
    console.log(
      `background match + link, ${name}: ${t.medianMs} ms (${t.mentions} mentions, ${t.incidents} incidents)`,
    );
  const rows = summary.cases.map((r) => [
    r.name,
    `${(r.glanced / 1000).toFixed(0)}k glanced, ${(r.characters / 1000).toFixed(0)}k read, ${r.aliases} aliases`,
    `${r.busyMs} ms (wall ${r.totalMs})`,
    `${r.longestTaskMs} ms`,
    `${r.heapMB} MB (${r.heapWithoutExtensionMB} without)`,
    `${r.baselines.floorMs} ms (page's world ${r.baselines.floorPageWorldMs}, nodes only ${r.baselines.nodesOnlyMs}, as a content script ${r.baselines.floorContentScriptMs})`,
    `${r.vsFloor}× (${r.vsFloorContentScript}× the content script's)`,
    `${r.baselines.leastMarkerMs} ms (${r.vsLeastMarker}×)`,
    r.baselines.regexMs === null ? `failed: ${r.baselines.regexNote}` : `${r.baselines.regexMs} ms`,
    r.baselines.markJsMs === null
      ? (r.baselines.markJsNote ?? '—')
      : `${r.baselines.markJsMs} ms (${r.markJsVsUs}× ours)`,
    String(r.marks),
  ]);
  const header = [
    'case',
    'input',
    'ClaimLens main thread',
    'longest task',
    'JS heap',
    'floor',
    'vs floor',
    'least marker',
    'RegExp',
    'mark.js',
    'marks',
  ];
  console.log(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const row of rows) console.log(`| ${row.join(' | ')} |`);
  printRobust(summary.robust);
  console.log(
    `\ncontent script and its module: ${summary.contentScriptGzipKB} KB gzipped; start-up on every page ` +
      `(not in the figures above): ${summary.contentScriptStartupMs} ms on the main thread, ` +
      `${summary.contentScriptStartupOffMainThreadMs} ms compiling off it`,
  );
  const n = summary.notes;
  if (n) {
    console.log(
      `saved passages: save → highlight ${n.saveToHighlightMs} ms; re-anchoring 200 notes on a ${n.articleCharacters}-character article: ` +
        `${n.reanchor200ColdMs} ms cold, ${n.reanchor200WarmMs} ms warm (${n.reanchored}/200 found); ` +
        `page UI loaded on a page without notes: ${n.pageUiLoadedWithoutNotes ? 'yes' : 'no'}`,
    );
    const scroll = (s: typeof n.scroll200) =>
      `${s.frames} frames, ${s.over16ms} over 16 ms, ${s.missed} missed, p95 ${s.p95Ms} ms, max ${s.maxMs} ms, ` +
      `${s.longTasks} long tasks, main thread ${s.mainThreadMs} ms`;
    console.log(
      `200 saved passages: drawn ${n.load200DrawnMs} ms after navigation (longest task ${n.load200LongestTaskMs} ms); ` +
        `drawing them alone ${n.draw200OverlayMs} ms (as highlights ${n.draw200HighlightsMs} ms); public marks' palette ` +
        `${n.paletteAdoptMs} ms\nscrolling with 200 saved passages: ${scroll(n.scroll200)}\n` +
        `scrolling without notes: ${scroll(n.scrollNoNotes)}`,
    );
  }
  const p = summary.popup;
  if (p)
    console.log(
      `popup with ${p.notes} notes: first render ${p.firstRenderMs} ms (first paint ${p.firstPaintMs} ms, ready ` +
        `as Playwright sees it ${p.openMs} ms), list drawn ${p.listMs} ms after choosing it, search keystroke to ` +
        `results ${p.searchKeystrokeMs} ms; export ${JSON.stringify(p.exportMs)} ms; on all ${p.notes}: select ` +
        `${p.selectAllMs} ms, add tag ${p.bulkTagMs} ms, delete ${p.bulkDeleteMs} ms, undo ${p.bulkUndoMs} ms`,
    );
  for (const [target, ok] of Object.entries(summary.targets))
    console.log(`${ok ? 'met   ' : 'MISSED'} ${target}`);
}

await main();
