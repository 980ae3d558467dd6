/**
 * ClaimLens in real Firefox (the Firefox test build): marks on fixture articles, the tooltip with its
 * claims by click, hover and keyboard, a passage saved with the mouse and back after a reload, the
 * popup listing it, a pack installed from a file on the options page, the event page unloaded and
 * rebuilt from storage, and no error from any of ClaimLens's contexts. ClaimLens's UI is in a closed
 * shadow root: the test reads it through WebDriver BiDi (scripts/firefox-ui-probe.ts).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { generateNotes } from '../../lib/bench/generated-notes';
import { toClaimLensJson } from '../../lib/notes/exchange/json';
import { PROJECT_ROOT, serveStatic, type StaticServer } from '../../scripts/browser-harness';
import { buildDir } from '../../scripts/extension-builds';
import {
  launchFirefoxWithExtension,
  waitFor,
  type FirefoxWithExtension,
} from '../../scripts/firefox-harness';
import {
  clickUi,
  focusInUi,
  noteFrame,
  openTooltip,
  publicMarks,
  selectWithMouse,
  tintedTexts,
  type PublicStyle,
} from '../../scripts/firefox-ui-probe';

let firefox: FirefoxWithExtension;
let server: StaticServer;
/** Errors the pages themselves reported over BiDi (the content script's included). */
const pageErrors: string[] = [];

const DESK = `<!doctype html><html><head><meta charset="utf-8"><title>Desk</title></head><body><article>
<h1>Claims after the checkpoint attack</h1>
<p id="first">The police said the attack at the checkpoint was carried out by two gunmen on a motorbike.</p>
<p id="second">A spokesman for Lashkar-e-Taiba denied any role, and no other group has spoken so far.</p>
</article></body></html>`;

