/**
 * axe-core on ClaimLens's own UI in real Chromium: the popup (both views, filters, menu and editor open,
 * light and dark), the first-run page, the options page, and the
 * tooltip, the full card, the note editor and the record form inside a page's shadow root. No serious or
 * critical violation.
 */
import { mkdirSync, readFileSync } from 'node:fs';
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
import {
  clickUi,
  inUi,
  noteFrame,
  registerUiSelector,
  selectWithMouse,
  waitForUi,
} from '../../scripts/page-ui-probe';

let browser: ExtensionBrowser;
let server: StaticServer;
const AXE = join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js');

beforeAll(async () => {
  server = await serveStatic({ '/': join(PROJECT_ROOT, 'tests/fixtures/pages') });
  await registerUiSelector();
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** Serious and critical violations under `include` (a selector; open shadow roots are followed by axe). */
async function seriousViolations(page: Page | Frame, include?: string[][]): Promise<string[]> {
  // Evaluated through the debugging protocol: extension pages' CSP refuses an injected <script>.
  await page.evaluate(readFileSync(AXE, 'utf8'));
  const violations = (await page.evaluate(async (context) => {
    const axe = (
      window as unknown as { axe: { run(c: unknown, o: unknown): Promise<{ violations: Violation[] }> } }
    ).axe;
    const result = await axe.run(context ? { include: context } : document, { resultTypes: ['violations'] });
    return result.violations;
  }, include ?? null)) as Violation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

describe('accessibility of ClaimLens’s own UI', () => {
  it('popup, both views', async () => {
    const popup = await browser.context.newPage();
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('tab', { name: 'This page' }).waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.getByRole('tab', { name: 'All notes' }).click();
    await popup.getByRole('searchbox').waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    // With notes selected: the checkboxes and the bar of bulk actions.
    await browser.worker.evaluate(() =>
      (globalThis as unknown as { claimlens: { seedNotes(n: number): Promise<number> } }).claimlens.seedNotes(
        5,
      ),
    );
    await popup.reload();
    await popup.getByRole('tab', { name: 'All notes' }).click();
    await popup.getByRole('checkbox', { name: /^Select all listed/ }).check();
    await popup.getByRole('region', { name: 'With the selected notes' }).waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    // The folded filters opened, the export menu open, a note's editor open under its row.
    await popup.getByRole('button', { name: 'Filters' }).click();
    await popup.getByRole('button', { name: 'Export / import' }).click();
    await popup.getByRole('menu').waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.keyboard.press('Escape');
    await popup.getByRole('button', { name: 'Edit this note' }).first().click();
    await popup.locator('[role=listitem] .cl-note-editor').waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    // Dark.
    await popup.emulateMedia({ colorScheme: 'dark' });
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
  });

  it('the first-run page, light and dark', async () => {
    const welcome = await browser.context.newPage();
    await welcome.goto(`chrome-extension://${browser.extensionId}/welcome.html`);
    await welcome.locator('.demo-card .cl-title').waitFor();
    const own = () => seriousViolations(welcome);
    expect(await own()).toEqual([]);
    await welcome.emulateMedia({ colorScheme: 'dark' });
    expect(await own()).toEqual([]);
    await welcome.close();
  });

  it('options page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // Both settings forms are drawn (colour names, then the name for exports) before axe looks.
    await options
      .getByRole('region', { name: 'Highlight colours' })
      .getByRole('button', { name: 'Save' })
      .waitFor();
    await options
      .getByRole('region', { name: 'Exports' })
      .getByRole('textbox', { name: 'Your name for exports' })
      .waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await options.close();
  });

  it('the tooltip and the note editor in the page', async () => {
    const page = await browser.context.newPage();
    const url = server.url('zakura-2017.html');
    await page.goto(url);
    await waitForReport(browser, url);
    await page.keyboard.press('Alt+Shift+N');
    // The host is made when the tooltip first opens: wait for it before handing its root to the test.
    await waitForUi(page, '.cl-tooltip .cl-title');
    await (await inUi(page, '.cl-tooltip .cl-title')).waitFor();
    // The shadow root is closed, which axe cannot enter: the tooltip is checked as a copy, with the
    // shadow root's styles, in an open shadow root of its own.
    await page.evaluate(() => {
      const root = (globalThis as unknown as { __claimlensTestUiRoot: ShadowRoot }).__claimlensTestUiRoot;
      const copy = document.createElement('div');
      copy.id = 'tooltip-copy';
      const open = copy.attachShadow({ mode: 'open' });
      for (const node of root.querySelectorAll('style, .cl-root-panel')) open.append(node.cloneNode(true));
      document.body.append(copy);
    });
    expect(await seriousViolations(page, [['#tooltip-copy', '.cl-tooltip']])).toEqual([]);
    await page.evaluate(() => document.getElementById('tooltip-copy')!.remove());
    await page.keyboard.press('Escape');
    await selectWithMouse(page, 'article p:nth-of-type(4)', 40);
    await page.keyboard.press('Alt+Shift+A');
    // The note editor is an extension page in a frame: axe runs inside it.
    const frame = await noteFrame(page);
    await frame.locator('.cl-note-editor').waitFor();
    expect(await seriousViolations(frame)).toEqual([]);
    // What the reader sees while writing (the README shows it).
    await frame.locator('.cl-note-editor textarea').fill('Police say **no IS presence** in the Valley.');
    mkdirSync(join(PROJECT_ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: join(PROJECT_ROOT, 'test-results', 'note-editor.png') });
    await page.close();
  });
  it('the full card beside the article', async () => {
    const page = await browser.context.newPage();
    const url = server.url('zakura-2017.html');
    await page.goto(url);
    await waitForReport(browser, url);
    // The incident's card, with its timeline: stepped to with the keyboard.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Alt+Shift+N');
      await waitForUi(page, '.cl-tooltip .cl-open');
      if ((await (await inUi(page, '.cl-tooltip .cl-title')).textContent()) === 'Zakura attack') break;
    }
    await (await inUi(page, '.cl-tooltip .cl-open')).click();
    await (await inUi(page, '.cl-side .cl-timeline')).waitFor();
    // Checked as a copy in an open shadow root, as the tooltip is above.
    await page.evaluate(() => {
      const root = (globalThis as unknown as { __claimlensTestUiRoot: ShadowRoot }).__claimlensTestUiRoot;
      const copy = document.createElement('div');
      copy.id = 'side-copy';
      const open = copy.attachShadow({ mode: 'open' });
      for (const node of root.querySelectorAll('style, .cl-root-side')) open.append(node.cloneNode(true));
      document.body.append(copy);
    });
    expect(await seriousViolations(page, [['#side-copy', '.cl-side']])).toEqual([]);
    await page.close();
  });
  it('the record form in the page, every part of it open', async () => {
    const page = await browser.context.newPage();
    const url = server.url('record/zakura-claim.html');
    await page.goto(url);
    await waitForReport(browser, url);
    await selectWithMouse(page, '#lead', 120);
    await clickUi(page, '.cl-selection-toolbar button', 'Record claim');
    // The form is an extension page in a frame docked beside the article: axe runs inside it.
    let frame: Frame | undefined;
    await expect
      .poll(async () => {
        frame = page.frames().find((f) => !f.isDetached() && f.url().includes('/record-frame.html'));
        return frame ? frame.locator('form.cl-record-form').count() : 0;
      })
      .toBe(1);
    const form = frame!;
    await form.getByLabel('A new incident…').check();
    await form.getByLabel('Someone new…').check();
    await form.locator('details.cl-record-more summary').click();
    await form.getByLabel('Kind of event').waitFor();
    expect(await seriousViolations(form)).toEqual([]);
    // A statement, with "attributes it to" and its name picker.
    await form.getByRole('radio', { name: 'An official statement' }).check();
    await form.getByLabel('Stance').selectOption('attributes-to');
    expect(await seriousViolations(form)).toEqual([]);
    await page.close();
  });
});
