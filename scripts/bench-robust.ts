/**
 * `npm run bench` (or `npm run bench -- --robust` for these cases alone): what pages that never sit
 * still cost with ClaimLens, each beside the same page in a browser without it — bulk appends of
 * 2,000 and 20,000 elements in one task, a 5,000-deep tree built after load, a ticker editing one text
 * node a thousand times a second, a flood of paragraphs naming a group every 10 ms, a 20 MB page.
 *
 * Renderer time is the page's main thread as Chromium counts it (CDP `Performance.getMetrics`:
 * TaskDuration, with its style recalculation and layout apart), so the cost of drawing marks is in it
 * whether or not the content script measured it. Long tasks are the page's own observer's.
 */
import type { Page } from 'playwright-core';
import { bulkAppendPage, deepTreePage, floodPage, tickerPage } from '../lib/bench/hostile-pages';
import { generateArticle } from '../lib/bench/generators';
import { waitForReport, type ExtensionBrowser, type StaticServer } from './browser-harness';

/** Routes the robustness cases serve (added to the bench's server). */
export function robustRoutes(aliases: readonly string[]): Record<string, string> {
  return {
    '/robust/append.html': bulkAppendPage(),
    '/robust/deep.html': deepTreePage(),
    '/robust/ticker.html': tickerPage(),
    '/robust/flood.html': floodPage(),
    '/robust/page-20mb.html': generateArticle({
      characters: 20_000_000,
      names: aliases.filter((a) => a.length > 4),
      nameRate: 0.0005,
      title: 'A 20 MB page',
    }),
  };
}

interface Side {
  /** Renderer main-thread time over the case (ms): all tasks, and style recalculation and layout. */
  taskMs: number;
  styleMs: number;
  layoutMs: number;
  /** Longest task the page's own observer saw over the case (ms; 0: none over 50 ms). */
  longestTaskMs: number;
  longTasks: number;
  /** What the page recorded of its own work: timer runs, ticker edits. */
  pageRuns: number;
  edits: number;
}

export interface RobustCase {
  name: string;
  with: Side;
  without: Side;
  /** Renderer time with ClaimLens ÷ without. */
  taskRatio: number;
  /** The content script's own report (longest task as it measured it, main-thread time). */
  claimLensBusyMs: number;
  claimLensLongestTaskMs: number;
  /** Marks on the page once done, and how many the page should have. */
  marks: number;
  expectedMarks: number | null;
  /** Messages the background received during the case, and per ticker edit. */
  messages: Record<string, number>;
  messagesPerEdit: number | null;
  /** Wall time from the page's action until the marks were complete (ms). */
  doneMs: number;
  /** The content script's main-thread time by phase, as it reported it. */
  phases: Record<string, number>;
}

interface WorkerHooks {
  claimlens: { messages(): Record<string, number>; resetMessages(): void };
}

const QUIET_MS = 1500;

/** Renderer metrics of a page, through one DevTools session kept open over the case (its counters start with it). */
async function metricsOf(page: Page): Promise<() => Promise<Record<string, number>>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  return async () => {
    const { metrics: list } = (await cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    return Object.fromEntries(list.map((m) => [m.name, m.value]));
  };
}

const groupMarks = (page: Page) =>
  page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/**
 * Opens `url`, waits for ClaimLens's first pass (with it), runs `action` in the page, waits until
 * `expected` marks are drawn (or the page is quiet), and measures.
 */
