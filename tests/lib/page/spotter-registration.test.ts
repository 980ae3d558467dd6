import { describe, expect, it } from 'vitest';
import {
  EVENT_RELAY_SCRIPT_ID,
  SPOTTER_SCRIPT_ID,
  pagesToStart,
  registerSpotter,
  sitePatterns,
  spotterScript,
  type ScriptingPort,
  type SpotterScript,
} from '../../../lib/page/spotter-registration';

/** The browser's registry, refusing the patterns it is told to (Chromium: hosts like "www.127.0.0.1"). */
function fakeScripting(refuses: (pattern: string) => boolean = () => false) {
  const scripts = new Map<string, SpotterScript>();
  // The content script's writes (the relay's, which follow the same settings, are in relayWrites).
  const writes: string[] = [];
  const relayWrites: string[] = [];
  const record = (op: string, ids: string[]) => {
    if (ids.includes(SPOTTER_SCRIPT_ID)) writes.push(op);
    if (ids.includes(EVENT_RELAY_SCRIPT_ID)) relayWrites.push(op);
  };
  const check = (script: SpotterScript) => {
    for (const pattern of script.excludeMatches) if (refuses(pattern)) throw new Error('Invalid host.');
  };
  const port: ScriptingPort = {
    getRegisteredContentScripts: async ({ ids }) =>
      [...scripts.values()].filter((s) => ids.includes(s.id)).map((s) => structuredClone(s)),
    registerContentScripts: async (list) => {
      for (const s of list) {
        if (scripts.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        check(s);
      }
      for (const s of list) scripts.set(s.id, structuredClone(s));
      record(
        'register',
        list.map((s) => s.id),
      );
    },
    updateContentScripts: async (list) => {
      for (const s of list) check(s);
      for (const s of list) scripts.set(s.id, structuredClone(s));
      record(
        'update',
        list.map((s) => s.id),
      );
    },
    unregisterContentScripts: async ({ ids }) => {
      for (const id of ids) scripts.delete(id);
      record('unregister', ids);
    },
  };
  return { port, scripts, writes, relayWrites };
}

describe('registering the content script', () => {
  it('leaves out the paused sites, with and without www., and registers nothing while paused everywhere', () => {
    const script = spotterScript({ everywhere: false, sites: ['news.example', '10.0.0.2', '[::1]'] });
    expect(script?.matches).toEqual(['http://*/*', 'https://*/*']);
    expect(script?.excludeMatches).toEqual([
      '*://news.example/*',
      '*://www.news.example/*',
      '*://10.0.0.2/*',
    ]);
    expect(script?.js).toEqual(['content-scripts/spotter.js']);
    // No registered style sheet: fixed highlight names in it would let a page detect ClaimLens.
    expect(script?.css).toEqual([]);
    expect(spotterScript({ everywhere: true, sites: [] })).toBeNull();
    // Only the article marked: the one-line script that says so runs first.
    expect(spotterScript({ everywhere: false, sites: [] }, 'article')?.js).toEqual([
      'article-scope.js',
      'content-scripts/spotter.js',
    ]);
    expect(sitePatterns(['bad host', 'UPPER.example'])).toEqual([]);
  });

  it('reads frames too, those without an address of their own included, and updates a registration made for the top page only', async () => {
    expect(spotterScript({ everywhere: false, sites: [] })).toMatchObject({
      allFrames: true,
      matchOriginAsFallback: true,
    });
    const { port, scripts, writes } = fakeScripting();
    await registerSpotter(port, { everywhere: false, sites: [] });
    // What an earlier version registered, kept by the browser across sessions.
    const old = scripts.get(SPOTTER_SCRIPT_ID)!;
    scripts.set(SPOTTER_SCRIPT_ID, { ...old, allFrames: false, matchOriginAsFallback: undefined } as never);
    await registerSpotter(port, { everywhere: false, sites: [] });
    expect(writes).toEqual(['register', 'update']);
    expect(scripts.get(SPOTTER_SCRIPT_ID)).toMatchObject({ allFrames: true, matchOriginAsFallback: true });
  });

  it('registers, changes and removes the script as the pause settings change, writing only on a change', async () => {
    const { port, scripts, writes } = fakeScripting();
    await registerSpotter(port, { everywhere: false, sites: [] });
    expect(scripts.get(SPOTTER_SCRIPT_ID)?.excludeMatches).toEqual([]);
    await registerSpotter(port, { everywhere: false, sites: [] }); // a worker starting again
    expect(writes).toEqual(['register']);

    await registerSpotter(port, { everywhere: false, sites: ['news.example'] });
    expect(scripts.get(SPOTTER_SCRIPT_ID)?.excludeMatches).toEqual([
      '*://news.example/*',
      '*://www.news.example/*',
    ]);
    await registerSpotter(port, { everywhere: false, sites: ['news.example'] }, 'article');
    expect(scripts.get(SPOTTER_SCRIPT_ID)?.js[0]).toBe('article-scope.js');
    await registerSpotter(port, { everywhere: true, sites: ['news.example'] });
    expect(scripts.size).toBe(0);
    await registerSpotter(port, { everywhere: false, sites: ['news.example'] });
    expect(writes).toEqual(['register', 'update', 'update', 'unregister', 'register']);
  });

  it('registers for every site rather than for none when the browser refuses a pattern', async () => {
    const { port, scripts } = fakeScripting((pattern) => pattern.includes('odd.example'));
    await registerSpotter(port, { everywhere: false, sites: ['odd.example'] });
    // The script is kept, for every site: the background's answer still keeps paused pages unread.
    expect(scripts.get(SPOTTER_SCRIPT_ID)?.excludeMatches).toEqual([]);
    await registerSpotter(port, { everywhere: false, sites: ['news.example'] });
    expect(scripts.get(SPOTTER_SCRIPT_ID)?.excludeMatches).toEqual([
      '*://news.example/*',
      '*://www.news.example/*',
    ]);
  });
});

describe('registering the gesture relay', () => {
  it('goes with the content script, at document_start, to the same pages, and away when paused everywhere', async () => {
    const { port, scripts, relayWrites } = fakeScripting();
    await registerSpotter(port, { everywhere: false, sites: ['news.example'] }, 'article');
    const relay = scripts.get(EVENT_RELAY_SCRIPT_ID)!;
    const spotter = scripts.get(SPOTTER_SCRIPT_ID)!;
    expect(relay).toMatchObject({ js: ['event-relay.js'], runAt: 'document_start', allFrames: true });
    expect(relay.matches).toEqual(spotter.matches);
    expect(relay.excludeMatches).toEqual(spotter.excludeMatches);
    await registerSpotter(port, { everywhere: false, sites: ['news.example'] }, 'page'); // scope only
    expect(relayWrites).toEqual(['register']);
    await registerSpotter(port, { everywhere: true, sites: [] });
    expect(scripts.size).toBe(0);
    expect(relayWrites).toEqual(['register', 'unregister']);
  });
});

describe('starting on pages when resumed', () => {
  const tabs = [
    { id: 1, url: 'https://news.example/a' },
    { id: 2, url: 'https://www.news.example/b' },
    { id: 3, url: 'https://other.example/c' },
    { id: 4, url: 'chrome://extensions/' },
    { id: 5 },
  ];

  it('starts where ClaimLens was paused and is not any more', () => {
    const none = { everywhere: false, sites: [] };
    const onNews = { everywhere: false, sites: ['news.example'] };
    const everywhere = { everywhere: true, sites: [] };
    expect(pagesToStart(tabs, onNews, none).map((t) => t.id)).toEqual([1, 2]);
    expect(pagesToStart(tabs, everywhere, none).map((t) => t.id)).toEqual([1, 2, 3]);
    expect(pagesToStart(tabs, everywhere, onNews).map((t) => t.id)).toEqual([3]);
    expect(pagesToStart(tabs, none, onNews)).toEqual([]);
  });
});