beforeAll(async () => {
  server = await serveStatic(
    { '/': join(PROJECT_ROOT, 'tests/fixtures/pages') },
    {
      '/desk.html': DESK,
      '/desk-2.html': DESK,
    },
  );
  firefox = await launchFirefoxWithExtension(buildDir('firefox-test'));
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

async function open(path: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${String(e)}`));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(`${path}: ${m.text()}`);
  });
  await page.goto(server.url(path));
  return page;
}

/** Waits until ClaimLens has marked at least one group on the page. */
async function waitForMarks(page: Page, timeout = 20_000): Promise<Partial<Record<PublicStyle, string[]>>> {
  return waitFor(
    async () => {
      const m = await publicMarks(page);
      return (m.group?.length ?? 0) > 0 && m;
    },
    timeout,
    'the marks',
  );
}

/** Centre of the first occurrence of `text` in the page's own text, scrolled into view. */
function pointOf(page: Page, text: string): Promise<{ x: number; y: number }> {
  return page.evaluate((needle) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.nodeValue!.indexOf(needle);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + needle.length);
      n.parentElement!.scrollIntoView({ block: 'center' });
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
    throw new Error(`text not found: ${needle}`);
  }, text);
}

/** The title of the open tooltip, or '' when none is shown. */
async function tooltipTitle(page: Page): Promise<string> {
  return (await openTooltip(page))?.title ?? '';
}

/** How many passages the reader has saved (the test build's hooks, read from the background). */
function storedNotes(): Promise<number> {
  return firefox.hooks<number>('(c) => c.notes().then((n) => n.count)');
}

async function pressChord(page: Page, ...keys: string[]): Promise<void> {
  for (const key of keys) await page.keyboard.down(key as never);
  for (const key of [...keys].reverse()) await page.keyboard.up(key as never);
}

describe('ClaimLens in Firefox', () => {
  it('has an event page, and no test hooks in its production build', () => {
    for (const kind of ['firefox', 'firefox-test'] as const) {
      const manifest = JSON.parse(readFileSync(join(buildDir(kind), 'manifest.json'), 'utf8'));
      expect(manifest.background.persistent).toBe(false);
    }
    // What readers install has none of the tools' hooks, not even as dead code.
    const bundle = readFileSync(join(buildDir('firefox'), 'background.js'), 'utf8');
    for (const name of ['seedNotes', 'delaySaves', 'usePacks', 'lastBuild'])
      expect(bundle).not.toContain(name);
  });

  it('marks groups and the incident on a fixture article', async () => {
    const page = await open('zakura-2017.html');
    // The first page after installing may wait for the background's first compile of the pack,
    // which on a loaded two-core machine took over 20 s once.
    const found = await waitFor(
      async () => {
        const m = await publicMarks(page);
        return (m.group?.length ?? 0) >= 6 && (m.incident?.length ?? 0) >= 1 && m;
      },
      60_000,
      'the marks',
    );
    expect(found.group).toContain('Islamic State');
    expect(found.group).toContain('Amaq');
    expect(found.incident!.length).toBeGreaterThanOrEqual(1);
    await page.close();
  });

  it('opens the tooltip with its claims by click, by hover and by keyboard', async () => {
    const page = await open('zakura-2017.html');
    await waitForMarks(page);

    const amaq = await pointOf(page, 'Amaq');
    await page.mouse.click(amaq.x, amaq.y);
    await waitFor(async () => (await tooltipTitle(page)) !== '', 5000, 'the tooltip on click');
    expect(await tooltipTitle(page)).toMatch(/Amaq/);
    await page.keyboard.press('Escape');
    await waitFor(async () => (await tooltipTitle(page)) === '', 5000, 'the tooltip to close');

    const group = await pointOf(page, 'Tehreek-ul-Mujhadeen');
    await page.mouse.move(group.x, group.y);
    await waitFor(
      async () => (await tooltipTitle(page)) === 'Tehreek-ul-Mujahideen',
      5000,
      'the tooltip on hover',
    );
    await page.mouse.move(5, 5);
    await waitFor(async () => (await tooltipTitle(page)) === '', 5000, 'the tooltip to close on leave');

    // Alt+Shift+N steps through the marks; one of them is the incident, with its competing claims.
    const incident = await waitFor(
      async () => {
        await pressChord(page, 'Alt', 'Shift', 'KeyN');
        const tooltip = await openTooltip(page);
        return tooltip?.title === 'Zakura attack' && tooltip;
      },
      20_000,
      'the incident tooltip from the keyboard',
    );
    // The short card names every claimant at a glance.
    expect(incident.claims.join(' | ')).toMatch(/Claimed by/);
    expect(incident.claims.join(' | ')).toMatch(/Islamic State/);
    expect(incident.claims.join(' | ')).toMatch(/Tehreek-ul-Mujahideen/);
    expect(await focusInUi(page)).toBe(true);
    await page.close();
  });

  it('saves a passage with the mouse that comes back after a reload, and lists it in the popup', async () => {
    const before = await storedNotes();
    const page = await open('desk.html');
    await waitForMarks(page);
    const selected = await selectWithMouse(page, '#first', 60);
    expect(selected.length).toBeGreaterThan(20);
    await clickUi(page, '.cl-selection-toolbar button', 'Highlight');
    await waitFor(
      async () => JSON.stringify(await tintedTexts(page)) === JSON.stringify([selected]),
      10_000,
      'the saved passage tinted',
    );
    expect(await storedNotes()).toBe(before + 1);

    await page.reload();
    await waitFor(
      async () => JSON.stringify(await tintedTexts(page)) === JSON.stringify([selected]),
      20_000,
      'the passage tinted after the reload',
    );
    expect(await storedNotes()).toBe(before + 1);
    await page.close();

    const popup = await firefox.openExtensionPage('/popup.html');
    await popup.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('[role=tab]')]
        .find((t) => t.textContent?.includes('All notes'))!
        .click(),
    );
    await waitFor(
      () => popup.evaluate((text) => document.body.innerText.includes(text.slice(0, 40)), selected),
      10_000,
      'the passage in the popup',
    );
    await popup.close();
  });

  it('writes a note in the notes frame with the keyboard, and opens it again after a reload', async () => {
    const page = await open('desk-2.html');
    await waitForMarks(page);
    const selected = await selectWithMouse(page, '#second', 50);
    await clickUi(page, '.cl-selection-toolbar button', 'Add note');
    // The note editor is an extension page in a frame inside the closed root; it has the keys at once.
    let frame = await noteFrame(page);
    await waitFor(
      () => frame.evaluate(() => document.activeElement?.localName === 'textarea'),
      10_000,
      'the note editor focused',
    );
    await page.keyboard.type('Denial from the group');
    await pressChord(page, 'Control', 'Enter');
    await waitFor(
      async () => JSON.stringify(await tintedTexts(page)) === JSON.stringify([selected]),
      10_000,
      'the passage tinted',
    );

    await page.reload();
    await waitFor(async () => (await tintedTexts(page)).length === 1, 20_000, 'the passage after the reload');
    // Clicking the passage opens its note.
    const point = await pointOf(page, selected.slice(0, 12));
    await page.mouse.click(point.x, point.y);
    frame = await noteFrame(page, 'panel', 10_000);
    const card = await waitFor(
      () => frame.evaluate(() => document.querySelector('.cl-note-card')?.textContent ?? false),
      10_000,
      'the note card',
    );
    expect(card).toContain('Denial from the group');
    await page.close();
  });

  it('installs a pack from a file on the options page, and marks its names', async () => {
    const options = await firefox.openExtensionPage('/options.html');
    const dir = mkdtempSync(join(tmpdir(), 'claimlens-ff-pack-'));
    const file = join(dir, 'team-pack.json');
    writeFileSync(file, readFileSync(join(PROJECT_ROOT, 'tests/fixtures/packs/team-pack.json')));
    const input = await waitFor(
      async () => {
        const handle = await options.evaluateHandle(
          () =>
            [...document.querySelectorAll<HTMLInputElement>('input[type=file]')].find((i) =>
              [...(i.labels ?? [])].some((l) => l.textContent?.includes('Install from a file')),
            ) ?? null,
        );
        return (await handle.jsonValue()) === null ? undefined : handle.asElement();
      },
      10_000,
      'the pack file input',
    );
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
    await waitFor(
      () => options.evaluate(() => /Installed “Team pack” 1\.0\.0/.test(document.body.innerText)),
      10_000,
      'the pack installed',
    );
    await options.close();

    const page = await open('team-pack-page.html');
    const found = await waitForMarks(page);
    expect(found.group).toContain('Northern Valley Front');
    await page.close();
  });

  it('imports notes on the options page, where the popup sends the reader (Firefox may close a popup under a file picker)', async () => {
    const popup = await firefox.openExtensionPage('/popup.html');
    const click = (selector: string, text: string) =>
      waitFor(
        () =>
          popup.evaluate(
            (s, t) => {
              const found = [...document.querySelectorAll<HTMLElement>(s)].find(
                (e) => e.textContent?.trim() === t,
              );
              found?.click();
              return !!found;
            },
            selector,
            text,
          ),
        10_000,
        `${text} in the popup`,
      );
    await click('[role=tab]', 'All notes');
    await click('button.menu-button', 'Export / import');
    // No file input in the popup: its import item opens the options page instead.
    expect(await popup.evaluate(() => document.querySelectorAll('input[type=file]').length)).toBe(0);
    await click('[role=menuitem]', 'Import notes (opens in a tab)…');
    const options = await waitFor(
      async () => {
        // Asked of each tab itself: puppeteer does not follow an extension page's address in Firefox.
        for (const page of await firefox.browser.pages()) {
          const href = await page.evaluate(() => location.href).catch(() => '');
          if (href.endsWith('/options.html#import-notes')) return page;
        }
        return undefined;
      },
      15_000,
      'the options page at its import section',
    );
    const dir = mkdtempSync(join(tmpdir(), 'claimlens-ff-notes-'));
    const file = join(dir, 'notes.json');
    const [note] = generateNotes(1);
    writeFileSync(file, toClaimLensJson([{ ...note!, id: 'ff-import-0001', text: 'Imported in Firefox' }]));
    const input = await waitFor(
      async () => {
        const handle = await options.evaluateHandle(() =>
          document.querySelector<HTMLInputElement>('#import-notes input[type=file]'),
        );
        return (await handle.jsonValue()) === null ? undefined : handle.asElement();
      },
      10_000,
      'the notes file input',
    );
    await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(file);
    await waitFor(
      () => options.evaluate(() => /1 added, 0 updated, 0 skipped/.test(document.body.innerText)),
      10_000,
      'the notes imported',
    );
    await options.close();
    if (!popup.isClosed()) await popup.close();
  });

  it('marks pages after its event page was unloaded, from the matcher kept in storage', async () => {
    // The suite unloads the event page after 2 s idle (firefox-harness.ts): wait for a background
    // that has not compiled the packs itself, then read a page with it.
    const build = await waitFor(
      async () => {
        const last = await firefox.hooks<{ fromStore: boolean }>('(c) => c.lastBuild()');
        if (!last.fromStore) await new Promise((r) => setTimeout(r, 2500));
        return last.fromStore && last;
      },
      40_000,
      'a background rebuilt from storage',
    );
    expect(build.fromStore).toBe(true);
    const page = await open('zakura-2017.html');
    const found = await waitForMarks(page);
    expect(found.group).toContain('Islamic State');
    await page.close();
  });

  it('reported no error from the content script, the background or the extension pages', () => {
    expect(pageErrors).toEqual([]);
    expect(firefox.errors).toEqual([]);
  });
});
