/**
 * Real Firefox (Debian's firefox-esr) with the built Firefox extension, for the Firefox E2E suite:
 * puppeteer-core over WebDriver BiDi, the unpacked build installed as a temporary add-on at a known
 * moz-extension:// address, and the browser's own console read for errors of every ClaimLens context.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export function firefoxPath(): string {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found)
    throw new Error('No Firefox found: install Debian\'s "firefox-esr" package or set FIREFOX_PATH.');
  return found;
}

export interface FirefoxWithExtension {
  browser: Browser;
  /** moz-extension://<uuid>: where the extension's pages are. */
  origin: string;
  /** Errors Firefox reported from the extension (content script, background, its pages). */
  errors: string[];
  /** Opens one of the extension's pages (`/popup.html`) in a tab. */
  openExtensionPage(path: string): Promise<Page>;
  /**
   * Test build only: runs `fn` (source of a function of the hooks) on the background page's hooks
   * (`globalThis.claimlens`, entrypoints/background/test-hooks.ts), from an extension tab of its own,
   * and returns its result as JSON. Wakes the event page when it is unloaded.
   */
  hooks<T>(fn: string): Promise<T>;
  close(): Promise<void>;
}

/** Polls `check` until it returns a value other than undefined/false, or throws after `timeout` ms. */
export async function waitFor<T>(
  check: () => Promise<T | undefined | false> | T | undefined | false,
  timeout = 10_000,
  what = 'a condition',
): Promise<T> {
  const until = Date.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      last = error; // e.g. the page is between two documents
    }
    if (Date.now() > until)
      throw new Error(`Timed out waiting for ${what}${last ? ` (last error: ${String(last)})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Whether a build is the test build, whose background has the tools' hooks. */
function manifestHasHooks(extensionDir: string): boolean {
  return readFileSync(join(extensionDir, 'background.js'), 'utf8').includes('delaySaves');
}

/** Launches headless Firefox with the unpacked Firefox build in `extensionDir` installed. */
export async function launchFirefoxWithExtension(extensionDir: string): Promise<FirefoxWithExtension> {
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build:firefox\` first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error('The Firefox build has no gecko id (wxt.config.ts).');
  const uuid = randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    // Without it Firefox refuses WebDriver navigation to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      // The add-on's address is known before it is installed.
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      // Errors of the background page and extension tabs do not reach BiDi's log: Firefox prints them.
      'devtools.console.stdout.content': true,
      // The event page is unloaded after 2 s idle (30 s by default), so that the suite also runs
      // against a background rebuilt from storage.
      'extensions.background.idle.timeout': 2000,
    },
    protocolTimeout: 60_000,
  });
  const errors: string[] = [];
  const origin = `moz-extension://${uuid}`;
  let buffered = '';
  const read = (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines)
      if (/JavaScript error:/.test(line) && line.includes(origin)) errors.push(line.trim());
      else if (/^console\.error:/.test(line) && /ClaimLens|claimlens/.test(line)) errors.push(line.trim());
  };
  browser.process()?.stdout?.on('data', read);
  browser.process()?.stderr?.on('data', read);
  await browser.installExtension(extensionDir);

  const connection = (browser as unknown as { connection: { send(m: string, p: object): Promise<unknown> } })
    .connection;
  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    const url = `${origin}${path}`;
    const context = (page.mainFrame() as unknown as { _id: string })._id;
    // page.goto() never settles for extension pages: navigate, then wait for the document.
    await connection.send('browsingContext.navigate', { context, url, wait: 'none' });
    await waitFor(
      () =>
        page.evaluate(() => location.href.startsWith('moz-extension:') && document.readyState === 'complete'),
      20_000,
      `${path} to load`,
    );
    return page;
  };
  let hookTab: Promise<Page> | undefined;
  const hooks = async <T>(fn: string): Promise<T> => {
    hookTab ??= openExtensionPage('/popup.html');
    const json = await (
      await hookTab
    ).evaluate(`(async () => {
      globalThis.__name ??= (f) => f;
      const background = await browser.runtime.getBackgroundPage();
      if (!background.claimlens) throw new Error('no test hooks: the Firefox suite needs the test build');
      return JSON.stringify((await (${fn})(background.claimlens)) ?? null);
    })()`);
    return JSON.parse(json as string) as T;
  };
  // The background registers the content script as it starts: a page opened before that would get
  // none. The test build says when.
  if (existsSync(join(extensionDir, 'background.js')) && manifestHasHooks(extensionDir))
    await waitFor(
      () => hooks<boolean>('(c) => c.registered().then(() => true)'),
      60_000,
      'the content script registered',
    );
  return {
    browser,
    origin,
    errors,
    openExtensionPage,
    hooks,
    close: async () => {
      await browser.close().catch(() => undefined);
    },
  };
}
