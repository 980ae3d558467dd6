/**
 * `npx tsx scripts/bench-paint.ts [seconds]`: where the renderer's time goes on the flood page
 * (scripts/bench-robust.ts: a paragraph naming a group every 10 ms) with ClaimLens and without it,
 * from a Chromium trace of the page's renderer with the paint and style categories: the renderer's
 * events by name, summed on each of its threads (main, compositor, raster), side by side, and the
 * thread time of its tasks. A developer's tool: nothing in the product calls it.
 */
import type { CDPSession } from 'playwright-core';
import { robustRoutes } from './bench-robust';
import { launchWithExtension, serveStatic, waitForReport, type ExtensionBrowser } from './browser-harness';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink',
  'cc',
  'gpu',
  'viz',
  'benchmark',
  'toplevel',
  'v8',
  'disabled-by-default-v8.gc',
].join(',');

async function main() {
  const seconds = Number(process.argv[2] ?? 5);
  const probe = await launchWithExtension();
  const aliases = (await probe.worker.evaluate(() =>
    (globalThis as unknown as { claimlens: { aliases(): Promise<string[]> } }).claimlens.aliases(),
  )) as string[];
  const server = await serveStatic({}, robustRoutes(aliases));
  const url = server.url('robust/flood.html');
  const withExt = await traced(probe, url, seconds, true);
  await probe.close();
  const plain = await launchWithExtension({ withExtension: false });
  const without = await traced(plain, url, seconds, false);
  await plain.close();
  await server.close();
  const names = new Set([...withExt.keys(), ...without.keys()]);
  const rows = [...names]
    .map((name) => ({ name, with: withExt.get(name) ?? 0, without: without.get(name) ?? 0 }))
    .filter((r) => r.with >= 5 || r.without >= 5)
    .sort((a, b) => b.with - b.without - (a.with - a.without));
  console.log(
    `flood page, ${seconds} s: renderer trace events by thread and name (ms, summed; nested events count in each)`,
  );
  console.log('| thread: event | with ClaimLens | without | difference |\n|---|---|---|---|');
  for (const r of rows.slice(0, 40))
    console.log(
      `| ${r.name} | ${r.with.toFixed(1)} | ${r.without.toFixed(1)} | ${(r.with - r.without).toFixed(1)} |`,
    );
}

/** Runs the flood for `seconds` under a trace; the renderer's events, summed by thread and name. */
async function traced(
  browser: ExtensionBrowser,
  url: string,
  seconds: number,
  extension: boolean,
): Promise<Map<string, number>> {
  const page = await browser.context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  if (extension) await waitForReport(browser, url, 60_000);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const cdp: CDPSession = await browser.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await page.evaluate(`__run(${seconds * 1000}, 10)`);
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  await page.close();
  // The page's renderer: the process whose main thread ran the page's timer most.
  const threadNames = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const timers = new Map<number, number>();
  for (const e of events) if (e.name === 'TimerFire') timers.set(e.pid, (timers.get(e.pid) ?? 0) + 1);
  const pid = [...timers.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  const sums = new Map<string, number>();
  for (const e of events) {
    if (e.pid !== pid || e.ph !== 'X' || e.dur === undefined) continue;
    const thread = (threadNames.get(`${e.pid}:${e.tid}`) ?? 'thread').replace(/\d+$/, '');
    const key = `${thread}: ${e.name}`;
    sums.set(key, (sums.get(key) ?? 0) + e.dur / 1000);
    if (e.tdur !== undefined && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask')) {
      const cpu = `${thread}: task thread time`;
      sums.set(cpu, (sums.get(cpu) ?? 0) + e.tdur / 1000);
    }
  }
  return sums;
}

await main();
