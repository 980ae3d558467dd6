/**
 * An older commit's tree beside this one, for measurements that compare the two in one process
 * (`scripts/bench-linker-cost.ts`, `scripts/compare-scan.ts`): the commit is unpacked once with
 * `git archive` under the system's temp folder (no worktree is added) and given this tree's
 * node_modules.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { PageText, TextMatches } from '../lib/matching/text-matcher';

export const PROJECT_ROOT = join(import.meta.dirname, '..');

/** The folder holding `commit`'s tree, unpacked on first use. */
export function unpackCommit(commit: string): string {
  const full = execFileSync('git', ['rev-parse', commit], { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();
  const dir = join(tmpdir(), `claimlens-${full.slice(0, 12)}`);
  if (!existsSync(join(dir, 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    const tar = execFileSync('git', ['archive', full], { cwd: PROJECT_ROOT, maxBuffer: 1 << 30 });
    execFileSync('tar', ['-x', '-C', dir], { input: tar });
  }
  if (!existsSync(join(dir, 'node_modules')))
    symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(dir, 'node_modules'));
  // Its tsconfig extends the one WXT generates, which is not in the repository.
  if (!existsSync(join(dir, '.wxt')) && existsSync(join(PROJECT_ROOT, '.wxt')))
    symlinkSync(join(PROJECT_ROOT, '.wxt'), join(dir, '.wxt'));
  return dir;
}

export interface Scanner {
  scan(page: PageText): TextMatches;
}

/** The background's scanner (KnowledgeService with the default pack) of the tree in `dir`. */
export async function scannerIn(dir: string): Promise<Scanner> {
  const service = await import(pathToFileURL(join(dir, 'lib/knowledge/knowledge-service.ts')).href);
  const pack = await import(pathToFileURL(join(dir, 'lib/knowledge/default-pack.ts')).href);
  return new service.KnowledgeService([pack.defaultPack()]) as Scanner;
}

/**
 * The tree's matcher with every incident candidate kept (threshold 0), as `scripts/linker-curve.ts`
 * runs it: a change below the operating point shows here before it shows in a scan.
 */
export async function allCandidatesMatcherIn(dir: string): Promise<Scanner> {
  const url = (path: string) => pathToFileURL(join(dir, path)).href;
  const { KnowledgeBase } = await import(url('lib/knowledge/knowledge-base.ts'));
  const { defaultPack } = await import(url('lib/knowledge/default-pack.ts'));
  const { compileMatcher } = await import(url('lib/matching/matcher-bundle.ts'));
  const { TextMatcher } = await import(url('lib/matching/text-matcher.ts'));
  const kb = new KnowledgeBase([defaultPack()]);
  const matcher = new TextMatcher(kb, compileMatcher(kb), { threshold: 0 });
  return { scan: (page: PageText) => matcher.match(page) as TextMatches };
}

/**
 * The same scanner bundled as the extension's background is (Vite, one ES module, every import
 * hoisted into one scope): run by tsx, each imported constant and function of another module is read
 * through a getter, which weighs on the scanner's per-character loop; the bundle has no such cost.
 */
export async function bundledScannerIn(dir: string): Promise<Scanner> {
  const { build } = await import('vite');
  const out = join(tmpdir(), `claimlens-bundle-${basename(dir)}`);
  const entry = join(out, 'entry.ts');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    entry,
    `export { KnowledgeService } from '${join(dir, 'lib/knowledge/knowledge-service')}';\n` +
      `export { defaultPack } from '${join(dir, 'lib/knowledge/default-pack')}';\n`,
  );
  await build({
    configFile: false,
    logLevel: 'silent',
    root: dir,
    publicDir: false,
    build: {
      outDir: join(out, 'dist'),
      emptyOutDir: true,
      minify: false,
      lib: { entry, formats: ['es'], fileName: () => 'scanner.mjs' },
    },
  });
  const bundle = await import(pathToFileURL(join(out, 'dist', 'scanner.mjs')).href);
  return new bundle.KnowledgeService([bundle.defaultPack()]) as Scanner;
}
