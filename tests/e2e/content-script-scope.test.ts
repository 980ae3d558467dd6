/**
 * What the background tells code in a page's content-script world (the isolated world ClaimLens's
 * content script runs in, reached here through the DevTools protocol, as a page that broke into it
 * would): only the notes of the page its tab shows. A page that names another article of the same
 * host as its canonical gets none of that article's notes, whatever address its messages name, and
 * cannot change, delete, restore over or list them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  launchWithExtension,
  serveStatic,
  type ExtensionBrowser,
  type StaticServer,
} from '../../scripts/browser-harness';

let browser: ExtensionBrowser;
let server: StaticServer;

const article = (title: string, canonical: string) => `<!doctype html><html><head><meta charset="utf-8">
<title>${title}</title><link rel="canonical" href="${canonical}"></head><body><article><h1>${title}</h1>
<p>The council met on Tuesday evening to discuss the new bridge over the river and its cost.</p>
<p>Residents asked whether the old ferry would keep running while the bridge is being built.</p>
</article></body></html>`;

beforeAll(async () => {
  server = await serveStatic(
    {},
    {
      '/desk/bridge-vote.html': article('Bridge vote', '/desk/bridge-vote.html'),
      // Another article of the same host, naming the first as its canonical.
      '/desk/ferry-story.html': article('Ferry story', '/desk/bridge-vote.html'),
    },
  );
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A page of the test server, once ClaimLens's content script runs in it. */
async function open(path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url(path));
  return page;
}

/** Sends a message to the background from the page's content-script world; its answer (`res`) or error (`err`). */
async function fromContentWorld(
  page: Page,
  type: string,
  data: unknown,
): Promise<{ res?: unknown; err?: unknown }> {
  const cdp = await browser.context.newCDPSession(page);
  try {
    const worlds: { id: number; origin: string }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => worlds.push(e.context));
    await cdp.send('Runtime.enable');
    const origin = `chrome-extension://${browser.extensionId}`;
    let world = worlds.find((w) => w.origin === origin);
    for (let tries = 0; !world && tries < 100; tries++) {
      await new Promise((r) => setTimeout(r, 50));
      world = worlds.find((w) => w.origin === origin);
    }
    if (!world) throw new Error('ClaimLens has no content script in this page');
    const message = JSON.stringify({ id: 1, type, data, timestamp: Date.now() });
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      contextId: world.id,
      expression: `chrome.runtime.sendMessage(${message})`,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.text);
    return result.value as { res?: unknown; err?: unknown };
  } finally {
    await cdp.detach();
  }
}

interface StoredNote {
  id: string;
  pageKey: string;
  url: string;
  text: string;
  tags: string[];
}

/** A note as stored (the test build's hook on the worker). */
const storedNote = (id: string) =>
  browser.worker.evaluate(
    (noteId) =>
      (
        globalThis as unknown as { claimlens: { note(id: string): Promise<StoredNote | null> } }
      ).claimlens.note(noteId),
    id,
  );

const openPage = (page: Page, url: string, canonical?: string) =>
  fromContentWorld(page, 'openPage', {
    address: { url, canonical, title: 'Any' },
    page: { glance: '' },
    scope: 'page',
  }).then((answer) => (answer.res as { notes: { notes: StoredNote[] } }).notes.notes);

describe('the background answers a content script about its own page only', () => {
  let saved: StoredNote;

  it('files a note under the page the tab shows, whatever address the draft names', async () => {
    const page = await open('desk/bridge-vote.html');
    const answer = await fromContentWorld(page, 'saveNote', {
      id: 'scope-test-note-1',
      // A lie: the background takes the tab's address, not this one.
      url: server.url('desk/ferry-story.html'),
      pageTitle: 'Bridge vote',
      selectors: { quote: { exact: 'the new bridge over the river', prefix: 'discuss ', suffix: ' and' } },
      text: 'Cost figure from the council clerk, private number in my notebook',
      tags: ['council-source'],
      color: 'claim',
      entityIds: [],
      incidentIds: [],
    });
    const result = answer.res as { ok: boolean; note: { id: string } };
    expect(result.ok).toBe(true);
    // The answer to the content script names the passage, not the reader's words.
    expect(JSON.stringify(result)).not.toMatch(/council|notebook/);
    saved = (await storedNote(result.note.id))!;
    expect(saved.pageKey).toBe(server.url('desk/bridge-vote.html'));
    // The page itself, and its own address with query noise, get the note back.
    expect((await openPage(page, page.url())).map((n) => n.id)).toEqual([saved.id]);
    const noisy = await open('desk/bridge-vote.html?ref=front-page');
    expect(
      (await openPage(noisy, noisy.url(), server.url('desk/bridge-vote.html'))).map((n) => n.id),
    ).toEqual([saved.id]);
    await page.close();
    await noisy.close();
  });

  it('gives a same-host page that names the article as its canonical none of its notes', async () => {
    const page = await open('desk/ferry-story.html');
    const canonical = server.url('desk/bridge-vote.html');
    // As the content script asks (its real address and canonical link), and naming the article outright.
    expect(await openPage(page, page.url(), canonical)).toEqual([]);
    expect(await openPage(page, canonical, canonical)).toEqual([]);
    // Its tags stay private too.
    expect((await fromContentWorld(page, 'listTags', {})).res).toEqual([]);
    await page.close();
  });

  it('lets that page neither change, delete, re-link, overwrite nor bulk-delete the note', async () => {
    const page = await open('desk/ferry-story.html');
    const refused = (answer: { res?: unknown }) => (answer.res as { ok: boolean }).ok;
    expect(refused(await fromContentWorld(page, 'updateNote', { id: saved.id, text: 'changed' }))).toBe(
      false,
    );
    expect(refused(await fromContentWorld(page, 'deleteNote', { id: saved.id }))).toBe(false);
    expect(
      refused(
        await fromContentWorld(page, 'relinkNote', {
          id: saved.id,
          selectors: { quote: { exact: 'the old ferry', prefix: '', suffix: '' } },
          entityIds: [],
          incidentIds: [],
        }),
      ),
    ).toBe(false);
    expect(
      refused(await fromContentWorld(page, 'restoreNote', { ...saved, text: 'overwritten by the page' })),
    ).toBe(false);
    expect(refused(await fromContentWorld(page, 'deleteNotes', { ids: [saved.id] }))).toBe(false);
    expect(refused(await fromContentWorld(page, 'retagNotes', { ids: [saved.id], add: 'pwned' }))).toBe(
      false,
    );
    await page.close();

    // The note is as it was, on its own page.
    const own = await open('desk/bridge-vote.html');
    const [passage] = await openPage(own, own.url());
    expect(passage?.id).toBe(saved.id);
    expect(await storedNote(saved.id)).toMatchObject({
      pageKey: saved.pageKey,
      text: saved.text,
      tags: ['council-source'],
    });
    await own.close();
  });
});
