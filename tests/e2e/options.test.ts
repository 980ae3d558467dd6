/**
 * The options page in real Chromium with the built extension: install a pack from a file (a broken
 * one is refused with its problems), see its names marked on a page, disable it and see the marks
 * go without a reload; choose what is marked and where; delete everything; give a name for exports
 * and find it kept and in the backup. Screenshots at 1280×800 and 800×600, light and dark.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  PROJECT_ROOT,
  launchWithExtension,
  serveStatic,
  waitForReport,
  type ExtensionBrowser,
  type StaticServer,
} from '../../scripts/browser-harness';
import { publicMarks, type PublicStyle } from '../../scripts/page-marks';

type Marks = Partial<Record<PublicStyle, string[]>>;

let browser: ExtensionBrowser;
let server: StaticServer;
const TEAM_PACK = readFileSync(join(PROJECT_ROOT, 'tests/fixtures/packs/team-pack.json'), 'utf8');

beforeAll(async () => {
  server = await serveStatic({ '/': join(PROJECT_ROOT, 'tests/fixtures/pages') });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The texts under each ClaimLens highlight of the page, by highlight name. */
/** The text of the page's marks by style (their highlight names are random on each page). */
function marked(page: Page): Promise<Marks> {
  return publicMarks(page);
}

/** Waits until `check` holds for the page's marks (they change without a reload). */
async function marksBecome(page: Page, check: (marks: Marks) => boolean): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (check(await marked(page))) return;
    if (Date.now() > deadline)
      throw new Error(`marks never changed as expected: ${JSON.stringify(await marked(page))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const groupsMarked = (marks: Marks) => marks.group ?? [];

async function openOptions(): Promise<Page> {
  const options = await browser.context.newPage();
  await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await options.getByRole('listitem', { name: 'ClaimLens default pack' }).waitFor();
  return options;
}

describe('packs on the options page', () => {
  it('refuses a broken pack with its problems, installs a good one, marks its names, and unmarks them when disabled', async () => {
    const options = await openOptions();
    await expect(
      options.getByRole('listitem', { name: 'ClaimLens default pack' }).textContent(),
    ).resolves.toMatch(/Bundled with ClaimLens/);

    const broken = JSON.parse(TEAM_PACK);
    broken.entities[0].kind = 'band';
    delete broken.incidents[0].claims[0].sources;
    await options.getByLabel('Install from a file…').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(broken)),
    });
    const alert = options.getByRole('alert').filter({ hasText: /broken\.json was not installed/ });
    await alert.waitFor();
    const problems = await alert.getByRole('listitem').allTextContents();
    expect(problems.join('\n')).toMatch(/entities\[0\]\.kind/);
    expect(problems.join('\n')).toMatch(/incidents\[0\]\.claims\[0\]\.sources/);
    expect(await options.getByRole('listitem', { name: 'Team pack' }).count()).toBe(0);

    await options.getByLabel('Install from a file…').setInputFiles({
      name: 'team-pack.json',
      mimeType: 'application/json',
      buffer: Buffer.from(TEAM_PACK),
    });
    await options
      .getByRole('status')
      .filter({ hasText: /Installed “Team pack” 1\.0\.0/ })
      .waitFor();
    const teamRow = options.getByRole('listitem', { name: 'Team pack' });
    await teamRow.waitFor();
    await expect(teamRow.textContent()).resolves.toMatch(/Installed from team-pack\.json/);
    await expect(teamRow.textContent()).resolves.toMatch(/Groups: 1 · incidents: 1/);

    const page = await browser.context.newPage();
    const url = server.url('team-pack-page.html');
    await page.goto(url);
    const report = await waitForReport(browser, url);
    expect(report.entities.map((e) => e.id)).toContain('group-northern-valley-front');
    await marksBecome(page, (m) => groupsMarked(m).includes('Northern Valley Front'));
    expect((await marked(page)).actor).toContain('Arlen Voss');

    // Disabled in the options page: the open page loses the marks, without a reload.
    await options.bringToFront();
    await teamRow.getByRole('checkbox').uncheck();
    await marksBecome(page, (m) => groupsMarked(m).length === 0 && (m.actor ?? []).length === 0);

    // Enabled again: back they come.
    await teamRow.getByRole('checkbox').check();
    await marksBecome(page, (m) => groupsMarked(m).includes('Northern Valley Front'));

    // The matcher was rebuilt once per change, and pages do not rebuild it.
    const builds = () =>
      browser.worker.evaluate(() =>
        (globalThis as unknown as { claimlens: { builds(): number } }).claimlens.builds(),
      );
    const before = await builds();
    const second = await browser.context.newPage();
    const other = server.url('zakura-2017.html');
    await second.goto(other);
    await waitForReport(browser, other);
    await page.reload();
    await waitForReport(browser, url, 20_000, 0);
    expect(await builds()).toBe(before);
    await second.close();

    // A worker stopped and started again reads the compiled matcher instead of compiling it.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    const again = server.url('team-pack-page.html?after-restart');
    await page.goto(again);
    await waitForReport(browser, again);
    const worker = browser.context.serviceWorkers().find((w) => w.url().includes(browser.extensionId))!;
    const lastBuild = await worker.evaluate(() =>
      (
        globalThis as unknown as { claimlens: { lastBuild(): Promise<{ fromStore: boolean }> } }
      ).claimlens.lastBuild(),
    );
    expect(lastBuild.fromStore).toBe(true);
    await marksBecome(page, (m) => groupsMarked(m).includes('Northern Valley Front'));

    await page.close();
    await options.close();
  });

  it('marks only the chosen kinds, only in the article when asked, and deletes everything on confirmation', async () => {
    const options = await openOptions();
    const page = await browser.context.newPage();
    const url = server.url('team-pack-page.html');
    await page.goto(url);
    await marksBecome(page, (m) => groupsMarked(m).length === 3); // nav, article, aside

    await options.bringToFront();
    await options.getByLabel('Only the article itself (where the page marks it out)').check();
    await marksBecome(page, (m) => groupsMarked(m).length === 1);
    // A page opened now is told by the registration, before it reads anything, that only the
    // article is marked: it reads the article and nothing else.
    const registeredFiles = () =>
      browser.worker.evaluate(
        async () =>
          (await chrome.scripting.getRegisteredContentScripts({ ids: ['claimlens-spotter'] }))[0]?.js,
      );
    await expect.poll(registeredFiles).toEqual(['article-scope.js', 'content-scripts/spotter.js']);
    const fresh = await browser.context.newPage();
    const freshUrl = server.url('team-pack-page.html?opened-after');
    await fresh.goto(freshUrl);
    const freshReport = await waitForReport(browser, freshUrl);
    // Read once, and only the article (reading the whole page first would count its characters too).
    const articleLength = await fresh.evaluate(() => document.querySelector('article')!.textContent.length);
    expect(freshReport.timing.characters).toBeGreaterThan(0);
    expect(freshReport.timing.characters).toBeLessThanOrEqual(articleLength);
    await marksBecome(fresh, (m) => groupsMarked(m).length === 1);
    await fresh.close();

    await options.getByLabel(/^People/).uncheck();
    await marksBecome(page, (m) => groupsMarked(m).length === 1 && (m.actor ?? []).length === 0);

    await options.getByLabel('The whole page').check();
    await options.getByLabel(/^People/).check();
    await marksBecome(page, (m) => groupsMarked(m).length === 3 && (m.actor ?? []).length === 1);

    // Paused on this site from the options page: the marks go; resumed: they come back.
    await options.getByLabel('Pause on a site').fill('127.0.0.1');
    await options.getByRole('button', { name: 'Pause', exact: true }).click();
    await marksBecome(page, (m) => groupsMarked(m).length === 0);
    await options.getByRole('button', { name: 'Resume ClaimLens on 127.0.0.1' }).click();
    await marksBecome(page, (m) => groupsMarked(m).length === 3);

    await options.getByRole('button', { name: 'Delete everything…' }).click();
    const confirm = options.getByRole('alertdialog');
    await expect(confirm.textContent()).resolves.toMatch(/every pack you added \(1\)/);
    await confirm.getByRole('button', { name: 'Delete everything' }).click();
    await options
      .getByRole('status')
      .filter({ hasText: /Everything was deleted/ })
      .waitFor();
    expect(await options.getByRole('listitem', { name: 'Team pack' }).count()).toBe(0);
    await marksBecome(page, (m) => groupsMarked(m).length === 0);

    await page.close();
    await options.close();
  });
});

describe('your name for exports', () => {
  it('is saved, shown again when the page opens, and travels in the backup', async () => {
    const options = await openOptions();
    const field = options.getByRole('textbox', { name: 'Your name for exports' });
    await expect(field.inputValue()).resolves.toBe('');
    await field.fill('  Lina Haddad ');
    await options.getByRole('region', { name: 'Exports' }).getByRole('button', { name: 'Save' }).click();
    await options
      .getByRole('status')
      .filter({ hasText: 'Saved. Your exports name you as their creator.' })
      .waitFor();
    await expect(field.inputValue()).resolves.toBe('Lina Haddad');

    await options.reload();
    await options.getByRole('listitem', { name: 'ClaimLens default pack' }).waitFor();
    await expect
      .poll(() => options.getByRole('textbox', { name: 'Your name for exports' }).inputValue())
      .toBe('Lina Haddad');
    const stored = await browser.worker.evaluate(() => chrome.storage.local.get('claimlens:exportIdentity'));
    expect(stored).toEqual({ 'claimlens:exportIdentity': { name: 'Lina Haddad' } });

    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export everything' }).click(),
    ]);
    const path = await download.path();
    const backup = JSON.parse(readFileSync(path, 'utf8')) as { settings: Record<string, unknown> };
    expect(backup.settings.exportIdentity).toEqual({ name: 'Lina Haddad' });

    // Emptied: the exports are unsigned again.
    await options.getByRole('textbox', { name: 'Your name for exports' }).fill('');
    await options.getByRole('region', { name: 'Exports' }).getByRole('button', { name: 'Save' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved. Your exports name no creator.' }).waitFor();
    await options.close();
  });
});

describe('the options page as a reader sees it', () => {
  it('fits 1280×800 and 800×600, light and dark', async () => {
    const results = join(PROJECT_ROOT, 'test-results');
    mkdirSync(results, { recursive: true });
    for (const scheme of ['light', 'dark'] as const)
      for (const [width, height] of [
        [1280, 800],
        [800, 600],
      ] as const) {
        const options = await browser.context.newPage();
        await options.emulateMedia({ colorScheme: scheme });
        await options.setViewportSize({ width, height });
        await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
        await options.getByRole('listitem', { name: 'ClaimLens default pack' }).waitFor();
        await options.screenshot({ path: join(results, `options-${width}x${height}-${scheme}.png`) });
        // Nothing wider than the window.
        expect(await options.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await options.close();
      }
  });
});