async function measure(
  browser: ExtensionBrowser,
  withExtension: boolean,
  url: string,
  action: string,
  expected: string | null,
  timeoutMs: number,
): Promise<{
  side: Side;
  marks: number;
  expectedMarks: number | null;
  doneMs: number;
  messages: Record<string, number>;
  busyMs: number;
  longestMs: number;
  phases: Record<string, number>;
}> {
  const page = await browser.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  await page.goto(url, { waitUntil: 'load' });
  if (withExtension) await waitForReport(browser, url, 120_000);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const from = await page.evaluate(() => performance.now());
  const metrics = await metricsOf(page);
  const before = await metrics();
  if (withExtension)
    await browser.worker.evaluate(() => (globalThis as unknown as WorkerHooks).claimlens.resetMessages());
  const t0 = Date.now();
  await page.evaluate(action);
  const expectedMarks = expected === null ? null : ((await page.evaluate(expected)) as number);
  let doneMs = Date.now() - t0;
  if (withExtension && expectedMarks !== null) {
    await until(async () => (await groupMarks(page)) >= expectedMarks, timeoutMs);
    doneMs = Date.now() - t0;
  }
  await new Promise((resolve) => setTimeout(resolve, QUIET_MS));
  const after = await metrics();
  const seen = await page.evaluate((since) => {
    const w = window as unknown as {
      __longTasks: { start: number; duration: number }[];
      __page: { runs: number; edits?: number };
    };
    const tasks = w.__longTasks.filter((t) => t.start >= since);
    return {
      longest: Math.max(0, ...tasks.map((t) => t.duration)),
      count: tasks.length,
      runs: w.__page?.runs ?? 0,
      edits: w.__page?.edits ?? 0,
    };
  }, from);
  const marks = withExtension ? await groupMarks(page) : 0;
  const messages = withExtension
    ? await browser.worker.evaluate(() => (globalThis as unknown as WorkerHooks).claimlens.messages())
    : {};
  const report = withExtension ? await waitForReport(browser, url, 5_000).catch(() => null) : null;
  await page.close();
  const ms = (name: string) => round(((after[name] ?? 0) - (before[name] ?? 0)) * 1000);
  return {
    side: {
      taskMs: ms('TaskDuration'),
      styleMs: ms('RecalcStyleDuration'),
      layoutMs: ms('LayoutDuration'),
      longestTaskMs: round(seen.longest),
      longTasks: seen.count,
      pageRuns: seen.runs,
      edits: seen.edits,
    },
    marks,
    expectedMarks,
    doneMs,
    messages,
    busyMs: report?.timing.busyMs ?? 0,
    longestMs: report?.timing.longestTaskMs ?? 0,
    phases: report?.timing.phases ?? {},
  };
}

async function runRobustCase(
  withExt: ExtensionBrowser,
  plain: ExtensionBrowser,
  server: StaticServer,
  name: string,
  path: string,
  action: string,
  expected: string | null,
  timeoutMs = 120_000,
): Promise<RobustCase> {
  const url = server.url(path);
  const w = await measure(withExt, true, url, action, expected, timeoutMs);
  const wo = await measure(plain, false, url, action, null, timeoutMs);
  const edits = w.side.edits;
  const total = Object.values(w.messages).reduce((a, b) => a + b, 0);
  return {
    name,
    with: w.side,
    without: wo.side,
    taskRatio: round(w.side.taskMs / Math.max(wo.side.taskMs, 1)),
    claimLensBusyMs: w.busyMs,
    claimLensLongestTaskMs: w.longestMs,
    marks: w.marks,
    expectedMarks: w.expectedMarks,
    messages: w.messages,
    messagesPerEdit: edits > 0 ? round(total / edits, 4) : null,
    doneMs: w.doneMs,
    phases: w.phases,
  };
}

/** A large page as it loads: the content script's own longest task and time, and the page's long tasks. */
async function largePage(withExt: ExtensionBrowser, server: StaticServer): Promise<RobustCase> {
  const url = server.url('robust/page-20mb.html');
  const page = await withExt.context.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  const report = await waitForReport(withExt, url, 180_000);
  const doneMs = Date.now() - t0;
  const { startedAt, totalMs } = report.timing;
  const seen = await page.evaluate(
    ([from, to]) => {
      const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
      // Tasks that began once ClaimLens had started (the page's own parsing comes before).
      const tasks = w.__longTasks.filter((t) => t.start >= from! && t.start <= to!);
      return { longest: Math.max(0, ...tasks.map((t) => t.duration)), count: tasks.length };
    },
    [startedAt, startedAt + totalMs],
  );
  const marks = await groupMarks(page);
  await page.close();
  const side: Side = {
    taskMs: 0,
    styleMs: 0,
    layoutMs: 0,
    longestTaskMs: round(seen.longest),
    longTasks: seen.count,
    pageRuns: 0,
    edits: 0,
  };
  return {
    name: '20 MB page (load)',
    with: side,
    without: { ...side, longestTaskMs: 0, longTasks: 0 },
    taskRatio: 0,
    claimLensBusyMs: report.timing.busyMs,
    claimLensLongestTaskMs: report.timing.longestTaskMs,
    marks,
    expectedMarks: null,
    messages: {},
    messagesPerEdit: null,
    doneMs,
    phases: report.timing.phases,
  };
}

