/**
 * `npm run demo`: Chromium with the built extension on the bundled demo articles (tests/fixtures/pages,
 * written for ClaimLens). With a display it opens a window and waits; without one (a server, CI) it
 * runs headless, opens the tooltip of the first incident on each article and saves screenshots.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, launchWithExtension, serveStatic, waitForReport } from './browser-harness';
import { inUi, registerUiSelector } from './page-ui-probe';

const ARTICLES = [
  'zakura-2017.html',
  'wilayah-2019.html',
  'pulwama-2019.html',
  'easter-2019.html',
  'zakura-implicit-2017.html',
  'unrelated-traps.html',
];

async function main() {
  const server = await serveStatic({
    '/': join(PROJECT_ROOT, 'tests/fixtures/pages'),
    '/framework/': join(PROJECT_ROOT, 'tests/fixtures/framework'),
    '/vendor/preact/': join(PROJECT_ROOT, 'node_modules/preact/dist'),
    '/vendor/hooks/': join(PROJECT_ROOT, 'node_modules/preact/hooks/dist'),
  });
  const headed =
    Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && !process.argv.includes('--headless');
  await registerUiSelector();
  const browser = await launchWithExtension({ headless: !headed });
  if (headed) {
    const page = browser.context.pages()[0] ?? (await browser.context.newPage());
    await page.goto(server.url('index.html'));
    console.log(`ClaimLens demo: ${server.url('index.html')}`);
    console.log(
      'Hover or click a marked name; Alt+Shift+N / Alt+Shift+P step through the marks, Escape closes. Ctrl+C to stop.',
    );
    await new Promise<void>((resolve) => {
      process.on('SIGINT', () => resolve());
      browser.context.on('close', () => resolve());
    });
  } else {
    const out = join(PROJECT_ROOT, 'demo-output');
    mkdirSync(out, { recursive: true });
    for (const article of ARTICLES) {
      const page = await browser.context.newPage();
      const url = server.url(article);
      await page.goto(url);
      const report = await waitForReport(browser, url);
      // Step to the first incident mark if there is one, else the first mark.
      for (let i = 0; i < 30; i++) {
        await page.keyboard.press('Alt+Shift+N');
        await page.waitForTimeout(80);
        const kind = await (await inUi(page, '.cl-card')).getAttribute('data-type').catch(() => null);
        if (kind === 'incident' || report.incidents.length === 0) break;
      }
      await page.waitForTimeout(150);
      const file = join(out, article.replace(/\.html$/, '.png'));
      await page.screenshot({ path: file });
      console.log(
        `${article}: ${report.entities.length} names, ${report.incidents.map((i) => `${i.name} (${i.why})`).join('; ') || 'no incident'} → ${file}`,
      );
      await page.close();
    }
    console.log(
      'No display found: ran headless and saved the screenshots above. Set DISPLAY to open a window.',
    );
  }
  await browser.close();
  await server.close();
}

await main();
