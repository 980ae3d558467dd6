/**
 * `npx tsx scripts/bench-profile.ts <case> [--out FILE]`: where the time of ClaimLens's long tasks goes,
 * from a Chromium trace and a V8 CPU profile (DevTools protocol) taken while a page of the robust bench
 * (scripts/bench-robust.ts) or the seed-like article runs with the test build. For each renderer task
 * over 20 ms (or, with `seed`, over the whole load) it prints what the task held (script of ClaimLens,
 * of the page, garbage collection, style, layout) and the functions of ClaimLens that took most of it
 * (self time and the time below them), named by the minified bundle's text at their place. A
 * developer's tool: nothing in the product calls it.
 *
 * Cases: append2k, append20k, deep, flood, 20mb, seed. `--over MS`: the tasks to look into (20),
 * longest first; `--cpu`: by thread time rather than wall time; `--out FILE` keeps the recording,
 * `--from FILE` analyses a kept one again.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { robustRoutes } from './bench-robust';
import {
  EXTENSION_DIR,
  PROJECT_ROOT,
  launchWithExtension,
  serveStatic,
  waitForReport,
  type ExtensionBrowser,
} from './browser-harness';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of the event: much below `dur` when the machine took the thread away. */
  tdur?: number;
  pid: number;
  tid: number;
  cat?: string;
  args?: Record<string, unknown> & { data?: Record<string, unknown>; name?: string };
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.gc',
  'blink',
  'toplevel',
].join(',');

interface Case {
  path: string;
  /** Runs in the page once ClaimLens's first pass is done (null: the load itself is profiled). */
  action: string | null;
  /** How long to record after the action (ms). */
  recordMs: number;
}

const CASES: Record<string, Case> = {
  append2k: { path: 'robust/append.html', action: '__run(2000)', recordMs: 4000 },
  append20k: { path: 'robust/append.html', action: '__run(20000)', recordMs: 20000 },
  deep: { path: 'robust/deep.html', action: '__run(5000)', recordMs: 6000 },
  flood: { path: 'robust/flood.html', action: '__run(10000, 10)', recordMs: 13000 },
  '20mb': { path: 'robust/page-20mb.html', action: null, recordMs: 0 },
  seed: { path: 'fixtures/zakura-2017.html', action: null, recordMs: 0 },
};

