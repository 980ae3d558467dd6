/**
 * Two reference content scripts for `npm run bench`, in a small extension of their own, run the way
 * ClaimLens's content script runs (at document_idle, in the content script's world, on a fresh page):
 *
 * - `floor`: the floor's walk (a TreeWalker reading every character of every text node), as a
 *   content script rather than through the DevTools protocol;
 * - `marker`: the least a content script can do that marks what a background found: the same walk,
 *   keeping each node, one message with the text to a background that answers at once with `marks`
 *   spans (it matches nothing), one range per span, and three highlights. No glance, no filtering of
 *   hidden text, no date, no report.
 *
 * Each logs its main-thread time (`CLAIMLENS-REFERENCE {…}`), which the bench reads from the console.
 * The page's address says which to run: `?claimlens-reference=floor|marker&marks=N`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchWithExtension, type ExtensionBrowser } from './browser-harness';

export const REFERENCE_LOG = 'CLAIMLENS-REFERENCE ';
export type ReferenceKind = 'floor' | 'marker';

const MANIFEST = {
  manifest_version: 3,
  name: 'ClaimLens bench reference',
  version: '1',
  background: { service_worker: 'background.js' },
  content_scripts: [{ matches: ['http://*/*'], run_at: 'document_idle', js: ['content.js'] }],
};

// The harness waits for `claimlens.registered()` on the worker of the extension it loads.
const BACKGROUND = `
globalThis.claimlens = { registered: async () => {} };
chrome.runtime.onMessage.addListener((message, sender, reply) => {
  const length = message.text.length;
  const spans = [];
  for (let i = 0; i < message.marks; i++) {
    const start = Math.floor((length / (message.marks + 1)) * (i + 1));
    spans.push({ start, end: Math.min(length, start + 8), style: i % 3 });
  }
  reply({ spans });
});
`;

const CONTENT = `
(async () => {
  const params = new URL(location.href).searchParams;
  const kind = params.get('claimlens-reference');
  if (kind !== 'floor' && kind !== 'marker') return;
  const marks = Number(params.get('marks') ?? 0);
  let busy = 0;
  let t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const nodes = [];
  const starts = [];
  const pieces = [];
  let offset = 0;
  let sum = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = node.data;
    if (kind === 'floor') {
      for (let i = 0; i < data.length; i++) sum += data.charCodeAt(i);
      continue;
    }
    nodes.push(node);
    starts.push(offset);
    pieces.push(data);
    offset += data.length;
  }
  globalThis.__claimlensReferenceSink = sum;
  if (kind === 'floor') {
    console.log('${REFERENCE_LOG}' + JSON.stringify({ kind, busyMs: performance.now() - t0 }));
    return;
  }
  const answer = chrome.runtime.sendMessage({ text: pieces.join(''), marks });
  for (let tick = 0; tick < 4; tick++) await undefined;
  busy += performance.now() - t0;
  const { spans } = await answer;
  t0 = performance.now();
  const locate = (position) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= position) low = middle;
      else high = middle - 1;
    }
    return low;
  };
  const highlights = [new Highlight(), new Highlight(), new Highlight()];
  highlights.forEach((highlight, i) => CSS.highlights.set('claimlens-reference-' + i, highlight));
  for (const { start, end, style } of spans) {
    const first = locate(start);
    const last = locate(end - 1);
    const range = document.createRange();
    range.setStart(nodes[first], start - starts[first]);
    range.setEnd(nodes[last], end - starts[last]);
    highlights[style].add(range);
  }
  busy += performance.now() - t0;
  console.log('${REFERENCE_LOG}' + JSON.stringify({ kind, busyMs: busy, marks: spans.length }));
})();
`;

/** Launches a browser with the reference extension (written to a temporary folder, removed on close). */
export async function launchReference(): Promise<ExtensionBrowser> {
  const dir = mkdtempSync(join(tmpdir(), 'claimlens-reference-'));
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(MANIFEST));
  writeFileSync(join(dir, 'background.js'), BACKGROUND);
  writeFileSync(join(dir, 'content.js'), CONTENT);
  const browser = await launchWithExtension({ extensionDir: dir });
  return {
    ...browser,
    close: async () => {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Loads `url` on a fresh page with one reference script and returns its main-thread time. `marks`:
 * how many spans the marker's background answers with (as many as ClaimLens marked on the page).
 */
export async function runReference(
  browser: ExtensionBrowser,
  url: string,
  kind: ReferenceKind,
  marks: number,
  beforeLoad: () => Promise<unknown>,
): Promise<number> {
  const page: Page = await browser.context.newPage();
  try {
    await beforeLoad();
    const logged = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the ${kind} reference did not run on ${url}`)),
        60_000,
      );
      page.on('console', (message) => {
        const text = message.text();
        if (!text.startsWith(REFERENCE_LOG)) return;
        clearTimeout(timer);
        resolve((JSON.parse(text.slice(REFERENCE_LOG.length)) as { busyMs: number }).busyMs);
      });
    });
    const address = new URL(url);
    address.searchParams.set('claimlens-reference', kind);
    address.searchParams.set('marks', String(marks));
    await page.goto(address.href, { waitUntil: 'load' });
    return await logged;
  } finally {
    await page.close();
  }
}