export async function benchRobust(
  withExt: ExtensionBrowser,
  plain: ExtensionBrowser,
  server: StaticServer,
  log: (line: string) => void,
): Promise<RobustCase[]> {
  const cases: RobustCase[] = [];
  const run = async (
    ...args: Parameters<typeof runRobustCase> extends [unknown, unknown, unknown, ...infer R] ? R : never
  ) => {
    log(`bench: ${args[0]}…`);
    // A case that fails (the page's renderer crashed, a time-out) is reported as failed, and the others still run.
    cases.push(
      await runRobustCase(withExt, plain, server, ...args).catch((error: unknown) => failed(args[0], error)),
    );
  };
  await run(
    'bulk append, 2,000 paragraphs in one task',
    'robust/append.html',
    '__run(2000)',
    '__expectedMarks(2000)',
  );
  await run(
    'bulk append, 20,000 paragraphs in one task',
    'robust/append.html',
    '__run(20000)',
    '__expectedMarks(20000)',
    300_000,
  );
  await run('5,000-deep tree built after load', 'robust/deep.html', '__run(5000)', '__expectedMarks(5000)');
  await run('ticker, 1,000 edits/s for 5 s, names nothing', 'robust/ticker.html', '__run(5000, 1000)', null);
  await run(
    'flood, a paragraph naming a group every 10 ms for 10 s',
    'robust/flood.html',
    '__run(10000, 10)',
    '1 + __page.runs',
    120_000,
  );
  log('bench: 20 MB page…');
  cases.push(await largePage(withExt, server).catch((error: unknown) => failed('20 MB page (load)', error)));
  return cases;
}

function failed(name: string, error: unknown): RobustCase {
  const side: Side = {
    taskMs: 0,
    styleMs: 0,
    layoutMs: 0,
    longestTaskMs: 0,
    longTasks: 0,
    pageRuns: 0,
    edits: 0,
  };
  return {
    name: `${name} — FAILED: ${String((error as Error).message ?? error).split('\n')[0]}`,
    with: side,
    without: side,
    taskRatio: 0,
    claimLensBusyMs: 0,
    claimLensLongestTaskMs: 0,
    marks: 0,
    expectedMarks: null,
    messages: {},
    messagesPerEdit: null,
    doneMs: 0,
    phases: {},
  };
}

export function printRobust(cases: readonly RobustCase[]): void {
  const header = [
    'case',
    'renderer with / without (ratio)',
    'style recalc with / without',
    'longest task with / without',
    'ClaimLens longest task, busy',
    'marks',
    'messages',
    'page timer runs with / without',
    'done after',
    'ClaimLens phases (ms)',
  ];
  console.log(`\n| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|`);
  for (const c of cases) {
    const total = Object.values(c.messages).reduce((a, b) => a + b, 0);
    console.log(
      `| ${[
        c.name,
        `${c.with.taskMs} / ${c.without.taskMs} ms (${c.taskRatio}×)`,
        `${c.with.styleMs} / ${c.without.styleMs} ms`,
        `${c.with.longestTaskMs} / ${c.without.longestTaskMs} ms (${c.with.longTasks} / ${c.without.longTasks} over 50 ms)`,
        `${c.claimLensLongestTaskMs} ms, ${c.claimLensBusyMs} ms`,
        `${c.marks}${c.expectedMarks === null ? '' : ` of ${c.expectedMarks}`}`,
        `${total}${c.messagesPerEdit === null ? '' : ` (${c.messagesPerEdit} per edit, ${c.with.edits} edits)`}`,
        `${c.with.pageRuns} / ${c.without.pageRuns}`,
        `${c.doneMs} ms`,
        Object.entries(c.phases)
          .map(([k, v]) => `${k} ${v}`)
          .join(', '),
      ].join(' | ')} |`,
    );
  }
}

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
