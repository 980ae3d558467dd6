/**
 * Recording claims into My pack in real Chromium with the built extension: record a claim from a
 * passage of one article and find it, with its source, on the card of another article about the same
 * incident; create an incident by recording its first claim and see a second article recognise it by
 * name; export My pack, subscribe to it from a local server in a fresh profile and find the claim
 * there; a claim recorded from a passage with a note shows the note, and the note the claim; a
 * hostile page can neither read nor submit the form.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import {
  PROJECT_ROOT,
  launchWithExtension,
  serveStatic,
  waitForReport,
  type ExtensionBrowser,
  type StaticServer,
} from '../../scripts/browser-harness';
import { publicMarks } from '../../scripts/page-marks';
import {
  clickToolbar,
  clickUi,
  inUi,
  noteFrame,
  pointOf,
  registerUiSelector,
  selectWithMouse,
} from '../../scripts/page-ui-probe';

let browser: ExtensionBrowser;
let server: StaticServer;
/** Where the exported pack is published (served at /published/). */
const published = mkdtempSync(join(tmpdir(), 'claimlens-published-'));

beforeAll(async () => {
  server = await serveStatic({
    '/': join(PROJECT_ROOT, 'tests/fixtures/pages'),
    '/published/': published,
  });
  await registerUiSelector();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path: string, using = browser): Promise<Page> {
  const page = await using.context.newPage();
  const url = server.url(path);
  await page.goto(url);
  await waitForReport(using, url);
  return page;
}

/** The record form: an extension page in a frame inside ClaimLens's closed shadow root. */
async function recordFrame(page: Page, timeout = 5000): Promise<Frame> {
  const until = Date.now() + timeout;
  for (;;) {
    const frame = page
      .frames()
      .filter((f) => !f.isDetached() && f.url().includes('/record-frame.html'))
      .at(-1);
    if (frame && (await frame.locator('form.cl-record-form').count()) > 0) return frame;
    if (Date.now() > until) throw new Error('no record form on the page');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The full card of the incident named `name` on the page, docked beside the article (its text). */
async function fullCard(page: Page, name: string): Promise<string> {
  await expect
    .poll(async () => (await publicMarks(page)).incident ?? [], { timeout: 15_000 })
    .toContain(name);
  const point = await pointOf(page, name);
  await page.mouse.click(point.x, point.y);
  // The host is made when the card first opens: looked for again until it is there.
  await expect
    .poll(async () => (await inUi(page, '.cl-tooltip .cl-open')).count(), { timeout: 15_000 })
    .toBeGreaterThan(0);
  await (await inUi(page, '.cl-tooltip .cl-open')).click();
  const side = await inUi(page, '.cl-side');
  await side.waitFor({ timeout: 5000 });
  return (await side.textContent()) ?? '';
}

/** Records the selected passage as a claim by a new group, on the incident the form starts with. */
async function recordNewClaimant(frame: Frame, name: string): Promise<void> {
  await frame.getByLabel('Someone new…').check();
  await frame.getByLabel('Name', { exact: true }).fill(name);
  await frame.getByRole('button', { name: 'Record claim' }).click();
  await frame.getByRole('status').filter({ hasText: 'Recorded in My pack' }).waitFor();
}

describe('recording a claim', () => {
  it('records a claim for a known incident; another article about it shows the claim with its source', async () => {
    const page = await open('record/zakura-claim.html');
    await selectWithMouse(page, '#lead', 240);
    await clickUi(page, '.cl-selection-toolbar button', 'Record claim');
    const frame = await recordFrame(page);
    // The incident the page marked in the passage is chosen; the source came from the page.
    expect(await frame.getByRole('radio', { name: /Zakura attack/ }).isChecked()).toBe(true);
    expect(await frame.getByLabel('Publisher').inputValue()).toBe('Lakeside Courier');
    expect(await frame.getByLabel('Headline').inputValue()).toBe(
      'A fourth outfit says it carried out the Zakura attack',
    );
    expect(await frame.getByLabel('Published').inputValue()).toBe('2017-11-22');
    await recordNewClaimant(frame, 'Valley Martyrs Brigade');
    await page.close();

    const other = await open('record/zakura-followup.html');
    const card = await fullCard(other, 'Zakura attack');
    expect(card).toContain('Valley Martyrs Brigade');
    expect(card).toContain('Lakeside Courier');
    expect(card).toMatch(/recorded by you/i);
    await other.close();
  });

  it('creates an incident by recording its first claim; a second article is recognised by its name', async () => {
    const page = await open('record/harbour-first.html');
    await selectWithMouse(page, '#claim', 120);
    await clickUi(page, '.cl-selection-toolbar button', 'Record claim');
    const frame = await recordFrame(page);
    await frame.getByLabel('A new incident…').check();
    await frame.getByLabel('Name', { exact: true }).first().fill('Quayside market bombing');
    expect(await frame.getByLabel('Date').inputValue()).toBe('2026-11-30');
    await frame.getByLabel('Date').fill('2026-11-28');
    await frame.getByLabel('Kind of event').selectOption('bombing');
    await frame.getByLabel('Place name').fill('Port Meridian');
    await frame.getByLabel('Someone new…').check();
    await frame.getByLabel('Name', { exact: true }).last().fill('Harbour Liberation Cells');
    await frame.getByRole('button', { name: 'Record claim' }).click();
    await frame.getByRole('status').filter({ hasText: 'Recorded in My pack' }).waitFor();
    // The page recorded from marks the new group at once, without a reload.
    await expect
      .poll(async () => (await publicMarks(page)).group ?? [], { timeout: 15_000 })
      .toContain('Harbour Liberation Cells');
    await page.close();

    const url = server.url('record/harbour-second.html');
    const second = await browser.context.newPage();
    await second.goto(url);
    const report = await waitForReport(browser, url);
    expect(report.incidents.map((i) => i.name)).toContain('Quayside market bombing');
    const card = await fullCard(second, 'Quayside market bombing');
    expect(card).toContain('Harbour Liberation Cells');
    expect(card).toContain('Coastline Daily');
    await second.close();
  });

  it('exports My pack; a fresh profile that subscribes to it from a local server shows the same claim', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const section = options.getByRole('region', { name: 'My pack: what you recorded' });
    await section.getByRole('listitem', { name: 'Zakura attack' }).waitFor();
    expect(await section.textContent()).toContain('Valley Martyrs Brigade');
    await section.getByLabel('Name of the pack you publish').fill('Desk records');
    const download = options.waitForEvent('download');
    await section.getByRole('button', { name: 'Export My pack' }).click();
    const file = await download;
    const text = await (await file.createReadStream()).toArray();
    writeFileSync(join(published, 'desk.json'), Buffer.concat(text));
    const pack = JSON.parse(Buffer.concat(text).toString('utf8')) as { id: string; name: string };
    expect(pack.name).toBe('Desk records');
    expect(pack.id).not.toBe('claimlens-mine');
    await options.close();

    const colleague = await launchWithExtension();
    try {
      const theirOptions = await colleague.context.newPage();
      await theirOptions.goto(`chrome-extension://${colleague.extensionId}/options.html`);
      await theirOptions.getByLabel('Subscribe by address').fill(server.url('published/desk.json'));
      await theirOptions.getByRole('button', { name: 'Subscribe', exact: true }).click();
      await theirOptions.getByRole('listitem', { name: 'Desk records' }).waitFor({ timeout: 15_000 });
      const page = await open('record/zakura-followup.html', colleague);
      const card = await fullCard(page, 'Zakura attack');
      expect(card).toContain('Valley Martyrs Brigade');
      expect(card).toContain('Lakeside Courier');
      // Theirs is the colleague's pack, named with where it came from: never "recorded by you".
      expect(card).toContain('Desk records (from 127.0.0.1');
      expect(card).not.toMatch(/recorded by you/i);
    } finally {
      await colleague.close();
    }
  });
});

describe('a recorded claim and the note on its passage', () => {
  it('are linked: the note says what was recorded, My pack shows the note', async () => {
    const url = server.url('record/zakura-claim.html');
    const page = await open('record/zakura-claim.html');
    await selectWithMouse(page, '#police', 100);
    await clickUi(page, '.cl-selection-toolbar button', 'Record claim');
    await recordNewClaimant(await recordFrame(page), 'Courier Signals Group');

    // Later, a note on the same passage.
    await page.reload();
    await waitForReport(browser, url);
    await selectWithMouse(page, '#police', 100);
    await clickToolbar(page, 'Add note');
    const editor = (await noteFrame(page)).locator('.cl-note-editor');
    await editor.locator('textarea').waitFor();
    await page.keyboard.type('Ask the police about the email');
    await editor.locator('textarea').press('Control+Enter');
    await expect.poll(() => editor.count()).toBe(0);

    // The note, opened from its passage, names the claim recorded from it.
    const point = await pointOf(page, 'Officers in Srinagar');
    await page.mouse.click(point.x, point.y);
    await expect
      .poll(
        async () => {
          const frame = await noteFrame(page);
          const card = await frame.locator('.cl-note-card').textContent({ timeout: 1000 });
          const links = frame.getByRole('list', { name: 'Recorded in My pack from this passage' });
          return `${card} | ${await links.textContent({ timeout: 1000 })}`;
        },
        { timeout: 10_000 },
      )
      .toMatch(
        /Ask the police about the email.* \| Recorded as a claim by Courier Signals Group \(Zakura attack\)/,
      );

    // "Open in My pack" opens the options page at the claim, which shows the note.
    const opened = browser.context.waitForEvent('page');
    await (await noteFrame(page)).getByRole('button', { name: 'Open in My pack' }).click();
    const options = await opened;
    const item = options.getByRole('listitem', { name: 'Courier Signals Group: claimed' });
    await item.waitFor();
    expect(options.url()).toMatch(/\/options\.html#recorded-src-mine-\d+$/);
    await expect
      .poll(() => options.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Courier Signals Group: claimed');
    expect(await item.textContent()).toContain('Your note on this passage: Ask the police about the email');
    await options.close();
    await page.close();
  });
});

describe('a hostile page', () => {
  it('can neither find nor read the record form, and cannot submit it', async () => {
    const page = await open('record/zakura-claim.html');
    await selectWithMouse(page, '#police', 80);
    await clickUi(page, '.cl-selection-toolbar button', 'Record claim');
    const frame = await recordFrame(page);
    await frame.getByLabel('Someone new…').check();
    await frame.getByLabel('Name', { exact: true }).fill('Forged Front');
    // What the page's own scripts can see and do: no frame, no form, nothing to post to that listens.
    const seen = await page.evaluate(async () => {
      const found = {
        frames: window.frames.length,
        iframes: document.querySelectorAll('iframe').length,
        forms: document.querySelectorAll('form').length,
        text: document.documentElement.innerText.includes('Forged Front'),
        roots: [...document.querySelectorAll('*')].filter((e) => e.shadowRoot).length,
      };
      // A forged submission: every way a page could talk to a frame it cannot see.
      window.postMessage({ type: 'record', draft: {} }, '*');
      for (const el of document.querySelectorAll('*'))
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      return found;
    });
    expect(seen).toEqual({ frames: 0, iframes: 0, forms: 0, text: false, roots: 0 });
    // The form is as the reader left it: nothing was recorded for "Forged Front".
    expect(await frame.getByRole('status').count()).toBe(0);
    await page.close();
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const section = options.getByRole('region', { name: 'My pack: what you recorded' });
    await section.getByRole('listitem', { name: 'Zakura attack' }).waitFor();
    expect(await section.textContent()).not.toContain('Forged Front');
    await options.close();
  });
});
