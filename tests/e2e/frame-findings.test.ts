/**
 * What a tab's frames found, in the toolbar badge and the popup, whatever the order in which the top
 * page and its frames open (real Chromium with the built extension). The top page here holds a
 * parser-blocking script that the test answers only once the frame has been marked: the frame reaches
 * document_idle, and files what it found, before its top page does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page, Route } from 'playwright-core';
import { publicMarks } from '../../scripts/page-marks';
import {
  launchWithExtension,
  serveStatic,
  type ExtensionBrowser,
  type StaticServer,
} from '../../scripts/browser-harness';
import {
  FRAME_GROUP,
  LATER_FRAME_GROUP,
  TOP_GROUP,
  framedPage,
  heldPage,
} from '../fixtures/frames/held-pages';

let browser: ExtensionBrowser;
let server: StaticServer;
const routes: Record<string, string> = {
  '/framed.html': framedPage(FRAME_GROUP),
  '/later-framed.html': framedPage(LATER_FRAME_GROUP),
};
/** The held script's requests, answered by `release`. */
const held: Route[] = [];

beforeAll(async () => {
  server = await serveStatic({}, routes);
  browser = await launchWithExtension();
  await browser.context.route('**/held.js', (route) => void held.push(route));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` (or reloads the page), and lets its top page finish loading once its frame is marked. */
async function openHeld(page: Page, group: string, load: () => Promise<unknown>): Promise<void> {
  const waiting = held.length;
  const loading = load();
  await until(() => held.length > waiting, 'the top page asked for its held script');
  const frame = () => page.frames().find((f) => f.parentFrame() === page.mainFrame());
  await until(async () => (await frameGroups(frame())).includes(group), 'the frame was marked');
  // The top page has not reached document_idle: ClaimLens has not marked it yet.
  expect(await topGroups(page)).toEqual([]);
  await held[held.length - 1]!.fulfill({ contentType: 'text/javascript', body: '' });
  await loading;
  await until(async () => (await topGroups(page)).includes(TOP_GROUP), 'the top page was marked');
}

const topGroups = async (page: Page) => (await publicMarks(page)).group ?? [];
const frameGroups = async (frame: Frame | undefined) =>
  frame ? ((await publicMarks(frame).catch(() => ({}) as { group?: string[] })).group ?? []) : [];

const tabOf = (url: string) =>
  browser.worker.evaluate(
    async (address) => (await chrome.tabs.query({})).find((t) => t.url === address)?.id ?? -1,
    url,
  );
const badge = (tabId: number) =>
  browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

/** The groups the popup lists for the tab. */
async function popupGroups(tabId: number): Promise<string> {
  const popup = await browser.context.newPage();
  try {
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=${tabId}`);
    const groups = popup.getByRole('region', { name: 'Groups' });
    await groups.waitFor();
    return (await groups.textContent()) ?? '';
  } finally {
    await popup.close();
  }
}

describe('a frame that opens before its top page', () => {
  it('keeps what it found in the badge and the popup when the top page opens after it', async () => {
    routes['/held.html'] = heldPage('framed.html');
    const page = await browser.context.newPage();
    const url = server.url('held.html');
    await openHeld(page, FRAME_GROUP, () => page.goto(url));
    const tabId = await tabOf(url);
    // Two groups: the top page's and the frame's.
    await expect.poll(() => badge(tabId)).toBe('2');
    const groups = await popupGroups(tabId);
    expect(groups).toContain(TOP_GROUP);
    expect(groups).toContain(FRAME_GROUP);
    await page.close();
  });

  it('drops what the frames of the page before found when the page is reloaded', async () => {
    routes['/reloaded.html'] = heldPage('framed.html');
    const page = await browser.context.newPage();
    const url = server.url('reloaded.html');
    await openHeld(page, FRAME_GROUP, () => page.goto(url));
    const tabId = await tabOf(url);
    await expect.poll(() => badge(tabId)).toBe('2');
    // Reloaded, the page has another frame, which again opens before its top page.
    routes['/reloaded.html'] = heldPage('later-framed.html');
    await openHeld(page, LATER_FRAME_GROUP, () => page.reload());
    await expect.poll(() => popupGroups(tabId)).toContain(LATER_FRAME_GROUP);
    const groups = await popupGroups(tabId);
    expect(groups).toContain(TOP_GROUP);
    expect(groups).not.toContain(FRAME_GROUP);
    expect(await badge(tabId)).toBe('2');
    await page.close();
  });
});

async function until(
  check: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`not done within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
