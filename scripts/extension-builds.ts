/**
 * The builds the tools use: the test build (`npm run build:test`, `.output-test/`, with the
 * worker's hooks) for `npm run scan`, bench, demo and the E2E tests, and the production build
 * (`npm run build`, `.output/`, without them); for Firefox, the test build the Firefox suite drives
 * (`npm run build:test:firefox`, `.output-test/firefox-mv2/`) and the production build web-ext lint
 * and the store zip check (`npm run build:firefox`). Each is built again when a source is newer than it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const PROJECT_ROOT = resolve(import.meta.dirname, '..');

/** `firefox` and `firefox-test`: the same two builds for Firefox (MV2, `<out>/firefox-mv2/`). */
export type BuildKind = 'test' | 'production' | 'firefox' | 'firefox-test';

const COMMANDS: Record<BuildKind, string> = {
  test: 'npm run build:test',
  production: 'npm run build',
  firefox: 'npm run build:firefox',
  'firefox-test': 'npm run build:test:firefox',
};

/** Where each build's extension is (CLAIMLENS_OUT_DIR moves the Chromium test build, as it moves a build). */
export function buildDir(kind: BuildKind): string {
  if (kind === 'firefox') return join(PROJECT_ROOT, '.output', 'firefox-mv2');
  if (kind === 'firefox-test') return join(PROJECT_ROOT, '.output-test', 'firefox-mv2');
  const out = kind === 'test' ? (process.env.CLAIMLENS_OUT_DIR ?? '.output-test') : '.output';
  return join(PROJECT_ROOT, out, 'chrome-mv3');
}

/** What a build is made from: a change to any of these makes it stale. */
const SOURCES = ['entrypoints', 'lib', 'components', 'public', 'wxt.config.ts', 'package.json'];

function newestSource(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestSource(join(path, entry)));
  return newest;
}

/** Whether the build is missing or older than a source file. */
export function isStale(kind: BuildKind): boolean {
  const manifest = join(buildDir(kind), 'manifest.json');
  if (!existsSync(manifest)) return true;
  const built = statSync(manifest).mtimeMs;
  return SOURCES.some((source) => {
    const path = join(PROJECT_ROOT, source);
    return existsSync(path) && newestSource(path) > built;
  });
}

/**
 * Builds the extension if it is missing or stale. WXT's output goes to stderr, so that a tool's own
 * output on stdout (`npm run scan -- --json`) stays what it was.
 */
export function ensureBuild(kind: BuildKind): void {
  if (!isStale(kind)) return;
  console.error(`ClaimLens: building the ${kind} build (${COMMANDS[kind]})…`);
  const env = { ...process.env };
  if (kind === 'test') env.CLAIMLENS_TEST_HOOKS = '1';
  else {
    if (kind === 'firefox-test') env.CLAIMLENS_TEST_HOOKS = '1';
    else delete env.CLAIMLENS_TEST_HOOKS;
    delete env.CLAIMLENS_OUT_DIR;
  }
  const wxt = join(PROJECT_ROOT, 'node_modules', '.bin', 'wxt');
  const args = kind === 'firefox' || kind === 'firefox-test' ? ['build', '-b', 'firefox'] : ['build'];
  const result = spawnSync(wxt, args, { cwd: PROJECT_ROOT, env, stdio: ['ignore', 2, 2] });
  if (result.status !== 0)
    throw new Error(`The ${kind} build failed (wxt build exited with ${result.status}).`);
}
