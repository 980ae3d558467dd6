/**
 * axe-core on ClaimLens's own UI in real Chromium: the popup (both views), the options page, and the
 * tooltip and note editor inside a page's shadow root. No serious or critical violation.
 */
import { readFileSync } from 'node:fs';
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
import { inUi, noteFrame, registerUiSelector, selectWithMouse, waitForUi } from '../../scripts/page-ui-probe';

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
    await popup.close();
  });

  it('options page', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByRole('button', { name: 'Save' }).waitFor();
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
    await page.close();
  });
});
