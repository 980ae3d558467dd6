/**
 * Recording a claim in real Firefox (the Firefox test build): a passage selected with the mouse on a
 * fixture article, Record claim on the selection toolbar, the record form (an extension page in a
 * frame inside ClaimLens's closed shadow root, reached over WebDriver BiDi) filled and sent with the
 * mouse and keyboard; the new claimant is marked on the page without a reload, and the options page
 * lists the claim in My pack with its source.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { PROJECT_ROOT, serveStatic, type StaticServer } from '../../scripts/browser-harness';
import { buildDir } from '../../scripts/extension-builds';
import {
  launchFirefoxWithExtension,
  waitFor,
  type FirefoxWithExtension,
} from '../../scripts/firefox-harness';
import { clickUi, publicMarks, selectWithMouse } from '../../scripts/firefox-ui-probe';

let firefox: FirefoxWithExtension;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic({ '/': join(PROJECT_ROOT, 'tests/fixtures/pages') });
  firefox = await launchFirefoxWithExtension(buildDir('firefox-test'));
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

/** The record form: the newest live frame of the record page that holds it. */
function recordFrame(page: Page): Promise<Frame> {
  return waitFor(
    async () => {
      const frame = page
        .frames()
        .filter((f) => !f.detached && f.url().includes('/record-frame.html'))
        .at(-1);
      return frame && (await frame.$('form.cl-record-form')) ? frame : undefined;
    },
    10_000,
    'the record form',
  );
}

/** The form control whose label starts with `label`, in the frame. */
async function control(frame: Frame, label: string): Promise<ElementHandle<HTMLInputElement>> {
  const handle = await waitFor(
    async () => {
      const found = await frame.evaluateHandle((text) => {
        for (const l of document.querySelectorAll('label')) {
          const own = [...l.childNodes]
            .filter((n) => n.nodeType === Node.TEXT_NODE)
            .map((n) => n.textContent)
            .join('')
            .trim();
          if (own.startsWith(text)) return l.querySelector('input, select, textarea');
        }
        return null;
      }, label);
      const element = found.asElement();
      return element ?? undefined;
    },
    5000,
    `the field “${label}”`,
  );
  return handle as ElementHandle<HTMLInputElement>;
}

describe('recording a claim in Firefox', () => {
  it('records a claim through the form; the page marks the new claimant and My pack lists it', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(server.url('record/zakura-claim.html'));
    // The first page after installing may wait for the background's first compile of the pack.
    await waitFor(
      async () => (await publicMarks(page)).incident?.includes('Zakura attack'),
      60_000,
      'the marks',
    );

    await selectWithMouse(page, '#lead', 240);
    await clickUi(page, '.cl-selection-toolbar button', 'Record claim');
    const frame = await recordFrame(page);
    // Prefilled from the page: the incident it marked in the passage, the source from its metadata.
    expect(await (await control(frame, 'Zakura attack')).evaluate((i) => i.checked)).toBe(true);
    expect(await (await control(frame, 'Publisher')).evaluate((i) => i.value)).toBe('Lakeside Courier');
    // A claimant the packs do not know, typed by the reader.
    await (await control(frame, 'Someone new')).click();
    const name = await control(frame, 'Name');
    await name.click();
    await name.type('Valley Martyrs Brigade');
    const submit = await waitFor(
      () =>
        frame.evaluateHandle(() =>
          [...document.querySelectorAll('button[type=submit]')].find((b) => b.textContent === 'Record claim'),
        ),
      5000,
      'the Record claim button',
    );
    await (submit.asElement() as ElementHandle<HTMLButtonElement>).click();
    const status = await waitFor(
      () => frame.evaluate(() => document.querySelector('[role=status]')?.textContent ?? false),
      10_000,
      'the recorded status',
    );
    expect(status).toMatch(/Recorded in My pack/);

    // Marked on the page at once, without a reload.
    await waitFor(
      async () => (await publicMarks(page)).group?.includes('Valley Martyrs Brigade'),
      20_000,
      'the new claimant marked',
    );
    await page.close();

    const options = await firefox.openExtensionPage('/options.html');
    const listed = await waitFor(
      () =>
        options.evaluate(() => {
          const section = document.querySelector('[aria-labelledby=my-pack-title]');
          return section?.textContent?.includes('Valley Martyrs Brigade') ? section.textContent : false;
        }),
      10_000,
      'My pack on the options page',
    );
    expect(listed).toContain('Zakura attack');
    expect(listed).toContain('Lakeside Courier');
    expect(firefox.errors).toEqual([]);
    await options.close();
  });
});
