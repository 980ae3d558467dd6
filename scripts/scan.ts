/**
 * `npm run scan -- [--json] FILE.html|URL ...`: runs the built extension in headless Chromium on each
 * page and prints what the extension itself found there. Local files are served on 127.0.0.1; every
 * request to another host is refused, so a scan is fast and leaks nothing. It uses the test build
 * (`.output-test/`), building it first when it is missing or older than the sources.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { launchWithExtension, serveStatic, waitForReport, type TabReport } from './browser-harness';
import { ensureBuild } from './extension-builds';

interface ScanResult {
  input: string;
  url: string;
  published?: string;
  entities: TabReport['entities'];
  incidents: TabReport['incidents'];
  timing: TabReport['timing'];
  error?: string;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const inputs = args.filter((a) => a !== '--json');
  if (inputs.length === 0) {
    console.error('usage: npm run scan -- [--json] FILE.html|URL ...');
    return 2;
  }
  // The test build (its worker answers the reports), built first if missing or older than the sources;
  // the build's own output goes to stderr.
  ensureBuild('test');
  const dirs = [...new Set(inputs.filter((i) => !/^https?:\/\//.test(i)).map((i) => dirname(resolve(i))))];
  const mounts = Object.fromEntries(dirs.map((d, n) => [`/d${n}/`, d]));
  const server = await serveStatic(mounts);
  const browser = await launchWithExtension();
  await browser.context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    return url.hostname === '127.0.0.1' ||
      !/^https?:/.test(url.protocol) ||
      inputs.includes(route.request().url())
      ? route.continue()
      : route.abort('blockedbyclient');
  });
  const results: ScanResult[] = [];
  try {
    for (const input of inputs) {
      let url = input;
      if (!/^https?:\/\//.test(input)) {
        const file = resolve(input);
        if (!existsSync(file)) {
          results.push({
            input,
            url: '',
            entities: [],
            incidents: [],
            timing: emptyTiming(),
            error: 'no such file',
          });
          continue;
        }
        url = server.url(`d${dirs.indexOf(dirname(file))}/${encodeURIComponent(basename(file))}`);
      }
      const page = await browser.context.newPage();
      try {
        await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
        const report = await waitForReport(browser, page.url(), 20_000);
        results.push({
          input,
          url: report.url,
          published: report.published,
          entities: report.entities,
          incidents: report.incidents,
          timing: report.timing,
        });
      } catch (error) {
        results.push({
          input,
          url,
          entities: [],
          incidents: [],
          timing: emptyTiming(),
          error: String((error as Error).message ?? error),
        });
      } finally {
        await page.close();
      }
      if (!json) printHuman(results.at(-1)!);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  return results.some((r) => r.error) ? 1 : 0;
}

function emptyTiming(): TabReport['timing'] {
  return {
    startedAt: 0,
    totalMs: 0,
    busyMs: 0,
    longestTaskMs: 0,
    textNodes: 0,
    characters: 0,
    glanced: 0,
    phases: {},
  };
}

function printHuman(r: ScanResult): void {
  const lines = [`${r.input}${r.error ? `  ERROR: ${r.error}` : ''}`];
  if (r.published) lines.push(`  published ${r.published}`);
  for (const e of r.entities)
    lines.push(`  ${e.kind.padEnd(12)} ${e.name} ×${e.mentions}  (${e.aliases.join(', ')})`);
  for (const i of r.incidents)
    lines.push(`  incident     ${i.name}  ${Math.round(i.confidence * 100)}%  because ${i.why}`);
  lines.push(
    `  ${r.timing.characters} characters in ${r.timing.textNodes} text nodes, ${r.timing.busyMs} ms of main-thread work, done after ${r.timing.totalMs} ms`,
  );
  console.log(lines.join('\n'));
}

process.exitCode = await main();
