/**
 * The first-run page in real Chromium: opened by itself when ClaimLens is installed; its demo article's
 * marks open the bundled pack's real cards (keyboard and pointer), "Open full card" docks the full card
 * with its timeline; the legend and the shortcuts are there. Screenshots at 1280×800 and 800×600, light
 * and dark, saved under test-results/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PROJECT_ROOT, launchWithExtension, type ExtensionBrowser } from '../../scripts/browser-harness';

const RESULTS = join(PROJECT_ROOT, 'test-results');
let browser: ExtensionBrowser;

beforeAll(async () => {
  mkdirSync(RESULTS, { recursive: true });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

const isWelcome = (p: Page) => p.url().endsWith('/welcome.html');

describe('the first-run page', () => {
  it('opens by itself once ClaimLens is installed', async () => {
    const opened =
      browser.context.pages().find(isWelcome) ??
      (await browser.context.waitForEvent('page', { predicate: isWelcome, timeout: 15_000 }));
    await opened.getByRole('heading', { name: 'Welcome to ClaimLens' }).waitFor();
    expect(browser.context.pages().filter(isWelcome)).toHaveLength(1);
  });

  it('shows the real card of a mark in its demo article, by keyboard and by pointer, and the full card', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/welcome.html`);
    const card = page.locator('.demo-card .cl-tooltip');
    // The incident's card first: the conflict at a glance, every claimant named.
    await expect.poll(() => card.locator('.cl-title').textContent()).toBe('Zakura attack');
    const glance = await card.textContent();
    expect(glance).toContain('Islamic State');
    expect(glance).toContain('Tehreek-ul-Mujahideen');
    expect(glance).toContain('Ansar Ghazwat-ul-Hind');
    // Keyboard: Tab to the second mark; its card follows.
    const marks = page.locator('article .mark[aria-pressed]');
    expect(await marks.allTextContents()).toEqual([
      'Zakura attack',
      'The Islamic State',
      'Tehreek-ul-Mujahideen',
      'Ansar Ghazwat-ul-Hind',
    ]);
    await marks.first().focus();
    await page.keyboard.press('Tab');
    await expect.poll(() => card.locator('.cl-title').textContent()).toContain('Islamic State');
    // Pointer: resting on another mark shows its card.
    await marks.nth(2).hover();
    await expect.poll(() => card.locator('.cl-title').textContent()).toContain('Tehreek-ul-Mujahideen');
    await marks.first().click();
    await card.getByRole('button', { name: /Zakura attack/ }).click();
    const side = page.locator('.cl-side');
    await side.locator('.cl-timeline').waitFor();
    await side.getByRole('button', { name: 'Close the full card' }).click();
    await expect.poll(() => side.count()).toBe(0);
    await page.close();
  });

  it('has the legend of the marks and the real shortcuts, and looks right at two sizes, light and dark', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      for (const [width, height] of [
        [1280, 800],
        [800, 600],
      ] as const) {
        const page = await browser.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.setViewportSize({ width, height });
        await page.goto(`chrome-extension://${browser.extensionId}/welcome.html`);
        await page.locator('.demo-card .cl-title').waitFor();
        await page.screenshot({ path: join(RESULTS, `welcome-${width}x${height}-${scheme}.png`) });
        if (width === 1280 && scheme === 'light') {
          const legend = page.getByRole('region', { name: 'What the marks mean' });
          const styles = await legend
            .locator('dt span')
            .evaluateAll((spans) => spans.map((s) => getComputedStyle(s).textDecorationStyle));
          // Incident, group, other actor: told apart by the line, not by colour alone.
          expect(styles.slice(0, 3)).toEqual(['double', 'solid', 'dotted']);
          const keys = await page
            .getByRole('region', { name: 'Keyboard shortcuts' })
            .locator('dt')
            .allTextContents();
          expect(keys).toEqual(['Alt+Shift+S', 'Alt+Shift+A', 'Alt+Shift+N', 'Alt+Shift+P', 'Esc']);
          await page.screenshot({ path: join(RESULTS, 'welcome-full-page.png'), fullPage: true });
        }
        // Nothing wider than the window.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        await page.close();
      }
    }
  });
});
