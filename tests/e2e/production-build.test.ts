/**
 * The production build (`npm run build`, what readers install and the zips carry) has none of the
 * tools' hooks: its worker has no `globalThis.claimlens`, and still registers the content script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PRODUCTION_DIR, launchWithExtension, type ExtensionBrowser } from '../../scripts/browser-harness';

let browser: ExtensionBrowser;

beforeAll(async () => {
  browser = await launchWithExtension({ extensionDir: PRODUCTION_DIR });
});

afterAll(async () => {
  await browser?.close();
});

describe('the production build', () => {
  it('has no test hooks in its worker', async () => {
    expect(await browser.worker.evaluate(() => 'claimlens' in globalThis)).toBe(false);
    expect(
      await browser.worker.evaluate(() =>
        chrome.scripting.getRegisteredContentScripts().then((s) => s.length),
      ),
    ).toBeGreaterThan(0);
    // Not even as dead code: none of the hooks' names is in the worker's bundle.
    const bundle = readFileSync(join(PRODUCTION_DIR, 'background.js'), 'utf8');
    for (const name of ['seedNotes', 'delaySaves', 'usePacks', 'lastBuild'])
      expect(bundle).not.toContain(name);
  });

  it('asks only for the permissions it uses', () => {
    const manifest = JSON.parse(readFileSync(join(PRODUCTION_DIR, 'manifest.json'), 'utf8')) as {
      permissions: string[];
      optional_host_permissions?: string[];
    };
    expect(manifest.permissions.sort()).toEqual([
      'alarms',
      'contextMenus',
      'scripting',
      'storage',
      'unlimitedStorage',
    ]);
    expect(manifest.optional_host_permissions).toBeUndefined();
  });
});
