/**
 * What a tab's frames found, in the toolbar badge and the popup, in real Firefox (the Firefox test
 * build), where a message's sender names no document: a frame that reaches document_idle before its
 * top page keeps what it found, and the frames of the page before a reload do not. The top page holds
 * a parser-blocking script that the server answers only once the frame has been marked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'puppeteer-core';
import { serveStatic, type Route, type StaticServer } from '../../scripts/browser-harness';
import { buildDir } from '../../scripts/extension-builds';
import {
  launchFirefoxWithExtension,
  waitFor,
  type FirefoxWithExtension,
} from '../../scripts/firefox-harness';
import { publicMarks } from '../../scripts/firefox-ui-probe';
import {
  FRAME_GROUP,
  LATER_FRAME_GROUP,
  TOP_GROUP,
  framedPage,
  heldPage,
} from '../fixtures/frames/held-pages';

/** Answers the held script's waiting requests. */
const release: Array<() => void> = [];
const routes: Record<string, Route> = {
  '/framed.html': framedPage(FRAME_GROUP),
  '/later-framed.html': framedPage(LATER_FRAME_GROUP),
  '/held.js': () => new Promise((answer) => release.push(() => answer(''))),
};

let firefox: FirefoxWithExtension;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic({}, routes);
  firefox = await launchFirefoxWithExtension(buildDir('firefox-test'));
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** Loads the page (`load`), and lets its top page finish loading once its frame is marked. */
async function openHeld(page: Page, group: string, load: () => Promise<unknown>): Promise<void> {
  const waiting = release.length;
  const loading = load();
  await waitFor(() => release.length > waiting, 30_000, 'the top page asking for its held script');
  const frame = () => page.frames().find((f) => f.parentFrame() === page.mainFrame());
  await waitFor(async () => (await frameGroups(frame())).includes(group), 30_000, 'the frame marked');
  // The top page has not reached document_idle: ClaimLens has not marked it yet.
  expect((await publicMarks(page)).group ?? []).toEqual([]);
  release.splice(0).forEach((answer) => answer());
  await loading;
  await waitFor(
    async () => ((await publicMarks(page)).group ?? []).includes(TOP_GROUP),
    30_000,
    'the top page marked',
  );
}

const frameGroups = async (frame: Frame | undefined) =>
  frame ? ((await publicMarks(frame).catch(() => ({}) as { group?: string[] })).group ?? []) : [];

/** The tab showing `url`, and its badge, read from an extension page. */
const tabOf = (url: string) =>
  firefox.hooks<number>(
    `() => browser.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(url)})?.id ?? -1)`,
  );
const badge = (tabId: number) =>
  firefox.hooks<string>(`() => browser.browserAction.getBadgeText({ tabId: ${tabId} })`);

/** The groups the popup lists for the tab. */
async function popupGroups(tabId: number): Promise<string> {
  const popup = await firefox.openExtensionPage(`/popup.html?tab=${tabId}`);
  try {
    return await waitFor(
      () =>
        popup.evaluate(
          () => document.querySelector('section[aria-labelledby="kind-group"]')?.textContent ?? false,
        ),
      10_000,
      'the popup’s groups',
    );
  } finally {
    await popup.close();
  }
}

describe('a frame that opens before its top page, in Firefox', () => {
  it('keeps what it found in the badge and the popup when the top page opens after it', async () => {
    routes['/held.html'] = heldPage('framed.html');
    const page = await firefox.browser.newPage();
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
    const page = await firefox.browser.newPage();
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
