/**
 * Real Chromium with the built extension, for the E2E tests, `npm run scan`, `npm run bench` and
 * `npm run demo`: launch, serve local pages on 127.0.0.1, read what the extension found from its worker.
 * They use the test build (`.output-test/`, scripts/extension-builds.ts), whose worker has the hooks
 * they read (`globalThis.claimlens`); the production build has none.
 */
import { mkdtempSync, rmSync, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import type { PageReport } from '../lib/messaging';
import { PROJECT_ROOT, buildDir } from './extension-builds';

export { PROJECT_ROOT };
/** The test build, which the tools drive through its worker's hooks. */
export const EXTENSION_DIR = buildDir('test');
/** The production build (`npm run build`): what readers install. */
export const PRODUCTION_DIR = buildDir('production');

export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new Error('No Chromium found: install Debian\'s "chromium" package or set CHROMIUM_PATH.');
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

/** Launches Chromium with the unpacked extension (headless unless told otherwise). */
export async function launchWithExtension(
  options: { headless?: boolean; extensionDir?: string; withExtension?: boolean } = {},
): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  const withExtension = options.withExtension ?? true;
  if (withExtension && !existsSync(join(extensionDir, 'manifest.json')))
    throw new Error(
      `No built extension in ${extensionDir}: run \`${extensionDir === PRODUCTION_DIR ? 'npm run build' : 'npm run build:test'}\` first.`,
    );
  const userDataDir = mkdtempSync(join(tmpdir(), 'claimlens-profile-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
    '--disable-dev-shm-usage',
  ];
  if (withExtension)
    args.push(`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args,
    viewport: { width: 1280, height: 900 },
    ignoreDefaultArgs: withExtension ? ['--disable-extensions'] : [],
  });
  // tsx compiles these scripts with esbuild's keepNames, which wraps functions passed to
  // page.evaluate in a __name() helper that pages do not have.
  await context.addInitScript('globalThis.__name = globalThis.__name || ((f) => f);');
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(userDataDir, { recursive: true, force: true });
  };
  if (!withExtension) return { context, worker: undefined as unknown as Worker, extensionId: '', close };
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  // The worker registers the content script as it starts: a page opened before that would get none.
  // The test build says when; the production build is watched until it has.
  await worker.evaluate(async () => {
    // (No named functions in here: tsx would wrap them in a helper the worker does not have.)
    for (let tries = 0; tries < 200; tries++) {
      const hooks = (globalThis as unknown as { claimlens?: { registered(): Promise<void> } }).claimlens;
      if (hooks) return hooks.registered();
      if ((await chrome.scripting.getRegisteredContentScripts()).length > 0) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
  return { context, worker, extensionId, close };
}

/** One event of a Chromium trace, as far as ClaimLens's checks read it. */
export interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tid: number;
  args?: { data?: { url?: string; [key: string]: unknown } };
}

/** Traces the page's renderer (the given categories) while `work` runs, and returns the events. */
export async function traceWhile(
  browser: ExtensionBrowser,
  page: Page,
  categories: string,
  work: () => Promise<void>,
): Promise<TraceEvent[]> {
  const cdp = await browser.context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.start', { categories, transferMode: 'ReportEvents' });
  await work();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return events;
}

export type TabReport = PageReport & { tabId: number };

/** Every page report the extension holds, read from its service worker. */
export async function readReports(browser: ExtensionBrowser): Promise<TabReport[]> {
  const worker = currentWorker(browser);
  return worker.evaluate(() =>
    (globalThis as unknown as { claimlens: { reports(): unknown[] } }).claimlens.reports(),
  ) as Promise<TabReport[]>;
}

function currentWorker(browser: ExtensionBrowser): Worker {
  // A stopped worker comes back as a new Worker object.
  return (
    browser.context.serviceWorkers().find((w) => w.url().includes(browser.extensionId)) ?? browser.worker
  );
}

/** Waits until the extension has reported on `url` (its first full pass is done). */
export async function waitForReport(
  browser: ExtensionBrowser,
  url: string,
  timeoutMs = 20_000,
  after = 0,
): Promise<TabReport> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const report = (await readReports(browser)).find((r) => r.url === url && r.timing.totalMs >= after);
    if (report) return report;
    if (Date.now() > deadline) throw new Error(`ClaimLens did not report on ${url} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  origin: string;
  url(path: string): string;
  close(): Promise<void>;
}

/** A generated page, or one answered when the test says (a function: a resource a page waits for). */
export type Route = string | (() => Promise<string>);

/**
 * Serves files on 127.0.0.1: `mounts` maps URL prefixes to folders ("/" → pages, "/vendor/" → …).
 * Extra routes answer generated pages.
 */
export async function serveStatic(
  mounts: Record<string, string>,
  routes: Record<string, Route> = {},
): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const route = routes[path];
    if (route !== undefined) {
      void (typeof route === 'string' ? Promise.resolve(route) : route()).then((body) => {
        res.writeHead(200, { 'content-type': TYPES['.html']! });
        res.end(body);
      });
      return;
    }
    const prefix = Object.keys(mounts)
      .filter((p) => path.startsWith(p))
      .sort((a, b) => b.length - a.length)[0];
    if (prefix === undefined) return notFound(res);
    const base = resolve(mounts[prefix]!);
    const file = normalize(join(base, path.slice(prefix.length)));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) return notFound(res);
    res.writeHead(200, { 'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    url: (p) => `${origin}/${p.replace(/^\//, '')}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

function notFound(res: import('node:http').ServerResponse): void {
  res.writeHead(404, { 'content-type': 'text/plain' });
  res.end('not found');
}
