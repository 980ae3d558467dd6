/**
 * Mozilla's linter (`web-ext lint`) on the Firefox build or add-on zip: fails on any error or warning
 * except the documented ones below, which cannot be fixed in ClaimLens's code (README, "Firefox").
 *   npm run lint:firefox [-- <dir or zip> | --zip]   (default: .output/firefox-mv2; --zip: the add-on zip)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, buildDir, ensureBuild } from './extension-builds';

interface Finding {
  code: string;
  message: string;
  file?: string;
}

/** Warnings Mozilla's linter gives that ClaimLens cannot fix, each with why. */
const ALLOWED: { code: string; message: string; file: RegExp; why: string }[] = [
  {
    // The content script imports its own modules from the extension (lib/page/content-main-contract.ts,
    // page-ui-contract.ts): the address comes from runtime.getURL(), never from the page.
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe call to import for argument 0',
    file: /^(content-scripts\/spotter\.js|content-main\.js)$/,
    why: 'dynamic import() of the extension’s own module (runtime.getURL)',
  },
  {
    // Preact's renderer supports dangerouslySetInnerHTML; ClaimLens never uses it.
    code: 'UNSAFE_VAR_ASSIGNMENT',
    message: 'Unsafe assignment to innerHTML',
    file: /^(page-ui\.js|chunks\/[\w.-]+\.js)$/,
    why: 'innerHTML inside Preact’s bundled renderer',
  },
];

// --zip: the add-on zip `wxt zip -b firefox` made for package.json's version.
const { name, version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const argument = process.argv[2];
const source =
  argument === '--zip'
    ? join(PROJECT_ROOT, '.output', `${name}-${version}-firefox.zip`)
    : (argument ?? buildDir('firefox'));
if (!argument) ensureBuild('firefox');
const webExt = join(PROJECT_ROOT, 'node_modules', '.bin', 'web-ext');
let dir = source;
if (source.endsWith('.zip')) {
  // web-ext lints a folder: the add-on zip is unpacked first.
  dir = mkdtempSync(join(tmpdir(), 'claimlens-lint-'));
  const unzip = spawnSync('unzip', ['-q', source, '-d', dir], { stdio: 'inherit' });
  if (unzip.status !== 0) throw new Error(`could not unzip ${source}`);
}
const args = ['lint', '--source-dir', dir, '--self-hosted', '--output', 'json'];
const run = spawnSync(webExt, args, { cwd: PROJECT_ROOT, encoding: 'utf8' });
const report = JSON.parse(run.stdout) as { errors: Finding[]; warnings: Finding[]; notices: Finding[] };
const allowed = (f: Finding) =>
  ALLOWED.find((a) => a.code === f.code && a.message === f.message && a.file.test(f.file ?? ''));
const problems = [...report.errors, ...report.warnings].filter((f) => !allowed(f));
for (const f of report.warnings.filter(allowed))
  console.log(`web-ext lint: allowed: ${f.file}: ${allowed(f)!.why}`);
for (const f of problems) console.error(`web-ext lint: ${f.code} ${f.file ?? ''}: ${f.message}`);
console.log(
  `web-ext lint ${source}: ${report.errors.length} errors, ${report.warnings.length} warnings (${report.warnings.length - problems.length} allowed), ${report.notices.length} notices`,
);
process.exit(problems.length === 0 ? 0 : 1);