async function main() {
  const name = process.argv[2] ?? '';
  const outIndex = process.argv.indexOf('--out');
  const out = outIndex >= 0 ? process.argv[outIndex + 1] : undefined;
  const overIndex = process.argv.indexOf('--over');
  const threshold = overIndex >= 0 ? Number(process.argv[overIndex + 1]) : 20;
  // `--cpu`: the tasks are chosen and ordered by thread time (on a loaded machine, wall time says
  // more of the machine than of the task).
  const byCpu = process.argv.includes('--cpu');
  const fromIndex = process.argv.indexOf('--from');
  if (fromIndex >= 0) {
    // A recording saved before (--out): analysed again, nothing run.
    const saved = JSON.parse(readFileSync(process.argv[fromIndex + 1]!, 'utf8')) as {
      events: TraceEvent[];
      profile: Profile;
    };
    analyse(saved.events, saved.profile, name === 'seed' ? 0 : threshold, byCpu);
    return;
  }
  const chosen = CASES[name];
  if (!chosen) throw new Error(`Usage: bench-profile.ts <${Object.keys(CASES).join('|')}> [--out FILE]`);
  const withExt = await launchWithExtension();
  const aliases = (await withExt.worker.evaluate(() =>
    (globalThis as unknown as { claimlens: { aliases(): Promise<string[]> } }).claimlens.aliases(),
  )) as string[];
  const server = await serveStatic(
    { '/fixtures/': join(PROJECT_ROOT, 'tests/fixtures/pages') },
    robustRoutes(aliases),
  );
  const url = server.url(chosen.path);
  const page = await withExt.context.newPage();
  let recorded: { events: TraceEvent[]; profile: Profile };
  if (chosen.action === null) {
    // The load: recorded from before navigation until ClaimLens filed its report.
    const recorder = await record(withExt, page);
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    await waitForReport(withExt, url, 180_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    recorded = await recorder.stop();
  } else {
    await page.goto(url, { waitUntil: 'load' });
    await waitForReport(withExt, url, 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const recorder = await record(withExt, page);
    await page.evaluate(chosen.action);
    await new Promise((resolve) => setTimeout(resolve, chosen.recordMs));
    recorded = await recorder.stop();
  }
  const report = await waitForReport(withExt, url, 5_000).catch(() => null);
  await withExt.close();
  await server.close();
  if (out) writeFileSync(out, JSON.stringify(recorded));
  analyse(recorded.events, recorded.profile, name === 'seed' ? 0 : threshold, byCpu);
  if (report) console.log(`\nClaimLens's own report: ${JSON.stringify(report.timing)}`);
}

async function record(browser: ExtensionBrowser, page: Page) {
  const cdp: CDPSession = await browser.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await cdp.send('Profiler.start');
  return {
    async stop() {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
      await cdp.send('Tracing.end');
      await complete;
      await cdp.detach();
      return { events, profile };
    },
  };
}

const sources = new Map<string, string[]>();
/** The bundle's text at a place (minified: the text says more than the name). */
function snippet(url: string, line: number, column: number): string {
  const file = url.match(/chrome-extension:\/\/[^/]+\/([^?#]+)/)?.[1];
  if (!file) return '';
  let lines = sources.get(file);
  if (!lines) {
    try {
      lines = readFileSync(join(EXTENSION_DIR, file), 'utf8').split('\n');
    } catch {
      lines = [];
    }
    sources.set(file, lines);
  }
  return (lines[line] ?? '').slice(column, column + 90).replace(/\s+/g, ' ');
}

function analyse(events: TraceEvent[], profile: Profile, threshold: number, byCpu = false): void {
  // The page's renderer: of the renderers' main threads, the one that ran most script.
  const mainThreads = events.filter(
    (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
  );
  const calls = (t: TraceEvent) =>
    events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.name === 'FunctionCall').length;
  const mainThread = mainThreads.sort((a, b) => calls(b) - calls(a))[0];
  const main = events.filter(
    (e) => mainThread && e.pid === mainThread.pid && e.tid === mainThread.tid && e.ph === 'X',
  );
  // Top-level tasks only (a task runs inside the scheduler's own RunTask event of the same span).
  const tasks: TraceEvent[] = [];
  for (const e of main
    .filter((e) => e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask')
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    const last = tasks[tasks.length - 1];
    if (last && e.ts < last.ts + (last.dur ?? 0)) continue;
    tasks.push(e);
  }
  // Samples with their times and stacks.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const isOurs = (id: number) => byId.get(id)!.callFrame.url.startsWith('chrome-extension://');
  const label = (id: number) => {
    const f = byId.get(id)!.callFrame;
    const file = f.url.split('/').pop()?.split('?')[0] ?? '';
    return `${f.functionName || '(anonymous)'} ${file}:${f.lineNumber}:${f.columnNumber} «${snippet(f.url, f.lineNumber, f.columnNumber)}»`;
  };
  summarise(tasks, profile, times, isOurs, parent);
  const length = (task: TraceEvent) => ((byCpu ? task.tdur : task.dur) ?? 0) / 1000;
  // With `--cpu`, ClaimLens's own tasks only (most of their samples have it on the stack).
  const mostlyOurs = (task: TraceEvent) => {
    let sampled = 0;
    let ours = 0;
    for (let i = 0; i < profile.samples.length; i++) {
      if (times[i]! < task.ts || times[i]! > task.ts + (task.dur ?? 0)) continue;
      sampled++;
      for (let id: number | undefined = profile.samples[i]!; id !== undefined; id = parent.get(id))
        if (isOurs(id)) {
          ours++;
          break;
        }
    }
    return ours > 0 && ours >= sampled / 2;
  };
  const windows =
    threshold > 0
      ? tasks
          .filter((task) => length(task) >= threshold && (!byCpu || mostlyOurs(task)))
          .sort((a, b) => length(b) - length(a))
      : [{ ts: profile.startTime, dur: profile.endTime - profile.startTime } as TraceEvent];
  console.log(
    `${tasks.length} renderer tasks; ${windows.length} ${threshold > 0 ? `over ${threshold} ms${byCpu ? ' of thread time' : ''}, longest first` : '(whole recording)'}`,
  );
  const totals = { self: new Map<string, number>(), below: new Map<string, number>() };
  for (const task of windows.slice(0, 12)) {
    const from = task.ts;
    const to = task.ts + (task.dur ?? 0);
    const inside = main.filter((e) => e.ts >= from && e.ts + (e.dur ?? 0) <= to && e !== task);
    const sum = (names: string[]) =>
      inside.filter((e) => names.includes(e.name)).reduce((n, e) => n + (e.dur ?? 0), 0) / 1000;
    let ours = 0;
    let samples = 0;
    const self = new Map<string, number>();
    const below = new Map<string, number>();
    for (let i = 0; i < profile.samples.length; i++) {
      if (times[i]! < from || times[i]! > to) continue;
      const dt = (profile.timeDeltas[i + 1] ?? 100) / 1000;
      samples += dt;
      // The stack, top first.
      const stack: number[] = [];
      for (let id: number | undefined = profile.samples[i]!; id !== undefined; id = parent.get(id))
        stack.push(id);
      const oursAt = stack.findIndex(isOurs);
      if (oursAt < 0) continue;
      ours += dt;
      const top = byId.get(stack[0]!)!.callFrame;
      const topLabel = isOurs(stack[0]!)
        ? label(stack[0]!)
        : `${top.functionName || top.url || '(native)'} ← ${label(stack[oursAt]!)}`;
      self.set(topLabel, (self.get(topLabel) ?? 0) + dt);
      const seen = new Set<string>();
      for (const id of stack.filter(isOurs)) {
        const l = label(id);
        if (seen.has(l)) continue;
        seen.add(l);
        below.set(l, (below.get(l) ?? 0) + dt);
      }
    }
    const gc = sum(['MinorGC', 'MajorGC', 'V8.GCScavenger', 'V8.GCFinalizeMC', 'BlinkGC.AtomicPhase']);
    console.log(
      `\ntask at ${((from - (tasks[0]?.ts ?? from)) / 1000).toFixed(0)} ms: ${((task.dur ?? 0) / 1000).toFixed(1)} ms (CPU ${((task.tdur ?? 0) / 1000).toFixed(1)} ms) — sampled ${samples.toFixed(1)} ms, ClaimLens on the stack ${ours.toFixed(1)} ms; GC ${gc.toFixed(1)}, style ${sum(['UpdateLayoutTree']).toFixed(1)}, layout ${sum(['Layout']).toFixed(1)}, paint ${sum(['Paint', 'PrePaint']).toFixed(1)}, parse HTML ${sum(['ParseHTML']).toFixed(1)}`,
    );
    const called = inside.filter(
      (e) => e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.callFunction',
    );
    for (const c of called.filter((e) => (e.dur ?? 0) > 2000).slice(0, 6)) {
      const d = c.args?.data ?? {};
      console.log(
        `   ${c.name} ${((c.dur ?? 0) / 1000).toFixed(1)} ms ${String(d.url ?? '')
          .split('/')
          .pop()}:${String(d.lineNumber ?? '')} ${String(d.functionName ?? '')}`,
      );
    }
    const top = (map: Map<string, number>, n: number) =>
      [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
    for (const [l, ms] of top(self, 8)) console.log(`   self ${ms.toFixed(1)} ms  ${l}`);
    for (const [l, ms] of top(below, 8)) console.log(`   total ${ms.toFixed(1)} ms  ${l}`);
    for (const [l, ms] of self) totals.self.set(l, (totals.self.get(l) ?? 0) + ms);
    for (const [l, ms] of below) totals.below.set(l, (totals.below.get(l) ?? 0) + ms);
  }
  if (windows.length > 1) {
    console.log('\nover all those tasks:');
    const top = (map: Map<string, number>, n: number) =>
      [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
    for (const [l, ms] of top(totals.self, 15)) console.log(`   self ${ms.toFixed(1)} ms  ${l}`);
    for (const [l, ms] of top(totals.below, 15)) console.log(`   total ${ms.toFixed(1)} ms  ${l}`);
  }
}

/**
 * ClaimLens's longest tasks, by wall time and by thread time: on a machine whose cores other work
 * keeps busy, a task's wall time says more of the machine than of the task; its thread time does not.
 * A task is ClaimLens's when most of its samples have ClaimLens on the stack; the page's own tasks
 * that ClaimLens runs in (a mutation observer's callback) are given with ClaimLens's samples in them.
 */
function summarise(
  tasks: readonly TraceEvent[],
  profile: Profile,
  times: readonly number[],
  isOurs: (id: number) => boolean,
  parent: ReadonlyMap<number, number>,
): void {
  const oursAt = new Map<number, boolean>();
  const ours = (id: number): boolean => {
    let known = oursAt.get(id);
    if (known === undefined) {
      const up = parent.get(id);
      known = isOurs(id) || (up !== undefined && ours(up));
      oursAt.set(id, known);
    }
    return known;
  };
  let s = 0;
  const rows: { wall: number; cpu: number; sampled: number; claimLens: number }[] = [];
  for (const task of tasks) {
    const to = task.ts + (task.dur ?? 0);
    while (s < times.length && times[s]! < task.ts) s++;
    let sampled = 0;
    let claimLens = 0;
    for (let i = s; i < times.length && times[i]! <= to; i++) {
      const dt = (profile.timeDeltas[i + 1] ?? 100) / 1000;
      sampled += dt;
      if (ours(profile.samples[i]!)) claimLens += dt;
    }
    if (claimLens > 0)
      rows.push({ wall: (task.dur ?? 0) / 1000, cpu: (task.tdur ?? 0) / 1000, sampled, claimLens });
  }
  const own = rows.filter((r) => r.claimLens >= r.sampled / 2);
  const inPage = rows.filter((r) => r.claimLens < r.sampled / 2);
  const max = (list: typeof rows, key: 'wall' | 'cpu' | 'claimLens') =>
    list.reduce((m, r) => Math.max(m, r[key]), 0).toFixed(1);
  console.log(
    `SUMMARY ClaimLens's tasks: ${own.length}; longest ${max(own, 'wall')} ms wall, ${max(own, 'cpu')} ms thread time; ` +
      `${own.filter((r) => r.cpu > 50).length} over 50 ms of thread time, ${own.filter((r) => r.wall > 50).length} over 50 ms wall. ` +
      `In the page's own tasks: at most ${max(inPage, 'claimLens')} ms of ClaimLens (${inPage.length} tasks).`,
  );
}

await main();
